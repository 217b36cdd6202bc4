// The concern body of the API (web/concerns/concern_json.h) on arbitrary bytes. A rejection is
// malformed JSON, not an object, or names at least one field; what it accepts keeps the
// booleans to "yes", "no" or empty.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.h"
#include "web/concerns/concern_json.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace harbour;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  auto in = web::ParseConcernJson(input);
  if (!in) {
    const Error& e = in.error();
    FUZZ_CHECK(e.code == "malformed_json" || e.code == "not_an_object" ||
               e.code == "validation_failed");
    if (e.code == "validation_failed") FUZZ_CHECK(!e.fields.empty());
    return 0;
  }
  for (const auto* flag : {&in->first_hand, &in->immediate_danger}) {
    FUZZ_CHECK(flag->empty() || *flag == "yes" || *flag == "no");
  }
  return 0;
}
