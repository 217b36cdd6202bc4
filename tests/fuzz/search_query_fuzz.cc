// The child search box on arbitrary bytes: never crashes, and whatever it recognises is well
// formed (a valid NHS number, a real date, at most three non-empty ASCII name keys).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "children/search.h"
#include "common/identifiers.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  auto query = harbour::children::ParseSearchQuery(input);
  if (query.nhs_number) FUZZ_CHECK(harbour::NormaliseNhsNumber(*query.nhs_number).has_value());
  if (query.date_of_birth) FUZZ_CHECK(query.date_of_birth->ok());
  FUZZ_CHECK(query.name_keys.size() <= 3);
  for (const auto& key : query.name_keys) {
    FUZZ_CHECK(!key.empty());
    for (char c : key) FUZZ_CHECK((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'));
  }
  return 0;
}
