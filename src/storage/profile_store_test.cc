// The in-memory store's facts against ProfileRepository's straight recount of the same database,
// on a generated area, then again after each kind of write the change log must catch: concerns
// added, moved out of the period and deleted, a child's record changed, an assessment submitted,
// a referral made and a child deleted. Each comparison is of every fact the profile counts.
#include "storage/profile_store.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "storage/matching_repository.h"
#include "storage/profile_repository.h"
#include "storage/storage_fixture.h"

namespace harbour::storage {
namespace {

using std::chrono::days;
using std::chrono::minutes;

std::vector<std::string_view> Sorted(std::vector<std::string_view> values) {
  std::sort(values.begin(), values.end());
  return values;
}

void ExpectSameChild(const profile::ChildFacts& got, const profile::ChildFacts& want) {
  SCOPED_TRACE(want.child_id);
  EXPECT_EQ(got.child_id, want.child_id);
  EXPECT_EQ(got.age, want.age);
  EXPECT_EQ(got.sex, want.sex);
  EXPECT_EQ(got.ethnicity, want.ethnicity);
  EXPECT_EQ(got.disability, want.disability);
  EXPECT_EQ(got.legal_status, want.legal_status);
  EXPECT_EQ(got.placing_authority, want.placing_authority);
  EXPECT_EQ(got.school, want.school);
  EXPECT_EQ(got.tool_level, want.tool_level);
  EXPECT_EQ(got.judged_level, want.judged_level);
  EXPECT_EQ(got.tool_agency, want.tool_agency);
  EXPECT_EQ(got.next_review, want.next_review);
  EXPECT_EQ(got.panel_category, want.panel_category);
  EXPECT_EQ(Sorted(got.categories), Sorted(want.categories));
  EXPECT_EQ(Sorted(got.agencies), Sorted(want.agencies));
  EXPECT_EQ(got.first_agency, want.first_agency);
  EXPECT_EQ(got.wards, want.wards);
}

class ProfileStoreTest : public testing::StorageTest {
 protected:
  // Q3 2026: 1 July 00:00 BST is 30 June 23:00 UTC; 1 October 00:00 BST is 30 September 23:00.
  profile::Period quarter_ = *profile::ParsePeriod("2026-Q3");
  Instant start_ = *ParseRfc3339("2026-06-30T23:00:00Z");
  Instant end_ = *ParseRfc3339("2026-09-30T23:00:00Z");
  std::mt19937 random_{20261207};
  std::vector<std::string> children_;

  void SetUp() override {
    testing::StorageTest::SetUp();
    Exec(
        "INSERT INTO risk_tool_versions (tool_id, version, name, scheme, fingerprint, "
        "definition, registered_by, registered_at) VALUES ('t', 1, 'T', 'additive', 'f', '{}', "
        "'x', " +
        Q(FormatRfc3339(now_)) + ")");
  }

  void Exec(const std::string& sql) {
    Transaction tx(*db_);
    tx.Sql() << sql;
    tx.Commit();
  }
  static std::string Q(const std::string& text) { return "'" + text + "'"; }
  int Pick(int n) { return int(random_() % unsigned(n)); }
  std::string Agency() { return Pick(2) == 0 ? agency_.id : other_.id; }
  // A time inside the period, a minute either side of each edge, or well outside it.
  Instant AnyTime() {
    std::vector<Instant> times = {
        start_ - minutes{1}, start_, start_ + days{Pick(80)} + minutes{Pick(1440)},
        end_ - minutes{1},   end_,   end_ + days{3},
        start_ - days{200}};
    return times[std::size_t(Pick(int(times.size())))];
  }

