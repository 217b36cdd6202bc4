// The profile's in-memory children: the period's bounds (London midnight), the first agency,
// the latest assessment by the period's end, replacing and forgetting a child, and the trend's
// counts. storage/profile_store_test.cc checks it against the straight recount.
#include "profile/child_index.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <utility>

namespace harbour::profile {
namespace {

using std::chrono::days;
using std::chrono::seconds;

// 2026-Q3 runs from 30 June 23:00 UTC (1 July 00:00 BST) to 30 September 23:00 UTC.
const Instant kStart = *ParseRfc3339("2026-06-30T23:00:00Z");
const Instant kEnd = *ParseRfc3339("2026-09-30T23:00:00Z");

IndexedChild Child(std::string id) {
  IndexedChild c;
  c.id = std::move(id);
  c.date_of_birth = *ParseDate("2012-03-04");
  c.created_at = kStart;
  c.sex = "female";
  return c;
}

IndexedEvent Concern(Instant at, std::string agency, std::string category) {
  return {.at = at,
          .kind = EventKind::kConcern,
          .agency = std::move(agency),
          .category = std::move(category)};
}

IndexedEvent Referral(Instant at, std::string agency) {
  return {.at = at, .kind = EventKind::kReferral, .agency = std::move(agency), .category = {}};
}

IndexedAssessment Assessment(Instant at, std::string tool, std::string judged, std::string agency,
                             std::optional<Date> review = std::nullopt) {
  return {.submitted_at = at,
          .tool_level = std::move(tool),
          .judged_level = std::move(judged),
          .agency = std::move(agency),
          .next_review = review};
}

TEST(ChildIndex, CountsEventsFromTheFirstInstantOfThePeriodToBeforeTheFirstAfterIt) {
  ChildIndex index;
  IndexedChild before = Child("a"), first = Child("b"), last = Child("c"), after = Child("d");
  before.events = {Concern(kStart - seconds{1}, "police", "online_harm")};
  first.events = {Concern(kStart, "police", "online_harm")};
  last.events = {Concern(kEnd - seconds{1}, "police", "online_harm")};
  after.events = {Concern(kEnd, "police", "online_harm")};
  for (const auto& c : {before, first, last, after}) index.Put(c);
  auto facts = index.Identified(*ParsePeriod("2026-Q3"));
  ASSERT_EQ(facts.size(), 2u);
  EXPECT_EQ(facts[0].child_id, "b");
  EXPECT_EQ(facts[1].child_id, "c");
  EXPECT_EQ(facts[0].age, 14) << "born 4 March 2012: 14 on 30 September 2026";
}

TEST(ChildIndex, TheFirstAgencyIsTheEarliestEventsAndCategoriesAreConcernsOnly) {
  ChildIndex index;
  IndexedChild c = Child("a");
  c.events = {Concern(kStart + days{9}, "school", "criminal_exploitation"),
              Referral(kStart + days{2}, "health"),
              Concern(kStart + days{5}, "police", "online_harm"),
              Concern(kStart + days{6}, "police", "online_harm")};
  index.Put(c);
  auto facts = index.Identified(*ParsePeriod("2026-Q3"));
  ASSERT_EQ(facts.size(), 1u);
  EXPECT_EQ(facts[0].first_agency, "health");
  EXPECT_EQ(facts[0].agencies, (std::vector<std::string_view>{"health", "police", "school"}));
  EXPECT_EQ(facts[0].categories,
            (std::vector<std::string_view>{"online_harm", "criminal_exploitation"}));
}

TEST(ChildIndex, AtTheSameSecondTheFirstAgencyIsTheConcernsWithTheSmallestId) {
  // The straight recount orders ties the same way, whatever order the rows come in.
  for (bool reversed : {false, true}) {
    ChildIndex index;
    IndexedChild c = Child("a");
    Instant at = kStart + days{4};
    c.events = {Referral(at, "a-referrer"), Concern(at, "c-school", "online_harm"),
                Concern(at, "b-police", "online_harm")};
    if (reversed) std::reverse(c.events.begin(), c.events.end());
    index.Put(c);
    auto facts = index.Identified(*ParsePeriod("2026-Q3"));
    ASSERT_EQ(facts.size(), 1u);
    EXPECT_EQ(facts[0].first_agency, "b-police");
  }
}

TEST(ChildIndex, TheLevelsAreThoseOfTheLatestAssessmentSubmittedByThePeriodsEnd) {
  ChildIndex index;
  IndexedChild c = Child("a");
  c.events = {Concern(kStart + days{1}, "police", "online_harm")};
  c.assessments = {
      Assessment(kEnd, "low", "low", "x"),
      Assessment(kStart - days{30}, "medium", "high", "police", *ParseDate("2026-08-01")),
      Assessment(kStart - days{60}, "high", "high", "school")};
  index.Put(c);
  auto facts = index.Identified(*ParsePeriod("2026-Q3"));
  ASSERT_EQ(facts.size(), 1u);
  EXPECT_EQ(facts[0].tool_level, "medium");
  EXPECT_EQ(facts[0].judged_level, "high");
  EXPECT_EQ(facts[0].tool_agency, "police");
  EXPECT_EQ(facts[0].next_review, *ParseDate("2026-08-01"));
}

TEST(ChildIndex, AnEstimatedAgeGrowsWithTheYearsSinceTheRecordWasMade) {
  EXPECT_EQ(
      AgeOn(std::nullopt, 13, *ParseRfc3339("2024-05-01T10:00:00Z"), *ParseDate("2026-09-30")), 15);
  EXPECT_EQ(AgeOn(std::nullopt, std::nullopt, kStart, *ParseDate("2026-09-30")), std::nullopt);
}

TEST(ChildIndex, PutReplacesAChildAndRemoveForgetsIt) {
  ChildIndex index;
  IndexedChild c = Child("a");
  c.events = {Concern(kStart + days{1}, "police", "online_harm")};
  index.Put(c);
  c.sex = "male";
  c.events = {Concern(kStart + days{2}, "school", "sexual_exploitation")};
  index.Put(c);
  auto facts = index.Identified(*ParsePeriod("2026-Q3"));
  ASSERT_EQ(facts.size(), 1u);
  EXPECT_EQ(facts[0].sex, "male");
  EXPECT_EQ(facts[0].agencies, std::vector<std::string_view>{"school"});
  index.Remove("a");
  index.Remove("never-held");
  EXPECT_EQ(index.Size(), 0u);
  EXPECT_TRUE(index.Identified(*ParsePeriod("2026-Q3")).empty());
}

TEST(ChildIndex, CountsEachChildOncePerPeriodAndEveryReferral) {
  ChildIndex index;
  IndexedChild c = Child("a");
  Instant july = kStart + days{3}, august = kStart + days{40};
  c.events = {Concern(july, "police", "online_harm"),
              Concern(july + days{1}, "police", "online_harm"), Referral(august, "police"),
              Referral(august + days{1}, "school")};
  index.Put(c);
  index.Put(Child("quiet"));  // no events: in no period
  auto counts = index.Counts({*ParsePeriod("2026-07"), *ParsePeriod("2026-08"),
                              *ParsePeriod("2026-09"), *ParsePeriod("2026-Q3")});
  ASSERT_EQ(counts.size(), 4u);
  EXPECT_EQ(counts[0].children, 1);
  EXPECT_EQ(counts[0].referrals, 0);
  EXPECT_EQ(counts[1].children, 1);
  EXPECT_EQ(counts[1].referrals, 2);
  EXPECT_EQ(counts[2].children, 0);
  EXPECT_EQ(counts[3].children, 1) << "overlapping periods count on their own";
  EXPECT_EQ(counts[3].referrals, 2);
}

TEST(ChildIndex, AMonthsCountsFollowAChildReplacedOrRemoved) {
  ChildIndex index;
  Instant july = kStart + days{3}, august = kStart + days{40};
  IndexedChild a = Child("a"), b = Child("b");
  a.events = {Concern(july, "police", "online_harm"), Referral(august, "police")};
  b.events = {Concern(july, "school", "online_harm")};
  index.Put(a);
  index.Put(b);
  const std::vector<Period> months = {*ParsePeriod("2026-07"), *ParsePeriod("2026-08")};
  auto counts = index.Counts(months);
  EXPECT_EQ(counts[0].children, 2);
  EXPECT_EQ(counts[1].referrals, 1);
  a.events = {Concern(august, "police", "online_harm")};  // the July concern moved to August
  index.Put(a);
  counts = index.Counts(months);
  EXPECT_EQ(counts[0].children, 1);
  EXPECT_EQ(counts[1].children, 1);
  EXPECT_EQ(counts[1].referrals, 0);
  index.Remove("b");
  counts = index.Counts(months);
  EXPECT_EQ(counts[0].children, 0);
  EXPECT_EQ(counts[1].children, 1);
  // The last instant of July in London (23:59:59 BST) is July's; the next is August's.
  IndexedChild c = Child("c");
  c.events = {Concern(*ParseRfc3339("2026-07-31T22:59:59Z"), "police", "online_harm")};
  index.Put(c);
  counts = index.Counts(months);
  EXPECT_EQ(counts[0].children, 1);
  c.events = {Concern(*ParseRfc3339("2026-07-31T23:00:00Z"), "police", "online_harm")};
  index.Put(c);
  counts = index.Counts(months);
  EXPECT_EQ(counts[0].children, 0);
  EXPECT_EQ(counts[1].children, 2);
  index.Clear();
  EXPECT_EQ(index.Counts(months)[1].children, 0);
}

TEST(ChildIndex, FactsStayReadableAfterTheIndexChangesOrGoes) {
  // A request counts its facts while the store reloads children, or after a full reload.
  std::vector<ChildFacts> facts;
  std::shared_ptr<const void> text;
  {
    ChildIndex index;
    IndexedChild c = Child(std::string(40, 'a'));  // longer than a short string keeps inline
    c.school = std::string(60, 's');
    c.events = {Concern(kStart + days{1}, std::string(32, 'p'), "criminal_exploitation")};
    index.Put(c);
    facts = index.Identified(*ParsePeriod("2026-Q3"));
    text = index.Text();
    c.school = std::string(60, 't');
    index.Put(c);                                                                   // replaced
    for (int i = 0; i < 2000; ++i) index.Put(Child("other-" + std::to_string(i)));  // text grows
    index.Remove(std::string(40, 'a'));
    index.Clear();
  }
  ASSERT_EQ(facts.size(), 1u);
  EXPECT_EQ(facts[0].child_id, std::string(40, 'a'));
  EXPECT_EQ(facts[0].school, std::string(60, 's'));
  EXPECT_EQ(facts[0].first_agency, std::string(32, 'p'));
  EXPECT_EQ(facts[0].categories, std::vector<std::string_view>{"criminal_exploitation"});
}

}  // namespace
}  // namespace harbour::profile
