#include "web/core/target.h"

#include "web/parse/form.h"

namespace harbour::web {
namespace {

std::unexpected<Error> MalformedTarget(std::string message) {
  return Fail(ErrorKind::kMalformed, "malformed_target", std::move(message));
}

bool IsAlnum(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

// RFC 3986 pchar without pct-encoded (handled by the decoder): unreserved, sub-delims, ':', '@'.
bool IsRawPathChar(char c) {
  return IsAlnum(c) || std::string_view("-._~!$&'()*+,;=:@%").find(c) != std::string_view::npos;
}

// Queries are kept raw and decoded later, so any visible ASCII except '#' is let through.
bool IsRawQueryChar(char c) { return c >= 0x21 && c <= 0x7E && c != '#'; }

}  // namespace

Result<Target> ParseTarget(std::string_view target) {
  if (target.empty() || target.front() != '/') {
    return MalformedTarget("The request target must start with '/'.");
  }
  std::size_t question = target.find('?');
  std::string_view raw_path = target.substr(0, question);
  std::string_view query =
      question == std::string_view::npos ? std::string_view() : target.substr(question + 1);
  for (char c : query) {
    if (!IsRawQueryChar(c)) return MalformedTarget("The query contains a character not allowed.");
  }
  // "//host" would read as a network-path reference if echoed into a redirect.
  if (raw_path.find("//") != std::string_view::npos) {
    return MalformedTarget("The path has an empty segment.");
  }
  Target result;
  result.query = std::string(query);
  std::string_view rest = raw_path.substr(1);
  while (true) {
    std::size_t slash = rest.find('/');
    std::string_view segment = rest.substr(0, slash);
    for (char c : segment) {
      if (!IsRawPathChar(c)) return MalformedTarget("The path contains a character not allowed.");
    }
    Result<std::string> decoded = PercentDecode(segment);
    if (!decoded) return MalformedTarget("The path has a bad %-escape or is not UTF-8.");
    if (decoded->find('/') != std::string::npos || decoded->find('\0') != std::string::npos) {
      return MalformedTarget("The path contains an encoded '/' or NUL.");
    }
    if (*decoded == "." || *decoded == "..") return MalformedTarget("The path has a dot segment.");
    result.path += "/";
    result.path += *decoded;
    if (slash == std::string_view::npos) break;
    rest = rest.substr(slash + 1);
  }
  return result;
}

}  // namespace harbour::web
