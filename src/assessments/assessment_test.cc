#include "assessments/assessment.h"

#include <gtest/gtest.h>

#include "assessments/test_support.h"
#include "common/codes_testing.h"

namespace harbour::assessments {
namespace {

using testing::D;
using testing::ParseOrDie;
using testing::ReadSource;

const ToolDefinition& Screening() {
  static const ToolDefinition tool = ParseOrDie(ReadSource("config/tools/harbour-screening.toml"));
  return tool;
}

const Date kToday = D(2026, 3, 4);

Sighting Seen(std::string indicator, const Date& day, std::string record = "c1") {
  return Sighting{std::move(indicator), day,           "concern",
                  std::move(record),    "Test School", "A Tester"};
}

std::optional<Date> DaysAgo(int n) {
  return Date{std::chrono::sys_days{kToday} - std::chrono::days{n}};
}

TEST(Prefill, SuggestsEachAskedIndicatorOnceWithEverySourceNewestFirst) {
  auto prefill = Prefill(
      Screening(),
      {Seen("ws.unexplained_gifts", *DaysAgo(10), "a"),
       Seen("ws.unexplained_gifts", *DaysAgo(3), "b"), Seen("ws.going_missing", *DaysAgo(1), "c")},
      kToday);
  ASSERT_EQ(prefill.size(), 2U);
  for (const auto& p : prefill) {
    if (p.answer.indicator != "ws.unexplained_gifts") continue;
    EXPECT_EQ(p.answer.last_seen, DaysAgo(3));
    EXPECT_EQ(p.answer.earlier_seen, std::nullopt) << "both sightings are current";
    ASSERT_EQ(p.sources.size(), 2U);
    EXPECT_EQ(p.sources[0].record_id, "b");
    EXPECT_EQ(p.sources[1].record_id, "a");
  }
}

TEST(Prefill, LookBackWindowEdgesAndRecency) {
  const ToolDefinition& tool = Screening();
  const int current = tool.look_back.current_days, past = tool.look_back.past_days;
  auto only = [&](const std::vector<Sighting>& seen) { return Prefill(tool, seen, kToday); };
  // On the last day of the past window: suggested, as past.
  auto edge = only({Seen("ws.unexplained_gifts", *DaysAgo(past))});
  ASSERT_EQ(edge.size(), 1U);
  EXPECT_EQ(edge[0].answer.recency, Recency::kPast);
  // A day beyond it, or in the future: not suggested.
  EXPECT_TRUE(only({Seen("ws.unexplained_gifts", *DaysAgo(past + 1))}).empty());
  EXPECT_TRUE(only({Seen("ws.unexplained_gifts", *DaysAgo(-1))}).empty());
  // Current and an earlier past sighting: the engine sees "both".
  auto both = only({Seen("ws.unexplained_gifts", *DaysAgo(current)),
                    Seen("ws.unexplained_gifts", *DaysAgo(current + 1))});
  ASSERT_EQ(both.size(), 1U);
  EXPECT_EQ(both[0].answer.recency, Recency::kCurrent);
  EXPECT_EQ(both[0].answer.last_seen, DaysAgo(current));
  EXPECT_EQ(both[0].answer.earlier_seen, DaysAgo(current + 1));
}

TEST(Prefill, IgnoresIndicatorsTheToolDoesNotAsk) {
  EXPECT_TRUE(Prefill(Screening(), {Seen("cf.not_a_code", kToday)}, kToday).empty());
}

TEST(ReviewState, MarksOverdueDueSoonAndScheduled) {
  EXPECT_EQ(ReviewStateOf(std::nullopt, kToday), ReviewState::kNone);
  EXPECT_EQ(ReviewStateOf(DaysAgo(1), kToday), ReviewState::kOverdue);
  EXPECT_EQ(ReviewStateOf(kToday, kToday), ReviewState::kDueSoon);
  EXPECT_EQ(ReviewStateOf(DaysAgo(-kDueSoonDays), kToday), ReviewState::kDueSoon);
  EXPECT_EQ(ReviewStateOf(DaysAgo(-kDueSoonDays - 1), kToday), ReviewState::kScheduled);
  EXPECT_EQ(ToCode(ReviewState::kOverdue), "overdue");
}

TEST(Registration, NewSameOrClashingVersions) {
  ToolDefinition tool = Screening();
  EXPECT_EQ(CheckRegistration(tool, std::nullopt, std::nullopt), Registration::kNewVersion);
  EXPECT_EQ(CheckRegistration(tool, tool.fingerprint, tool.version),
            Registration::kAlreadyRegistered);
  auto clash = CheckRegistration(tool, std::string("other"), tool.version);
  ASSERT_FALSE(clash.has_value());
  EXPECT_EQ(clash.error().kind, ErrorKind::kConflict);
  EXPECT_EQ(
      clash.error().fields.at("version"),
      "A changed tool needs a new version: set version to " + std::to_string(tool.version + 1));
  auto older = CheckRegistration(tool, std::nullopt, tool.version + 2);
  ASSERT_FALSE(older.has_value());
  EXPECT_EQ(older.error().code, "tool_version_old");
}

TEST(Status, CodesRoundTrip) {
  for (Status s : {Status::kDraft, Status::kSubmitted}) EXPECT_EQ(StatusFromCode(ToCode(s)), s);
  EXPECT_EQ(StatusFromCode("Draft"), std::nullopt);
}

TEST(ParseMode, RegisteredVersionsStillLoadAfterAnIndicatorIsRetired) {
  std::string text = ReadSource("config/tools/harbour-screening.toml");
  auto indicators =
      reference::Catalogue::ParseIndicators(ReadSource("config/reference/indicators.toml"));
  ASSERT_TRUE(indicators.has_value());
  for (auto& indicator : *indicators) {
    if (indicator.code == "ws.unexplained_gifts") indicator.retired = true;
  }
  reference::Catalogue retired(std::move(*indicators), {}, {});
  auto as_new = ParseTool(text, retired);
  ASSERT_FALSE(as_new.has_value());
  EXPECT_NE(FormatProblems(as_new.error()).find("retired"), std::string::npos);
  auto as_registered = ParseTool(text, retired, ParseMode::kRegistered);
  ASSERT_TRUE(as_registered.has_value());
  EXPECT_EQ(as_registered->fingerprint, Screening().fingerprint);
}

TEST(AssessmentsCodesTest, EveryEnumAnswersFromItsTable) {
  codes_testing::ExpectAnswersFromTable(kSchemeCodes, SchemeFromCode);
  codes_testing::ExpectAnswersFromTable(kConditionCodes);
  codes_testing::ExpectAnswersFromTable(kStatusCodes, StatusFromCode);
  codes_testing::ExpectAnswersFromTable(kReviewStateCodes);
  codes_testing::ExpectAnswersFromTable(kRecencyCodes, RecencyFromCode);
}

}  // namespace
}  // namespace harbour::assessments
