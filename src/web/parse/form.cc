#include "web/parse/form.h"

#include "common/text.h"

namespace harbour::web {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::unexpected<Error> MalformedForm(std::string message) {
  return Fail(ErrorKind::kMalformed, "malformed_form", std::move(message));
}

// Decodes one name or value of a form body: '+' is a space, then %-escapes.
Result<std::string> DecodeFormComponent(std::string_view text) {
  std::string spaced(text);
  for (char& c : spaced) {
    if (c == '+') c = ' ';
  }
  Result<std::string> decoded = PercentDecode(spaced);
  if (!decoded) return decoded;
  if (decoded->find('\0') != std::string::npos)
    return MalformedForm("The form contains a NUL byte.");
  return decoded;
}

}  // namespace

void FormData::Add(std::string name, std::string value) {
  pairs_.emplace(std::move(name), std::move(value));  // multimap keeps arrival order per name
}

std::string FormData::Get(std::string_view name) const {
  auto it = pairs_.find(name);
  return it == pairs_.end() ? std::string() : it->second;
}

std::vector<std::string> FormData::GetAll(std::string_view name) const {
  std::vector<std::string> values;
  auto [first, last] = pairs_.equal_range(name);
  for (auto it = first; it != last; ++it) values.push_back(it->second);
  return values;
}

bool FormData::Has(std::string_view name) const { return pairs_.find(name) != pairs_.end(); }

Result<FormData> ParseUrlEncoded(std::string_view text) {
  FormData form;
  std::size_t count = 0;
  while (!text.empty()) {
    std::size_t amp = text.find('&');
    std::string_view pair = text.substr(0, amp);
    text = amp == std::string_view::npos ? std::string_view() : text.substr(amp + 1);
    if (pair.empty()) continue;  // "a=1&&b=2"
    if (++count > kMaxFormFields) return MalformedForm("The form has too many fields.");
    std::size_t equals = pair.find('=');
    Result<std::string> name = DecodeFormComponent(pair.substr(0, equals));
    if (!name) return std::unexpected(name.error());
    Result<std::string> value = equals == std::string_view::npos
                                    ? Result<std::string>(std::string())
                                    : DecodeFormComponent(pair.substr(equals + 1));
    if (!value) return std::unexpected(value.error());
    form.Add(std::move(*name), std::move(*value));
  }
  return form;
}

Result<std::string> PercentDecode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out.push_back(text[i]);
      continue;
    }
    int high = i + 2 < text.size() ? HexValue(text[i + 1]) : -1;
    int low = high >= 0 ? HexValue(text[i + 2]) : -1;
    if (low < 0)
      return Fail(ErrorKind::kMalformed, "bad_encoding", "The request has a bad %-escape.");
    out.push_back(static_cast<char>(high * 16 + low));
    i += 2;
  }
  if (!IsValidUtf8(out))
    return Fail(ErrorKind::kMalformed, "bad_encoding", "The request is not UTF-8.");
  return out;
}

std::string PercentEncode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '.' || c == '_' || c == '~';
    if (unreserved) {
      out.push_back(c);
      continue;
    }
    auto byte = static_cast<unsigned char>(c);
    out.push_back('%');
    out.push_back(kHex[byte >> 4]);
    out.push_back(kHex[byte & 0x0F]);
  }
  return out;
}

}  // namespace harbour::web
