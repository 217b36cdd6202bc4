#include "reference/catalogue.h"

#include <algorithm>
#include <exception>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <toml.hpp>
#include <utility>

#include "common/toml_text.h"

namespace harbour::reference {
namespace {

constexpr std::size_t kMaxCodeLength = 64;

// The first problem found in a reference file: which line and which field.
struct Problem {
  std::size_t line = 0;
  std::string field;
  std::string what;
};

std::unexpected<Error> ToError(const Problem& problem) {
  std::string message = "Line " + std::to_string(problem.line) + ": " + problem.what;
  return Invalid({{problem.field, message}}, message);
}

std::size_t LineOf(const toml::value& value) { return value.location().line(); }

// toml11's messages start "[error] " and continue with a multi-line excerpt; the first line
// is enough for a person, since the line number is given separately.
std::string FirstLineOf(std::string_view what) {
  std::string_view line = what.substr(0, what.find('\n'));
  constexpr std::string_view kPrefix = "[error] ";
  if (line.starts_with(kPrefix)) line.remove_prefix(kPrefix.size());
  return std::string(line);
}

bool IsSnakeCase(std::string_view text) {
  if (text.empty() || text.size() > kMaxCodeLength) return false;
  if (text.front() < 'a' || text.front() > 'z') return false;
  return std::ranges::all_of(
      text, [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

bool IsBlank(std::string_view text) {
  return std::ranges::all_of(
      text, [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

std::optional<IndicatorGroup> IndicatorGroupFromName(std::string_view name) {
  if (name == "warning_sign") return IndicatorGroup::kWarningSign;
  if (name == "vulnerability") return IndicatorGroup::kVulnerability;
  if (name == "community") return IndicatorGroup::kCommunity;
  return std::nullopt;
}

std::string_view CodePrefix(IndicatorGroup group) {
  switch (group) {
    case IndicatorGroup::kWarningSign:
      return "ws.";
    case IndicatorGroup::kVulnerability:
      return "vu.";
    case IndicatorGroup::kCommunity:
      return "cf.";
  }
  return "";
}

using KeySet = std::set<std::string, std::less<>>;

// The line and name of the earliest key of `table` that is not in `allowed`, if any. (toml11
// keeps keys in a hash map, so "earliest" is decided by line to make reports deterministic.)
std::optional<std::pair<std::size_t, std::string>> FirstKeyNotIn(const toml::value& table,
                                                                 const KeySet& allowed) {
  std::optional<std::pair<std::size_t, std::string>> first;
  for (const auto& [key, value] : table.as_table()) {
    if (allowed.contains(key)) continue;
    std::pair<std::size_t, std::string> candidate{LineOf(value), key};
    if (!first || candidate < *first) first = std::move(candidate);
  }
  return first;
}

// The entries of the array of tables `[[table]]`, after checking the document holds nothing
// else. Each entry is checked to be a table whose keys are all in `allowed`.
Result<std::vector<const toml::value*>> Entries(const toml::value& document, std::string_view table,
                                                const KeySet& allowed) {
  const std::string name(table);
  if (auto extra = FirstKeyNotIn(document, {name})) {
    return ToError(
        {extra->first, extra->second,
         "unexpected key \"" + extra->second + "\"; only [[" + name + "]] entries are allowed."});
  }
  if (!document.contains(name)) {
    return ToError({1, name, "there are no [[" + name + "]] entries."});
  }
  const toml::value& array = document.at(name);
  if (!array.is_array()) {
    return ToError({LineOf(array), name, "\"" + name + "\" must be written as [[" + name + "]]."});
  }
  std::vector<const toml::value*> entries;
  for (const toml::value& entry : array.as_array()) {
    if (!entry.is_table()) {
      return ToError({LineOf(entry), name, "each " + name + " entry must be a table."});
    }
    if (auto extra = FirstKeyNotIn(entry, allowed)) {
      return ToError({extra->first, extra->second, "unknown field \"" + extra->second + "\"."});
    }
    entries.push_back(&entry);
  }
  if (entries.empty()) return ToError({LineOf(array), name, "there are no entries."});
  return entries;
}

// A string field of `entry`; an absent optional field is "". Required fields must not be blank.
Result<std::string> StringField(const toml::value& entry, const std::string& key, bool required) {
  if (!entry.contains(key)) {
    if (!required) return std::string();
    return ToError({LineOf(entry), key, "\"" + key + "\" is missing."});
  }
  const toml::value& value = entry.at(key);
  if (!value.is_string()) {
    return ToError({LineOf(value), key, "\"" + key + "\" must be a string."});
  }
  std::string text = value.as_string().str;
  if (required && IsBlank(text)) {
    return ToError({LineOf(value), key, "\"" + key + "\" must not be blank."});
  }
  return text;
}

// Runs `parse` on the parsed document, turning toml11's exceptions (syntax errors, which are
// expected for hand-edited files) into kInvalid values at this boundary.
template <class T, class Parse>
Result<T> ParseDocument(std::string_view toml_text, Parse parse) {
  if (auto problem = CheckTomlText(toml_text)) {
    return ToError({problem->line, "toml", problem->what});
  }
  try {
    std::istringstream in{std::string(toml_text)};
    const toml::value document = toml::parse(in, "reference");
    return parse(document);
  } catch (const toml::exception& e) {
    // location() is right except for some errors it reports at line 1; the message quotes
    // the real line then.
    auto line = e.location().line();
    if (line <= 1) line = LineInTomlMessage(e.what(), line);
    return ToError({line, "toml", "TOML syntax error: " + FirstLineOf(e.what())});
  } catch (const std::exception& e) {
    return ToError({0, "toml", "TOML error: " + FirstLineOf(e.what())});
  }
}

Result<std::vector<Indicator>> IndicatorsFrom(const toml::value& document) {
  auto entries = Entries(document, "indicator", {"code", "group", "label", "guidance", "retired"});
  if (!entries) return std::unexpected(entries.error());
  std::vector<Indicator> indicators;
  KeySet seen;
  for (const toml::value* entry : *entries) {
    Indicator indicator;
    auto code = StringField(*entry, "code", true);
    if (!code) return std::unexpected(code.error());
    auto group_name = StringField(*entry, "group", true);
    if (!group_name) return std::unexpected(group_name.error());
    auto label = StringField(*entry, "label", true);
    if (!label) return std::unexpected(label.error());
    auto guidance = StringField(*entry, "guidance", true);
    if (!guidance) return std::unexpected(guidance.error());

    const auto line_of = [&](const char* key) { return LineOf(entry->at(key)); };
    auto group = IndicatorGroupFromName(*group_name);
    if (!group) {
      return ToError(
          {line_of("group"), "group",
           "unknown group \"" + *group_name + "\"; use warning_sign, vulnerability or community."});
    }
    const std::string_view prefix = CodePrefix(*group);
    if (!code->starts_with(prefix) || !IsSnakeCase(std::string_view(*code).substr(3))) {
      return ToError({line_of("code"), "code",
                      "code \"" + *code + "\" must be \"" + std::string(prefix) +
                          "\" followed by lower-case letters, digits and underscores."});
    }
    if (!seen.insert(*code).second) {
      return ToError({line_of("code"), "code", "code \"" + *code + "\" is used twice."});
    }
    if (entry->contains("retired")) {
      const toml::value& retired = entry->at("retired");
      if (!retired.is_boolean()) {
        return ToError({LineOf(retired), "retired", "\"retired\" must be true or false."});
      }
      indicator.retired = retired.as_boolean();
    }
    indicator.code = std::move(*code);
    indicator.group = *group;
    indicator.label = std::move(*label);
    indicator.guidance = std::move(*guidance);
    indicators.push_back(std::move(indicator));
  }
  return indicators;
}

Result<std::vector<Code>> CodesFrom(const toml::value& document, std::string_view table) {
  auto entries = Entries(document, table, {"code", "label", "group"});
  if (!entries) return std::unexpected(entries.error());
  std::vector<Code> codes;
  KeySet seen;
  for (const toml::value* entry : *entries) {
    auto code = StringField(*entry, "code", true);
    if (!code) return std::unexpected(code.error());
    auto label = StringField(*entry, "label", true);
    if (!label) return std::unexpected(label.error());
    auto group = StringField(*entry, "group", false);
    if (!group) return std::unexpected(group.error());
    const std::size_t code_line = LineOf(entry->at("code"));
    if (!IsSnakeCase(*code)) {
      return ToError({code_line, "code",
                      "code \"" + *code +
                          "\" must be lower-case letters, digits and underscores, starting with a "
                          "letter."});
    }
    if (!seen.insert(*code).second) {
      return ToError({code_line, "code", "code \"" + *code + "\" is used twice."});
    }
    codes.push_back(Code{std::move(*code), std::move(*label), std::move(*group)});
  }
  return codes;
}

template <class T>
const T* FindByCode(const std::vector<T>& items, std::string_view code) {
  auto it = std::ranges::find(items, code, &T::code);
  return it == items.end() ? nullptr : &*it;
}

}  // namespace

Result<std::vector<Indicator>> Catalogue::ParseIndicators(std::string_view toml_text) {
  return ParseDocument<std::vector<Indicator>>(toml_text, IndicatorsFrom);
}

Result<std::vector<Code>> Catalogue::ParseCodes(std::string_view toml_text,
                                                std::string_view table) {
  return ParseDocument<std::vector<Code>>(
      toml_text, [table](const toml::value& document) { return CodesFrom(document, table); });
}

Catalogue::Catalogue(std::vector<Indicator> indicators, std::vector<Code> ethnicities,
                     std::vector<Code> agency_types)
    : indicators_(std::move(indicators)),
      ethnicities_(std::move(ethnicities)),
      agency_types_(std::move(agency_types)) {}

const Indicator* Catalogue::FindIndicator(std::string_view code) const {
  return FindByCode(indicators_, code);
}

const Code* Catalogue::FindEthnicity(std::string_view code) const {
  return FindByCode(ethnicities_, code);
}

const Code* Catalogue::FindAgencyType(std::string_view code) const {
  return FindByCode(agency_types_, code);
}

std::string_view IndicatorGroupName(IndicatorGroup group) {
  switch (group) {
    case IndicatorGroup::kWarningSign:
      return "warning_sign";
    case IndicatorGroup::kVulnerability:
      return "vulnerability";
    case IndicatorGroup::kCommunity:
      return "community";
  }
  return "";
}

}  // namespace harbour::reference
