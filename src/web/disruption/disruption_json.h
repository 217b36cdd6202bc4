#pragma once
// The bodies of the disruption routes in docs/api/openapi.yaml: POST /api/v1/disruption
// (DisruptionInput) and POST /api/v1/business-visits (VisitInput). JSON text to the domain's raw
// input. Checks only shape and types; whether the values make sense is the domain's question
// (disruption::ValidateDisruption, ValidateVisit), so that every value problem is reported
// together in the second round. Pure; never throws.
#include <cstddef>
#include <string_view>

#include "common/error.h"
#include "disruption/activity.h"

namespace harbour::web {

inline constexpr std::size_t kMaxDisruptionCodeChars = 100;  // codes, ids and dates
inline constexpr std::size_t kMaxVisitingAgencies = 50;

// Errors, for both:
// - kMalformed "malformed_json" and kInvalid "not_an_object", as ParseJsonObject;
// - kInvalid "validation_failed" with a message per member: one that is not part of the body,
//   a value of the wrong type (booleans must be true or false; visiting_agencies a list of at
//   most kMaxVisitingAgencies id strings), text with control characters (line breaks and tabs
//   are allowed in free text only), or text over its limit (kMaxDisruptionCodeChars for codes,
//   ids and dates, disruption::kMaxShortText for the officer, disruption::kMaxLongText for free
//   text).
// Text is trimmed; absent or null members are empty (false for booleans).
Result<disruption::DisruptionInput> ParseDisruptionJson(std::string_view body);
Result<disruption::VisitInput> ParseVisitJson(std::string_view body);

}  // namespace harbour::web
