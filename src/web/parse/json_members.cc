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

const nlohmann::json* JsonText::Member(const std::string& name) {
  asked_.push_back(name);
  auto it = object_.find(name);
  if (it == object_.end() || it->is_null()) return nullptr;
  return &*it;
}

std::string JsonText::Text(const std::string& name) {
  const nlohmann::json* value = Member(name);
  if (value == nullptr) return {};
  if (value->is_string()) return value->get<std::string>();
  errors_[name] = "Must be a string";
  return {};
}

std::string JsonText::Integer(const std::string& name) {
  const nlohmann::json* value = Member(name);
  if (value == nullptr) return {};
  if (value->is_number_integer()) return std::to_string(value->get<long long>());
  errors_[name] = "Must be a whole number";
  return {};
}

std::vector<std::string> JsonText::TextList(const std::string& name) {
  const nlohmann::json* value = Member(name);
  if (value == nullptr) return {};
  std::vector<std::string> out;
  bool strings = value->is_array() &&
                 std::ranges::all_of(*value, [](const nlohmann::json& v) { return v.is_string(); });
  if (!strings) {
    errors_[name] = "Must be a list of strings";
    return out;
  }
  for (const auto& v : *value) out.push_back(v.get<std::string>());
  return out;
}

std::string JsonText::Boolean(const std::string& name) {
  const nlohmann::json* value = Member(name);
  if (value == nullptr) return {};
  if (value->is_boolean()) return value->get<bool>() ? "yes" : "no";
  errors_[name] = "Must be true or false";
  return {};
}

std::map<std::string, std::string> JsonText::Errors() const {
  auto errors = errors_;
  for (const auto& [key, value] : object_.items()) {
    if (std::ranges::find(asked_, key) == asked_.end()) {
      errors[key] = "Is not a field of this resource";
    }
  }
  return errors;
}

}  // namespace harbour::web
