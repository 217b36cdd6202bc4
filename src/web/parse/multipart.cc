#include "web/parse/multipart.h"

#include <algorithm>
#include <map>
#include <utility>

#include "common/text.h"

namespace harbour::web {
namespace {

constexpr std::size_t kMaxBoundary = 70;  // RFC 2046 §5.1.1
constexpr std::string_view kCrlf = "\r\n";
constexpr std::string_view kFormData = "multipart/form-data";

std::unexpected<Error> Malformed(std::string message) {
  return Fail(ErrorKind::kMalformed, "malformed_multipart", std::move(message));
}

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                            [](char x, char y) { return Lower(x) == Lower(y); });
}

std::string LowerCopy(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), Lower);
  return out;
}

bool IsSpace(char c) { return c == ' ' || c == '\t'; }

std::string_view TrimSpaces(std::string_view text) {
  while (!text.empty() && IsSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsSpace(text.back())) text.remove_suffix(1);
  return text;
}

// RFC 9110 token characters.
bool IsTokenChar(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

bool IsToken(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), IsTokenChar);
}

// A control character other than a tab (NUL, CR and LF included), or DEL.
bool HasControl(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return (byte < 0x20 && c != '\t') || byte == 0x7f;
  });
}

// RFC 2046 bchars.
bool IsBoundaryChar(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("'()+_,-./:=? ").find(c) != std::string_view::npos;
}

using Parameters = std::map<std::string, std::string, std::less<>>;

// A header value: its first word, then "; key=value" parameters, each value a token or a
// quoted string. A quoted string ends at the next double quote: browsers percent-encode a
// quote inside a name or file name (RFC 7578 §4.2), and a backslash is the file name's own.
// Keys are lower-cased and must not repeat.
struct HeaderValue {
  std::string value;
  Parameters parameters;
};

Result<HeaderValue> ParseHeaderValue(std::string_view text, std::string_view header) {
  const std::size_t semicolon = text.find(';');
  HeaderValue parsed{.value = std::string(TrimSpaces(text.substr(0, semicolon))), .parameters = {}};
  if (semicolon == std::string_view::npos) return parsed;
  std::string_view rest = text.substr(semicolon);
  const std::string where = "the " + std::string(header) + " header";
  while (true) {
    rest = TrimSpaces(rest);
    if (rest.empty()) return parsed;
    if (rest.front() != ';') return Malformed(where + " has text after a parameter's value");
    rest = TrimSpaces(rest.substr(1));
    if (rest.empty()) return parsed;  // a trailing ';'
    const std::size_t equals = rest.find('=');
    if (equals == std::string_view::npos)
      return Malformed(where + " has a parameter without a value");
    const std::string_view key = TrimSpaces(rest.substr(0, equals));
    if (!IsToken(key)) return Malformed(where + " has a parameter whose name is not a token");
    rest = TrimSpaces(rest.substr(equals + 1));
    std::string value;
    if (!rest.empty() && rest.front() == '"') {
      const std::size_t close = rest.find('"', 1);
      if (close == std::string_view::npos) return Malformed(where + " has an unclosed quote");
      value = std::string(rest.substr(1, close - 1));
      rest.remove_prefix(close + 1);
    } else {
      std::size_t end = 0;
      while (end < rest.size() && IsTokenChar(rest[end])) ++end;
      if (end == 0) return Malformed(where + " has a parameter with an empty or invalid value");
      value = std::string(rest.substr(0, end));
      rest.remove_prefix(end);
    }
    if (!parsed.parameters.emplace(LowerCopy(key), std::move(value)).second) {
      return Malformed(where + " gives the parameter " + LowerCopy(key) + " twice");
    }
  }
}

// The file name without the directories an old browser may prefix.
std::string BaseName(std::string_view name) {
  const std::size_t slash = name.find_last_of("/\\");
  return std::string(slash == std::string_view::npos ? name : name.substr(slash + 1));
}

Result<void> ApplyDisposition(std::string_view value, MultipartPart& part) {
  auto parsed = ParseHeaderValue(value, "Content-Disposition");
  if (!parsed) return std::unexpected(parsed.error());
  if (!EqualsIgnoringCase(parsed->value, "form-data")) {
    return Malformed("a part's Content-Disposition is not form-data");
  }
  auto name = parsed->parameters.find("name");
  if (name == parsed->parameters.end() || name->second.empty()) {
    return Malformed("a part's Content-Disposition has no name");
  }
  if (!IsValidUtf8(name->second)) return Malformed("a part's name is not UTF-8");
  if (name->second.find('\t') != std::string::npos) {
    return Malformed("a part's name has a control character");
  }
  part.name = name->second;
  if (auto file = parsed->parameters.find("filename"); file != parsed->parameters.end()) {
    if (!IsValidUtf8(file->second)) return Malformed("a part's file name is not UTF-8");
    part.filename = BaseName(file->second);
  }
  return {};
}

// The header block of one part (its lines without their CRLFs) into `part`.
Result<void> ApplyHeaders(std::string_view block, const MultipartLimits& limits,
                          MultipartPart& part) {
  std::size_t lines = 0;
  bool disposition = false, type = false;
  while (!block.empty()) {
    const std::size_t end = block.find(kCrlf);
    const std::string_view line = block.substr(0, end);
    block = end == std::string_view::npos ? std::string_view{} : block.substr(end + kCrlf.size());
    if (++lines > limits.max_headers) return Malformed("a part has too many header lines");
    if (line.empty() || IsSpace(line.front())) {
      return Malformed("a part has an empty or folded header line");
    }
    if (HasControl(line)) return Malformed("a part's header has a control character");
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos || !IsToken(line.substr(0, colon))) {
      return Malformed("a part has a header line that is not NAME: VALUE");
    }
    const std::string_view name = line.substr(0, colon);
    const std::string_view value = TrimSpaces(line.substr(colon + 1));
    if (EqualsIgnoringCase(name, "content-disposition")) {
      if (disposition) return Malformed("a part has two Content-Disposition headers");
      disposition = true;
      if (auto applied = ApplyDisposition(value, part); !applied) return applied;
    } else if (EqualsIgnoringCase(name, "content-type")) {
      if (type) return Malformed("a part has two Content-Type headers");
      type = true;
      part.content_type = std::string(value);
    }
  }
  if (!disposition) return Malformed("a part has no Content-Disposition header");
  return {};
}

