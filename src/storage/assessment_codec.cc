#include "storage/assessment_codec.h"

namespace harbour::storage {

namespace {

using nlohmann::json;

std::string Text(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

int Int(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_number_integer() ? it->get<int>() : 0;
}

bool Bool(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_boolean() && it->get<bool>();
}

std::optional<Date> OptionalDate(const json& j, const char* key) {
  std::string text = Text(j, key);
  if (text.empty()) return std::nullopt;
  auto date = ParseDate(text);
  return date ? std::optional<Date>(*date) : std::nullopt;
}

Date RequiredDate(const json& j, const char* key) {
  return OptionalDate(j, key).value_or(Date{std::chrono::sys_days{}});
}

Instant RequiredInstant(const json& j, const char* key) {
  auto at = ParseRfc3339(Text(j, key));
  return at ? *at : Instant{};
}

const json& ArrayAt(const json& j, const char* key) {
  static const json kEmpty = json::array();
  auto it = j.find(key);
  return it != j.end() && it->is_array() ? *it : kEmpty;
}

}  // namespace

json AnswersToJson(const std::vector<assessments::Answer>& answers) {
  json out = json::array();
  for (const auto& a : answers) {
    json j{{"indicator", a.indicator}, {"recency", assessments::ToCode(a.recency)}};
    if (a.last_seen) j["last_seen"] = FormatDate(*a.last_seen);
    if (a.earlier_seen) j["earlier_seen"] = FormatDate(*a.earlier_seen);
    if (!a.amended_level.empty()) j["amended_level"] = a.amended_level;
    if (!a.amended_reason.empty()) j["amended_reason"] = a.amended_reason;
    out.push_back(std::move(j));
  }
  return out;
}

std::vector<assessments::Answer> AnswersFromJson(const json& j) {
  std::vector<assessments::Answer> out;
  if (!j.is_array()) return out;
  for (const auto& item : j) {
    if (!item.is_object()) continue;
    assessments::Answer a;
    a.indicator = Text(item, "indicator");
    a.recency = assessments::RecencyFromCode(Text(item, "recency"))
                    .value_or(assessments::Recency::kCurrent);
    a.last_seen = OptionalDate(item, "last_seen");
    a.earlier_seen = OptionalDate(item, "earlier_seen");
    a.amended_level = Text(item, "amended_level");
    a.amended_reason = Text(item, "amended_reason");
    out.push_back(std::move(a));
  }
  return out;
}

json SightingsToJson(const std::vector<assessments::Sighting>& sightings) {
  json out = json::array();
  for (const auto& s : sightings) {
    out.push_back(json{{"indicator", s.indicator},
                       {"seen", FormatDate(s.seen)},
                       {"record_type", s.record_type},
                       {"record_id", s.record_id},
                       {"agency", s.agency_name},
                       {"recorded_by", s.recorded_by}});
  }
  return out;
}

std::vector<assessments::Sighting> SightingsFromJson(const json& j) {
  std::vector<assessments::Sighting> out;
  if (!j.is_array()) return out;
  for (const auto& item : j) {
    if (!item.is_object()) continue;
    out.push_back(assessments::Sighting{Text(item, "indicator"), RequiredDate(item, "seen"),
                                        Text(item, "record_type"), Text(item, "record_id"),
                                        Text(item, "agency"), Text(item, "recorded_by")});
  }
  return out;
}

json FactsToJson(const assessments::ChildFacts& f) {
  json j{{"disability", children::ToCode(f.disability)},
         {"legal_status", children::ToCode(f.legal_status)},
         {"special_needs", children::ToCode(f.special_needs)}};
  j["age"] = f.age ? json(*f.age) : json(nullptr);
  return j;
}

assessments::ChildFacts FactsFromJson(const json& j) {
  assessments::ChildFacts f;
  if (!j.is_object()) return f;
  if (auto it = j.find("age"); it != j.end() && it->is_number_integer()) f.age = it->get<int>();
  f.disability =
      children::DisabilityFromCode(Text(j, "disability")).value_or(children::Disability::kNotKnown);
  f.legal_status =
      children::LegalStatusFromCode(Text(j, "legal_status")).value_or(children::LegalStatus::kNone);
  f.special_needs = children::SpecialNeedsFromCode(Text(j, "special_needs"))
                        .value_or(children::SpecialNeeds::kNotKnown);
  return f;
}

namespace {

json ActionsToJson(const std::vector<assessments::DueAction>& actions) {
  json out = json::array();
  for (const auto& a : actions) {
    out.push_back(json{{"level", a.level},
                       {"text", a.text},
                       {"who", a.who},
                       {"due_date", FormatDate(a.due_date)},
                       {"due", FormatRfc3339(a.due)}});
  }
  return out;
}

std::vector<assessments::DueAction> ActionsFromJson(const json& j) {
  std::vector<assessments::DueAction> out;
  for (const auto& a : ArrayAt(j, "actions")) {
    if (!a.is_object()) continue;
    out.push_back(assessments::DueAction{Text(a, "level"), Text(a, "text"), Text(a, "who"),
                                         RequiredDate(a, "due_date"), RequiredInstant(a, "due")});
  }
  return out;
}

}  // namespace

json PlanToJson(const assessments::Plan& plan) {
  return json{{"level", plan.level},
              {"actions", ActionsToJson(plan.actions)},
              {"next_review", FormatDate(plan.next_review)}};
}

assessments::Plan PlanFromJson(const json& j) {
  assessments::Plan plan;
  if (!j.is_object()) return plan;
  plan.level = Text(j, "level");
  plan.actions = ActionsFromJson(j);
  plan.next_review = RequiredDate(j, "next_review");
  return plan;
}

json OutcomeToJson(const assessments::Outcome& o) {
  json contributions = json::array();
  for (const auto& c : o.contributions) {
    contributions.push_back(json{{"source", c.source},
                                 {"points", c.points},
                                 {"level", c.level},
                                 {"counted", c.counted},
                                 {"why", c.why}});
  }
  json actions = ActionsToJson(o.actions);
  return json{{"tool_id", o.tool_id},
              {"tool_version", o.tool_version},
              {"tool_fingerprint", o.tool_fingerprint},
              {"level", o.level},
              {"score", o.score},
              {"immediate_action", o.immediate_action},
              {"contributions", contributions},
              {"actions", actions},
              {"next_review", FormatDate(o.next_review)}};
}

assessments::Outcome OutcomeFromJson(const json& j) {
  assessments::Outcome o;
  if (!j.is_object()) return o;
  o.tool_id = Text(j, "tool_id");
  o.tool_version = Int(j, "tool_version");
  o.tool_fingerprint = Text(j, "tool_fingerprint");
  o.level = Text(j, "level");
  o.score = Int(j, "score");
  o.immediate_action = Bool(j, "immediate_action");
  for (const auto& c : ArrayAt(j, "contributions")) {
    if (!c.is_object()) continue;
    o.contributions.push_back(assessments::Contribution{
        Text(c, "source"), Int(c, "points"), Text(c, "level"), Bool(c, "counted"), Text(c, "why")});
  }
  o.actions = ActionsFromJson(j);
  o.next_review = RequiredDate(j, "next_review");
  return o;
}

}  // namespace harbour::storage
