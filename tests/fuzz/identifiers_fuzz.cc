// NHS number, UPN and postcode normalisation on arbitrary bytes: anything accepted is already
// canonical (normalising it again changes nothing), and the synthetic generators stay valid.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "common/identifiers.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);

  if (auto nhs = harbour::NormaliseNhsNumber(input)) {
    FUZZ_CHECK(nhs->size() == 10);
    FUZZ_CHECK(harbour::NormaliseNhsNumber(*nhs).value_or("") == *nhs);
    FUZZ_CHECK(harbour::NormaliseNhsNumber(harbour::FormatNhsNumber(*nhs)).value_or("") == *nhs);
  }
  if (auto upn = harbour::NormaliseUpn(input)) {
    FUZZ_CHECK(upn->size() == 13);
    FUZZ_CHECK(harbour::NormaliseUpn(*upn).value_or("") == *upn);
  }
  if (auto postcode = harbour::NormalisePostcode(input)) {
    FUZZ_CHECK(postcode->size() >= 6 && postcode->size() <= 8);
    FUZZ_CHECK(harbour::NormalisePostcode(*postcode).value_or("") == *postcode);
    std::string outward = harbour::OutwardCode(*postcode);
    FUZZ_CHECK(outward + " " + postcode->substr(postcode->size() - 3) == *postcode);
  }

  std::uint64_t n = 0;
  std::memcpy(&n, data, std::min(size, sizeof n));
  std::string synthetic_nhs = harbour::SyntheticNhsNumber(n);
  FUZZ_CHECK(synthetic_nhs.starts_with("999"));
  FUZZ_CHECK(harbour::NormaliseNhsNumber(synthetic_nhs).has_value());
  FUZZ_CHECK(harbour::NormaliseUpn(harbour::SyntheticUpn(n)).has_value());
  return 0;
}
