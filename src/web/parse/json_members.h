#pragma once
// Reading the members of one JSON object of a request body, collecting a field problem for
// each bad member instead of stopping at the first (shared by the API's body parsers). Pure.
#include <algorithm>
#include <array>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/time.h"

namespace harbour::web {

class JsonMembers {
 public:
  // Problems are recorded in `errors` under `prefix` + the member's name ("answers[2].").
  JsonMembers(const nlohmann::json& object, std::string prefix,
              std::map<std::string, std::string>& errors)
      : object_(object), prefix_(std::move(prefix)), errors_(errors) {}

  // The member, or nullptr when it is absent or null.
  const nlohmann::json* Find(std::string_view name) const;
  void Problem(std::string_view name, std::string message);
  // A trimmed string member ("" when absent, null or refused): a string of valid UTF-8 without
  // control characters (line breaks and tabs allowed when `multi_line`), at most `max_chars`.
  std::string Text(std::string_view name, std::size_t max_chars, bool multi_line = false);
  // A "YYYY-MM-DD" member that is a real date; nullopt when absent, null or blank.
  std::optional<Date> DateMember(std::string_view name);

  // One problem, `message`, for every member not in `known`.
  template <std::size_t N>
  void RefuseOthers(const std::array<std::string_view, N>& known, std::string_view message) {
    for (const auto& [key, value] : object_.items()) {
      if (std::find(known.begin(), known.end(), key) == known.end()) {
        Problem(key, std::string(message));
      }
    }
  }

 private:
  const nlohmann::json& object_;
  std::string prefix_;
  std::map<std::string, std::string>& errors_;
};

// Reading the members of one JSON object as text for the domain to validate (the child and
// concern bodies, whose checks are the same as the forms'): strings as given, whole numbers in
// decimal, booleans as "yes"/"no", lists of strings; absent and null members read as empty.
// Each wrong type, and each member that was never asked for, is a field problem. Pure.
class JsonText {
 public:
  // `object` must outlive the reader.
  explicit JsonText(const nlohmann::json& object) : object_(object) {}

  std::string Text(const std::string& name);
  std::string Integer(const std::string& name);
  std::vector<std::string> TextList(const std::string& name);
  std::string Boolean(const std::string& name);
  // The problems so far, plus "Is not a field of this resource" for every member not asked for.
  std::map<std::string, std::string> Errors() const;

 private:
  const nlohmann::json* Member(const std::string& name);

  const nlohmann::json& object_;
  std::vector<std::string> asked_;
  std::map<std::string, std::string> errors_;
};

}  // namespace harbour::web
