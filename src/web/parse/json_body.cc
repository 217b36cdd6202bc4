#include "web/parse/json_body.h"

#include "common/json_depth.h"
#include "common/text.h"

namespace harbour::web {
namespace {

std::unexpected<Error> MalformedJson(std::string message) {
  return Fail(ErrorKind::kMalformed, "malformed_json", std::move(message));
}

}  // namespace

Result<nlohmann::json> ParseJsonObject(std::string_view body) {
  if (!IsValidUtf8(body)) return MalformedJson("The request body is not valid UTF-8.");
  if (NestsDeeperThan(body, kMaxJsonDepth)) return MalformedJson("The JSON is nested too deeply.");
  nlohmann::json parsed = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) return MalformedJson("The request body is not valid JSON.");
  if (!parsed.is_object()) {
    return Fail(ErrorKind::kInvalid, "not_an_object", "The request body must be a JSON object.");
  }
  return parsed;
}

}  // namespace harbour::web
