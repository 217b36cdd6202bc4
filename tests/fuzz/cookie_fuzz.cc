// ParseCookieHeader on arbitrary bytes; every cookie it keeps must be one BuildSetCookie accepts.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "web/parse/cookie.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  auto cookies = harbour::web::ParseCookieHeader(input);
  FUZZ_CHECK(cookies.size() <= 50);
  for (const auto& [name, value] : cookies) {
    FUZZ_CHECK(!name.empty());
    // Throws (and so crashes the fuzzer) if the parser let through an unsafe name or value.
    std::string set_cookie = harbour::web::BuildSetCookie(name, value, {});
    FUZZ_CHECK(set_cookie.find('\r') == std::string::npos);
    FUZZ_CHECK(set_cookie.find('\n') == std::string::npos);
    auto again = harbour::web::ParseCookieHeader(name + "=" + value);
    FUZZ_CHECK(again.size() == 1 && again.begin()->second == value);
  }
  return 0;
}
