#include "web/assessments/views.h"

#include <gtest/gtest.h>

#include "assessments/test_support.h"

namespace harbour::web {
namespace {

using assessments::testing::D;
using assessments::testing::ParseOrDie;
using assessments::testing::ReadSource;
using assessments::testing::RealCatalogue;

const assessments::ToolDefinition& Tool(const std::string& file) {
  static std::map<std::string, assessments::ToolDefinition> cache;
  auto it = cache.find(file);
  if (it == cache.end()) {
    it = cache.emplace(file, ParseOrDie(ReadSource("config/tools/" + file + ".toml"))).first;
  }
  return it->second;
}

assessments::Prefilled Suggested(const std::string& code, Date seen) {
  assessments::Prefilled p;
  p.answer.indicator = code;
  p.answer.last_seen = seen;
  p.sources.push_back({code, seen, "concern", "k1", "Test School", "A Tester"});
  return p;
}

FormData Form(const std::vector<std::pair<std::string, std::string>>& pairs) {
  FormData form;
  for (const auto& [name, value] : pairs) form.Add(name, value);
  return form;
}

TEST(AssessmentForm, ReadsConfirmedTickedAndClearedAnswers) {
  const auto& tool = Tool("harbour-screening");
  std::vector<assessments::Prefilled> prefill = {Suggested("ws.unexplained_gifts", D(2026, 3, 1)),
                                                 Suggested("ws.going_missing", D(2026, 2, 1))};
  auto form = FormFromPost(tool,
                           Form({{"confirm.ws.unexplained_gifts", "yes"},
                                 {"last_seen.ws.unexplained_gifts", "2026-03-01"},
                                 {"confirm.ws.going_missing", "no"},
                                 {"present", "ws.cars_with_unknown_adults"},
                                 {"present", "ws.going_missing"},  // ignored: it was cleared
                                 {"judged_level", "at_risk"},
                                 {"rationale", "  because  "}}),
                           prefill);
  ASSERT_EQ(form.answers.size(), 2U);
  std::set<std::string> codes;
  for (const auto& a : form.answers) codes.insert(a.indicator);
  EXPECT_EQ(codes, (std::set<std::string>{"ws.unexplained_gifts", "ws.cars_with_unknown_adults"}));
  EXPECT_EQ(form.cleared, std::vector<std::string>{"ws.going_missing"});
  EXPECT_TRUE(form.problems.empty());
  EXPECT_EQ(form.judged_level, "at_risk");
}

TEST(AssessmentForm, KeepsABadDateAsTypedAndNamesTheField) {
  const auto& tool = Tool("harbour-screening");
  auto form = FormFromPost(
      tool,
      Form({{"present", "ws.unexplained_gifts"}, {"last_seen.ws.unexplained_gifts", "31/02/2026"}}),
      {});
  EXPECT_EQ(form.questions.at("ws.unexplained_gifts").last_seen, "31/02/2026");
  EXPECT_EQ(form.problems.count("answers.ws.unexplained_gifts.last_seen"), 1U);
  mstch::map context = AssessmentFormContext(tool, form, RealCatalogue(), nullptr);
  EXPECT_EQ(context.count("has_errors"), 0U) << "problems show only when passed in";
  Error problems = FormProblems(form);
  context = AssessmentFormContext(tool, form, RealCatalogue(), &problems);
  ASSERT_EQ(context.count("has_errors"), 1U);
  auto errors = boost::get<mstch::array>(context.at("errors"));
  ASSERT_EQ(errors.size(), 1U);
  auto first = boost::get<mstch::map>(errors[0]);
  EXPECT_EQ(boost::get<std::string>(first.at("href")), "#q-ws-unexplained_gifts");
}

TEST(AssessmentForm, AnUndecidedSuggestionIsNeitherPresentNorCleared) {
  const auto& tool = Tool("harbour-screening");
  std::vector<assessments::Prefilled> prefill = {Suggested("ws.unexplained_gifts", D(2026, 3, 1)),
                                                 Suggested("ws.going_missing", D(2026, 3, 1))};
  auto form = FormFromPost(tool, Form({{"confirm.ws.going_missing", "no"}}), prefill);
  EXPECT_TRUE(form.answers.empty()) << "undecided is not present";
  EXPECT_EQ(assessments::Undecided(prefill, form.answers, form.cleared),
            std::vector<std::string>{"ws.unexplained_gifts"});
}

TEST(AssessmentForm, ADraftKeepsItsDecisionsWhenTheRecordsStillSuggestThem) {
  const auto& tool = Tool("harbour-screening");
  storage::AssessmentsRepository::Stored draft;
  draft.assessment.answers = {assessments::testing::Present("ws.unexplained_gifts")};
  draft.cleared = {"ws.going_missing"};
  auto form = FormFromDraft(tool, draft,
                            {Suggested("ws.unexplained_gifts", D(2026, 3, 1)),
                             Suggested("ws.going_missing", D(2026, 3, 2)),
                             Suggested("ws.cars_with_unknown_adults", D(2026, 3, 3))});
  EXPECT_EQ(form.questions.at("ws.unexplained_gifts").decision, "yes");
  EXPECT_EQ(form.questions.at("ws.going_missing").decision, "no");
  EXPECT_EQ(form.questions.at("ws.cars_with_unknown_adults").decision, "") << "new since";
  EXPECT_EQ(form.questions.at("ws.cars_with_unknown_adults").last_seen, "2026-03-03");
}

TEST(AssessmentViews, QuestionIds) {
  EXPECT_EQ(QuestionId("ws.unexplained_gifts"), "q-ws-unexplained_gifts");
}

TEST(RiskSummary, CurrentLevelMarkerAndOneChartPointPerAssessment) {
  const auto& tool = Tool("harbour-screening");
  EXPECT_EQ(boost::get<std::string>(RiskSummary({}, {}, nullptr, D(2026, 3, 4)).at("review_state")),
            "none");
  assessments::Assessment older, newer;
  older.judged_level = tool.levels.front().code;
  older.submitted_at = std::chrono::sys_days{D(2025, 6, 1)};
  older.plan.next_review = D(2025, 9, 1);
  newer.judged_level = tool.levels.back().code;
  newer.submitted_at = std::chrono::sys_days{D(2026, 1, 1)};
  newer.plan.next_review = D(2026, 2, 1);
  auto summary = RiskSummary({newer, older}, {&tool, &tool}, nullptr, D(2026, 3, 4));
  EXPECT_EQ(boost::get<std::string>(summary.at("review_state")), "overdue");
  EXPECT_TRUE(boost::get<bool>(summary.at("overdue")));
  auto current = boost::get<mstch::map>(summary.at("current"));
  EXPECT_EQ(boost::get<std::string>(current.at("label")), tool.levels.back().label);
  auto points = boost::get<mstch::array>(summary.at("chart_points"));
  ASSERT_EQ(points.size(), 2U);
  auto left = boost::get<mstch::map>(points[0]), right = boost::get<mstch::map>(points[1]);
  EXPECT_LT(boost::get<int>(left.at("x")), boost::get<int>(right.at("x"))) << "oldest on the left";
  EXPECT_GT(boost::get<int>(left.at("y")), boost::get<int>(right.at("y")))
      << "higher level is higher";
}

TEST(RiskSummary, ThePanelsCategoryReachesTheChildBesideTheToolAndTheJudgement) {
  const auto& tool = Tool("harbour-screening");
  assessments::Assessment latest;
  latest.judged_level = tool.levels.back().code;
  latest.outcome.level = tool.levels.front().code;
  latest.submitted_at = std::chrono::sys_days{D(2026, 1, 1)};
  latest.plan.next_review = D(2026, 4, 1);
  panel::AgendaItem item;
  panel::Decision d;
  d.category = panel::Category::kSignificantRisk;
  d.recorded_at = std::chrono::sys_days{D(2026, 2, 10)} + std::chrono::hours(12);
  d.next_review = D(2026, 3, 10);
  item.decision = d;
  auto summary = RiskSummary({latest}, {&tool}, &item, D(2026, 3, 4));
  EXPECT_TRUE(boost::get<bool>(summary.at("has_panel_category")));
  EXPECT_EQ(boost::get<std::string>(summary.at("panel_category")), "Category 2: significant risk");
  EXPECT_EQ(boost::get<std::string>(summary.at("panel_decided_on")), "10 February 2026");
  auto judged = boost::get<mstch::map>(summary.at("current"));
  auto computed = boost::get<mstch::map>(summary.at("tool_level"));
  EXPECT_EQ(boost::get<std::string>(judged.at("label")), tool.levels.back().label);
  EXPECT_EQ(boost::get<std::string>(computed.at("label")), tool.levels.front().label);
  // With no assessment, the panel's category still shows.
  auto only_panel = RiskSummary({}, {}, &item, D(2026, 3, 4));
  EXPECT_TRUE(boost::get<bool>(only_panel.at("has_panel_category")));
  EXPECT_FALSE(boost::get<bool>(only_panel.at("has_assessment")));
}

}  // namespace
}  // namespace harbour::web
