#include "assessments/engine.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>

#include "assessments/test_support.h"

namespace harbour::assessments {
namespace {

using std::chrono::days;
using std::chrono::sys_days;
using ::testing::HasSubstr;

using testing::ReadSource;

using testing::ParseOrDie;

const ToolDefinition& Shipped(const std::string& id) {
  static const ToolDefinition screening =
      ParseOrDie(ReadSource("config/tools/harbour-screening.toml"));
  static const ToolDefinition points = ParseOrDie(ReadSource("config/tools/example-points.toml"));
  static const ToolDefinition rag = ParseOrDie(ReadSource("config/tools/example-rag.toml"));
  if (id == "points") return points;
  if (id == "rag") return rag;
  return screening;
}

using testing::D;

// Wednesday 4 March 2026, 10:00 UTC (GMT, so the London date is the same).
const Instant kNow = sys_days{D(2026, 3, 4)} + std::chrono::hours{10};
const Date kToday = D(2026, 3, 4);

const WorkingCalendar& Calendar() {
  static const WorkingCalendar calendar({D(2026, 4, 3), D(2026, 4, 6), D(2026, 5, 4)});
  return calendar;
}

Answer With(std::string code, Recency recency) {
  Answer answer;
  answer.indicator = std::move(code);
  answer.recency = recency;
  return answer;
}
Answer Current(std::string code) { return With(std::move(code), Recency::kCurrent); }
Answer SeenDaysAgo(std::string code, int days_ago) {
  Answer answer = Current(std::move(code));
  answer.last_seen = Date{sys_days{kToday} - days{days_ago}};
  return answer;
}

Outcome ScoreOk(const ToolDefinition& tool, const std::vector<Answer>& answers,
                ChildFacts child = {}, Instant now = kNow) {
  auto outcome = Score(tool, answers, child, now, Calendar());
  if (!outcome) {
    std::string fields;
    for (const auto& [k, v] : outcome.error().fields) fields += k + ": " + v + "\n";
    throw std::runtime_error("Score failed: " + fields);
  }
  return *outcome;
}

bool HasContribution(const Outcome& outcome, std::string_view source, std::string_view why_part) {
  return std::ranges::any_of(outcome.contributions, [&](const Contribution& c) {
    return c.source == source && c.why.find(why_part) != std::string::npos;
  });
}

// ----- points with recency (example-points: strong signs 5/1/6, vulnerabilities 1,
// bands 0 / 6 / 11 / 16, current 182 days, past 365 days) -----

const std::vector<std::string> kStrong = {"ws.going_missing", "ws.older_relationship",
                                          "ws.unexplained_gifts", "ws.cars_with_unknown_adults"};

TEST(PointsScheme, BandEdges) {
  const ToolDefinition& tool = Shipped("points");
  struct Case {
    int strong;
    int vulnerabilities;
    int score;
    std::string level;
  };
  for (const Case& c : std::vector<Case>{{0, 0, 0, "not_at_risk"},
                                         {1, 0, 5, "not_at_risk"},
                                         {1, 1, 6, "mild"},
                                         {2, 0, 10, "mild"},
                                         {2, 1, 11, "moderate"},
                                         {3, 0, 15, "moderate"},
                                         {3, 1, 16, "significant"}}) {
    std::vector<Answer> answers;
    answers.reserve(static_cast<std::size_t>(c.strong) + 1);
    for (int i = 0; i < c.strong; ++i) answers.push_back(Current(kStrong[i]));
    if (c.vulnerabilities > 0) answers.push_back(Current("vu.running_away"));
    Outcome outcome = ScoreOk(tool, answers);
    EXPECT_EQ(outcome.score, c.score) << c.strong << "/" << c.vulnerabilities;
    EXPECT_EQ(outcome.level, c.level) << "score " << c.score;
  }
}

TEST(PointsScheme, LookBackBoundaries) {
  const ToolDefinition& tool = Shipped("points");
  EXPECT_EQ(ScoreOk(tool, {SeenDaysAgo("ws.going_missing", 0)}).score, 5);
  EXPECT_EQ(ScoreOk(tool, {SeenDaysAgo("ws.going_missing", 182)}).score, 5);
  EXPECT_EQ(ScoreOk(tool, {SeenDaysAgo("ws.going_missing", 183)}).score, 1);
  EXPECT_EQ(ScoreOk(tool, {SeenDaysAgo("ws.going_missing", 365)}).score, 1);
  Outcome outside = ScoreOk(tool, {SeenDaysAgo("ws.going_missing", 366)});
  EXPECT_EQ(outside.score, 0);
  ASSERT_FALSE(outside.contributions.empty());
  EXPECT_FALSE(outside.contributions[0].counted);
  EXPECT_THAT(outside.contributions[0].why, HasSubstr("beyond the 365-day look-back"));
}

TEST(PointsScheme, BothCurrentAndPast) {
  const ToolDefinition& tool = Shipped("points");
  Answer both = SeenDaysAgo("ws.going_missing", 10);
  both.earlier_seen = Date{sys_days{kToday} - days{200}};
  Outcome outcome = ScoreOk(tool, {both});
  EXPECT_EQ(outcome.score, 6);
  EXPECT_EQ(outcome.level, "mild");
  EXPECT_TRUE(HasContribution(outcome, "ws.going_missing", "6 points: both current and past"));

  Answer both_recent = both;  // an earlier sighting inside the current window is just current
  both_recent.earlier_seen = Date{sys_days{kToday} - days{100}};
  EXPECT_EQ(ScoreOk(tool, {both_recent}).score, 5);
  Answer both_too_old = both;  // and one beyond the look-back adds nothing
  both_too_old.earlier_seen = Date{sys_days{kToday} - days{366}};
  EXPECT_EQ(ScoreOk(tool, {both_too_old}).score, 5);

  // Without dates the practitioner's recency is used as given.
  EXPECT_EQ(ScoreOk(tool, {With("ws.going_missing", Recency::kBoth)}).score, 6);
  EXPECT_EQ(ScoreOk(tool, {With("ws.going_missing", Recency::kPast)}).score, 1);
  EXPECT_EQ(ScoreOk(tool, {With("ws.missing_school", Recency::kPast)}).score, 0);
}

TEST(PointsScheme, DisabilityAddsAPointOnlyWithIndicators) {
  const ToolDefinition& tool = Shipped("points");
  ChildFacts disabled{14, children::Disability::kYes};
  Outcome outcome = ScoreOk(tool, {Current("ws.going_missing")}, disabled);
  EXPECT_EQ(outcome.score, 6);
  EXPECT_EQ(outcome.level, "mild");
  EXPECT_TRUE(HasContribution(outcome, "floor", "1 point: The child has a disability"));
  EXPECT_EQ(ScoreOk(tool, {}, disabled).score, 0);
  ChildFacts unknown{14, children::Disability::kNotKnown};
  EXPECT_EQ(ScoreOk(tool, {Current("ws.going_missing")}, unknown).score, 5);
}

TEST(PointsScheme, ExplainsEachContribution) {
  Outcome outcome = ScoreOk(Shipped("points"), {SeenDaysAgo("ws.going_missing", 3)});
  EXPECT_TRUE(
      HasContribution(outcome, "ws.going_missing",
                      "5 points: current (within the last 182 days), last seen 3 days ago"));
  EXPECT_TRUE(HasContribution(outcome, "band", "total 5 → Not at risk"));
  EXPECT_EQ(outcome.tool_id, "example-points");
  EXPECT_EQ(outcome.tool_version, 1);
}

TEST(PointsScheme, WorkedExampleOfTheDocs) {
  Answer missing = SeenDaysAgo("ws.going_missing", 10);
  missing.earlier_seen = Date{sys_days{kToday} - days{200}};
  Outcome outcome = ScoreOk(
      Shipped("points"),
      {missing, SeenDaysAgo("ws.older_relationship", 250), Current("vu.family_difficulties")},
      ChildFacts{14, children::Disability::kYes});
  EXPECT_EQ(outcome.score, 9);
  EXPECT_EQ(outcome.level, "mild");
  ASSERT_EQ(outcome.actions.size(), 1u);
  EXPECT_EQ(outcome.actions[0].due_date, D(2026, 3, 11));  // 5 working days after Wednesday
  EXPECT_EQ(outcome.next_review, D(2026, 6, 3));           // 91 days
}

// Property: marking one more indicator present never lowers the score or the level.
TEST(PointsScheme, AddingAPresentIndicatorNeverLowersTheScore) {
  const ToolDefinition& tool = Shipped("points");
  std::vector<std::string> codes;
  for (const Section& section : tool.sections) {
    for (const ToolIndicator& indicator : section.indicators) codes.push_back(indicator.code);
  }
  std::mt19937 random(20260304);
  const Recency kRecencies[] = {Recency::kCurrent, Recency::kPast, Recency::kBoth};
  for (int trial = 0; trial < 500; ++trial) {
    std::vector<std::string> shuffled = codes;
    std::ranges::shuffle(shuffled, random);
    std::size_t size = random() % codes.size();  // leaves at least one absent
    std::vector<Answer> answers;
    for (std::size_t i = 0; i < size; ++i) {
      answers.push_back(With(shuffled[i], kRecencies[random() % 3]));
    }
    ChildFacts child{static_cast<int>(random() % 18),
                     random() % 2 ? children::Disability::kYes : children::Disability::kNo};
    Outcome before = ScoreOk(tool, answers, child);
    answers.push_back(With(shuffled[size], kRecencies[random() % 3]));
    Outcome after = ScoreOk(tool, answers, child);
    ASSERT_GE(after.score, before.score) << "trial " << trial;
    ASSERT_GE(tool.LevelIndex(after.level), tool.LevelIndex(before.level)) << "trial " << trial;
  }
}

// ----- categories with rules (harbour-screening) -----

TEST(CategoriesScheme, LevelsFromIndicatorRules) {
  const ToolDefinition& tool = Shipped("screening");
  ChildFacts teenager{15};
  EXPECT_EQ(ScoreOk(tool, {}, teenager).level, "no_current_concern");
  EXPECT_EQ(ScoreOk(tool, {Current("vu.running_away")}, teenager).level, "no_current_concern");
  EXPECT_EQ(ScoreOk(tool, {Current("ws.missing_school")}, teenager).level, "at_risk");
  Outcome targeted =
      ScoreOk(tool, {Current("ws.missing_school"), Current("ws.older_relationship")}, teenager);
  EXPECT_EQ(targeted.level, "significant_risk");
  EXPECT_TRUE(HasContribution(targeted, "ws.older_relationship", "at least Significant risk"));
  EXPECT_FALSE(targeted.immediate_action);
}

TEST(CategoriesScheme, CountRules) {
  const ToolDefinition& tool = Shipped("screening");
  ChildFacts teenager{15};
  Outcome two = ScoreOk(
      tool, {Current("ws.older_relationship"), Current("ws.cars_with_unknown_adults")}, teenager);
  EXPECT_EQ(two.level, "significant_risk");
  Outcome three = ScoreOk(tool,
                          {Current("ws.older_relationship"), Current("ws.cars_with_unknown_adults"),
                           Current("ws.taken_to_parties")},
                          teenager);
  EXPECT_EQ(three.level, "serious_risk");
  EXPECT_TRUE(
      HasContribution(three, "rule", "Three or more signs of targeting together (3 present)"));
  Outcome vulnerable = ScoreOk(tool,
                               {Current("vu.running_away"), Current("vu.no_trusted_adult"),
                                Current("vu.family_difficulties")},
                               teenager);
  EXPECT_EQ(vulnerable.level, "at_risk");
}

TEST(CategoriesScheme, ImmediateActionIndicator) {
  const ToolDefinition& tool = Shipped("screening");
  Outcome outcome = ScoreOk(tool, {Current("ws.carrying_weapon")}, ChildFacts{16});
  EXPECT_TRUE(outcome.immediate_action);
  EXPECT_EQ(outcome.level, "serious_risk");
  EXPECT_TRUE(HasContribution(outcome, "immediate", "immediate action: ws.carrying_weapon"));
  // The level's three actions plus the immediate one, due in 4 hours.
  ASSERT_EQ(outcome.actions.size(), 4u);
  const DueAction& immediate = outcome.actions.back();
  EXPECT_EQ(immediate.level, "immediate");
  EXPECT_EQ(immediate.due, kNow + std::chrono::hours{4});
  EXPECT_EQ(outcome.actions[0].due, kNow + std::chrono::hours{24});
  EXPECT_EQ(outcome.next_review, D(2026, 4, 1));  // 28 days
}

TEST(CategoriesScheme, FloorsFromTheChildRecord) {
  const ToolDefinition& tool = Shipped("screening");
  std::vector<Answer> one_sign = {Current("ws.missing_school")};
  EXPECT_EQ(ScoreOk(tool, one_sign, ChildFacts{12}).level, "significant_risk");  // raised one
  EXPECT_EQ(ScoreOk(tool, one_sign, ChildFacts{13}).level, "at_risk");
  EXPECT_EQ(ScoreOk(tool, one_sign, ChildFacts{}).level, "at_risk");  // age not known
  Outcome top = ScoreOk(tool, {Current("ws.carrying_weapon")}, ChildFacts{11});
  EXPECT_EQ(top.level, "serious_risk");  // a raise stops at the highest level

  ChildFacts looked_after{15, children::Disability::kNo, children::LegalStatus::kLookedAfterS31};
  Outcome cared_for = ScoreOk(tool, {Current("vu.running_away")}, looked_after);
  EXPECT_EQ(cared_for.level, "at_risk");
  EXPECT_TRUE(HasContribution(cared_for, "floor", "floor: The child is looked after"));
  EXPECT_EQ(ScoreOk(tool, {}, looked_after).level, "no_current_concern");  // nothing present
}

TEST(CategoriesScheme, AnswersBeyondTheLookBackDoNotCount) {
  const ToolDefinition& tool = Shipped("screening");
  EXPECT_EQ(ScoreOk(tool, {SeenDaysAgo("ws.older_relationship", 365)}, ChildFacts{15}).level,
            "significant_risk");
  EXPECT_EQ(ScoreOk(tool, {SeenDaysAgo("ws.older_relationship", 366)}, ChildFacts{15}).level,
            "no_current_concern");
}

// ----- indicator-level RAG (example-rag) -----

TEST(RagScheme, HighestIndicatorLevelWins) {
  const ToolDefinition& tool = Shipped("rag");
  ChildFacts teenager{15, children::Disability::kNo};
  Outcome none = ScoreOk(tool, {}, teenager);
  EXPECT_EQ(none.level, "low");
  EXPECT_EQ(none.next_review, D(2026, 4, 15));  // 42 days
  EXPECT_EQ(ScoreOk(tool, {Current("ws.missing_school")}, teenager).level, "low");
  EXPECT_EQ(
      ScoreOk(tool, {Current("ws.missing_school"), Current("ws.going_missing")}, teenager).level,
      "medium");
  EXPECT_EQ(
      ScoreOk(tool, {Current("ws.going_missing"), Current("ws.unexplained_gifts")}, teenager).level,
      "high");  // rule: both together
}

TEST(RagScheme, WorkerMayAmendWithAReason) {
  const ToolDefinition& tool = Shipped("rag");
  ChildFacts teenager{15, children::Disability::kNo};
  Answer amended = Current("ws.going_missing");
  amended.amended_level = "high";
  amended.amended_reason = "Missing three nights this week";
  Outcome outcome = ScoreOk(tool, {amended}, teenager);
  EXPECT_EQ(outcome.level, "high");
  EXPECT_TRUE(HasContribution(outcome, "ws.going_missing",
                              "amended from Medium to High: Missing three nights this week"));

  amended.amended_level = "low";
  amended.amended_reason = "Returned within the hour, known to be with grandparents";
  EXPECT_EQ(ScoreOk(tool, {amended}, teenager).level, "low");

  amended.amended_reason = "  ";
  auto refused = Score(tool, {amended}, teenager, kNow, Calendar());
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().kind, ErrorKind::kInvalid);
  EXPECT_TRUE(refused.error().fields.contains("answers.ws.going_missing.amended_reason"));

