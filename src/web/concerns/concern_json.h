#pragma once
// The body of POST /api/v1/children/{id}/concerns. Pure; fuzzed by
// tests/fuzz/concern_json_fuzz.cc.
#include <string_view>

#include "common/error.h"
#include "concerns/concern.h"

namespace harbour::web {

// The concern's fields as text for concerns::ValidateConcern, which checks them as it checks
// the form: observed_at (RFC 3339), location, location_postcode, category, indicators (a list of
// codes), narrative, first_hand and immediate_danger (booleans). kMalformed "malformed_json";
// kInvalid "not_an_object", or one field per member of the wrong type or not of the resource.
Result<concerns::ConcernInput> ParseConcernJson(std::string_view body);

}  // namespace harbour::web
