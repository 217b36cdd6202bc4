#pragma once
// The bodies of POST /api/v1/children/{id}/flags (FlagBody in docs/api/openapi.yaml) and
// POST /api/v1/children/{id}/flags/{flag_id}/end (FlagEndBody): JSON text to the domain's raw
// input. Checks only shape and types; whether a flag or an end date makes sense is the domain's
// question (children::ValidateFlag, children::ValidateFlagEnd), so that every value problem is
// reported together in the second round. Pure; never throws.
#include <cstddef>
#include <string>
#include <string_view>

#include "children/flag.h"
#include "common/error.h"

namespace harbour::web {

// A bound on the shape, far above any valid value: the domain's own limits (for example
// children::kMaxPanelReference) give the messages a person reads.
inline constexpr std::size_t kMaxFlagTextChars = 1000;

// Parses a new flag's body {"kind", "start_date", "panel_reference"} into the domain's raw
// input (text trimmed; absent or null members empty). Errors:
// - kMalformed "malformed_json" and kInvalid "not_an_object", as ParseJsonObject;
// - kInvalid "validation_failed" with a message per member: one that is not part of the body,
//   a value that is not a string, text with control characters (a line break is left to the
//   domain in "panel_reference", which says it must be one line), or text over
//   kMaxFlagTextChars.
Result<children::FlagInput> ParseFlagJson(std::string_view body);

// Parses an end body {"end_date"} into the raw end date text ("" when absent or null). Errors
// as ParseFlagJson.
Result<std::string> ParseFlagEndJson(std::string_view body);

}  // namespace harbour::web
