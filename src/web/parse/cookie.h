#pragma once
// Cookie request header parsing and Set-Cookie construction. Pure.
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace harbour::web {

// Parses "a=1; b=2". Tolerant: malformed pairs are skipped, never an error; the first
// occurrence of a name wins; values may be double-quoted; at most 50 cookies are kept.
std::map<std::string, std::string, std::less<>> ParseCookieHeader(std::string_view header);

struct CookieOptions {
  bool http_only = true;
  bool secure = false;          // set when Harbour is behind TLS
  std::optional<long> max_age;  // seconds; 0 deletes the cookie
  std::string path = "/";
};
// Always SameSite=Strict. `name` must be a token and `value` and `path` cookie-safe (tokens
// are base64url); anything else is a programming error and throws std::invalid_argument.
std::string BuildSetCookie(std::string_view name, std::string_view value,
                           const CookieOptions& options);

}  // namespace harbour::web