// After a delimiter at `pos`: true when it closes the body ("--"), false when a part follows
// (optional spaces, then CRLF; `pos` moves past them).
Result<bool> AfterDelimiter(std::string_view body, std::size_t& pos) {
  if (body.substr(pos, 2) == "--") return true;
  while (pos < body.size() && IsSpace(body[pos])) ++pos;
  if (body.substr(pos, kCrlf.size()) != kCrlf) {
    return Malformed("a boundary line has other text after the boundary");
  }
  pos += kCrlf.size();
  return false;
}

// The header block of the part starting at `pos` (just after its delimiter line) applied to
// `part`: the offset where the part's content starts. A part whose blank line is at once
// followed by the next delimiter's CRLF has no content (RFC 2046: "[CRLF *OCTET]"), and its
// offset is that delimiter's. The block may not reach into the next part.
Result<std::size_t> ReadPartHeaders(std::string_view body, std::size_t pos,
                                    std::string_view delimiter, const MultipartLimits& limits,
                                    MultipartPart& part) {
  if (body.substr(pos, kCrlf.size()) == kCrlf) {
    // No header at all: refused for its missing Content-Disposition.
    if (auto applied = ApplyHeaders({}, limits, part); !applied) {
      return std::unexpected(applied.error());
    }
    return pos + kCrlf.size();
  }
  const std::string_view window = body.substr(pos, limits.max_header_bytes);
  const std::size_t blank = window.find("\r\n\r\n");
  if (blank == std::string_view::npos ||
      window.substr(0, blank + 2).find(delimiter) != std::string_view::npos) {
    return Malformed("a part's headers are too long or do not end in a blank line");
  }
  if (auto applied = ApplyHeaders(window.substr(0, blank), limits, part); !applied) {
    return std::unexpected(applied.error());
  }
  const std::size_t after_headers = pos + blank + kCrlf.size();
  if (body.substr(after_headers).starts_with(delimiter)) return after_headers;
  return after_headers + kCrlf.size();
}

}  // namespace

bool IsMultipartFormData(std::string_view content_type) {
  return EqualsIgnoringCase(TrimSpaces(content_type.substr(0, content_type.find(';'))), kFormData);
}

Result<std::string> MultipartBoundary(std::string_view content_type) {
  if (!IsMultipartFormData(content_type)) {
    return Malformed("the request is not multipart/form-data");
  }
  auto parsed = ParseHeaderValue(content_type, "Content-Type");
  if (!parsed) return std::unexpected(parsed.error());
  auto boundary = parsed->parameters.find("boundary");
  if (boundary == parsed->parameters.end()) {
    return Malformed("the Content-Type header gives no boundary");
  }
  const std::string& b = boundary->second;
  if (b.empty() || b.size() > kMaxBoundary || b.back() == ' ' ||
      !std::all_of(b.begin(), b.end(), IsBoundaryChar)) {
    return Malformed("the boundary must be 1 to 70 letters, digits or '()+_,-./:=? characters");
  }
  return b;
}

Result<std::vector<MultipartPart>> ParseMultipart(std::string_view body, std::string_view boundary,
                                                  const MultipartLimits& limits) {
  if (boundary.empty()) return Malformed("the boundary is empty");
  const std::string dash_boundary = "--" + std::string(boundary);
  const std::string delimiter = std::string(kCrlf) + dash_boundary;
  std::size_t pos = 0;
  if (body.starts_with(dash_boundary)) {
    pos = dash_boundary.size();
  } else {
    const std::size_t first = body.find(delimiter);  // after a preamble
    if (first == std::string_view::npos) return Malformed("the body has no boundary line");
    pos = first + delimiter.size();
  }
  std::vector<MultipartPart> parts;
  while (true) {
    auto closed = AfterDelimiter(body, pos);
    if (!closed) return std::unexpected(closed.error());
    if (*closed) return parts;  // the epilogue is ignored
    if (parts.size() == limits.max_parts) {
      return Malformed("the body has more than " + std::to_string(limits.max_parts) + " parts");
    }
    MultipartPart part;
    auto content = ReadPartHeaders(body, pos, delimiter, limits, part);
    if (!content) return std::unexpected(content.error());
    const std::size_t next = body.find(delimiter, *content);
    if (next == std::string_view::npos) return Malformed("the body ends before its last boundary");
    part.body = std::string(body.substr(*content, next - *content));
    parts.push_back(std::move(part));
    pos = next + delimiter.size();
  }
}

Result<std::vector<MultipartPart>> ParseMultipartRequest(std::string_view content_type,
                                                         std::string_view body,
                                                         const MultipartLimits& limits) {
  auto boundary = MultipartBoundary(content_type);
  if (!boundary) return std::unexpected(boundary.error());
  return ParseMultipart(body, *boundary, limits);
}

std::string MultipartField(const std::vector<MultipartPart>& parts, std::string_view name) {
  auto it = std::find_if(parts.begin(), parts.end(), [&](const MultipartPart& p) {
    return p.name == name && !p.filename.has_value();
  });
  return it == parts.end() ? std::string() : it->body;
}

}  // namespace harbour::web
