#pragma once
// JSON request bodies for the API. Pure; never throws.
#include <nlohmann/json.hpp>
#include <string_view>

#include "common/error.h"

namespace harbour::web {

inline constexpr int kMaxJsonDepth = 32;

// Parses a body that must be a JSON object: kMalformed (code "malformed_json") for invalid
// JSON, invalid UTF-8 or nesting deeper than kMaxJsonDepth; kInvalid (code "not_an_object")
// when the top level is not an object.
Result<nlohmann::json> ParseJsonObject(std::string_view body);

}  // namespace harbour::web
