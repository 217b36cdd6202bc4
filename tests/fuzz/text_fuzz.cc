// IsValidUtf8 against ICU's decoder as an oracle, and NameKey's output shape and idempotence.
#include <unicode/ustring.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/text.h"
#include "fuzz_check.h"

namespace {

bool IcuAcceptsUtf8(std::string_view text) {
  std::vector<UChar> buffer(text.size() + 1);
  int32_t length = 0;
  UErrorCode status = U_ZERO_ERROR;
  u_strFromUTF8(buffer.data(), static_cast<int32_t>(buffer.size()), &length, text.data(),
                static_cast<int32_t>(text.size()), &status);
  return U_SUCCESS(status);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  bool valid = harbour::IsValidUtf8(input);
  FUZZ_CHECK(valid == IcuAcceptsUtf8(input));

  if (size > 4096) return 0;  // transliteration is slow; names are short
  std::string key = harbour::NameKey(input);
  if (!valid) FUZZ_CHECK(key.empty());
  FUZZ_CHECK(key.empty() || (key.front() != ' ' && key.back() != ' '));
  FUZZ_CHECK(key.find("  ") == std::string::npos);
  for (char c : key) FUZZ_CHECK((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == ' ');
  FUZZ_CHECK(harbour::NameKey(key) == key);

  std::string trimmed = harbour::Trim(input);
  FUZZ_CHECK(harbour::Trim(trimmed) == trimmed);
  for (const std::string& line : harbour::NonEmptyLines(input)) {
    FUZZ_CHECK(!line.empty() && line.find('\n') == std::string::npos);
  }
  FUZZ_CHECK(harbour::HexEncode(input).size() == 2 * size);
  return 0;
}