  void AddConcern(const std::string& child) {
    const char* categories[] = {"sexual_exploitation", "criminal_exploitation", "online_harm"};
    Instant at = AnyTime();
    Exec(
        "INSERT INTO concerns (id, child_id, observed_at, category, narrative, first_hand, "
        "recorded_by, recorded_by_agency, recorded_at) VALUES (" +
        Q(NewId()) + "," + Q(child) + "," + Q(FormatRfc3339(at)) + "," + Q(categories[Pick(3)]) +
        ", 'synthetic', 1, " + Q(user_.id) + "," + Q(Agency()) + "," + Q(FormatRfc3339(at)) + ")");
  }
  void AddAssessment(const std::string& child) {
    const char* levels[] = {"low", "medium", "high"};
    Instant at = AnyTime();
    Exec(
        "INSERT INTO assessments (id, child_id, tool_id, tool_version, status, answers, "
        "computed_level, judged_level, next_review, assessed_by, assessed_by_agency, created_at, "
        "updated_at, submitted_at) VALUES (" +
        Q(NewId()) + "," + Q(child) + ", 't', 1, 'submitted', '{}'," + Q(levels[Pick(3)]) + "," +
        Q(levels[Pick(3)]) + "," + Q(FormatDate(DateOf(at + days{Pick(90)}))) + "," + Q(user_.id) +
        "," + Q(Agency()) + "," + Q(FormatRfc3339(at)) + "," + Q(FormatRfc3339(at)) + "," +
        Q(FormatRfc3339(at)) + ")");
  }
  void AddReferral(const std::string& child) {
    Instant at = AnyTime();
    Exec(
        "INSERT INTO referrals (id, child_id, referred_by, referrer_agency, reason, sharing, "
        "state, submitted_at, screening_due, updated_at) VALUES (" +
        Q(NewId()) + "," + Q(child) + "," + Q(user_.id) + "," + Q(Agency()) +
        ", 'synthetic', 'consent', 'submitted'," + Q(FormatRfc3339(at)) + "," +
        Q(FormatRfc3339(at + days{1})) + "," + Q(FormatRfc3339(at)) + ")");
  }

  void Generate(int count) {
    const char* sexes[] = {"female", "male", "not_known"};
    for (int i = 0; i < count; ++i) {
      children::Child c = MakeChild("Synthetic", "Child" + std::to_string(i));
      c.sex = *children::SexFromCode(sexes[Pick(3)]);
      if (Pick(5) == 0) {
        c.date_of_birth.reset();
        c.estimated_age = 12 + Pick(5);
      }
      Insert(c);
      children_.push_back(c.id);
      for (int k = Pick(5); k > 0; --k) AddConcern(c.id);
      for (int k = Pick(3); k > 0; --k) AddAssessment(c.id);
      if (Pick(3) == 0) AddReferral(c.id);
    }
  }

