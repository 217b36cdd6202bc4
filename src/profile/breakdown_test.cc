#include "profile/breakdown.h"

#include <gtest/gtest.h>

#include <numeric>
#include <set>

#include "common/time.h"

namespace harbour::profile {
namespace {

using std::chrono::days;
using std::chrono::hours;

Instant At(const char* text) { return *ParseRfc3339(text); }

Labels TestLabels() {
  Labels labels;
  labels.ethnicity = {
      {"white_british", "White: English, Welsh, Scottish, Northern Irish or British"},
      {"asian_pakistani", "Asian: Pakistani"},
      {"not_known", "Not known"}};
  labels.ethnicity_order = {"asian_pakistani", "white_british", "not_known"};
  labels.agencies = {{"a-police", "Harbour Police"}, {"a-school", "Harbour Academy"}};
  labels.wards = {{"E05000001", "North"}, {"E05000002", "South"}};
  labels.levels = {{"low", "Low", 2}, {"medium", "Medium", 1}, {"high", "High", 0}};
  return labels;
}

const BreakdownRow& Row(const Breakdown& b, std::string_view code) {
  for (const auto& r : b.rows) {
    if (r.code == code) return r;
  }
  static BreakdownRow none;
  ADD_FAILURE() << b.id << " has no row " << code;
  return none;
}

const Breakdown& Table(const std::vector<Breakdown>& all, std::string_view id) {
  const Breakdown* b = Find(all, id);
  if (b == nullptr) {
    ADD_FAILURE() << "no breakdown " << id;
    static Breakdown none;
    return none;
  }
  return *b;
}

// A small generated area whose counts are known by construction: child i has age 8 + i % 10,
// sex female for even i, male for i % 3 == 1 when odd... (each attribute cycles independently).
AreaFacts GeneratedArea(int n) {
  AreaFacts facts;
  const char* sexes[] = {"female", "male", "not_known"};
  const char* ethnicities[] = {"white_british", "asian_pakistani", "not_known", ""};
  for (int i = 0; i < n; ++i) {
    ChildFacts c;
    c.child_id = facts.text->Keep("child-" + std::to_string(i));
    if (i % 7 != 0) c.age = 8 + i % 10;  // every seventh child has no age
    c.sex = sexes[i % 3];
    c.ethnicity = ethnicities[i % 4];
    c.disability = i % 5 == 0 ? "yes" : i % 5 == 1 ? "not_known" : "no";
    c.legal_status = i % 4 == 0 ? "looked_after_s20" : "none";
    c.placing_authority = i % 8 == 0 ? "Elsewhere Council" : "";
    c.school = i % 2 == 0 ? "Harbour Academy" : "";
    c.tool_level = i % 3 == 0 ? "" : i % 3 == 1 ? "medium" : "high";
    c.judged_level = i % 3 == 0 ? "" : "high";
    c.panel_category = i % 6 == 0 ? "3" : "";
    if (i % 6 == 0) c.models = {"organised", "peer"};
    if (i % 6 == 0) c.elements = {"online"};
    if (i % 2 == 0) c.categories.push_back("sexual_exploitation");
    if (i % 3 == 0) c.categories.push_back("criminal_exploitation");
    c.first_agency = i % 2 == 0 ? "a-school" : "a-police";
    c.agencies = {c.first_agency};
    if (i % 4 == 0) c.wards = {"E05000001"};
    facts.children.push_back(c);
  }
  return facts;
}

TEST(Breakdowns, EveryChildBreakdownCountsEachChildOnceWithNotRecordedAsARow) {
  AreaFacts facts = GeneratedArea(60);
  WorkingCalendar calendar({});
  auto all = Breakdowns(facts, TestLabels(), calendar);
  for (const char* id : {"children", "risk_tool_level", "risk_judged_level", "panel_category",
                         "age_band", "sex", "ethnicity", "disability", "looked_after", "school"}) {
    const Breakdown& b = Table(all, id);
    EXPECT_TRUE(b.exclusive) << id;
    EXPECT_EQ(b.total, 60) << id;
    long sum = 0;
    for (const auto& r : b.rows) sum += r.count;
    EXPECT_EQ(sum, 60) << id << ": the rows of an exclusive breakdown add up to its total";
    if (std::string_view(id) != "children") {
      EXPECT_EQ(b.rows.back().code, kNotRecorded) << id << ": \"Not recorded\" is the last row";
    }
  }
}

TEST(Breakdowns, GoldenCountsOfTheGeneratedArea) {
  AreaFacts facts = GeneratedArea(60);
  WorkingCalendar calendar({});
  auto all = Breakdowns(facts, TestLabels(), calendar);
  EXPECT_EQ(Row(Table(all, "children"), "children").count, 60);
  EXPECT_EQ(Row(Table(all, "sex"), "female").count, 20);
  EXPECT_EQ(Row(Table(all, "sex"), "male").count, 20);
  EXPECT_EQ(Row(Table(all, "sex"), "not_recorded").count, 20);
  // "not_known" and "" are both not recorded: i % 4 in {2, 3}.
  EXPECT_EQ(Row(Table(all, "ethnicity"), "not_recorded").count, 30);
  EXPECT_EQ(Row(Table(all, "ethnicity"), "white_british").count, 15);
  EXPECT_EQ(Row(Table(all, "ethnicity"), "asian_pakistani").count, 15);
  EXPECT_EQ(Row(Table(all, "disability"), "yes").count, 12);
  EXPECT_EQ(Row(Table(all, "disability"), "not_recorded").count, 12);
  EXPECT_EQ(Row(Table(all, "looked_after"), "looked_after").count, 15);
  // Among the 15 looked-after children (i % 4 == 0), those with i % 8 == 0 were placed here.
  EXPECT_EQ(Table(all, "placing_authority").total, 15);
  EXPECT_EQ(Row(Table(all, "placing_authority"), "placed_from_out_of_area").count, 8);
  EXPECT_EQ(Row(Table(all, "risk_tool_level"), "medium").count, 20);
  EXPECT_EQ(Row(Table(all, "risk_tool_level"), "high").count, 20);
  EXPECT_EQ(Row(Table(all, "risk_tool_level"), "not_recorded").count, 20);
  EXPECT_EQ(Table(all, "risk_tool_level").rows.front().code, "medium")
      << "levels keep the tool's order";
  EXPECT_EQ(Row(Table(all, "risk_tool_level"), "high").label, "High");
  EXPECT_EQ(Row(Table(all, "panel_category"), "3").count, 10);
  EXPECT_EQ(Row(Table(all, "panel_category"), "1").count, 0) << "empty categories still show";
  EXPECT_EQ(Row(Table(all, "panel_category"), "not_recorded").count, 50);
  // Ages: every seventh child (i % 7 == 0, 9 children) has none.
  EXPECT_EQ(Row(Table(all, "age_band"), "not_recorded").count, 9);
}

TEST(Breakdowns, AChildInSeveralRowsIsCountedInEachButOnceInTheTotal) {
  AreaFacts facts = GeneratedArea(60);
  WorkingCalendar calendar({});
  auto all = Breakdowns(facts, TestLabels(), calendar);
  const Breakdown& types = Table(all, "concern_category");
  EXPECT_FALSE(types.exclusive);
  EXPECT_EQ(types.total, 60);
  EXPECT_EQ(Row(types, "sexual_exploitation").count, 30);
  EXPECT_EQ(Row(types, "criminal_exploitation").count, 20);
  // Neither: odd and not a multiple of 3 (20 children).
  EXPECT_EQ(Row(types, "not_recorded").count, 20);
  const Breakdown& models = Table(all, "exploitation_model");
  EXPECT_EQ(Row(models, "organised").count, 10);
  EXPECT_EQ(Row(models, "peer").count, 10);
  EXPECT_EQ(Row(models, "not_recorded").count, 50);
  const Breakdown& wards = Table(all, "ward");
  EXPECT_EQ(Row(wards, "E05000001").count, 15);
  EXPECT_EQ(Row(wards, "E05000002").count, 0);
  EXPECT_EQ(Row(wards, "E05000001").label, "North");
}

TEST(Breakdowns, CompletenessIsPerFirstAgency) {
  AreaFacts facts = GeneratedArea(60);
  WorkingCalendar calendar({});
  auto all = Breakdowns(facts, TestLabels(), calendar);
  const Breakdown& tool = Table(all, "risk_tool_level");
  ASSERT_EQ(tool.completeness.size(), 2u);
  long counted = 0, recorded = 0;
  for (const auto& c : tool.completeness) {
    counted += c.counted;
    recorded += c.recorded;
    EXPECT_EQ(c.counted, 30) << c.agency_id;
  }
  EXPECT_EQ(counted, 60);
  EXPECT_EQ(recorded, 40);
  EXPECT_TRUE(Table(all, "children").completeness.empty());
}

TEST(Breakdowns, FiltersNarrowChildrenAndWhatHangsOnThem) {
  AreaFacts facts = GeneratedArea(60);
  for (const auto& [child, agency] : {std::pair{"child-0", "a-school"}, {"child-1", "a-police"}}) {
    ReferralFacts referral;
    referral.child_id = child;
    referral.agency_id = agency;
    facts.referrals.push_back(referral);
  }
  facts.disruptions.push_back({"closure_notice", "a-police"});
  facts.actions.push_back(
      {.child_id = "child-0", .due_at = At("2026-07-01T09:00:00Z"), .completed_at = std::nullopt});
  facts.actions.push_back(
      {.child_id = "child-1", .due_at = At("2026-07-01T09:00:00Z"), .completed_at = std::nullopt});
  AreaFacts in_north = Filtered(facts, Filters{.ward = "E05000001", .agency = {}, .category = {}});
  EXPECT_EQ(in_north.children.size(), 15u);
  ASSERT_EQ(in_north.referrals.size(), 1u);
  EXPECT_EQ(in_north.referrals[0].child_id, "child-0");
  ASSERT_EQ(in_north.actions.size(), 1u) << "panel actions follow their child";
  AreaFacts by_school = Filtered(facts, Filters{.ward = {}, .agency = "a-school", .category = {}});
  EXPECT_EQ(by_school.children.size(), 30u);
  EXPECT_TRUE(by_school.disruptions.empty());
  AreaFacts criminal =
      Filtered(facts, Filters{.ward = {}, .agency = {}, .category = "criminal_exploitation"});
  EXPECT_EQ(criminal.children.size(), 20u);
  AreaFacts all = Filtered(facts, Filters{});
  EXPECT_EQ(all.children.size(), 60u);
  EXPECT_EQ(all.actions.size(), 2u);
}

TEST(Breakdowns, ReturnInterviewsAgainstTheSeventyTwoHourStandard) {
  AreaFacts facts;
  Instant back = At("2026-07-10T10:00:00Z");
  facts.episodes.push_back({.child_id = "a",
                            .returned_at = back,
                            .offered_at = back + hours{20},
                            .held_at = back + hours{70},
                            .interview_status = "completed"});
  facts.episodes.push_back({.child_id = "b",
                            .returned_at = back,
                            .offered_at = back + hours{73},
                            .held_at = back + hours{90},
                            .interview_status = "completed"});
  facts.episodes.push_back({.child_id = "c",
                            .returned_at = back,
                            .offered_at = back + hours{2},
                            .held_at = std::nullopt,
                            .interview_status = "refused"});
  facts.episodes.push_back({.child_id = "d",
                            .returned_at = std::nullopt,
                            .offered_at = std::nullopt,
                            .held_at = std::nullopt,
                            .interview_status = ""});
  WorkingCalendar calendar({});
  auto all = Breakdowns(facts, TestLabels(), calendar);
  const Breakdown& started = Table(all, "missing_episodes");
  EXPECT_EQ(started.total, 4);
  EXPECT_EQ(Row(started, "still_missing").count, 1);
  const Breakdown& offered = Table(all, "return_interview_offered");
  EXPECT_EQ(offered.total, 3) << "only returns are due an interview";
  EXPECT_EQ(Row(offered, "within_72_hours").count, 2);
  EXPECT_EQ(Row(offered, "later").count, 1);
  const Breakdown& held = Table(all, "return_interview_held");
  EXPECT_EQ(Row(held, "within_72_hours").count, 1);
  EXPECT_EQ(Row(held, "later").count, 1);
  EXPECT_EQ(Row(held, "not_held").count, 1);
}

TEST(Breakdowns, ScreeningCountsWorkingDaysAgainstTheOneDayStandard) {
  // Friday 3 July 2026 at 16:00; the Monday after is one working day on.
  Instant friday = At("2026-07-03T15:00:00Z");
  AreaFacts facts;
  auto referral = [&](std::optional<Instant> decided, std::string decision, bool repeat) {
    // A repeat: the child was referred 200 days before; otherwise 400 days before (not repeat).
    Instant previous = friday - days{repeat ? 200 : 400};
    return ReferralFacts{.child_id = "x",
                         .agency_id = "a-police",
                         .submitted_at = friday,
                         .screening_due = friday,
                         .decided_at = decided,
                         .decision = std::move(decision),
                         .previous_referral_at = previous};
  };
  facts.referrals.push_back(referral(friday + days{3}, "accepted", false));     // Monday: 1
  facts.referrals.push_back(referral(friday + days{4}, "not_accepted", true));  // Tuesday: 2
  facts.referrals.push_back(referral(friday + days{14}, "accepted", false));    // 10
  facts.referrals.push_back(referral(std::nullopt, "", false));
  facts.referrals.push_back(referral(std::nullopt, "withdrawn", false));
  WorkingCalendar calendar({});
  auto all = Breakdowns(facts, TestLabels(), calendar);
  const Breakdown& s = Table(all, "screening_time");
  EXPECT_EQ(Row(s, "within_1_working_day").count, 1);
  EXPECT_EQ(Row(s, "2_to_5_working_days").count, 1);
  EXPECT_EQ(Row(s, "over_5_working_days").count, 1);
  EXPECT_EQ(Row(s, "not_yet_decided").count, 1);
  EXPECT_EQ(Row(s, "withdrawn").count, 1);
  EXPECT_EQ(Row(Table(all, "repeat_referrals"), "repeat").count, 1);
  const Breakdown& source = Table(all, "referral_agency");
  ASSERT_EQ(source.rows.size(), 1u) << "agencies that referred nobody are left out";
  EXPECT_EQ(source.rows[0].label, "Harbour Police");
}

TEST(Breakdowns, PeopleOfConcernByAgeSexEthnicityAndGroup) {
  AreaFacts facts;
  facts.people.push_back({.child_ids = {"a"},
                          .age = 19,
                          .sex = "male",
                          .ethnicity = "white_british",
                          .in_group = true});
  facts.people.push_back({.child_ids = {"a"},
                          .age = std::nullopt,
                          .sex = "not_known",
                          .ethnicity = "not_known",
                          .in_group = false});
  facts.people.push_back({.child_ids = {"b"},
                          .age = 47,
                          .sex = "male",
                          .ethnicity = "asian_pakistani",
                          .in_group = true});
  WorkingCalendar calendar({});
  auto all = Breakdowns(facts, TestLabels(), calendar);
  EXPECT_EQ(Row(Table(all, "people_sex"), "male").count, 2);
  EXPECT_EQ(Row(Table(all, "people_sex"), "not_recorded").count, 1);
  EXPECT_EQ(Row(Table(all, "people_age_band"), "18_24").count, 1);
  EXPECT_EQ(Row(Table(all, "people_age_band"), "45_plus").count, 1);
  EXPECT_EQ(Row(Table(all, "people_age_band"), "not_recorded").count, 1);
  EXPECT_EQ(Row(Table(all, "people_group"), "group").count, 2);
  EXPECT_EQ(Row(Table(all, "people_ethnicity"), "not_recorded").count, 1);
}

TEST(Breakdowns, ReviewsAndPanelActionsAreJudgedAsTheyStoodOnThePeriodsLastDay) {
  AreaFacts facts = GeneratedArea(10);
  facts.last_day = *ParseDate("2026-09-30");
  // Three reviews passed before the last day, one falls on it (not yet overdue), six later.
  for (int i = 0; i < 10; ++i) {
    facts.children[i].next_review = *ParseDate(i < 3    ? "2026-09-01"
                                               : i == 3 ? "2026-09-30"
                                                        : "2026-11-01");
  }
  facts.children[9].next_review.reset();  // no review date: not counted
  Instant due = At("2026-09-10T09:00:00Z");
  facts.actions = {{.child_id = "child-0", .due_at = due, .completed_at = due - hours{1}},
                   {.child_id = "child-1", .due_at = due, .completed_at = due + hours{1}},
                   {.child_id = "child-2", .due_at = due, .completed_at = std::nullopt}};
  WorkingCalendar calendar({});
  auto all = Breakdowns(facts, TestLabels(), calendar);
  EXPECT_EQ(Table(all, "reviews_overdue").total, 9);
  EXPECT_EQ(Row(Table(all, "reviews_overdue"), "overdue").count, 3);
  EXPECT_EQ(Row(Table(all, "reviews_overdue"), "on_time").count, 6);
  EXPECT_EQ(Row(Table(all, "actions_overdue"), "overdue").count, 2) << "late and never completed";
  EXPECT_EQ(Row(Table(all, "actions_overdue"), "on_time").count, 1);
}

TEST(Breakdowns, DrillDownIdsAreTheChildrenCountedWhenAskedFor) {
  AreaFacts facts = GeneratedArea(12);
  WorkingCalendar calendar({});
  for (const auto& b : Breakdowns(facts, TestLabels(), calendar)) {
    for (const auto& r : b.rows) EXPECT_TRUE(r.child_ids.empty()) << "only counted by default";
  }
  auto all = Breakdowns(facts, TestLabels(), calendar, /*keep_children=*/true);
  for (const auto& b : all) {
    if (b.counting != "children") continue;
    for (const auto& r : b.rows) {
      EXPECT_EQ(long(r.child_ids.size()), r.count) << b.id << "/" << r.code;
    }
  }
}

TEST(Breakdowns, CodesTheSpecsLackGoBeforeNotRecordedInTheOrderFirstMet) {
  AreaFacts facts = GeneratedArea(6);
  // Codes alike but for one byte: short ones, and long ones alike in their first and last
  // eight bytes, each a row of its own labelled by its code.
  facts.children[0].sex = "x2";
  facts.children[1].sex = "x1";
  facts.children[2].sex = "x2";
  facts.children[0].ethnicity = "mixed_white_black_african";
  facts.children[1].ethnicity = "mixed_white_xlack_african";
  facts.children[2].ethnicity = "mixed_white_black_african";
  WorkingCalendar calendar({});
  auto all = Breakdowns(facts, TestLabels(), calendar);
  std::vector<std::string> codes;
  for (const auto& r : Table(all, "sex").rows) codes.push_back(r.code);
  EXPECT_EQ(codes, (std::vector<std::string>{"female", "male", "x2", "x1", "not_recorded"}));
  EXPECT_EQ(Row(Table(all, "sex"), "x2").count, 2);
  EXPECT_EQ(Row(Table(all, "sex"), "x1").label, "x1");
  const Breakdown& ethnicity = Table(all, "ethnicity");
  EXPECT_EQ(Row(ethnicity, "mixed_white_black_african").count, 2);
  EXPECT_EQ(Row(ethnicity, "mixed_white_xlack_african").count, 1);
  EXPECT_EQ(ethnicity.rows.back().code, kNotRecorded);
}

TEST(Breakdowns, CompletenessIsInAgencyIdOrderWhicheverIsMetFirst) {
  AreaFacts facts = GeneratedArea(6);
  const char* firsts[] = {"a-zeta", "a-beta", "a-zeta", "a-mu", "a-beta", "a-zeta"};
  for (int i = 0; i < 6; ++i) facts.children[i].first_agency = firsts[i];
  WorkingCalendar calendar({});
  auto all = Breakdowns(facts, TestLabels(), calendar);
  const Breakdown& sex = Table(all, "sex");
  ASSERT_EQ(sex.completeness.size(), 3u);
  EXPECT_EQ(sex.completeness[0].agency_id, "a-beta");
  EXPECT_EQ(sex.completeness[0].counted, 2);
  EXPECT_EQ(sex.completeness[1].agency_id, "a-mu");
  EXPECT_EQ(sex.completeness[1].counted, 1);
  EXPECT_EQ(sex.completeness[2].agency_id, "a-zeta");
  EXPECT_EQ(sex.completeness[2].counted, 3);
  // Sexes cycle female, male, not_known: children 2 and 5 (both a-zeta's) have none.
  EXPECT_EQ(sex.completeness[2].recorded, 1);
  // Only the looked-after children (0 and 4) are counted for the placing authority.
  const Breakdown& placing = Table(all, "placing_authority");
  ASSERT_EQ(placing.completeness.size(), 2u);
  EXPECT_EQ(placing.completeness[0].agency_id, "a-beta");
  EXPECT_EQ(placing.completeness[1].agency_id, "a-zeta");
}

TEST(Breakdowns, ALongTableKeepsEachCodeInItsOwnRow) {
  AreaFacts facts = GeneratedArea(300);
  Labels labels = TestLabels();
  labels.wards.clear();
  for (int w = 0; w < 100; ++w) {
    labels.wards["E0599" + std::to_string(1000 + w)] = "Ward " + std::to_string(w);
  }
  for (int i = 0; i < 300; ++i)
    facts.children[i].wards = {facts.text->Keep("E0599" + std::to_string(1000 + i % 100))};
  WorkingCalendar calendar({});
  auto all = Breakdowns(facts, labels, calendar);
  const Breakdown& wards = Table(all, "ward");
  ASSERT_EQ(wards.rows.size(), 101u);
  for (int w = 0; w < 100; ++w) {
    EXPECT_EQ(wards.rows[w].code, "E0599" + std::to_string(1000 + w)) << "in the labels' order";
    EXPECT_EQ(wards.rows[w].count, 3) << wards.rows[w].code;
  }
  EXPECT_EQ(wards.rows.back().count, 0);
}

TEST(Breakdowns, DrillDownIdsAreInTheOrderOfTheFacts) {
  AreaFacts facts = GeneratedArea(7);
  WorkingCalendar calendar({});
  auto all = Breakdowns(facts, TestLabels(), calendar, /*keep_children=*/true);
  EXPECT_EQ(Row(Table(all, "sex"), "female").child_ids,
            (std::vector<std::string>{"child-0", "child-3", "child-6"}));
  EXPECT_EQ(Row(Table(all, "concern_category"), "criminal_exploitation").child_ids,
            (std::vector<std::string>{"child-0", "child-3", "child-6"}));
  EXPECT_EQ(Row(Table(all, "placing_authority"), "placed_from_out_of_area").child_ids,
            (std::vector<std::string>{"child-0"}));
}

}  // namespace
}  // namespace harbour::profile
