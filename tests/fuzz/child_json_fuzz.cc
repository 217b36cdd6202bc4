// The child body of the API (web/children/child_json.h) on arbitrary bytes. A rejection is
// malformed JSON, not an object, or names at least one field; what it accepts carries an
// estimated age that is empty or a whole number in decimal, and aliases one per line (the
// domain's checks of the text itself are fuzzed by validation_fuzz).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.h"
#include "web/children/child_json.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace harbour;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  auto in = web::ParseChildJson(input);
  if (!in) {
    const Error& e = in.error();
    FUZZ_CHECK(e.code == "malformed_json" || e.code == "not_an_object" ||
               e.code == "validation_failed");
    if (e.code == "validation_failed") FUZZ_CHECK(!e.fields.empty());
    return 0;
  }
  const std::string& age = in->estimated_age;
  FUZZ_CHECK(age.empty() || std::all_of(age.begin() + (age[0] == '-' ? 1 : 0), age.end(),
                                        [](char c) { return c >= '0' && c <= '9'; }));
  FUZZ_CHECK(in->aliases.empty() || in->aliases.back() == '\n');
  return 0;
}