  // The store and the straight recount agree on the quarter and on its months' trend.
  void ExpectAgreement(ProfileStore& store) {
    ProfileRepository recount(*db_);
    auto want = recount.Facts(quarter_);
    auto got = store.Facts(quarter_);
    ASSERT_TRUE(want) << want.error().message;
    ASSERT_TRUE(got) << got.error().message;
    ASSERT_EQ(got->children.size(), want->children.size());
    for (std::size_t i = 0; i < want->children.size(); ++i) {
      ExpectSameChild(got->children[i], want->children[i]);
    }
    EXPECT_EQ(got->referrals.size(), want->referrals.size());
    EXPECT_EQ(got->episodes.size(), want->episodes.size());
    EXPECT_EQ(got->last_day, want->last_day);
    std::vector<profile::Period> months = {
        *profile::ParsePeriod("2026-06"), *profile::ParsePeriod("2026-07"),
        *profile::ParsePeriod("2026-09"), *profile::ParsePeriod("2026-10")};
    auto want_trend = recount.Trend(months);
    auto got_trend = store.Trend(months);
    ASSERT_TRUE(want_trend && got_trend);
    ASSERT_EQ(got_trend->size(), want_trend->size());
    for (std::size_t i = 0; i < months.size(); ++i) {
      EXPECT_EQ((*got_trend)[i].month, (*want_trend)[i].month);
      EXPECT_EQ((*got_trend)[i].children, (*want_trend)[i].children) << (*want_trend)[i].month;
      EXPECT_EQ((*got_trend)[i].referrals, (*want_trend)[i].referrals) << (*want_trend)[i].month;
    }
  }
};

TEST_F(ProfileStoreTest, MatchesAStraightRecountOfAGeneratedArea) {
  Generate(150);
  ProfileStore store(*db_);
  ASSERT_TRUE(store.Refresh());
  EXPECT_TRUE(store.LastRefresh().full) << "the first look loads everything";
  ExpectAgreement(store);
  ProfileRepository recount(*db_);
  EXPECT_GT(recount.Facts(quarter_)->children.size(), 50u) << "the area has children to count";
}

TEST_F(ProfileStoreTest, FollowsEveryKindOfWriteThroughTheChangeLog) {
  Generate(60);
  ProfileStore store(*db_);
  ExpectAgreement(store);

  // Concerns added, to children already counted and not.
  for (int i = 0; i < 20; ++i) AddConcern(children_[std::size_t(Pick(60))]);
  ASSERT_TRUE(store.Refresh());
  EXPECT_FALSE(store.LastRefresh().full) << "only the changed children are reloaded";
  EXPECT_GT(store.LastRefresh().reloaded, 0u);
  ExpectAgreement(store);

  // A concern moved out of the period, one moved in, and one deleted.
  Exec("UPDATE concerns SET observed_at = " + Q(FormatRfc3339(start_ - days{400})) +
       " WHERE id = (SELECT MIN(id) FROM concerns WHERE observed_at >= " +
       Q(FormatRfc3339(start_)) + ")");
  Exec("UPDATE concerns SET observed_at = " + Q(FormatRfc3339(start_ + days{5})) +
       ", recorded_by_agency = " + Q(other_.id) +
       " WHERE id = (SELECT MAX(id) FROM concerns WHERE observed_at < " + Q(FormatRfc3339(start_)) +
       ")");
  Exec("DELETE FROM concerns WHERE id = (SELECT MIN(id) FROM concerns)");
  ExpectAgreement(store);

  // A child's record changed; an assessment submitted; a referral made.
  Exec(
      "UPDATE children SET sex = 'male', ethnicity = 'white_british', school = 'Harbour High' "
      "WHERE id = " +
      Q(children_[0]));
  Exec("UPDATE children SET date_of_birth = NULL, estimated_age = 15 WHERE id = " +
       Q(children_[1]));
  AddAssessment(children_[2]);
  AddReferral(children_[3]);
  ASSERT_TRUE(store.Refresh());
  EXPECT_EQ(store.LastRefresh().reloaded, 4u);
  ExpectAgreement(store);

  // A child deleted with everything about them.
  std::string gone = children_[4];
  for (const char* table : {"concerns", "assessments", "referrals", "child_agencies",
                            "child_name_keys", "child_aliases"}) {
    Exec(std::string("DELETE FROM ") + table + " WHERE child_id = " + Q(gone));
  }
  Exec("DELETE FROM children WHERE id = " + Q(gone));
  ExpectAgreement(store);

  // Two children merged (issue 13): one counted, with the other's concerns; then unmerged.
  {
    MatchingRepository matching(*db_);
    ChildMerge merge;
    merge.id = NewId();
    merge.survivor_id = children_[5];
    merge.absorbed_id = children_[6];
    merge.merged_by = user_.id;
    merge.merged_at = end_;
    merge.reason = "one child";
    {
      Transaction tx(*db_);
      matching.MergeIn(tx, merge);
      tx.Commit();
    }
    ExpectAgreement(store);
    auto facts = store.Facts(quarter_);
    ASSERT_TRUE(facts);
    EXPECT_TRUE(std::none_of(facts->children.begin(), facts->children.end(), [&](const auto& c) {
      return c.child_id == children_[6];
    })) << "a merged child is not counted";
    {
      Transaction tx(*db_);
      matching.UnmergeIn(tx, merge, user_.id, "two children", end_);
      tx.Commit();
    }
    ExpectAgreement(store);
  }

  // A new child, seen from the start.
  children::Child fresh = MakeChild("Synthetic", "Newcomer");
  Insert(fresh);
  Exec(
      "INSERT INTO concerns (id, child_id, observed_at, category, narrative, first_hand, "
      "recorded_by, recorded_by_agency, recorded_at) VALUES (" +
      Q(NewId()) + "," + Q(fresh.id) + "," + Q(FormatRfc3339(start_ + days{1})) +
      ", 'online_harm', 'synthetic', 1, " + Q(user_.id) + "," + Q(agency_.id) + "," +
      Q(FormatRfc3339(start_)) + ")");
  ExpectAgreement(store);
  auto facts = store.Facts(quarter_);
  ASSERT_TRUE(facts);
  EXPECT_TRUE(std::any_of(facts->children.begin(), facts->children.end(),
                          [&](const auto& c) { return c.child_id == fresh.id; }));
}

TEST_F(ProfileStoreTest, AStoreMadeAfterTheWritesAgreesWithOneThatFollowedThem) {
  Generate(40);
  ProfileStore following(*db_);
  ASSERT_TRUE(following.Refresh());
  for (int i = 0; i < 30; ++i) AddConcern(children_[std::size_t(Pick(40))]);
  ProfileStore fresh(*db_);  // another server started now
  ExpectAgreement(following);
  ExpectAgreement(fresh);
}

}  // namespace
}  // namespace harbour::storage