  amended.amended_level = "purple";
  refused = Score(tool, {amended}, teenager, kNow, Calendar());
  ASSERT_FALSE(refused.has_value());
  EXPECT_TRUE(refused.error().fields.contains("answers.ws.going_missing.amended_level"));
}

TEST(RagScheme, UnderThirteenOrDisabledIsNeverLow) {
  const ToolDefinition& tool = Shipped("rag");
  std::vector<Answer> low_sign = {Current("ws.missing_school")};
  EXPECT_EQ(ScoreOk(tool, low_sign, ChildFacts{12, children::Disability::kNo}).level, "medium");
  EXPECT_EQ(ScoreOk(tool, low_sign, ChildFacts{15, children::Disability::kYes}).level, "medium");
  EXPECT_EQ(ScoreOk(tool, low_sign, ChildFacts{13, children::Disability::kNo}).level, "low");
}

// ----- actions, validation, judgement, versions -----

TEST(Actions, WorkingDaysSkipWeekendsAndBankHolidays) {
  const ToolDefinition& tool = Shipped("screening");
  // Thursday 2 April 2026, 11:00 in London (BST); Good Friday and Easter Monday follow.
  Instant thursday = sys_days{D(2026, 4, 2)} + std::chrono::hours{10};
  Outcome outcome = ScoreOk(tool, {Current("ws.older_relationship")}, ChildFacts{15}, thursday);
  ASSERT_EQ(outcome.level, "significant_risk");
  ASSERT_EQ(outcome.actions.size(), 2u);
  EXPECT_EQ(outcome.actions[0].text, "Refer to children's social care");
  EXPECT_EQ(outcome.actions[0].due_date, D(2026, 4, 7));
  EXPECT_EQ(outcome.actions[0].due, FromLondonLocal(D(2026, 4, 7), 23, 59));
  EXPECT_EQ(outcome.next_review, D(2026, 5, 14));  // 42 days
}

TEST(Validation, RefusesUnknownRepeatedAndFutureAnswers) {
  const ToolDefinition& tool = Shipped("points");
  Answer future = SeenDaysAgo("ws.going_missing", -1);
  Answer earlier_only = Current("ws.older_relationship");
  earlier_only.earlier_seen = D(2026, 1, 1);
  auto refused = Score(tool,
                       {Current("ws.pregnancy"), future, Current("vu.running_away"),
                        Current("vu.running_away"), earlier_only},
                       ChildFacts{}, kNow, Calendar());
  ASSERT_FALSE(refused.has_value());
  const auto& fields = refused.error().fields;
  EXPECT_EQ(refused.error().kind, ErrorKind::kInvalid);
  EXPECT_TRUE(fields.contains("answers.ws.pregnancy"));
  EXPECT_TRUE(fields.contains("answers.ws.going_missing.last_seen"));
  EXPECT_TRUE(fields.contains("answers.vu.running_away"));
  EXPECT_TRUE(fields.contains("answers.ws.older_relationship.earlier_seen"));
  // Today is not the future.
  EXPECT_TRUE(Score(tool, {SeenDaysAgo("ws.going_missing", 0)}, {}, kNow, Calendar()));
}

TEST(Validation, AmendingIsOnlyForRagTools) {
  Answer amended = Current("ws.going_missing");
  amended.amended_level = "mild";
  amended.amended_reason = "x";
  auto refused = Score(Shipped("points"), {amended}, {}, kNow, Calendar());
  ASSERT_FALSE(refused.has_value());
  EXPECT_TRUE(refused.error().fields.contains("answers.ws.going_missing.amended_level"));
}

TEST(Judgement, DifferentLevelNeedsARationale) {
  const ToolDefinition& tool = Shipped("screening");
  Outcome outcome = ScoreOk(tool, {Current("ws.missing_school")}, ChildFacts{15});
  auto same = ValidateJudgement(tool, outcome, "at_risk", "");
  ASSERT_TRUE(same.has_value());
  EXPECT_FALSE(same->differs);
  auto bare = ValidateJudgement(tool, outcome, "significant_risk", "   ");
  ASSERT_FALSE(bare.has_value());
  EXPECT_TRUE(bare.error().fields.contains("rationale"));
  auto explained =
      ValidateJudgement(tool, outcome, "significant_risk", " Seen with older men twice ");
  ASSERT_TRUE(explained.has_value());
  EXPECT_TRUE(explained->differs);
  EXPECT_EQ(explained->rationale, "Seen with older men twice");
  auto unknown = ValidateJudgement(tool, outcome, "mild", "x");
  ASSERT_FALSE(unknown.has_value());
  EXPECT_TRUE(unknown.error().fields.contains("judged_level"));
  EXPECT_TRUE(ValidateJudgement(tool, outcome, "", "").error().fields.contains("judged_level"));
}

TEST(Versions, AnOldAssessmentRescoresTheSameAfterTheToolChanges) {
  std::string v1_text = ReadSource("config/tools/example-points.toml");
  ToolDefinition v1 = ParseOrDie(v1_text);
  std::string v2_text = v1_text;
  v2_text.replace(v2_text.find("version = 1"), 11, "version = 2");
  const std::string strong = "points = { current = 5, past = 1, both = 6 }";
  for (auto at = v2_text.find(strong); at != std::string::npos; at = v2_text.find(strong)) {
    v2_text.replace(at, strong.size(), "points = { current = 8, past = 2, both = 9 }");
  }
  ToolDefinition v2 = ParseOrDie(v2_text);
  EXPECT_NE(v1.fingerprint, v2.fingerprint);

  std::vector<Answer> answers = {Current("ws.going_missing"), Current("vu.running_away")};
  Outcome at_submission = ScoreOk(v1, answers);
  Outcome with_v2 = ScoreOk(v2, answers);
  Outcome rescored = ScoreOk(v1, answers);  // the stored assessment keeps using version 1
  EXPECT_EQ(at_submission.score, 6);
  EXPECT_EQ(with_v2.score, 9);
  EXPECT_EQ(rescored.score, at_submission.score);
  EXPECT_EQ(rescored.level, at_submission.level);
  EXPECT_EQ(rescored.tool_version, 1);
  EXPECT_EQ(rescored.tool_fingerprint, v1.fingerprint);
  ASSERT_EQ(rescored.contributions.size(), at_submission.contributions.size());
  for (std::size_t i = 0; i < rescored.contributions.size(); ++i) {
    EXPECT_EQ(rescored.contributions[i].why, at_submission.contributions[i].why);
  }
}

TEST(ChildFactsTest, AgeFromDateOfBirthOrEstimate) {
  children::Child child;
  child.date_of_birth = D(2013, 3, 5);
  child.disability = children::Disability::kYes;
  ChildFacts facts = FactsOf(child, kToday);
  EXPECT_EQ(facts.age, 12);
  EXPECT_EQ(facts.disability, children::Disability::kYes);
  child.date_of_birth.reset();
  child.estimated_age = 14;
  EXPECT_EQ(FactsOf(child, kToday).age, 14);
  child.estimated_age.reset();
  EXPECT_FALSE(FactsOf(child, kToday).age.has_value());
}

}  // namespace
}  // namespace harbour::assessments

