// The API's referral and transition bodies (ParseReferralJson, ParseTransitionJson) on
// arbitrary bytes, followed by what the server does next with an accepted body:
// referrals::ValidateReferral, then referrals::Decide from every state for both actors and the
// referrer's message. A rejection is malformed JSON, not an object, or names at least one field;
// accepted text is trimmed, within its limits and free of control characters, and writing it
// back as JSON parses to the same input. The domain fails only with its documented field errors
// or an invalid_transition conflict.
#include <algorithm>
#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <string_view>

#include "common/text.h"
#include "fuzz_check.h"
#include "referrals/referral.h"
#include "web/referrals/referral_json.h"

namespace {

using harbour::referrals::Actor;
using harbour::referrals::State;

constexpr std::string_view kKnownAssessment = "4f1c2a9e8b7d6c5a4f3e2d1c0b9a8f7e";
constexpr std::array<State, 8> kStates = {State::kSubmitted,   State::kScreening, State::kAccepted,
                                          State::kNotAccepted, State::kWithdrawn, State::kDiscussed,
                                          State::kUnderReview, State::kClosed};

bool CleanCode(const std::string& text) {
  return text == harbour::Trim(text) && !harbour::HasControlCharacters(text) &&
         harbour::CharacterCount(text) <= harbour::web::kMaxReferralCodeChars;
}

bool CleanFreeText(const std::string& text) {
  return text == harbour::Trim(text) && !harbour::HasControlCharacters(text, true) &&
         harbour::CharacterCount(text) <= harbour::referrals::kMaxReason;
}

void CheckReferral(std::string_view input) {
  using namespace harbour;
  auto parsed = web::ParseReferralJson(input);
  if (!parsed) {
    const Error& e = parsed.error();
    FUZZ_CHECK(e.code == "malformed_json" || e.code == "not_an_object" ||
               e.code == "validation_failed");
    if (e.code == "validation_failed") FUZZ_CHECK(!e.fields.empty());
    return;
  }
  FUZZ_CHECK(CleanCode(parsed->assessment_id) && CleanCode(parsed->sharing));
  FUZZ_CHECK(CleanFreeText(parsed->no_assessment_reason) && CleanFreeText(parsed->reason) &&
             CleanFreeText(parsed->sharing_reason));

  nlohmann::json body{{"assessment_id", parsed->assessment_id},
                      {"no_assessment_reason", parsed->no_assessment_reason},
                      {"reason", parsed->reason},
                      {"sharing", parsed->sharing},
                      {"sharing_reason", parsed->sharing_reason}};
  auto again = web::ParseReferralJson(body.dump());
  FUZZ_CHECK(again.has_value());
  FUZZ_CHECK(again->assessment_id == parsed->assessment_id &&
             again->no_assessment_reason == parsed->no_assessment_reason &&
             again->reason == parsed->reason && again->sharing == parsed->sharing &&
             again->sharing_reason == parsed->sharing_reason);

  auto referral = referrals::ValidateReferral(*parsed, {std::string(kKnownAssessment)});
  if (!referral) {
    static const std::set<std::string> kFields = {"assessment_id", "no_assessment_reason", "reason",
                                                  "sharing", "sharing_reason"};
    FUZZ_CHECK(referral.error().kind == ErrorKind::kInvalid && !referral.error().fields.empty());
    for (const auto& [field, message] : referral.error().fields) {
      FUZZ_CHECK(kFields.contains(field) && !message.empty());
    }
    return;
  }
  FUZZ_CHECK(!referral->reason.empty());
  if (referral->assessment_id.empty()) {
    FUZZ_CHECK(!referral->no_assessment_reason.empty());
  } else {
    FUZZ_CHECK(referral->assessment_id == kKnownAssessment);
  }
  if (referral->sharing == referrals::Sharing::kWithoutConsent) {
    FUZZ_CHECK(!referral->sharing_reason.empty());
  }
}

void CheckTransition(std::string_view input) {
  using namespace harbour;
  auto parsed = web::ParseTransitionJson(input);
  if (!parsed) {
    const Error& e = parsed.error();
    FUZZ_CHECK(e.code == "malformed_json" || e.code == "not_an_object" ||
               e.code == "validation_failed");
    if (e.code == "validation_failed") FUZZ_CHECK(!e.fields.empty());
    return;
  }
  FUZZ_CHECK(CleanFreeText(parsed->reason) && CleanFreeText(parsed->signposting));
  nlohmann::json body{{"to", referrals::ToCode(parsed->to)},
                      {"reason", parsed->reason},
                      {"signposting", parsed->signposting}};
  auto again = web::ParseTransitionJson(body.dump());
  FUZZ_CHECK(again.has_value());
  FUZZ_CHECK(again->to == parsed->to && again->reason == parsed->reason &&
             again->signposting == parsed->signposting);

  referrals::Referral referral;
  referral.id = "r";
  referral.child_name = "Test Child";
  Instant at{std::chrono::seconds{1772618400}};
  for (State from : kStates) {
    for (Actor actor : {Actor::kReferrer, Actor::kCoordinator}) {
      referrals::TransitionRequest move{parsed->to, actor, parsed->reason, parsed->signposting};
      auto decided = referrals::Decide(from, move, "user", at);
      if (!decided) {
        const Error& e = decided.error();
        if (e.kind == ErrorKind::kConflict) {
          FUZZ_CHECK(e.code == "invalid_transition" && !e.message.empty());
        } else {
          FUZZ_CHECK(e.kind == ErrorKind::kInvalid && !e.fields.empty());
          for (const auto& [field, message] : e.fields) {
            FUZZ_CHECK(field == "reason" || field == "signposting");
          }
        }
        continue;
      }
      FUZZ_CHECK(decided->from == from && decided->to == parsed->to);
      FUZZ_CHECK(!referrals::IsFinal(from));
      auto next = referrals::NextStates(from, actor);
      FUZZ_CHECK(std::find(next.begin(), next.end(), parsed->to) != next.end());
      auto message = referrals::MessageFor(referral, *decided, "panel", "contact", "due");
      FUZZ_CHECK(!message.title.empty() && !message.next_steps.empty());
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  CheckReferral(input);
  CheckTransition(input);
  return 0;
}
