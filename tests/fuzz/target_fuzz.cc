// ParseTarget on arbitrary bytes: accepted paths are decoded, traversal-free and UTF-8, and
// re-encoding them gives the same target back.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/text.h"
#include "fuzz_check.h"
#include "web/core/target.h"
#include "web/parse/form.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  auto target = harbour::web::ParseTarget(input);
  if (!target) return 0;
  const std::string& path = target->path;
  FUZZ_CHECK(!path.empty() && path.front() == '/');
  FUZZ_CHECK(harbour::IsValidUtf8(path));
  FUZZ_CHECK(path.find('\0') == std::string::npos);
  FUZZ_CHECK(path.find("//") == std::string::npos);
  FUZZ_CHECK(target->query.find('#') == std::string::npos);
  std::string reencoded;
  std::string_view rest(path);
  while (!rest.empty()) {
    rest.remove_prefix(1);  // the '/'
    std::size_t slash = rest.find('/');
    std::string_view segment = rest.substr(0, slash);
    FUZZ_CHECK(segment != "." && segment != "..");
    reencoded += "/" + harbour::web::PercentEncode(segment);
    rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash);
  }
  if (reencoded.empty()) reencoded = "/";
  if (path.back() == '/' && reencoded.back() != '/') reencoded += "/";
  if (input.find('?') != std::string_view::npos) reencoded += "?" + target->query;
  auto again = harbour::web::ParseTarget(reencoded);
  FUZZ_CHECK(again.has_value());
  FUZZ_CHECK(again->path == path && again->query == target->query);
  return 0;
}
