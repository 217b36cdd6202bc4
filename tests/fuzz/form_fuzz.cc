// ParseUrlEncoded and PercentDecode/PercentEncode on arbitrary bytes.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/text.h"
#include "fuzz_check.h"
#include "web/parse/form.h"

using harbour::web::FormData;
using harbour::web::kMaxFormFields;
using harbour::web::ParseUrlEncoded;
using harbour::web::PercentDecode;
using harbour::web::PercentEncode;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);

  auto form = ParseUrlEncoded(input);
  if (form) {
    FUZZ_CHECK(form->Pairs().size() <= kMaxFormFields);
    std::string encoded;
    for (const auto& [name, value] : form->Pairs()) {
      FUZZ_CHECK(harbour::IsValidUtf8(name) && harbour::IsValidUtf8(value));
      FUZZ_CHECK(name.find('\0') == std::string::npos && value.find('\0') == std::string::npos);
      FUZZ_CHECK(form->Has(name));
      encoded += PercentEncode(name) + "=" + PercentEncode(value) + "&";
    }
    // Re-encoding what was decoded gives the same form back.
    auto again = ParseUrlEncoded(encoded);
    FUZZ_CHECK(again.has_value());
    FUZZ_CHECK(again->Pairs() == form->Pairs());
  }

  auto decoded = PercentDecode(input);
  if (decoded) FUZZ_CHECK(harbour::IsValidUtf8(*decoded));
  if (harbour::IsValidUtf8(input)) {
    std::string encoded = PercentEncode(input);
    auto round_trip = PercentDecode(encoded);
    FUZZ_CHECK(round_trip.has_value() && *round_trip == input);
  }
  return 0;
}
