// Merging two children's records and undoing it (issue 13), on SQLite: the merge points every
// record at the survivor, the absorbed record is kept and hidden from search, and an unmerge
// puts every table back as it was, except what was recorded on the survivor since.
#include "storage/matching_repository.h"

#include <gtest/gtest.h>

#include "common/ids.h"
#include "storage/concerns_repository.h"
#include "storage/storage_fixture.h"

namespace harbour::storage {
namespace {

class MatchingRepositoryTest : public testing::StorageTest {
 protected:
  void SetUp() override {
    StorageTest::SetUp();
    survivor_ = MakeChild("Katherine", "Smith");
    survivor_.postcode = "HB4 7QT";
    absorbed_ = MakeChild("Katie", "Smyth");
    absorbed_.aliases = {"Kat Smyth"};
    absorbed_.created_by_agency = other_.id;
    Insert(survivor_);
    Insert(absorbed_);
    AddConcern(absorbed_.id, "concern-on-absorbed");
  }

  // A concern on `child_id`, recorded by the other agency unless `by` is given.
  std::string AddConcern(const std::string& child_id, const std::string& narrative,
                         const std::string& by = "") {
    concerns::Concern c;
    c.id = NewId();
    c.child_id = child_id;
    c.observed_at = now_;
    c.narrative = narrative;
    c.recorded_by = user_.id;
    c.recorded_by_agency = by.empty() ? other_.id : by;
    c.recorded_at = now_ + std::chrono::hours(1);
    Transaction tx(*db_);
    ConcernsRepository(*db_).InsertIn(tx, c);
    tx.Commit();
    return c.id;
  }

  // Every row of the tables a merge touches, in a fixed order, as text.
  std::string Snapshot() {
    soci::session sql(db_->Pool());
    std::string out;
    for (const char* query :
         {"SELECT id, child_id FROM concerns ORDER BY id",
          "SELECT child_id, agency_id, reason FROM child_agencies ORDER BY child_id, agency_id",
          "SELECT child_id, alias FROM child_aliases ORDER BY child_id, alias",
          "SELECT child_id, name_key FROM child_name_keys ORDER BY child_id, name_key",
          "SELECT id, COALESCE(merged_into, '-') FROM children ORDER BY id"}) {
      soci::rowset<soci::row> rows = sql.prepare << query;
      for (const auto& row : rows) {
        for (std::size_t i = 0; i < row.size(); ++i) out += GetText(row, i) + "|";
        out += "\n";
      }
      out += "--\n";
    }
    return out;
  }

  ChildMerge MergeOf(const std::string& survivor, const std::string& absorbed, int hours,
                     const std::string& reason) {
    ChildMerge m;
    m.id = NewId();
    m.survivor_id = survivor;
    m.absorbed_id = absorbed;
    m.merged_by = user_.id;
    m.merged_at = now_ + std::chrono::hours(hours);
    m.reason = reason;
    return m;
  }

  static matching::MatchRecord Named(const std::string& given, const std::string& family) {
    matching::MatchRecord r;
    r.given_name = given;
    r.family_name = family;
    return r;
  }

  ChildMerge Merge() {
    return MergeOf(survivor_.id, absorbed_.id, 2, "same school and health visitor");
  }

  std::vector<std::string> FoundBy(const std::string& text) {
    auto found =
        ChildrenRepository(*db_).Search(children::ParseSearchQuery(text), user_.id, now_, 50);
    EXPECT_TRUE(found.has_value());
    std::vector<std::string> ids;
    for (const auto& c : *found) ids.push_back(c.child_id);
    return ids;
  }

