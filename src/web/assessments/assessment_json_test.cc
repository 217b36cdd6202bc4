#include "web/assessments/assessment_json.h"

#include <gtest/gtest.h>

#include <string>

namespace harbour::web {
namespace {

using assessments::Recency;

TEST(AssessmentJsonTest, ParsesAFullBody) {
  auto parsed = ParseAssessmentJson(R"({
    "tool_id": "harbour-screening",
    "answers": [
      {"indicator": " ws.going_missing ", "last_seen": "2026-02-01", "earlier_seen": "2025-10-01"},
      {"indicator": "ws.missing_school", "recency": "past"},
      {"indicator": "ws.self_harm", "recency": "both", "amended_level": "high",
       "amended_reason": "Seen twice\nthis week"}
    ],
    "judged_level": "at_risk",
    "rationale": "  Known to the team.  "
  })");
  ASSERT_TRUE(parsed.has_value()) << parsed.error().message;
  ASSERT_TRUE(parsed->tool_id.has_value());
  EXPECT_EQ(*parsed->tool_id, "harbour-screening");
  ASSERT_EQ(parsed->answers.size(), 3u);
  const auto& first = parsed->answers[0];
  EXPECT_EQ(first.indicator, "ws.going_missing");
  EXPECT_EQ(first.recency, Recency::kCurrent);
  ASSERT_TRUE(first.last_seen.has_value());
  EXPECT_EQ(FormatDate(*first.last_seen), "2026-02-01");
  ASSERT_TRUE(first.earlier_seen.has_value());
  EXPECT_EQ(FormatDate(*first.earlier_seen), "2025-10-01");
  EXPECT_EQ(parsed->answers[1].recency, Recency::kPast);
  EXPECT_FALSE(parsed->answers[1].last_seen.has_value());
  EXPECT_EQ(parsed->answers[2].recency, Recency::kBoth);
  EXPECT_EQ(parsed->answers[2].amended_level, "high");
  EXPECT_EQ(parsed->answers[2].amended_reason, "Seen twice\nthis week");
  EXPECT_EQ(parsed->judged_level, "at_risk");
  EXPECT_EQ(parsed->rationale, "Known to the team.");
}

TEST(AssessmentJsonTest, OptionalMembersMayBeAbsentNullOrEmpty) {
  auto empty = ParseAssessmentJson("{}");
  ASSERT_TRUE(empty.has_value());
  EXPECT_FALSE(empty->tool_id.has_value());
  EXPECT_TRUE(empty->answers.empty());
  EXPECT_EQ(empty->judged_level, "");

  auto nulls = ParseAssessmentJson(
      R"({"tool_id": null, "answers": [{"indicator": "ws.x", "recency": null, "last_seen": null,
          "earlier_seen": "", "amended_level": null}], "judged_level": null, "rationale": null})");
  ASSERT_TRUE(nulls.has_value()) << nulls.error().message;
  EXPECT_FALSE(nulls->tool_id.has_value());
  ASSERT_EQ(nulls->answers.size(), 1u);
  EXPECT_EQ(nulls->answers[0].recency, Recency::kCurrent);
  EXPECT_FALSE(nulls->answers[0].last_seen.has_value());
  EXPECT_FALSE(nulls->answers[0].earlier_seen.has_value());
}

TEST(AssessmentJsonTest, MalformedJsonIsMalformed) {
  for (std::string_view bad : {"", "{", "{\"answers\": [}", "{\"a\": \"\xC3\x28\"}"}) {
    auto parsed = ParseAssessmentJson(bad);
    ASSERT_FALSE(parsed.has_value()) << bad;
    EXPECT_EQ(parsed.error().kind, ErrorKind::kMalformed) << bad;
    EXPECT_EQ(parsed.error().code, "malformed_json") << bad;
  }
  std::string deep(100, '[');
  auto nested = ParseAssessmentJson(R"({"answers": )" + deep);
  ASSERT_FALSE(nested.has_value());
  EXPECT_EQ(nested.error().code, "malformed_json");
}

TEST(AssessmentJsonTest, ANonObjectIsInvalid) {
  auto parsed = ParseAssessmentJson("[1, 2]");
  ASSERT_FALSE(parsed.has_value());
  EXPECT_EQ(parsed.error().kind, ErrorKind::kInvalid);
  EXPECT_EQ(parsed.error().code, "not_an_object");
}

