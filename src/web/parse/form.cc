#include "web/parse/form.h"

#include "common/text.h"

namespace harbour::web {
namespace {

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

}  // namespace harbour::web
