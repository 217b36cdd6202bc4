#include "web/children/flag_json.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

namespace harbour::web {
namespace {

using namespace std::chrono;

constexpr Date kToday{year{2026}, month{3}, day{10}};

TEST(FlagJsonTest, ParsesAFullBodyAndTrimsText) {
  auto parsed = ParseFlagJson(
      R"({"kind": " cse_risk ", "start_date": "2026-03-01 ", "panel_reference": " CSEP 3 "})");
  ASSERT_TRUE(parsed.has_value()) << parsed.error().message;
  EXPECT_EQ(parsed->kind, "cse_risk");
  EXPECT_EQ(parsed->start, "2026-03-01");
  EXPECT_EQ(parsed->panel_reference, "CSEP 3");
  auto flag = children::ValidateFlag(*parsed, kToday, {});
  ASSERT_TRUE(flag.has_value());
  EXPECT_EQ(flag->kind, children::FlagKind::kAtRiskOfSexualExploitation);
}

TEST(FlagJsonTest, LeavesValueChecksToTheDomain) {
  // Empty, unknown or future values are the right shape: ValidateFlag names each of them.
  auto empty = ParseFlagJson("{}");
  ASSERT_TRUE(empty.has_value());
  auto validated = children::ValidateFlag(*empty, kToday, {});
  ASSERT_FALSE(validated.has_value());
  EXPECT_EQ(validated.error().fields.size(), 3u);
  auto odd = ParseFlagJson(
      R"({"kind": "dangerous", "start_date": "2999-01-01", "panel_reference": null})");
  ASSERT_TRUE(odd.has_value());
  EXPECT_EQ(odd->kind, "dangerous");
  EXPECT_EQ(odd->panel_reference, "");
  auto refused = children::ValidateFlag(*odd, kToday, {});
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().fields.at("start"), "The start date must be today or in the past");
}

TEST(FlagJsonTest, APanelReferenceOnTwoLinesIsTheDomainsToExplain) {
  auto parsed = ParseFlagJson(
      R"({"kind": "cse_risk", "start_date": "2026-03-01", "panel_reference": "CSEP\nitem 3"})");
  ASSERT_TRUE(parsed.has_value());
  auto refused = children::ValidateFlag(*parsed, kToday, {});
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().fields.at("panel_reference"), "The panel reference must be one line");
}

TEST(FlagJsonTest, RefusesUnknownMembersWrongTypesAndControlCharacters) {
  auto parsed = ParseFlagJson(
      R"({"kind": 1, "start": "2026-03-01", "start_date": "2026-03\t-01", "panel_reference": ["x"],
          "colour": "red"})");
  ASSERT_FALSE(parsed.has_value());
  const Error& e = parsed.error();
  EXPECT_EQ(e.kind, ErrorKind::kInvalid);
  EXPECT_EQ(e.code, "validation_failed");
  EXPECT_EQ(e.fields.at("kind"), "Must be a string");
  EXPECT_EQ(e.fields.at("start"), "Is not a field of this resource");
  EXPECT_EQ(e.fields.at("colour"), "Is not a field of this resource");
  EXPECT_EQ(e.fields.at("start_date"), "Must not contain control characters");
  EXPECT_EQ(e.fields.at("panel_reference"), "Must be a string");
  EXPECT_EQ(e.fields.size(), 5u);
  std::string huge = R"({"panel_reference": ")" + std::string(kMaxFlagTextChars + 1, 'x') + "\"}";
  EXPECT_TRUE(ParseFlagJson(huge).error().fields.contains("panel_reference"));
}

TEST(FlagJsonTest, MalformedJsonIsMalformedAndANonObjectIsInvalid) {
  for (std::string_view bad : {"", "{", R"({"kind": )", "{\"kind\": \"\xC3\x28\"}"}) {
    auto flag = ParseFlagJson(bad);
    ASSERT_FALSE(flag.has_value()) << bad;
    EXPECT_EQ(flag.error().code, "malformed_json") << bad;
    EXPECT_EQ(flag.error().kind, ErrorKind::kMalformed) << bad;
    auto end = ParseFlagEndJson(bad);
    ASSERT_FALSE(end.has_value()) << bad;
    EXPECT_EQ(end.error().code, "malformed_json") << bad;
  }
  EXPECT_EQ(ParseFlagJson("[]").error().code, "not_an_object");
  EXPECT_EQ(ParseFlagEndJson("\"2026-03-01\"").error().code, "not_an_object");
}

TEST(FlagJsonTest, ParsesAnEndBody) {
  auto end = ParseFlagEndJson(R"({"end_date": " 2026-03-05 "})");
  ASSERT_TRUE(end.has_value());
  EXPECT_EQ(*end, "2026-03-05");
  EXPECT_EQ(ParseFlagEndJson("{}").value(), "");
  EXPECT_EQ(ParseFlagEndJson(R"({"end_date": null})").value(), "");
  auto refused = ParseFlagEndJson(R"({"end_date": 20260305, "end": "2026-03-05"})");
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().fields.at("end_date"), "Must be a string");
  EXPECT_EQ(refused.error().fields.at("end"), "Is not a field of this resource");
  children::Flag flag;
  flag.start = Date{year{2026}, month{3}, day{4}};
  auto early = children::ValidateFlagEnd(flag, "2026-03-01", kToday);
  ASSERT_FALSE(early.has_value());
  EXPECT_EQ(early.error().fields.at("end"), "The end date cannot be before the flag started");
}

}  // namespace
}  // namespace harbour::web