TEST(AssessmentJsonTest, WrongTypesAreNamedPerField) {
  auto parsed = ParseAssessmentJson(R"({
    "tool_id": 3,
    "judged_level": ["at_risk"],
    "rationale": false,
    "answers": [
      {"indicator": "ws.going_missing"},
      "ws.missing_school",
      {"indicator": 7, "recency": "often", "last_seen": "01/02/2026", "earlier_seen": 20260101,
       "amended_level": {}, "amended_reason": 1, "colour": "red"},
      {}
    ],
    "colour": "blue"
  })");
  ASSERT_FALSE(parsed.has_value());
  const auto& e = parsed.error();
  EXPECT_EQ(e.kind, ErrorKind::kInvalid);
  EXPECT_EQ(e.code, "validation_failed");
  std::map<std::string, std::string> expected = {
      {"tool_id", "Must be a string"},
      {"judged_level", "Must be a string"},
      {"rationale", "Must be a string"},
      {"answers[1]", "Must be an object with an indicator"},
      {"answers[2].indicator", "Must be a string"},
      {"answers[2].recency", "Must be one of current, past, both"},
      {"answers[2].last_seen", "Enter a date as YYYY-MM-DD"},
      {"answers[2].earlier_seen", "Enter a date as YYYY-MM-DD"},
      {"answers[2].amended_level", "Must be a string"},
      {"answers[2].amended_reason", "Must be a string"},
      {"answers[2].colour", "Is not a field of an answer"},
      {"answers[3].indicator", "Give the indicator's code, for example ws.going_missing"},
      {"colour", "Is not a field of this resource"},
  };
  EXPECT_EQ(e.fields, expected);
}

TEST(AssessmentJsonTest, DatesMustBeRealCalendarDates) {
  for (std::string_view date : {"2026-02-30", "2026-13-01", "26-01-01", "2026-1-1", "yesterday"}) {
    auto parsed = ParseAssessmentJson(R"({"answers": [{"indicator": "ws.a", "last_seen": ")" +
                                      std::string(date) + R"("}]})");
    ASSERT_FALSE(parsed.has_value()) << date;
    EXPECT_EQ(parsed.error().fields.at("answers[0].last_seen"), "Enter a date as YYYY-MM-DD")
        << date;
  }
}

TEST(AssessmentJsonTest, AnswersMustBeAList) {
  auto parsed = ParseAssessmentJson(R"({"answers": {"indicator": "ws.going_missing"}})");
  ASSERT_FALSE(parsed.has_value());
  EXPECT_EQ(parsed.error().fields.at("answers"), "Must be a list of answers");
}

TEST(AssessmentJsonTest, LimitsTheNumberOfAnswersAndTheLengthOfText) {
  std::string many = R"({"answers": [)";
  for (std::size_t i = 0; i <= kMaxAssessmentAnswers; ++i) {
    many += (i == 0 ? "" : ",") + std::string(R"({"indicator": "ws.a"})");
  }
  many += "]}";
  auto too_many = ParseAssessmentJson(many);
  ASSERT_FALSE(too_many.has_value());
  EXPECT_EQ(too_many.error().fields.at("answers"), "Give at most 200 answers");

  std::string long_rationale(kMaxRationaleChars + 1, 'x');
  auto too_long = ParseAssessmentJson(R"({"rationale": ")" + long_rationale + R"("})");
  ASSERT_FALSE(too_long.has_value());
  EXPECT_EQ(too_long.error().fields.at("rationale"), "Must be 4000 characters or fewer");
  // Characters, not bytes: 4000 two-byte letters are accepted.
  std::string accented;
  for (std::size_t i = 0; i < kMaxRationaleChars; ++i) accented += "é";
  EXPECT_TRUE(ParseAssessmentJson(R"({"rationale": ")" + accented + R"("})").has_value());
}

TEST(AssessmentJsonTest, RefusesControlCharacters) {
  auto code = ParseAssessmentJson(R"({"judged_level": "at_\u0007risk"})");
  ASSERT_FALSE(code.has_value());
  EXPECT_EQ(code.error().fields.at("judged_level"), "Must not contain control characters");
  auto newline_in_code = ParseAssessmentJson(R"({"answers": [{"indicator": "ws.a\nb"}]})");
  ASSERT_FALSE(newline_in_code.has_value());
  EXPECT_TRUE(newline_in_code.error().fields.contains("answers[0].indicator"));
  // Line breaks are fine in free text.
  auto rationale = ParseAssessmentJson(R"({"rationale": "One.\r\nTwo.\tThree."})");
  ASSERT_TRUE(rationale.has_value());
  EXPECT_EQ(rationale->rationale, "One.\r\nTwo.\tThree.");
}

}  // namespace
}  // namespace harbour::web