namespace harbour::assessments {
namespace {

TEST(Plan, AHigherJudgedLevelBringsItsActionsAndSoonerReview) {
  const ToolDefinition& tool = Shipped("screening");
  auto outcome = Score(tool, {Current("ws.unexplained_gifts")}, ChildFacts{}, kNow, Calendar());
  ASSERT_TRUE(outcome.has_value());
  const std::string highest = tool.levels.back().code;
  ASSERT_NE(outcome->level, highest);
  Plan plan = PlanFor(tool, *outcome, highest, kNow, Calendar());
  EXPECT_EQ(plan.level, highest);
  const Level& top = *tool.FindLevel(highest);
  ASSERT_EQ(plan.actions.size(), top.actions.size());
  EXPECT_EQ(plan.actions.front().text, top.actions.front().text);
  EXPECT_EQ(plan.next_review, Date{sys_days{kToday} + days{top.review_days}});
  EXPECT_FALSE(JudgedBelow(tool, *outcome, highest));
}

TEST(Plan, ALowerJudgedLevelKeepsTheToolsActionsAndIsFlagged) {
  const ToolDefinition& tool = Shipped("screening");
  auto outcome = Score(tool, {Current("ws.unexplained_gifts")}, ChildFacts{}, kNow, Calendar());
  ASSERT_TRUE(outcome.has_value());
  const std::string lowest = tool.levels.front().code;
  ASSERT_NE(outcome->level, lowest);
  Plan plan = PlanFor(tool, *outcome, lowest, kNow, Calendar());
  EXPECT_EQ(plan.level, outcome->level);
  EXPECT_EQ(plan.actions.size(), outcome->actions.size());
  EXPECT_EQ(plan.next_review, outcome->next_review);
  EXPECT_TRUE(JudgedBelow(tool, *outcome, lowest));
  EXPECT_FALSE(JudgedBelow(tool, *outcome, outcome->level));
  EXPECT_FALSE(JudgedBelow(tool, *outcome, "not_a_level"));
}

Outcome AtLevel(std::string code) {
  Outcome outcome;
  outcome.level = std::move(code);
  return outcome;
}

TEST(Actions, TodayOnAWeekendOrBankHolidayMeansTheNextWorkingDay) {
  std::string text = testing::ReadSource("config/tools/example-rag.toml");
  auto at = text.find("due_working_days = ");
  ASSERT_NE(at, std::string::npos);
  text.replace(at, text.find('\n', at) - at, "due_working_days = 0");
  ToolDefinition tool = ParseOrDie(text);
  const Level* with_action = nullptr;
  for (const Level& level : tool.levels) {
    for (const Action& action : level.actions) {
      if (action.due_working_days == 0) with_action = &level;
    }
  }
  ASSERT_NE(with_action, nullptr);
  // Saturday 4 April 2026, in the Easter weekend: Monday 6 April is a bank holiday too.
  const Instant saturday = sys_days{D(2026, 4, 4)} + std::chrono::hours{10};
  Plan plan = PlanFor(tool, AtLevel(with_action->code), with_action->code, saturday, Calendar());
  bool found = false;
  for (const DueAction& due : plan.actions) {
    if (due.text != with_action->actions.front().text) continue;
    found = true;
    EXPECT_EQ(due.due_date, D(2026, 4, 7));
  }
  EXPECT_TRUE(found);
  // On a working day, "0 working days" is that day.
  const Instant wednesday = kNow;
  Plan same_day =
      PlanFor(tool, AtLevel(with_action->code), with_action->code, wednesday, Calendar());
  EXPECT_EQ(same_day.actions.front().due_date, kToday);
}

TEST(Judgement, RationaleAndReasonsAreBoundedReadableText) {
  const ToolDefinition& tool = Shipped("screening");
  auto outcome = Score(tool, {}, ChildFacts{}, kNow, Calendar());
  ASSERT_TRUE(outcome.has_value());
  const std::string other = tool.levels.back().code;
  auto too_long = ValidateJudgement(tool, *outcome, other, std::string(kMaxRationale + 1, 'a'));
  ASSERT_FALSE(too_long.has_value());
  EXPECT_TRUE(too_long.error().fields.contains("rationale"));
  auto control = ValidateJudgement(tool, *outcome, other, std::string("why\x01"));
  ASSERT_FALSE(control.has_value());
  EXPECT_TRUE(control.error().fields.contains("rationale"));
  EXPECT_TRUE(ValidateJudgement(tool, *outcome, other, std::string(kMaxRationale, 'a')));
  EXPECT_TRUE(ValidateDraftJudgement(tool, "", ""));
  auto bad = ValidateDraftJudgement(tool, "bogus\x01level", std::string("x\x02"));
  ASSERT_FALSE(bad.has_value());
  EXPECT_TRUE(bad.error().fields.contains("judged_level"));
  EXPECT_TRUE(bad.error().fields.contains("rationale"));
  Answer amended = Current("ws.going_missing");
  amended.amended_level = Shipped("rag").levels.back().code;
  amended.amended_reason = std::string(kMaxAmendedReason + 1, 'r');
  auto reason = Score(Shipped("rag"), {amended}, {}, kNow, Calendar());
  ASSERT_FALSE(reason.has_value());
  EXPECT_TRUE(reason.error().fields.contains("answers.ws.going_missing.amended_reason"));
}

}  // namespace
}  // namespace harbour::assessments
