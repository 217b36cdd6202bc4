// Feedback messages on a real SQLite file: one recipient's messages across subjects, newest
// first, and marking one read (GET /api/v1/messages, POST /api/v1/messages/{id}/read).
#include "storage/messages_repository.h"

#include <gtest/gtest.h>

#include "storage/storage_fixture.h"

namespace harbour::storage {
namespace {

using testing::StorageTest;

class MessagesRepositoryTest : public StorageTest {
 protected:
  feedback::Message Send(const std::string& recipient, const std::string& subject,
                         std::string title, int seconds_later) {
    feedback::Message m;
    m.id = NewId();
    m.recipient = recipient;
    m.subject_type = "referral";
    m.subject_id = subject;
    m.title = std::move(title);
    m.at = now_ + std::chrono::seconds{seconds_later};
    Transaction tx(*db_);
    MessagesRepository(*db_).InsertIn(tx, m);
    tx.Commit();
    return m;
  }

  identity::User Other() {
    identity::User other = user_;
    other.id = NewId();
    other.username = "other";
    EXPECT_TRUE(IdentityRepository(*db_).InsertUser(other, now_).has_value());
    return other;
  }
};

TEST_F(MessagesRepositoryTest, ListsOneRecipientsMessagesNewestFirst) {
  identity::User other = Other();
  std::string a = NewId(), b = NewId();
  Send(user_.id, a, "first", 0);
  Send(user_.id, b, "second", 10);
  Send(user_.id, a, "third", 10);  // same second as "second": the later of its subject
  Send(other.id, a, "not mine", 20);
  MessagesRepository messages(*db_);
  auto mine = messages.ForRecipient(user_.id, /*unread_only=*/false, 100);
  ASSERT_TRUE(mine.has_value()) << mine.error().message;
  ASSERT_EQ(mine->size(), 3u);
  EXPECT_EQ(mine->back().title, "first");
  EXPECT_TRUE(mine->front().title == "second" || mine->front().title == "third");
  for (const auto& m : *mine) EXPECT_EQ(m.recipient, user_.id);
  auto two = messages.ForRecipient(user_.id, false, 2);
  ASSERT_TRUE(two.has_value());
  EXPECT_EQ(two->size(), 2u);
}

TEST_F(MessagesRepositoryTest, MarksOneMessageReadOnlyForItsRecipient) {
  identity::User other = Other();
  std::string subject = NewId();
  feedback::Message first = Send(user_.id, subject, "first", 0);
  Send(user_.id, subject, "second", 5);
  MessagesRepository messages(*db_);
  Instant later = now_ + std::chrono::seconds{60};
  {
    Transaction tx(*db_);
    EXPECT_FALSE(messages.MarkOneReadIn(tx, other.id, first.id, later)) << "not theirs";
    EXPECT_TRUE(messages.MarkOneReadIn(tx, user_.id, first.id, later));
    EXPECT_FALSE(messages.MarkOneReadIn(tx, user_.id, first.id, later)) << "already read";
    tx.Commit();
  }
  auto found = messages.Find(first.id);
  ASSERT_TRUE(found.has_value() && found->has_value());
  EXPECT_EQ((*found)->read_at, later);
  EXPECT_EQ((*found)->recipient, user_.id);
  EXPECT_EQ(messages.UnreadCount(user_.id).value(), 1);
  auto unread = messages.ForRecipient(user_.id, /*unread_only=*/true, 100);
  ASSERT_TRUE(unread.has_value());
  ASSERT_EQ(unread->size(), 1u);
  EXPECT_EQ(unread->front().title, "second");
  auto absent = messages.Find(NewId());
  ASSERT_TRUE(absent.has_value());
  EXPECT_FALSE(absent->has_value());
}

}  // namespace
}  // namespace harbour::storage
