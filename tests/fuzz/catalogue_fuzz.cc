// Reference code lists (config/reference/*.toml) on arbitrary text: a parse either fails with
// kInvalid naming a field, or yields entries with unique, non-empty codes and labels.
#include <cstddef>
#include <cstdint>
#include <set>
#include <string_view>

#include "fuzz_check.h"
#include "reference/catalogue.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  using harbour::reference::Catalogue;
  if (auto indicators = Catalogue::ParseIndicators(input)) {
    std::set<std::string> codes;
    for (const auto& i : *indicators) {
      FUZZ_CHECK(!i.code.empty() && !i.label.empty());
      FUZZ_CHECK(codes.insert(i.code).second);
    }
  } else {
    FUZZ_CHECK(indicators.error().kind == harbour::ErrorKind::kInvalid);
    FUZZ_CHECK(!indicators.error().fields.empty());
  }
  if (auto codes = Catalogue::ParseCodes(input, "ethnicity")) {
    std::set<std::string> seen;
    for (const auto& c : *codes) FUZZ_CHECK(seen.insert(c.code).second);
  }
  return 0;
}
