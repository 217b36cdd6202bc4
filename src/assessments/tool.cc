#include "assessments/tool.h"

#include <algorithm>
#include <exception>
#include <limits>
#include <set>
#include <sstream>
#include <toml.hpp>
#include <utility>

#include "common/ids.h"
#include "common/toml_text.h"

namespace harbour::assessments {
namespace {

using KeySet = std::set<std::string, std::less<>>;

constexpr std::size_t kMaxCodeLength = 64;
constexpr std::size_t kMaxTextLength = 4000;

const KeySet kGovukColours = {"grey",   "green", "turquoise", "blue",   "light-blue",
                              "purple", "pink",  "red",       "orange", "yellow"};

bool IsCode(std::string_view text, bool allow_dash) {
  if (text.empty() || text.size() > kMaxCodeLength) return false;
  if (text.front() < 'a' || text.front() > 'z') return false;
  return std::ranges::all_of(text, [&](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || (allow_dash && c == '-');
  });
}

bool IsBlank(std::string_view text) {
  return std::ranges::all_of(
      text, [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

std::optional<Condition> ConditionFromCode(std::string_view code) {
  return kConditionCodes.FromCode(code);
}

std::string Indexed(std::string_view path, std::string_view key, std::size_t index) {
  std::string out(path);
  if (!out.empty()) out += '.';
  out += key;
  out += '[' + std::to_string(index + 1) + ']';
  return out;
}

std::string Join(std::string_view path, std::string_view key) {
  return path.empty() ? std::string(key) : std::string(path) + "." + std::string(key);
}

// Walks a parsed document, recording every problem instead of stopping at the first.
class Reader {
 public:
  Reader(const reference::Catalogue& catalogue, bool allow_retired)
      : catalogue_(catalogue), allow_retired_(allow_retired) {}

  std::vector<ToolProblem> TakeProblems() { return std::move(problems_); }
  bool HasProblems() const { return !problems_.empty(); }

  void Problem(const toml::value& at, std::string field, std::string message) {
    Problem(static_cast<std::uint32_t>(at.location().line()), std::move(field), std::move(message));
  }
  void Problem(std::uint32_t line, std::string field, std::string message) {
    problems_.push_back({line, std::move(field), std::move(message)});
  }

  // Reports keys of `table` not in `allowed`.
  void CheckKeys(const toml::value& table, const KeySet& allowed, std::string_view path) {
    for (const auto& [key, value] : table.as_table(std::nothrow)) {
      if (!allowed.contains(key)) Problem(value, Join(path, key), "unknown key \"" + key + "\".");
    }
  }

  const toml::value* Find(const toml::value& table, const std::string& key) {
    const auto& map = table.as_table(std::nothrow);
    auto it = map.find(key);
    return it == map.end() ? nullptr : &it->second;
  }

  std::string String(const toml::value& table, const std::string& key, std::string_view path,
                     bool required) {
    const toml::value* value = Find(table, key);
    std::string field = Join(path, key);
    if (value == nullptr) {
      if (required) Problem(table, field, "\"" + key + "\" is missing.");
      return {};
    }
    if (!value->is_string()) {
      Problem(*value, field, "\"" + key + "\" must be a string.");
      return {};
    }
    std::string text = value->as_string(std::nothrow).str;
    if (required && IsBlank(text)) {
      Problem(*value, field, "\"" + key + "\" must not be blank.");
    } else if (text.size() > kMaxTextLength) {
      Problem(*value, field, "\"" + key + "\" is too long.");
    }
    return text;
  }

  std::optional<int> Int(const toml::value& table, const std::string& key, std::string_view path,
                         bool required, int min, int max) {
    const toml::value* value = Find(table, key);
    std::string field = Join(path, key);
    if (value == nullptr) {
      if (required) Problem(table, field, "\"" + key + "\" is missing.");
      return std::nullopt;
    }
    if (!value->is_integer()) {
      Problem(*value, field, "\"" + key + "\" must be a whole number.");
      return std::nullopt;
    }
    std::int64_t number = value->as_integer(std::nothrow);
    if (number < min || number > max) {
      Problem(*value, field,
              "\"" + key + "\" must be from " + std::to_string(min) + " to " + std::to_string(max) +
                  ".");
      return std::nullopt;
    }
    return static_cast<int>(number);
  }

  bool Bool(const toml::value& table, const std::string& key, std::string_view path,
            bool fallback) {
    const toml::value* value = Find(table, key);
    if (value == nullptr) return fallback;
    if (!value->is_boolean()) {
      Problem(*value, Join(path, key), "\"" + key + "\" must be true or false.");
      return fallback;
    }
    return value->as_boolean(std::nothrow);
  }

  // The entries of `[[key]]` under `table` (empty if absent); non-table entries are reported.
  std::vector<const toml::value*> Tables(const toml::value& table, const std::string& key,
                                         std::string_view path) {
    std::vector<const toml::value*> out;
    const toml::value* value = Find(table, key);
    if (value == nullptr) return out;
    if (!value->is_array()) {
      Problem(*value, Join(path, key), "\"" + key + "\" must be written as [[" + key + "]].");
      return out;
    }
    for (const toml::value& entry : value->as_array(std::nothrow)) {
      if (!entry.is_table()) {
        Problem(entry, Join(path, key), "each " + key + " entry must be a table.");
        continue;
      }
      out.push_back(&entry);
    }
    return out;
  }

  Action ReadAction(const toml::value& table, const std::string& path) {
    CheckKeys(table, {"text", "who", "due_hours", "due_working_days"}, path);
    Action action;
    action.text = String(table, "text", path, true);
    action.who = String(table, "who", path, true);
    if (!action.who.empty() && !IsCode(action.who, true)) {
      Problem(*Find(table, "who"), Join(path, "who"),
              "\"who\" must be a role code or agency type such as \"safeguarding-lead\".");
    }
    action.due_hours = Int(table, "due_hours", path, false, 1, 720);
    action.due_working_days = Int(table, "due_working_days", path, false, 0, 65);
    bool has_hours = Find(table, "due_hours") != nullptr;
    bool has_days = Find(table, "due_working_days") != nullptr;
    if (has_hours == has_days) {
      Problem(table, path, "give exactly one of \"due_hours\" and \"due_working_days\".");
    }
    return action;
  }

  std::vector<Action> ReadActions(const toml::value& table, const std::string& path) {
    std::vector<Action> actions;
    auto entries = Tables(table, "action", path);
    for (std::size_t i = 0; i < entries.size(); ++i) {
      actions.push_back(ReadAction(*entries[i], Indexed(path, "action", i)));
    }
    return actions;
  }

  void ReadLevels(const toml::value& root, ToolDefinition& tool) {
    auto entries = Tables(root, "level", "");
    if (entries.size() < 2) Problem(1, "level", "a tool needs at least two [[level]] entries.");
    KeySet seen;
    for (std::size_t i = 0; i < entries.size(); ++i) {
      const toml::value& entry = *entries[i];
      std::string path = Indexed("", "level", i);
      CheckKeys(entry, {"code", "label", "colour", "review_days", "action"}, path);
      Level level;
      level.code = String(entry, "code", path, true);
      if (!level.code.empty()) {
        if (!IsCode(level.code, false)) {
          Problem(*Find(entry, "code"), path + ".code", "\"code\" must be snake_case.");
        } else if (!seen.insert(level.code).second) {
          Problem(*Find(entry, "code"), path + ".code",
                  "the level \"" + level.code + "\" is defined twice.");
        }
      }
      level.label = String(entry, "label", path, true);
      level.colour = String(entry, "colour", path, true);
      if (!level.colour.empty() && !kGovukColours.contains(level.colour)) {
        Problem(*Find(entry, "colour"), path + ".colour",
                "\"colour\" must be a GOV.UK tag colour (grey, green, turquoise, blue, "
                "light-blue, purple, pink, red, orange or yellow).");
      }
      level.review_days = Int(entry, "review_days", path, true, 1, 366).value_or(90);
      level.actions = ReadActions(entry, path);
      tool.levels.push_back(std::move(level));
    }
  }

  // Reports `code` (read from `entry[key]`) if it is set but names no level.
  void CheckLevelRef(const ToolDefinition& tool, const toml::value& entry, const std::string& key,
                     const std::string& path, std::string_view code) {
    if (code.empty() || tool.LevelIndex(code) >= 0 || tool.levels.empty()) return;
    Problem(*Find(entry, key), Join(path, key), "\"" + std::string(code) + "\" is not a level.");
  }

  void ReadPoints(const toml::value& entry, const std::string& path, ToolIndicator& indicator) {
    const toml::value* points = Find(entry, "points");
    std::string field = path + ".points";
    if (points == nullptr) {
      Problem(entry, field, "every indicator of a points tool needs \"points\".");
      return;
    }
    if (!points->is_table()) {
      Problem(*points, field,
              "\"points\" must be a table like { current = 5, past = 1, both = 6 }.");
      return;
    }
    CheckKeys(*points, {"current", "past", "both"}, field);
    auto current = Int(*points, "current", field, true, 0, 100);
    auto past = Int(*points, "past", field, true, 0, 100);
    auto both = Int(*points, "both", field, true, 0, 200);
    if (!current || !past || !both) return;
    indicator.points = {*current, *past, *both};
    if (*both < *current || *both < *past) {
      Problem(*Find(*points, "both"), field + ".both",
              "\"both\" must be at least \"current\" and at least \"past\".");
    }
  }

  void ReadSections(const toml::value& root, ToolDefinition& tool) {
    auto entries = Tables(root, "section", "");
    if (entries.empty()) Problem(1, "section", "a tool needs at least one [[section]].");
    KeySet section_codes;
    for (std::size_t s = 0; s < entries.size(); ++s) {
      const toml::value& entry = *entries[s];
      std::string path = Indexed("", "section", s);
      CheckKeys(entry, {"code", "title", "indicator"}, path);
      Section section;
      section.code = String(entry, "code", path, true);
      if (!section.code.empty() && !IsCode(section.code, false)) {
        Problem(*Find(entry, "code"), path + ".code", "\"code\" must be snake_case.");
      } else if (!section.code.empty() && !section_codes.insert(section.code).second) {
        Problem(*Find(entry, "code"), path + ".code", "the section code is used twice.");
      }
      section.title = String(entry, "title", path, true);
      auto indicators = Tables(entry, "indicator", path);
      if (indicators.empty())
        Problem(entry, path, "a section needs at least one [[section.indicator]].");
      for (std::size_t i = 0; i < indicators.size(); ++i) {
        section.indicators.push_back(
            ReadIndicator(*indicators[i], Indexed(path, "indicator", i), tool));
      }
      tool.sections.push_back(std::move(section));
    }
  }

  ToolIndicator ReadIndicator(const toml::value& entry, const std::string& path,
                              const ToolDefinition& tool) {
    CheckKeys(
        entry,
        {"code", "question", "guidance", "points", "at_least", "immediate_action", "suggested"},
        path);
    ToolIndicator indicator;
    indicator.code = String(entry, "code", path, true);
    if (!indicator.code.empty()) {
      const toml::value& at = *Find(entry, "code");
      const reference::Indicator* known = catalogue_.FindIndicator(indicator.code);
      if (known == nullptr) {
        Problem(at, path + ".code",
                "\"" + indicator.code + "\" is not in the indicator catalogue.");
      } else if (known->retired && !allow_retired_) {
        Problem(at, path + ".code", "\"" + indicator.code + "\" is retired.");
      } else if (known->group == reference::IndicatorGroup::kCommunity) {
        Problem(at, path + ".code",
                "\"" + indicator.code + "\" is a community factor; tools ask about the child.");
      } else if (!indicator_codes_.insert(indicator.code).second) {
        Problem(at, path + ".code", "\"" + indicator.code + "\" is asked twice.");
      }
      if (known != nullptr) indicator.guidance = known->guidance;
    }
    indicator.question = String(entry, "question", path, true);
    if (std::string guidance = String(entry, "guidance", path, false); !guidance.empty()) {
      indicator.guidance = std::move(guidance);
    }
    indicator.at_least = String(entry, "at_least", path, false);
    CheckLevelRef(tool, entry, "at_least", path, indicator.at_least);
    indicator.immediate_action = Bool(entry, "immediate_action", path, false);
    if (tool.scheme == Scheme::kPoints) {
      ReadPoints(entry, path, indicator);
    } else if (const toml::value* points = Find(entry, "points")) {
      Problem(*points, path + ".points", "\"points\" is only for a points tool.");
    }
    if (tool.scheme == Scheme::kRag) {
      indicator.suggested = String(entry, "suggested", path, true);
      CheckLevelRef(tool, entry, "suggested", path, indicator.suggested);
    } else if (const toml::value* suggested = Find(entry, "suggested")) {
      Problem(*suggested, path + ".suggested", "\"suggested\" is only for a rag tool.");
    }
    return indicator;
  }

  void ReadLookBack(const toml::value& root, ToolDefinition& tool) {
    const toml::value* table = Find(root, "look_back");
    if (table == nullptr) {
      if (tool.scheme == Scheme::kPoints) {
        Problem(1, "look_back", "a points tool needs [look_back] with current_days and past_days.");
      }
      return;
    }
    if (!table->is_table()) {
      Problem(*table, "look_back", "\"look_back\" must be a table.");
      return;
    }
    CheckKeys(*table, {"current_days", "past_days"}, "look_back");
    auto current = Int(*table, "current_days", "look_back", true, 1, 3660);
    auto past = Int(*table, "past_days", "look_back", true, 1, 3660);
    if (current && past && *past <= *current) {
      Problem(*Find(*table, "past_days"), "look_back.past_days",
              "\"past_days\" must be more than \"current_days\".");
    }
    if (current) tool.look_back.current_days = *current;
    if (past) tool.look_back.past_days = *past;
  }

  void ReadBands(const toml::value& root, ToolDefinition& tool) {
    auto entries = Tables(root, "band", "");
    if (tool.scheme != Scheme::kPoints) {
      if (!entries.empty()) Problem(*entries[0], "band", "[[band]] is only for a points tool.");
      return;
    }
    if (entries.empty()) Problem(1, "band", "a points tool needs [[band]] entries.");
    for (std::size_t i = 0; i < entries.size(); ++i) {
      const toml::value& entry = *entries[i];
      std::string path = Indexed("", "band", i);
      CheckKeys(entry, {"from", "level"}, path);
      Band band;
      auto from = Int(entry, "from", path, true, 0, 100000);
      band.from = from.value_or(-1);
      band.level = String(entry, "level", path, true);
      CheckLevelRef(tool, entry, "level", path, band.level);
      if (i == 0 && from && *from != 0) {
        Problem(*Find(entry, "from"), path + ".from", "the first band must start from 0.");
      }
      if (i > 0 && from && !tool.bands.empty() && *from <= tool.bands.back().from) {
        Problem(*Find(entry, "from"), path + ".from",
                "bands must be in order of \"from\", each higher than the last.");
      }
      if (i > 0 && !tool.bands.empty() && tool.LevelIndex(band.level) >= 0 &&
          tool.LevelIndex(band.level) < tool.LevelIndex(tool.bands.back().level)) {
        Problem(*Find(entry, "level"), path + ".level",
                "a higher band must not map to a lower level.");
      }
      tool.bands.push_back(std::move(band));
    }
  }

  void ReadRules(const toml::value& root, ToolDefinition& tool) {
    auto entries = Tables(root, "rule", "");
    for (std::size_t i = 0; i < entries.size(); ++i) {
      const toml::value& entry = *entries[i];
      std::string path = Indexed("", "rule", i);
      CheckKeys(entry, {"any_of", "count", "at_least", "description"}, path);
      Rule rule;
      rule.description = String(entry, "description", path, true);
      rule.at_least = String(entry, "at_least", path, true);
      CheckLevelRef(tool, entry, "at_least", path, rule.at_least);
      const toml::value* list = Find(entry, "any_of");
      if (list == nullptr || !list->is_array() || list->as_array(std::nothrow).empty()) {
        Problem(list ? *list : entry, path + ".any_of",
                "\"any_of\" must be a list of indicator codes asked in this tool.");
      } else {
        for (const toml::value& item : list->as_array(std::nothrow)) {
          if (!item.is_string()) {
            Problem(item, path + ".any_of", "\"any_of\" must hold only strings.");
            continue;
          }
          std::string code = item.as_string(std::nothrow).str;
          if (!indicator_codes_.contains(code)) {
            Problem(item, path + ".any_of", "\"" + code + "\" is not asked in this tool.");
          }
          rule.any_of.push_back(std::move(code));
        }
      }
      rule.count = Int(entry, "count", path, false, 1, 1000).value_or(1);
      if (!rule.any_of.empty() && rule.count > static_cast<int>(rule.any_of.size())) {
        Problem(*Find(entry, "count"), path + ".count",
                "\"count\" must not be more than the number of indicators listed.");
      }
      tool.rules.push_back(std::move(rule));
    }
  }

  void ReadFloors(const toml::value& root, ToolDefinition& tool) {
    auto entries = Tables(root, "floor", "");
    for (std::size_t i = 0; i < entries.size(); ++i) {
      const toml::value& entry = *entries[i];
      std::string path = Indexed("", "floor", i);
      CheckKeys(entry,
                {"condition", "age", "at_least", "raise", "add_points", "only_with_indicators",
                 "description"},
                path);
      Floor floor;
      floor.description = String(entry, "description", path, true);
      std::string condition = String(entry, "condition", path, true);
      if (auto parsed = ConditionFromCode(condition)) {
        floor.condition = *parsed;
      } else if (!condition.empty()) {
        Problem(*Find(entry, "condition"), path + ".condition",
                "\"condition\" must be one of age_under, disability, looked_after, "
                "child_protection_plan, sen_or_ehcp.");
      }
      bool has_age = Find(entry, "age") != nullptr;
      if (floor.condition == Condition::kAgeUnder && !condition.empty()) {
        floor.age = Int(entry, "age", path, true, 1, 25).value_or(0);
      } else if (has_age) {
        Problem(*Find(entry, "age"), path + ".age", "\"age\" is only for condition age_under.");
      }
      floor.at_least = String(entry, "at_least", path, false);
      CheckLevelRef(tool, entry, "at_least", path, floor.at_least);
      floor.raise = Int(entry, "raise", path, false, 1, 10).value_or(0);
      floor.add_points = Int(entry, "add_points", path, false, 1, 100).value_or(0);
      int effects = (Find(entry, "at_least") ? 1 : 0) + (Find(entry, "raise") ? 1 : 0) +
                    (Find(entry, "add_points") ? 1 : 0);
      if (effects != 1) {
        Problem(entry, path, "give exactly one of \"at_least\", \"raise\" and \"add_points\".");
      }
      if (Find(entry, "add_points") && tool.scheme != Scheme::kPoints) {
        Problem(*Find(entry, "add_points"), path + ".add_points",
                "\"add_points\" is only for a points tool.");
      }
      floor.only_with_indicators = Bool(entry, "only_with_indicators", path, true);
      tool.floors.push_back(std::move(floor));
    }
  }

  void ReadImmediate(const toml::value& root, ToolDefinition& tool) {
    bool needed = false;
    for (const Section& section : tool.sections) {
      for (const ToolIndicator& indicator : section.indicators)
        needed |= indicator.immediate_action;
    }
    const toml::value* table = Find(root, "immediate");
    if (table == nullptr) {
      if (needed) {
        Problem(
            1, "immediate",
            "indicators marked immediate_action need an [immediate] table saying what follows.");
      }
      return;
    }
    if (!table->is_table()) {
      Problem(*table, "immediate", "\"immediate\" must be a table.");
      return;
    }
    CheckKeys(*table, {"at_least", "action"}, "immediate");
    tool.immediate.at_least = String(*table, "at_least", "immediate", false);
    CheckLevelRef(tool, *table, "at_least", "immediate", tool.immediate.at_least);
    tool.immediate.actions = ReadActions(*table, "immediate");
    if (tool.immediate.at_least.empty() && tool.immediate.actions.empty()) {
      Problem(*table, "immediate", "[immediate] needs \"at_least\" or at least one action.");
    }
  }

  void ReadHeader(const toml::value& root, ToolDefinition& tool) {
    CheckKeys(root,
              {"id", "name", "description", "version", "scheme", "look_back", "level", "section",
               "band", "rule", "floor", "immediate"},
              "");
    tool.id = String(root, "id", "", true);
    if (!tool.id.empty() && !IsCode(tool.id, true)) {
      Problem(*Find(root, "id"), "id",
              "\"id\" must be lower-case letters, digits and hyphens, like \"harbour-screening\".");
    }
    tool.name = String(root, "name", "", true);
    tool.description = String(root, "description", "", false);
    tool.version = Int(root, "version", "", true, 1, 1000000).value_or(0);
    std::string scheme = String(root, "scheme", "", true);
    if (auto parsed = SchemeFromCode(scheme)) {
      tool.scheme = *parsed;
    } else if (!scheme.empty()) {
      Problem(*Find(root, "scheme"), "scheme",
              "\"scheme\" must be \"points\", \"categories\" or \"rag\".");
    }
  }

  ToolDefinition Read(const toml::value& root) {
    ToolDefinition tool;
    ReadHeader(root, tool);
    ReadLevels(root, tool);
    ReadLookBack(root, tool);
    ReadSections(root, tool);
    ReadBands(root, tool);
    ReadRules(root, tool);
    ReadFloors(root, tool);
    ReadImmediate(root, tool);
    return tool;
  }

 private:
  const reference::Catalogue& catalogue_;
  bool allow_retired_ = false;
  std::vector<ToolProblem> problems_;
  KeySet indicator_codes_;
};

std::string FirstLineOf(std::string_view what) {
  std::string_view line = what.substr(0, what.find('\n'));
  constexpr std::string_view kPrefix = "[error] ";
  if (line.starts_with(kPrefix)) line.remove_prefix(kPrefix.size());
  return std::string(line);
}

// Length-prefixed so that no choice of text can make two definitions serialise alike.
void Put(std::string& out, std::string_view key, std::string_view value) {
  out += key;
  out += '=';
  out += std::to_string(value.size());
  out += ':';
  out += value;
  out += '\n';
}
void Put(std::string& out, std::string_view key, long long value) {
  Put(out, key, std::to_string(value));
}

void PutActions(std::string& out, const std::vector<Action>& actions) {
  for (const Action& a : actions) {
    Put(out, "action.text", a.text);
    Put(out, "action.who", a.who);
    Put(out, "action.due_hours", a.due_hours.value_or(-1));
    Put(out, "action.due_working_days", a.due_working_days.value_or(-1));
  }
}

}  // namespace

const Level* ToolDefinition::FindLevel(std::string_view code) const {
  auto it = std::ranges::find(levels, code, &Level::code);
  return it == levels.end() ? nullptr : &*it;
}

int ToolDefinition::LevelIndex(std::string_view code) const {
  auto it = std::ranges::find(levels, code, &Level::code);
  return it == levels.end() ? -1 : static_cast<int>(it - levels.begin());
}

const ToolIndicator* ToolDefinition::FindIndicator(std::string_view code) const {
  for (const Section& section : sections) {
    auto it = std::ranges::find(section.indicators, code, &ToolIndicator::code);
    if (it != section.indicators.end()) return &*it;
  }
  return nullptr;
}

std::string CanonicalText(const ToolDefinition& tool) {
  std::string out;
  Put(out, "format", 1);
  Put(out, "id", tool.id);
  Put(out, "name", tool.name);
  Put(out, "description", tool.description);
  Put(out, "version", tool.version);
  Put(out, "scheme", ToCode(tool.scheme));
  Put(out, "look_back.current_days", tool.look_back.current_days);
  Put(out, "look_back.past_days", tool.look_back.past_days);
  for (const Level& level : tool.levels) {
    Put(out, "level.code", level.code);
    Put(out, "level.label", level.label);
    Put(out, "level.colour", level.colour);
    Put(out, "level.review_days", level.review_days);
    PutActions(out, level.actions);
  }
  for (const Section& section : tool.sections) {
    Put(out, "section.code", section.code);
    Put(out, "section.title", section.title);
    for (const ToolIndicator& i : section.indicators) {
      Put(out, "indicator.code", i.code);
      Put(out, "indicator.question", i.question);
      Put(out, "indicator.guidance", i.guidance);
      Put(out, "indicator.points",
          std::to_string(i.points.current) + "/" + std::to_string(i.points.past) + "/" +
              std::to_string(i.points.both));
      Put(out, "indicator.at_least", i.at_least);
      Put(out, "indicator.immediate_action", i.immediate_action ? 1 : 0);
      Put(out, "indicator.suggested", i.suggested);
    }
  }
  for (const Band& band : tool.bands) {
    Put(out, "band.from", band.from);
    Put(out, "band.level", band.level);
  }
  for (const Rule& rule : tool.rules) {
    for (const std::string& code : rule.any_of) Put(out, "rule.any_of", code);
    Put(out, "rule.count", rule.count);
    Put(out, "rule.at_least", rule.at_least);
    Put(out, "rule.description", rule.description);
  }
  for (const Floor& floor : tool.floors) {
    Put(out, "floor.condition", ToCode(floor.condition));
    Put(out, "floor.age", floor.age);
    Put(out, "floor.at_least", floor.at_least);
    Put(out, "floor.raise", floor.raise);
    Put(out, "floor.add_points", floor.add_points);
    Put(out, "floor.only_with_indicators", floor.only_with_indicators ? 1 : 0);
    Put(out, "floor.description", floor.description);
  }
  Put(out, "immediate.at_least", tool.immediate.at_least);
  PutActions(out, tool.immediate.actions);
  return out;
}

ToolParseResult ParseTool(std::string_view toml_text, const reference::Catalogue& catalogue,
                          ParseMode mode) {
  using Problems = std::vector<ToolProblem>;
  if (auto problem = CheckTomlText(toml_text)) {
    return std::unexpected(Problems{{problem->line, "toml", problem->what}});
  }
  try {
    std::istringstream in{std::string(toml_text)};
    const toml::value root = toml::parse(in, "tool");
    if (!root.is_table()) return std::unexpected(Problems{{1, "toml", "not a TOML table"}});
    Reader reader(catalogue, mode == ParseMode::kRegistered);
    ToolDefinition tool = reader.Read(root);
    if (reader.HasProblems()) {
      Problems problems = reader.TakeProblems();
      std::ranges::stable_sort(problems, {}, &ToolProblem::line);
      return std::unexpected(std::move(problems));
    }
    tool.fingerprint = TokenDigest(CanonicalText(tool));
    return tool;
  } catch (const toml::exception& e) {
    auto line = static_cast<std::uint32_t>(e.location().line());
    if (line <= 1) line = LineInTomlMessage(e.what(), line);
    return std::unexpected(Problems{{line, "toml", "TOML syntax error: " + FirstLineOf(e.what())}});
  } catch (const std::exception& e) {
    return std::unexpected(Problems{{1, "toml", "TOML error: " + FirstLineOf(e.what())}});
  }
}

Error ToError(const std::vector<ToolProblem>& problems) {
  Error error{ErrorKind::kInvalid,
              "invalid_tool",
              "The tool file has " + std::to_string(problems.size()) +
                  (problems.size() == 1 ? " problem." : " problems."),
              {}};
  for (const ToolProblem& p : problems) {
    std::string key = "line " + std::to_string(p.line) + ": " + p.field;
    std::string& message = error.fields[key];
    message += message.empty() ? p.message : " " + p.message;
  }
  return error;
}

std::string FormatProblems(const std::vector<ToolProblem>& problems) {
  std::string out;
  for (const ToolProblem& p : problems) {
    out += "Line " + std::to_string(p.line) + ", " + p.field + ": " + p.message + "\n";
  }
  return out;
}

}  // namespace harbour::assessments
