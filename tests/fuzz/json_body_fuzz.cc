// ParseJsonObject on arbitrary bytes: never throws, never recurses deeply; what it accepts is an
// object that serialises and parses back to itself.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/text.h"
#include "fuzz_check.h"
#include "web/parse/json_body.h"

namespace {

int Depth(const nlohmann::json& value) {
  if (!value.is_structured()) return 0;
  int deepest = 0;
  for (const auto& child : value) deepest = std::max(deepest, Depth(child));
  return deepest + 1;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  auto parsed = harbour::web::ParseJsonObject(input);
  if (!parsed) {
    FUZZ_CHECK(parsed.error().code == "malformed_json" || parsed.error().code == "not_an_object");
    return 0;
  }
  FUZZ_CHECK(harbour::IsValidUtf8(input));
  FUZZ_CHECK(parsed->is_object());
  FUZZ_CHECK(Depth(*parsed) <= harbour::web::kMaxJsonDepth);
  std::string dumped = parsed->dump();
  auto again = harbour::web::ParseJsonObject(dumped);
  FUZZ_CHECK(again.has_value());
  FUZZ_CHECK(again->dump() == dumped);
  return 0;
}
