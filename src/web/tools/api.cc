// Risk tools in the JSON API (issue 3; docs/api/openapi.yaml): the registered tools and
// versions, and the whole definition of one version, for anyone with a token.
#include <algorithm>
#include <charconv>
#include <nlohmann/json.hpp>
#include <optional>

#include "web/core/errors.h"
#include "web/tools/handlers.h"

namespace harbour::web {

namespace {

using nlohmann::json;

Response JsonOk(unsigned status, const json& body) { return Response::Json(status, body.dump()); }

json OrNull(const std::string& text) { return text.empty() ? json(nullptr) : json(text); }

json ActionJson(const assessments::Action& a) {
  json j{{"text", a.text}, {"who", a.who}};
  if (a.due_hours) j["due_hours"] = *a.due_hours;
  if (a.due_working_days) j["due_working_days"] = *a.due_working_days;
  return j;
}

json ActionsJson(const std::vector<assessments::Action>& actions) {
  json out = json::array();
  for (const auto& a : actions) out.push_back(ActionJson(a));
  return out;
}

json FloorJson(const assessments::Floor& f) {
  json j{{"condition", assessments::ToCode(f.condition)},
         {"only_with_indicators", f.only_with_indicators},
         {"description", f.description}};
  if (f.condition == assessments::Condition::kAgeUnder) j["age"] = f.age;
  if (!f.at_least.empty()) j["at_least"] = f.at_least;
  if (f.raise != 0) j["raise"] = f.raise;
  if (f.add_points != 0) j["add_points"] = f.add_points;
  return j;
}

// The whole definition of one tool version, as the engine reads it.
json ToolJson(const assessments::ToolDefinition& tool) {
  const bool points = tool.scheme == assessments::Scheme::kPoints;
  const bool rag = tool.scheme == assessments::Scheme::kRag;
  json levels = json::array();
  for (const auto& level : tool.levels) {
    levels.push_back(json{{"code", level.code},
                          {"label", level.label},
                          {"colour", level.colour},
                          {"review_days", level.review_days},
                          {"actions", ActionsJson(level.actions)}});
  }
  json sections = json::array();
  for (const auto& section : tool.sections) {
    json indicators = json::array();
    for (const auto& indicator : section.indicators) {
      json i{{"code", indicator.code},
             {"question", indicator.question},
             {"guidance", indicator.guidance},
             {"at_least", OrNull(indicator.at_least)},
             {"immediate_action", indicator.immediate_action}};
      if (points) {
        i["points"] = json{{"current", indicator.points.current},
                           {"past", indicator.points.past},
                           {"both", indicator.points.both}};
      }
      if (rag) i["suggested"] = indicator.suggested;
      indicators.push_back(std::move(i));
    }
    sections.push_back(
        json{{"code", section.code}, {"title", section.title}, {"indicators", indicators}});
  }
  json bands = json::array();
  for (const auto& band : tool.bands) {
    bands.push_back(json{{"from", band.from}, {"level", band.level}});
  }
  json rules = json::array();
  for (const auto& rule : tool.rules) {
    rules.push_back(json{{"description", rule.description},
                         {"any_of", rule.any_of},
                         {"count", rule.count},
                         {"at_least", rule.at_least}});
  }
  json floors = json::array();
  for (const auto& floor : tool.floors) floors.push_back(FloorJson(floor));
  return json{{"id", tool.id},
              {"name", tool.name},
              {"description", tool.description},
              {"version", tool.version},
              {"scheme", assessments::ToCode(tool.scheme)},
              {"fingerprint", tool.fingerprint},
              {"look_back", json{{"current_days", tool.look_back.current_days},
                                 {"past_days", tool.look_back.past_days}}},
              {"levels", levels},
              {"sections", sections},
              {"bands", bands},
              {"rules", rules},
              {"floors", floors},
              {"immediate", json{{"at_least", OrNull(tool.immediate.at_least)},
                                 {"actions", ActionsJson(tool.immediate.actions)}}}};
}

Error NoSuchTool() {
  return Error{ErrorKind::kNotFound, "not_found", "There is no such risk tool version.", {}};
}

bool IsToolId(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  return std::ranges::all_of(
      id, [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

// A version number from the path: 1 to 9 digits without a leading zero, nothing else.
std::optional<int> VersionNumber(std::string_view text) {
  if (text.empty() || text.size() > 9 || text.front() == '0') return std::nullopt;
  int value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < 1) return std::nullopt;
  return value;
}

}  // namespace

Response ToolsHandlers::ApiListTools(Request& request, const Principal& who) {
  auto active = tools_.ActiveId();
  if (!active) return JsonError(active.error());
  auto versions = tools_.Versions();
  if (!versions) return JsonError(versions.error());
  json tools = json::array();
  std::string current;
  for (const auto& v : *versions) {  // ordered by tool id, then version
    if (v.tool_id != current) {
      current = v.tool_id;
      tools.push_back(
          json{{"id", v.tool_id}, {"active", v.tool_id == *active}, {"versions", json::array()}});
    }
    json& tool = tools.back();
    tool["name"] = v.name;  // the latest version's
    tool["scheme"] = v.scheme;
    tool["latest_version"] = v.version;
    tool["versions"].push_back(json{{"version", v.version},
                                    {"fingerprint", v.fingerprint},
                                    {"registered_at", FormatRfc3339(v.registered_at)}});
  }
  return JsonOk(200, json{{"active_tool", *active}, {"tools", tools}});
}

Response ToolsHandlers::ApiGetToolVersion(Request& request, const Principal& who) {
  std::string id = request.Param("id");
  auto version = VersionNumber(request.Param("version"));
  if (!IsToolId(id) || !version) return JsonError(NoSuchTool());
  auto tool = tools_.Load(id, *version);
  if (!tool) {
    if (tool.error().kind == ErrorKind::kNotFound) return JsonError(NoSuchTool());
    return JsonError(tool.error());
  }
  return JsonOk(200, ToolJson(**tool));
}

}  // namespace harbour::web
