#include "web/parse/json_body.h"

#include "common/text.h"

namespace harbour::web {
namespace {

std::unexpected<Error> MalformedJson(std::string message) {
  return Fail(ErrorKind::kMalformed, "malformed_json", std::move(message));
}

// True when arrays and objects nest deeper than kMaxJsonDepth outside strings. Run before the
// parser so a hostile body costs one linear scan, never a deep parse or a deep destruction.
bool NestsTooDeeply(std::string_view body) {
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < body.size(); ++i) {
    char c = body[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxJsonDepth) return true;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return false;
}

}  // namespace

Result<nlohmann::json> ParseJsonObject(std::string_view body) {
  if (!IsValidUtf8(body)) return MalformedJson("The request body is not valid UTF-8.");
  if (NestsTooDeeply(body)) return MalformedJson("The JSON is nested too deeply.");
  nlohmann::json parsed = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) return MalformedJson("The request body is not valid JSON.");
  if (!parsed.is_object()) {
    return Fail(ErrorKind::kInvalid, "not_an_object", "The request body must be a JSON object.");
  }
  return parsed;
}

}  // namespace harbour::web
