#include "web/parse/json_members.h"

#include "common/text.h"

namespace harbour::web {

const nlohmann::json* JsonMembers::Find(std::string_view name) const {
  auto it = object_.find(name);
  if (it == object_.end() || it->is_null()) return nullptr;
  return &*it;
}

void JsonMembers::Problem(std::string_view name, std::string message) {
  errors_.emplace(prefix_ + std::string(name), std::move(message));
}

std::string JsonMembers::Text(std::string_view name, std::size_t max_chars, bool multi_line) {
  const nlohmann::json* value = Find(name);
  if (value == nullptr) return {};
  if (!value->is_string()) {
    Problem(name, "Must be a string");
    return {};
  }
  std::string text = Trim(value->get_ref<const std::string&>());
  if (!IsValidUtf8(text) || HasControlCharacters(text, multi_line)) {
    Problem(name, "Must not contain control characters");
    return {};
  }
  if (CharacterCount(text) > max_chars) {
    Problem(name, "Must be " + std::to_string(max_chars) + " characters or fewer");
    return {};
  }
  return text;
}

std::optional<Date> JsonMembers::DateMember(std::string_view name) {
  const nlohmann::json* value = Find(name);
  if (value == nullptr) return std::nullopt;
  if (!value->is_string()) {
    Problem(name, "Enter a date as YYYY-MM-DD");
    return std::nullopt;
  }
  std::string text = Trim(value->get_ref<const std::string&>());
  if (text.empty()) return std::nullopt;
  auto date = ParseDate(text);
  if (!date) {
    Problem(name, "Enter a date as YYYY-MM-DD");
    return std::nullopt;
  }
  return *date;
}

}  // namespace harbour::web