  children::Child survivor_, absorbed_;
};

TEST_F(MatchingRepositoryTest, AMergeMovesTheRecordsAndHidesTheAbsorbedChild) {
  MatchingRepository repo(*db_);
  Transaction tx(*db_);
  auto summary = repo.MergeIn(tx, Merge());
  tx.Commit();
  EXPECT_EQ(summary.moved, 1u);  // the concern
  EXPECT_GE(summary.added, 3u);  // the other agency, two aliases, their keys
  auto holds = repo.Holdings(survivor_.id);
  ASSERT_TRUE(holds.has_value());
  EXPECT_EQ(holds->concerns, 1);
  auto context = ChildrenRepository(*db_).Context(survivor_.id, user_.id, now_);
  ASSERT_TRUE(context.has_value());
  EXPECT_TRUE(context->involved_agencies.contains(other_.id));
  // Found by the absorbed child's name, as the survivor only.
  EXPECT_EQ(FoundBy("Katie Smyth"), std::vector<std::string>{survivor_.id});
  EXPECT_EQ(FoundBy("Kat"), std::vector<std::string>{survivor_.id});
  auto absorbed = ChildrenRepository(*db_).Find(absorbed_.id);
  ASSERT_TRUE(absorbed.has_value() && absorbed->has_value());
  EXPECT_EQ((*absorbed)->merged_into, survivor_.id);
  auto to_match = repo.ChildrenToMatch();
  ASSERT_TRUE(to_match.has_value());
  ASSERT_EQ(to_match->size(), 1u);
  EXPECT_EQ((*to_match)[0].id, survivor_.id);
}

TEST_F(MatchingRepositoryTest, AnUnmergePutsEveryTableBackAndKeepsWhatWasRecordedSince) {
  MatchingRepository repo(*db_);
  std::string before = Snapshot();
  ChildMerge merge = Merge();
  {
    Transaction tx(*db_);
    repo.MergeIn(tx, merge);
    tx.Commit();
  }
  EXPECT_NE(Snapshot(), before);
  std::string since = AddConcern(survivor_.id, "recorded after the merge", agency_.id);
  {
    Transaction tx(*db_);
    repo.UnmergeIn(tx, merge, user_.id, "different children after all",
                   now_ + std::chrono::hours(3));
    tx.Commit();
  }
  // Everything as before, plus the concern recorded since, on the survivor.
  soci::session sql(db_->Pool());
  std::string owner;
  sql << "SELECT child_id FROM concerns WHERE id = :id", soci::into(owner), soci::use(since);
  EXPECT_EQ(owner, survivor_.id);
  sql << "DELETE FROM concerns WHERE id = :id", soci::use(since);
  EXPECT_EQ(Snapshot(), before);
  EXPECT_EQ(FoundBy("Katie Smyth"), std::vector<std::string>{absorbed_.id});
  auto undone = repo.FindMerge(merge.id);
  ASSERT_TRUE(undone.has_value() && undone->has_value());
  EXPECT_TRUE((*undone)->undone_at.has_value());
  EXPECT_EQ((*undone)->undo_reason, "different children after all");
}

TEST_F(MatchingRepositoryTest, AnAgencyThatRecordedOnTheSurvivorSinceStaysOnItsTeam) {
  MatchingRepository repo(*db_);
  ChildMerge merge = Merge();
  {
    Transaction tx(*db_);
    repo.MergeIn(tx, merge);
    tx.Commit();
  }
  AddConcern(survivor_.id, "the other agency's worry, after the merge");
  {
    Transaction tx(*db_);
    repo.UnmergeIn(tx, merge, user_.id, "two children", now_ + std::chrono::hours(3));
    tx.Commit();
  }
  auto context = ChildrenRepository(*db_).Context(survivor_.id, user_.id, now_);
  ASSERT_TRUE(context.has_value());
  EXPECT_TRUE(context->involved_agencies.contains(other_.id));
}

TEST_F(MatchingRepositoryTest, AChainOfMergesPointsEarlierMergesAtTheNewSurvivor) {
  MatchingRepository repo(*db_);
  children::Child third = MakeChild("Kathy", "Smith");
  Insert(third);
  ChildMerge first = Merge();  // absorbed -> survivor
  ChildMerge second = MergeOf(third.id, survivor_.id, 4, "all three are one child");
  {
    Transaction tx(*db_);
    repo.MergeIn(tx, first);
    repo.MergeIn(tx, second);
    tx.Commit();
  }
  auto absorbed = ChildrenRepository(*db_).Find(absorbed_.id);
  ASSERT_TRUE(absorbed.has_value() && absorbed->has_value());
  EXPECT_EQ((*absorbed)->merged_into, third.id);
  auto holds = repo.Holdings(third.id);
  ASSERT_TRUE(holds.has_value());
  EXPECT_EQ(holds->concerns, 1);
  {
    Transaction tx(*db_);
    repo.UnmergeIn(tx, second, user_.id, "undo the second", now_ + std::chrono::hours(5));
    tx.Commit();
  }
  absorbed = ChildrenRepository(*db_).Find(absorbed_.id);
  ASSERT_TRUE(absorbed.has_value() && absorbed->has_value());
  EXPECT_EQ((*absorbed)->merged_into, survivor_.id);
  holds = repo.Holdings(survivor_.id);
  ASSERT_TRUE(holds.has_value());
  EXPECT_EQ(holds->concerns, 1);
}

TEST_F(MatchingRepositoryTest, TheQueueKeepsDecisionsAndNotTheSameIsRemembered) {
  MatchingRepository repo(*db_);
  std::string a = std::min(survivor_.id, absorbed_.id), b = std::max(survivor_.id, absorbed_.id);
  {
    Transaction tx(*db_);
    EXPECT_EQ(repo.QueueIn(tx, {{a, b, 12.5}}, "run1", now_), 1u);
    EXPECT_EQ(repo.QueueIn(tx, {{a, b, 13.0}}, "run2", now_), 0u);
    tx.Commit();
  }
  auto open = repo.OpenReviews(10);
  ASSERT_TRUE(open.has_value());
  ASSERT_EQ(open->size(), 1u);
  EXPECT_DOUBLE_EQ((*open)[0].weight, 13.0);
  {
    Transaction tx(*db_);
    repo.DecideIn(tx, (*open)[0].id, ReviewStatus::kNotSame, user_.id, "twins", now_);
    tx.Commit();
  }
  auto not_same = repo.NotSamePairs();
  ASSERT_TRUE(not_same.has_value());
  EXPECT_TRUE(not_same->contains({a, b}));
  auto after = repo.OpenReviews(10);
  ASSERT_TRUE(after.has_value());
  EXPECT_TRUE(after->empty());
}

TEST_F(MatchingRepositoryTest, CandidatesComeFromEveryBlock) {
  MatchingRepository repo(*db_);
  // A different date of birth but the same family name key, same given initial.
  matching::MatchRecord person = Named("Kate", "Smith");
  person.date_of_birth = Date{std::chrono::year(2001), std::chrono::month(1), std::chrono::day(1)};
  auto found = repo.CandidatesFor(person, 50);
  ASSERT_TRUE(found.has_value());
  ASSERT_EQ(found->size(), 1u);
  EXPECT_EQ((*found)[0].id, survivor_.id);
  // Day and month swapped (4 March -> 3 April), any name.
  matching::MatchRecord swapped = Named("Zed", "Quill");
  swapped.date_of_birth = Date{std::chrono::year(2012), std::chrono::month(4), std::chrono::day(3)};
  found = repo.CandidatesFor(swapped, 50);
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->size(), 2u);
  // Names swapped.
  matching::MatchRecord reversed = Named("Smyth", "Katie");
  found = repo.CandidatesFor(reversed, 50);
  ASSERT_TRUE(found.has_value());
  ASSERT_EQ(found->size(), 1u);
  EXPECT_EQ((*found)[0].id, absorbed_.id);
}

}  // namespace
}  // namespace harbour::storage
