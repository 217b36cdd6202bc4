#pragma once
// Persistence of feedback messages (feedback/message.h): insert-only, except that a message
// is marked read once.
#include <map>
#include <optional>
#include <vector>

#include "common/error.h"
#include "feedback/message.h"
#include "storage/database.h"

namespace harbour::storage {

class MessagesRepository {
 public:
  explicit MessagesRepository(Database& db) : db_(db) {}

  void InsertIn(Transaction& tx, const feedback::Message& message);
  // The recipient's messages about one subject, oldest first.
  Result<std::vector<feedback::Message>> About(std::string_view recipient,
                                               std::string_view subject_type,
                                               std::string_view subject_id);
  Result<int> UnreadCount(std::string_view recipient) const;
  // The recipient's unread messages counted per subject type ("referral", "intelligence").
  Result<std::map<std::string, int>> UnreadByType(std::string_view recipient) const;
  // Marks the recipient's unread messages about the subject read.
  Result<void> MarkRead(std::string_view recipient, std::string_view subject_type,
                        std::string_view subject_id, Instant at);
  // The recipient's messages about every subject, newest first, at most `limit`; only the
  // unread ones when `unread_only` (GET /api/v1/messages).
  Result<std::vector<feedback::Message>> ForRecipient(std::string_view recipient, bool unread_only,
                                                      int limit);
  // One message by id, whoever it is for.
  Result<std::optional<feedback::Message>> Find(std::string_view id);
  // Marks one unread message of the recipient read; false when it was already read (or is not
  // the recipient's).
  bool MarkOneReadIn(Transaction& tx, std::string_view recipient, std::string_view id, Instant at);

 private:
  Database& db_;
};

}  // namespace harbour::storage
