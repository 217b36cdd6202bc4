#include "intelligence/legacy.h"

#include <array>
#include <map>
#include <nlohmann/json.hpp>
#include <utility>

#include "common/text.h"
#include "intelligence/report.h"

namespace harbour::intelligence {
namespace {

using nlohmann::json;
using Problems = std::map<std::string, std::string>;

constexpr std::array<std::string_view, 7> kMembers = {
    "reference", "submitted_at", "category", "source", "intelligence", "handling", "text"};
constexpr std::size_t kMaxProblems = 100;

// The member `name` as text; notes a problem when it is absent or not a string.
std::string TextMember(const json& object, std::string_view name, const std::string& where,
                       Problems& problems) {
  auto it = object.find(name);
  if (it == object.end() || it->is_null()) {
    problems[where + ": " + std::string(name)] = "Is missing";
    return {};
  }
  if (!it->is_string()) {
    problems[where + ": " + std::string(name)] = "Must be a string";
    return {};
  }
  return Trim(it->get_ref<const std::string&>());
}

void ParseLine(std::string_view line, std::size_t number, Instant now,
               std::vector<LegacyRecord>& out, Problems& problems) {
  const std::string where = "line " + std::to_string(number);
  json object = json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (!object.is_object()) {
    problems[where] = "Is not a JSON object";
    return;
  }
  for (const auto& [key, value] : object.items()) {
    if (std::ranges::find(kMembers, key) == kMembers.end()) {
      problems[where + ": " + key] = "Is not a field of a legacy record";
    }
  }
  LegacyRecord record;
  record.reference = TextMember(object, "reference", where, problems);
  if (record.reference.empty()) {
    problems.try_emplace(where + ": reference", "Is missing");
  } else if (record.reference.size() > kMaxLegacyReference ||
             HasControlCharacters(record.reference)) {
    problems[where + ": reference"] = "Must be at most 100 characters on one line";
  }
  std::string at = TextMember(object, "submitted_at", where, problems);
  if (auto parsed = ParseRfc3339(at); parsed && *parsed <= now) {
    record.submitted_at = *parsed;
  } else {
    problems.try_emplace(where + ": submitted_at", "Must be an RFC 3339 instant in the past");
  }
  std::string category = TextMember(object, "category", where, problems);
  if (auto c = CategoryFromCode(category)) {
    record.category = *c;
  } else {
    problems.try_emplace(where + ": category", "Is not a category code");
  }
  auto grade = ValidateLegacyGrade({TextMember(object, "source", where, problems),
                                    TextMember(object, "intelligence", where, problems),
                                    TextMember(object, "handling", where, problems)});
  if (grade) {
    record.grade = *grade;
  } else {
    for (const auto& [field, message] : grade.error().fields) {
      problems.try_emplace(where + ": " + field, message);
    }
  }
  auto text = CheckedFreeText(TextMember(object, "text", where, problems), "Is missing", "The text",
                              kMaxText);
  if (text) {
    record.text = *text;
  } else {
    problems.try_emplace(where + ": text", text.error());
  }
  out.push_back(std::move(record));
}

}  // namespace

Result<std::vector<LegacyRecord>> ParseLegacyRecords(std::string_view text, Instant now) {
  if (!IsValidUtf8(text)) {
    return Invalid({{"file", "Is not UTF-8 text"}}, "The file cannot be imported.");
  }
  std::vector<LegacyRecord> out;
  Problems problems;
  std::size_t number = 0;
  while (!text.empty() && problems.size() < kMaxProblems) {
    ++number;
    std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    if (Trim(line).empty()) continue;
    if (out.size() == kMaxLegacyRecords) {
      problems["file"] = "Holds more than 100000 records; split it";
      break;
    }
    ParseLine(line, number, now, out, problems);
  }
  if (out.empty() && problems.empty()) problems["file"] = "Holds no records";
  if (!problems.empty()) return Invalid(std::move(problems), "The file cannot be imported.");
  return out;
}

}  // namespace harbour::intelligence
