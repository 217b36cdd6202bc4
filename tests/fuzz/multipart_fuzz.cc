// ParseMultipartRequest and ParseMultipart on arbitrary bytes. The input's first line is the
// Content-Type, the rest the body; the whole input is also parsed with the fixed boundary "b".
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/text.h"
#include "fuzz_check.h"
#include "web/parse/multipart.h"

using harbour::web::MultipartPart;
using harbour::web::ParseMultipart;
using harbour::web::ParseMultipartRequest;

namespace {

bool HasControl(std::string_view text) {
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7f) return true;
  }
  return false;
}

// What every accepted part must be, whatever the input.
void CheckParts(const std::vector<MultipartPart>& parts, std::string_view input) {
  FUZZ_CHECK(parts.size() <= harbour::web::MultipartLimits{}.max_parts);
  for (const auto& part : parts) {
    FUZZ_CHECK(!part.name.empty() && harbour::IsValidUtf8(part.name) && !HasControl(part.name));
    FUZZ_CHECK(part.name.find('"') == std::string::npos);
    if (part.filename) {
      FUZZ_CHECK(harbour::IsValidUtf8(*part.filename));
      FUZZ_CHECK(part.filename->find_first_of("/\\\"\r\n") == std::string::npos);
    }
    FUZZ_CHECK(part.content_type.find_first_of("\r\n") == std::string::npos);
    FUZZ_CHECK(input.find(part.body) != std::string_view::npos);  // bytes untouched
  }
}

// The parts written again as a browser would, with boundary "b".
std::string Serialise(const std::vector<MultipartPart>& parts) {
  std::string body;
  for (const auto& part : parts) {
    body += "--b\r\nContent-Disposition: form-data; name=\"" + part.name + "\"";
    if (part.filename) body += "; filename=\"" + *part.filename + "\"";
    body += "\r\n";
    if (!part.content_type.empty()) body += "Content-Type: " + part.content_type + "\r\n";
    body += "\r\n" + part.body + "\r\n";
  }
  return body + "--b--\r\n";
}

bool SameParts(const std::vector<MultipartPart>& a, const std::vector<MultipartPart>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i].name != b[i].name || a[i].filename != b[i].filename ||
        a[i].content_type != b[i].content_type || a[i].body != b[i].body) {
      return false;
    }
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);

  const std::size_t newline = input.find('\n');
  if (newline != std::string_view::npos) {
    auto parts = ParseMultipartRequest(input.substr(0, newline), input.substr(newline + 1));
    if (parts) CheckParts(*parts, input);
  }

  auto parts = ParseMultipart(input, "b");
  if (!parts) return 0;
  CheckParts(*parts, input);
  // Written again, the parts read back the same, unless a body holds the delimiter itself (or
  // starts with "--b", which would make it a part without content followed by a delimiter).
  for (const auto& part : *parts) {
    if (part.body.find("\r\n--b") != std::string::npos || part.body.starts_with("--b")) return 0;
  }
  auto again = ParseMultipart(Serialise(*parts), "b");
  FUZZ_CHECK(again.has_value());
  FUZZ_CHECK(SameParts(*parts, *again));
  return 0;
}
