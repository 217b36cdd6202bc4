#pragma once
// The bodies of POST /api/v1/children/{id}/referrals (ReferralInput) and
// POST /api/v1/referrals/{id}/transitions (TransitionInput) in docs/api/openapi.yaml: JSON text
// to the domain's raw input. Checks only shape and types; whether a referral or a move makes
// sense is the domain's question (referrals::ValidateReferral, referrals::Decide), so that
// every value problem is reported together in the second round. Pure; never throws.
#include <cstddef>
#include <string>
#include <string_view>

#include "common/error.h"
#include "referrals/referral.h"

namespace harbour::web {

inline constexpr std::size_t kMaxReferralCodeChars = 100;  // assessment_id, sharing, to

// A move asked for through the API.
struct TransitionBody {
  referrals::State to = referrals::State::kScreening;
  std::string reason;       // trimmed; may be empty
  std::string signposting;  // trimmed; may be empty
};

// Parses a referral body into the domain's raw input (text trimmed; absent or null members
// empty). Errors:
// - kMalformed "malformed_json" and kInvalid "not_an_object", as ParseJsonObject;
// - kInvalid "validation_failed" with a message per member: one that is not part of the body,
//   a value that is not a string, text with control characters (line breaks and tabs are
//   allowed in the three free-text members, not in "assessment_id" or "sharing"), or text over
//   its limit (kMaxReferralCodeChars for the codes, referrals::kMaxReason for free text).
Result<referrals::ReferralInput> ParseReferralJson(std::string_view body);

// Parses a transition body. Errors as ParseReferralJson, and "to" is required: a state code
// (referrals::StateFromCode). Whether the move is possible is referrals::Decide's question.
Result<TransitionBody> ParseTransitionJson(std::string_view body);

}  // namespace harbour::web
