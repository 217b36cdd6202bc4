#include "web/referrals/referral_json.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

namespace harbour::web {
namespace {

using referrals::State;

TEST(ReferralJsonTest, ParsesAFullBodyAndTrimsText) {
  auto parsed = ParseReferralJson(R"({
    "assessment_id": " 4f1c2a9e8b7d6c5a4f3e2d1c0b9a8f7e ",
    "no_assessment_reason": null,
    "reason": "  Seen getting into cars\nwith older men.  ",
    "sharing": "without_consent",
    "sharing_reason": "DPA 2018 Schedule 1 paragraph 18"
  })");
  ASSERT_TRUE(parsed.has_value()) << parsed.error().message;
  EXPECT_EQ(parsed->assessment_id, "4f1c2a9e8b7d6c5a4f3e2d1c0b9a8f7e");
  EXPECT_EQ(parsed->no_assessment_reason, "");
  EXPECT_EQ(parsed->reason, "Seen getting into cars\nwith older men.");
  EXPECT_EQ(parsed->sharing, "without_consent");
  EXPECT_EQ(parsed->sharing_reason, "DPA 2018 Schedule 1 paragraph 18");
}

TEST(ReferralJsonTest, LeavesValueChecksToTheDomain) {
  // An empty body and an unknown sharing code are the right shape: ValidateReferral names every
  // missing or wrong value together.
  auto empty = ParseReferralJson("{}");
  ASSERT_TRUE(empty.has_value());
  EXPECT_EQ(empty->reason, "");
  auto odd = ParseReferralJson(R"({"sharing": "sometimes", "reason": ""})");
  ASSERT_TRUE(odd.has_value());
  EXPECT_EQ(odd->sharing, "sometimes");
  auto validated = referrals::ValidateReferral(*odd, {});
  ASSERT_FALSE(validated.has_value());
  EXPECT_TRUE(validated.error().fields.contains("sharing"));
  EXPECT_TRUE(validated.error().fields.contains("reason"));
  EXPECT_TRUE(validated.error().fields.contains("no_assessment_reason"));
}

TEST(ReferralJsonTest, MalformedJsonIsMalformedAndANonObjectIsInvalid) {
  for (std::string_view bad : {"", "{", R"({"reason": )", "{\"reason\": \"\xC3\x28\"}"}) {
    auto referral = ParseReferralJson(bad);
    ASSERT_FALSE(referral.has_value()) << bad;
    EXPECT_EQ(referral.error().code, "malformed_json") << bad;
    EXPECT_EQ(referral.error().kind, ErrorKind::kMalformed) << bad;
    auto move = ParseTransitionJson(bad);
    ASSERT_FALSE(move.has_value()) << bad;
    EXPECT_EQ(move.error().code, "malformed_json") << bad;
  }
  std::string deep = R"({"reason": )" + std::string(100, '[');
  EXPECT_EQ(ParseReferralJson(deep).error().code, "malformed_json");
  EXPECT_EQ(ParseReferralJson("[]").error().code, "not_an_object");
  EXPECT_EQ(ParseTransitionJson("\"screening\"").error().code, "not_an_object");
}

TEST(ReferralJsonTest, WrongTypesAndUnknownMembersAreNamed) {
  auto parsed = ParseReferralJson(R"({
    "assessment_id": 12,
    "no_assessment_reason": ["none"],
    "reason": {"text": "x"},
    "sharing": true,
    "sharing_reason": 1.5,
    "urgent": true
  })");
  ASSERT_FALSE(parsed.has_value());
  EXPECT_EQ(parsed.error().kind, ErrorKind::kInvalid);
  EXPECT_EQ(parsed.error().code, "validation_failed");
  std::map<std::string, std::string> expected = {
      {"assessment_id", "Must be a string"},  {"no_assessment_reason", "Must be a string"},
      {"reason", "Must be a string"},         {"sharing", "Must be a string"},
      {"sharing_reason", "Must be a string"}, {"urgent", "Is not a field of this resource"},
  };
  EXPECT_EQ(parsed.error().fields, expected);
}

