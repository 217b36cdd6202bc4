// Phone normalisation on arbitrary bytes: anything accepted has an E.164 form of '+' and at
// most 15 digits that normalises to itself, from any default region.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "common/phone.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  // The first byte picks the default region, so non-GB defaults are exercised too.
  constexpr std::string_view kRegions[] = {"GB", "IE", "US", "FR", "ZZ"};
  std::string_view region = kRegions[size == 0 ? 0 : data[0] % std::size(kRegions)];
  for (std::string_view default_region : {std::string_view("GB"), region}) {
    auto phone = harbour::NormalisePhone(input, default_region);
    if (!phone) {
      FUZZ_CHECK(phone.error().fields.contains("phone"));
      continue;
    }
    const std::string& e164 = phone->e164;
    FUZZ_CHECK(e164.size() >= 2 && e164.size() <= 16 && e164[0] == '+');
    FUZZ_CHECK(
        std::all_of(e164.begin() + 1, e164.end(), [](char c) { return c >= '0' && c <= '9'; }));
    auto again = harbour::NormalisePhone(e164, "GB");
    FUZZ_CHECK(again.has_value() && again->e164 == e164);
  }
  return 0;
}
