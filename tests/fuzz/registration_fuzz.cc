// Vehicle registration normalisation on arbitrary bytes: anything accepted has an upper-case
// canonical form without spaces that normalises to itself, and its display form is the
// canonical form with one space added.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/vehicle_registration.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  auto reg = harbour::NormaliseRegistration(input);
  if (!reg) {
    FUZZ_CHECK(reg.error().fields.contains("registration"));
    return 0;
  }
  const std::string& canonical = reg->canonical;
  FUZZ_CHECK(canonical.size() >= 2 && canonical.size() <= 7);
  FUZZ_CHECK(std::ranges::all_of(
      canonical, [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }));
  auto again = harbour::NormaliseRegistration(canonical);
  FUZZ_CHECK(again.has_value() && again->canonical == canonical && again->format == reg->format);
  FUZZ_CHECK(std::ranges::count(reg->display, ' ') == 1);
  std::string display_squeezed = reg->display;
  std::erase(display_squeezed, ' ');
  FUZZ_CHECK(display_squeezed == canonical);
  FUZZ_CHECK(harbour::RegistrationsMatch(input, canonical));
  return 0;
}
