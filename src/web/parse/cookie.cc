#include "web/parse/cookie.h"

#include <stdexcept>

namespace harbour::web {
namespace {

constexpr std::size_t kMaxCookies = 50;

// RFC 7230 token characters (cookie names).
bool IsTokenChar(char c) {
  if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

// RFC 6265 cookie-octet: visible ASCII except '"', ',', ';' and '\'.
bool IsCookieOctet(char c) {
  return c >= 0x21 && c <= 0x7E && c != '"' && c != ',' && c != ';' && c != '\\';
}

bool AllOf(std::string_view text, bool (*predicate)(char)) {
  for (char c : text) {
    if (!predicate(c)) return false;
  }
  return true;
}

std::string_view TrimSpaces(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

}  // namespace

std::map<std::string, std::string, std::less<>> ParseCookieHeader(std::string_view header) {
  std::map<std::string, std::string, std::less<>> cookies;
  while (!header.empty() && cookies.size() < kMaxCookies) {
    std::size_t semicolon = header.find(';');
    std::string_view pair = TrimSpaces(header.substr(0, semicolon));
    header =
        semicolon == std::string_view::npos ? std::string_view() : header.substr(semicolon + 1);
    std::size_t equals = pair.find('=');
    if (equals == std::string_view::npos) continue;
    std::string_view name = TrimSpaces(pair.substr(0, equals));
    std::string_view value = TrimSpaces(pair.substr(equals + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
      value = value.substr(1, value.size() - 2);
    }
    if (name.empty() || !AllOf(name, IsTokenChar) || !AllOf(value, IsCookieOctet)) continue;
    cookies.try_emplace(std::string(name), value);  // the first occurrence wins
  }
  return cookies;
}

std::string BuildSetCookie(std::string_view name, std::string_view value,
                           const CookieOptions& options) {
  // A bad name, value or path here is a programming error (and a header-injection risk).
  auto is_path_char = [](char c) { return c >= 0x20 && c <= 0x7E && c != ';'; };
  bool path_ok = true;
  for (char c : options.path) path_ok = path_ok && is_path_char(c);
  if (name.empty() || !AllOf(name, IsTokenChar) || !AllOf(value, IsCookieOctet) || !path_ok) {
    throw std::invalid_argument("BuildSetCookie: name, value or path is not cookie-safe");
  }
  std::string header(name);
  header += "=";
  header += value;
  if (!options.path.empty()) header += "; Path=" + options.path;
  if (options.max_age) {
    long max_age = *options.max_age < 0 ? 0 : *options.max_age;
    header += "; Max-Age=" + std::to_string(max_age);
    if (max_age == 0) header += "; Expires=Thu, 01 Jan 1970 00:00:00 GMT";
  }
  if (options.http_only) header += "; HttpOnly";
  if (options.secure) header += "; Secure";
  header += "; SameSite=Strict";
  return header;
}

}  // namespace harbour::web