TEST(ReferralJsonTest, RefusesControlCharactersAndOverlongText) {
  auto code = ParseReferralJson(R"({"sharing": "con\nsent", "assessment_id": "a\u0007b"})");
  ASSERT_FALSE(code.has_value());
  EXPECT_EQ(code.error().fields.at("sharing"), "Must not contain control characters");
  EXPECT_EQ(code.error().fields.at("assessment_id"), "Must not contain control characters");
  auto bell = ParseReferralJson(R"({"reason": "a\u0000b"})");
  ASSERT_FALSE(bell.has_value());
  EXPECT_EQ(bell.error().fields.at("reason"), "Must not contain control characters");
  // Line breaks and tabs are fine in free text.
  auto lines = ParseReferralJson(R"({"reason": "One.\r\nTwo.\tThree."})");
  ASSERT_TRUE(lines.has_value());
  EXPECT_EQ(lines->reason, "One.\r\nTwo.\tThree.");

  std::string long_reason(referrals::kMaxReason + 1, 'x');
  auto too_long = ParseReferralJson(R"({"reason": ")" + long_reason + R"("})");
  ASSERT_FALSE(too_long.has_value());
  EXPECT_EQ(too_long.error().fields.at("reason"), "Must be 4000 characters or fewer");
  // Characters, not bytes.
  std::string accented;
  for (std::size_t i = 0; i < referrals::kMaxReason; ++i) accented += "é";
  EXPECT_TRUE(ParseReferralJson(R"({"reason": ")" + accented + R"("})").has_value());
  auto long_code = ParseReferralJson(R"({"sharing": ")" + std::string(101, 'c') + R"("})");
  ASSERT_FALSE(long_code.has_value());
  EXPECT_EQ(long_code.error().fields.at("sharing"), "Must be 100 characters or fewer");
}

TEST(TransitionJsonTest, ParsesEveryStateCode) {
  for (State s : {State::kSubmitted, State::kScreening, State::kAccepted, State::kNotAccepted,
                  State::kWithdrawn, State::kDiscussed, State::kUnderReview, State::kClosed}) {
    std::string body = R"({"to": ")" + std::string(referrals::ToCode(s)) + R"("})";
    auto parsed = ParseTransitionJson(body);
    ASSERT_TRUE(parsed.has_value()) << body;
    EXPECT_EQ(parsed->to, s);
    EXPECT_EQ(parsed->reason, "");
  }
  auto full = ParseTransitionJson(
      R"({"to": " not_accepted ", "reason": " Below threshold ", "signposting": "Early help",
          "extra": null})");
  ASSERT_FALSE(full.has_value()) << "a null unknown member is still unknown";
  EXPECT_EQ(full.error().fields.at("extra"), "Is not a field of this resource");
  auto ok = ParseTransitionJson(
      R"({"to": " not_accepted ", "reason": " Below threshold ", "signposting": "Early help"})");
  ASSERT_TRUE(ok.has_value());
  EXPECT_EQ(ok->to, State::kNotAccepted);
  EXPECT_EQ(ok->reason, "Below threshold");
  EXPECT_EQ(ok->signposting, "Early help");
}

TEST(TransitionJsonTest, ToIsRequiredAndMustBeAStateCode) {
  for (std::string_view body : {"{}", R"({"to": null})", R"({"to": "  "})"}) {
    auto parsed = ParseTransitionJson(body);
    ASSERT_FALSE(parsed.has_value()) << body;
    EXPECT_EQ(parsed.error().fields.at("to"), "Give the state to move to, for example screening")
        << body;
  }
  auto unknown = ParseTransitionJson(R"({"to": "Accepted", "reason": 3})");
  ASSERT_FALSE(unknown.has_value());
  EXPECT_EQ(unknown.error().fields.at("to"),
            "Must be one of submitted, screening, accepted, not_accepted, withdrawn, discussed, "
            "under_review, closed");
  EXPECT_EQ(unknown.error().fields.at("reason"), "Must be a string");
  auto typed = ParseTransitionJson(R"({"to": 2})");
  ASSERT_FALSE(typed.has_value());
  EXPECT_EQ(typed.error().fields.at("to"), "Must be a string");
}

}  // namespace
}  // namespace harbour::web
