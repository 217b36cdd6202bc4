// The profile's facts read from a real database, against a straight recount of a generated
// area: children with random attributes and events inside, outside and on the edges of the
// period (London midnight in summer time), so that the SQL's bounds, joins and "latest by the
// period's end" rules are checked against a model written separately.
#include "storage/profile_repository.h"

#include <gtest/gtest.h>

#include <map>
#include <random>
#include <set>

#include "storage/storage_fixture.h"

namespace harbour::storage {
namespace {

using std::chrono::days;
using std::chrono::hours;
using std::chrono::minutes;

class ProfileRepositoryTest : public testing::StorageTest {
 protected:
  // Q3 2026: 1 July 00:00 BST is 30 June 23:00 UTC; 1 October 00:00 BST is 30 September 23:00.
  profile::Period quarter_ = *profile::ParsePeriod("2026-Q3");
  Instant start_ = *ParseRfc3339("2026-06-30T23:00:00Z");
  Instant end_ = *ParseRfc3339("2026-09-30T23:00:00Z");

  void Exec(const std::string& sql) {
    Transaction tx(*db_);
    tx.Sql() << sql;
    tx.Commit();
  }
  static std::string Q(const std::string& text) { return "'" + text + "'"; }
};

TEST_F(ProfileRepositoryTest, FactsMatchAStraightRecountOfAGeneratedArea) {
  std::mt19937 random(20261203);
  auto pick = [&](int n) { return int(random() % unsigned(n)); };
  // Times around the period: well inside, a minute either side of each edge, and outside.
  std::vector<Instant> times = {start_ - minutes{1}, start_, start_ + days{40},
                                end_ - minutes{1},   end_,   end_ + days{3},
                                start_ - days{200}};
  auto inside = [&](Instant t) { return t >= start_ && t < end_; };
  const char* sexes[] = {"female", "male", "not_known"};
  const char* categories[] = {"sexual_exploitation", "criminal_exploitation", "online_harm"};
  std::map<std::string, std::set<std::string>> expected_categories;
  std::map<std::string, std::string> expected_sex;
  std::set<std::string> identified;
  std::map<std::string, std::string> latest_level;  // by the period's end
  int referrals_in = 0, episodes_in = 0;
  std::string agency = agency_.id, user = user_.id;
  for (int i = 0; i < 120; ++i) {
    children::Child c = MakeChild("Synthetic", "Child" + std::to_string(i));
    c.sex = *children::SexFromCode(sexes[pick(3)]);
    Insert(c);
    expected_sex[c.id] = std::string(children::ToCode(c.sex));
    for (int k = pick(4); k > 0; --k) {
      Instant at = times[pick(int(times.size()))];
      std::string category = categories[pick(3)];
      Exec(
          "INSERT INTO concerns (id, child_id, observed_at, category, narrative, first_hand, "
          "recorded_by, recorded_by_agency, recorded_at) VALUES (" +
          Q(NewId()) + "," + Q(c.id) + "," + Q(FormatRfc3339(at)) + "," + Q(category) +
          ", 'synthetic', 1, " + Q(user) + "," + Q(agency) + "," + Q(FormatRfc3339(at)) + ")");
      if (inside(at)) {
        identified.insert(c.id);
        expected_categories[c.id].insert(category);
      }
    }
    if (pick(3) == 0) {
      Instant at = times[pick(int(times.size()))];
      Exec(
          "INSERT INTO referrals (id, child_id, referred_by, referrer_agency, reason, sharing, "
          "state, submitted_at, screening_due, updated_at) VALUES (" +
          Q(NewId()) + "," + Q(c.id) + "," + Q(user) + "," + Q(agency) +
          ", 'synthetic', 'consent', 'submitted'," + Q(FormatRfc3339(at)) + "," +
          Q(FormatRfc3339(at + days{1})) + "," + Q(FormatRfc3339(at)) + ")");
      if (inside(at)) {
        identified.insert(c.id);
        ++referrals_in;
      }
    }
    if (pick(4) == 0) {
      Instant at = times[pick(int(times.size()))];
      Exec(
          "INSERT INTO missing_episodes (id, child_id, kind, started_at, reported_by, "
          "recorded_by, recorded_by_agency, recorded_at) VALUES (" +
          Q(NewId()) + "," + Q(c.id) + ", 'missing'," + Q(FormatRfc3339(at)) + ", 'carer'," +
          Q(user) + "," + Q(agency) + "," + Q(FormatRfc3339(at)) + ")");
      if (inside(at)) ++episodes_in;
    }
  }
  ProfileRepository repository(*db_);
  auto facts = repository.Facts(quarter_);
  ASSERT_TRUE(facts) << facts.error().message;
  std::set<std::string> got;
  for (const auto& child : facts->children) {
    std::string id(child.child_id);
    got.insert(id);
    EXPECT_EQ(child.sex, expected_sex[id]);
    std::set<std::string> categories_got(child.categories.begin(), child.categories.end());
    EXPECT_EQ(categories_got, expected_categories[id]);
    EXPECT_EQ(child.first_agency, agency);
    ASSERT_TRUE(child.age);
    EXPECT_EQ(*child.age, 14) << "born 4 March 2012: 14 on 30 September 2026";
  }
  EXPECT_EQ(got, identified);
  EXPECT_EQ(long(facts->referrals.size()), referrals_in);
  EXPECT_EQ(long(facts->episodes.size()), episodes_in);
  EXPECT_EQ(facts->last_day, quarter_.last);

  // The trend counts the same children in the same months.
  auto trend = repository.Trend({*profile::ParsePeriod("2026-07"), *profile::ParsePeriod("2026-08"),
                                 *profile::ParsePeriod("2026-09")});
  ASSERT_TRUE(trend) << trend.error().message;
  ASSERT_EQ(trend->size(), 3u);
  long months = 0;
  for (const auto& m : *trend) months += m.referrals;
  EXPECT_EQ(months, referrals_in);
}

TEST_F(ProfileRepositoryTest, TheLatestAssessmentAndPanelDecisionByThePeriodsEndGiveTheLevels) {
  children::Child c = MakeChild("Synthetic", "Levels");
  Insert(c);
  std::string agency = agency_.id, user = user_.id;
  Exec(
      "INSERT INTO risk_tool_versions (tool_id, version, name, scheme, fingerprint, definition, "
      "registered_by, registered_at) VALUES ('t', 1, 'T', 'additive', 'f', '{}', 'x', " +
      Q(FormatRfc3339(now_)) + ")");
  auto assess = [&](Instant at, const char* level, const char* judged, const char* review) {
    Exec(
        "INSERT INTO assessments (id, child_id, tool_id, tool_version, status, answers, "
        "computed_level, judged_level, next_review, assessed_by, assessed_by_agency, created_at, "
        "updated_at, submitted_at) VALUES (" +
        Q(NewId()) + "," + Q(c.id) + ", 't', 1, 'submitted', '{}'," + Q(level) + "," + Q(judged) +
        "," + Q(review) + "," + Q(user) + "," + Q(agency) + "," + Q(FormatRfc3339(at)) + "," +
        Q(FormatRfc3339(at)) + "," + Q(FormatRfc3339(at)) + ")");
  };
  assess(start_ - days{30}, "low", "medium", "2026-08-01");
  assess(start_ + days{10}, "high", "high", "2026-09-01");
  assess(end_ + days{1}, "medium", "medium", "2027-01-01");  // after the period: not used
  ProfileRepository repository(*db_);
  auto facts = repository.Facts(quarter_);
  ASSERT_TRUE(facts) << facts.error().message;
  ASSERT_EQ(facts->children.size(), 1u);
  EXPECT_EQ(facts->children[0].tool_level, "high");
  EXPECT_EQ(facts->children[0].judged_level, "high");
  EXPECT_EQ(facts->children[0].next_review, *ParseDate("2026-09-01"))
      << "the review date of the latest assessment by the period's end";
}

}  // namespace
}  // namespace harbour::storage
