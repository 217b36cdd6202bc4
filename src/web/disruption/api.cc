// Disruption measures and business visits in the JSON API (issue 5; docs/api/openapi.yaml). The
// same verbs, access rules and audit as the pages (disruption_handlers.cc); request bodies are
// parsed by web/parse/disruption_json.h.
#include <charconv>
#include <nlohmann/json.hpp>

#include "common/ids.h"
#include "common/text.h"
#include "web/core/errors.h"
#include "web/disruption/disruption_json.h"
#include "web/disruption/handlers.h"

namespace harbour::web {

namespace {

using nlohmann::json;

constexpr int kListed = 200;
constexpr int kDefaultWithinDays = 90;
constexpr int kMaxWithinDays = 3660;
constexpr int kMaxMonths = 120;

json DisruptionJson(const disruption::Disruption& d) {
  return json{
      {"id", d.id},
      {"measure", disruption::ToCode(d.measure)},
      {"measure_label", disruption::Label(d.measure)},
      {"subject_type", disruption::ToCode(d.subject_type)},
      {"subject_id", d.subject_id},
      {"subject_label", d.subject_label},
      {"child_id", d.child_id.empty() ? json(nullptr) : json(d.child_id)},
      {"date", FormatDate(d.date)},
      {"by_agency", d.by_agency},
      {"by_agency_name", d.by_agency_name},
      {"officer", d.officer},
      {"outcome", d.outcome},
      {"expiry", d.expiry ? json(FormatDate(*d.expiry)) : json(nullptr)},
      {"notes", d.notes},
      {"recorded_by", d.recorder_name},
      {"recorded_at", FormatRfc3339(d.recorded_at)},
  };
}

json VisitJson(const disruption::Visit& v) {
  return json{
      {"id", v.id},
      {"place_id", v.place_id},
      {"place_name", v.place_name},
      {"place_type", v.place_type},
      {"date", FormatDate(v.date)},
      {"visiting_agencies", v.visiting_agencies},
      {"visiting_agency_names", v.agency_names},
      {"awareness_pack_given", v.awareness_pack_given},
      {"staff_spoken_to", v.staff_spoken_to},
      {"concerns_raised", v.concerns_raised},
      {"follow_up", v.follow_up},
      {"recorded_by", v.recorder_name},
      {"recorded_at", FormatRfc3339(v.recorded_at)},
  };
}

// A whole-number query parameter between `min` and `max`; `fallback` when absent.
Result<int> QueryInt(const Request& request, std::string_view name, int fallback, int min,
                     int max) {
  std::string text = Trim(request.query.Get(name));
  if (text.empty()) return fallback;
  int value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < min || value > max) {
    return Invalid({{std::string(name), "Must be a whole number from " + std::to_string(min) +
                                            " to " + std::to_string(max)}});
  }
  return value;
}

Error Forbidden(std::string message) {
  return Error{ErrorKind::kForbidden, "forbidden", std::move(message), {}};
}

}  // namespace

Response DisruptionHandlers::ApiRecordDisruption(Request& request, const Principal& who) {
  auto decision = access::Decide(who.Subject(), access::Action::kRecordDisruption);
  if (!decision.allowed) {
    AuditRefusal(
        AuditEntry(who, request, "disruption.create", "", "", "refused", {}, decision.reason));
    return JsonError(Forbidden("Only intelligence officers and coordinators record disruption."));
  }
  if (!IsJson(request)) return JsonError(NotJson());
  auto input = ParseDisruptionJson(request.body);
  if (!input) return JsonError(input.error());
  auto recorded = DoRecordDisruption(who, request, *input, decision.purpose);
  if (!recorded) return JsonError(recorded.error());
  json body = DisruptionJson(recorded->measure);
  body["person_status"] =
      recorded->status ? json(disruption::ToCode(*recorded->status)) : json(nullptr);
  body["reminder"] = recorded->reminder
                         ? json{{"task_id", recorded->reminder->id},
                                {"title", recorded->reminder->title},
                                {"due_at", FormatRfc3339(recorded->reminder->due_at)}}
                         : json(nullptr);
  Response res = Response::Json(201, body.dump());
  res.AddHeader("Location", "/api/v1/disruption/" + recorded->measure.id);
  return res;
}

Response DisruptionHandlers::ApiListDisruption(Request& request, const Principal& who) {
  auto decision = access::Decide(who.Subject(), access::Action::kRecordDisruption);
  if (!decision.allowed) {
    AuditRefusal(
        AuditEntry(who, request, "disruption.list", "", "", "refused", {}, decision.reason));
    return JsonError(Forbidden("Only intelligence officers and coordinators see disruption."));
  }
  std::string type_code = Trim(request.query.Get("subject_type"));
  std::string subject_id = Trim(request.query.Get("subject_id"));
  Result<std::vector<disruption::Disruption>> list;
  std::string record_type = "area", record_id;
  if (!type_code.empty() || !subject_id.empty()) {
    auto type = disruption::SubjectTypeFromCode(type_code);
    std::map<std::string, std::string> bad;
    if (!type) bad["subject_type"] = "Must be person, place or vehicle";
    if (!IsValidId(subject_id)) bad["subject_id"] = "Must be the id of a person, place or vehicle";
    if (!bad.empty()) return JsonError(Invalid(std::move(bad)).error());
    auto exists = disruption_.SubjectExists(*type, subject_id);
    if (!exists) return JsonError(exists.error());
    if (!*exists) return JsonError(NotFound("There is no such person, place or vehicle.").error());
    list = disruption_.ForSubject(*type, subject_id);
    record_type = type_code;
    record_id = subject_id;
  } else {
    list = disruption_.Recent(kListed);
  }
  if (!list) return JsonError(list.error());
  if (!Audit(AuditEntry(who, request, "disruption.list", record_type, record_id, "allowed",
                        decision.purpose, std::to_string(list->size()) + " listed"))) {
    return JsonError(kAuditUnavailable);
  }
  json items = json::array();
  for (const auto& d : *list) items.push_back(DisruptionJson(d));
  return Response::Json(200, json{{"disruptions", items}}.dump());
}

Response DisruptionHandlers::ApiExpiringDisruption(Request& request, const Principal& who) {
  auto decision = access::Decide(who.Subject(), access::Action::kRecordDisruption);
  if (!decision.allowed) {
    AuditRefusal(
        AuditEntry(who, request, "disruption.expiring", "", "", "refused", {}, decision.reason));
    return JsonError(Forbidden("Only intelligence officers and coordinators see disruption."));
  }
  auto within = QueryInt(request, "within_days", kDefaultWithinDays, 0, kMaxWithinDays);
  if (!within) return JsonError(within.error());
  Date today = LondonDate(clock_.Now());
  auto list = ExpiringMeasures(today, *within);
  if (!list) return JsonError(list.error());
  if (!Audit(AuditEntry(who, request, "disruption.expiring", "area", "", "allowed",
                        decision.purpose,
                        std::to_string(list->size()) + " expiring within " +
                            std::to_string(*within) + " days"))) {
    return JsonError(kAuditUnavailable);
  }
  json items = json::array();
  for (const auto& d : *list) items.push_back(DisruptionJson(d));
  return Response::Json(
      200,
      json{{"today", FormatDate(today)}, {"within_days", *within}, {"disruptions", items}}.dump());
}

Response DisruptionHandlers::ApiGetDisruption(Request& request, const Principal& who) {
  auto decision = access::Decide(who.Subject(), access::Action::kRecordDisruption);
  std::string id = request.Param("id");
  if (!decision.allowed) {
    AuditRefusal(AuditEntry(who, request, "disruption.view", "disruption", id.substr(0, 64),
                            "refused", {}, decision.reason));
    return JsonError(Forbidden("Only intelligence officers and coordinators see disruption."));
  }
  if (!IsValidId(id)) return JsonError(NotFound("There is no such disruption measure.").error());
  auto found = disruption_.Find(id);
  if (!found) return JsonError(found.error());
  if (!*found) return JsonError(NotFound("There is no such disruption measure.").error());
  if (!Audit(AboutChild(AuditEntry(who, request, "disruption.view", "disruption", id, "allowed",
                                   decision.purpose),
                        (*found)->child_id))) {
    return JsonError(kAuditUnavailable);
  }
  json body = DisruptionJson(**found);
  auto reminders = tasks_.ForSource("disruption", id);
  if (!reminders) return JsonError(reminders.error());
  json tasks = json::array();
  for (const auto& t : *reminders) {
    tasks.push_back(json{{"task_id", t.id},
                         {"title", t.title},
                         {"due_at", FormatRfc3339(t.due_at)},
                         {"status", tasks::ToCode(t.status)}});
  }
  body["reminders"] = tasks;
  return Response::Json(200, body.dump());
}

Response DisruptionHandlers::ApiRecordBusinessVisit(Request& request, const Principal& who) {
  auto decision = access::Decide(who.Subject(), access::Action::kRecordBusinessVisit);
  if (!decision.allowed) {
    AuditRefusal(
        AuditEntry(who, request, "business_visit.create", "", "", "refused", {}, decision.reason));
    return JsonError(Forbidden("Your role does not record business visits."));
  }
  if (!IsJson(request)) return JsonError(NotJson());
  auto input = ParseVisitJson(request.body);
  if (!input) return JsonError(input.error());
  auto visit = DoRecordVisit(who, request, *input, decision.purpose);
  if (!visit) return JsonError(visit.error());
  Response res = Response::Json(201, VisitJson(*visit).dump());
  res.AddHeader("Location", "/api/v1/business-visits?place_id=" + visit->place_id);
  return res;
}

Response DisruptionHandlers::ApiListBusinessVisits(Request& request, const Principal& who) {
  auto decision = access::Decide(who.Subject(), access::Action::kRecordBusinessVisit);
  if (!decision.allowed) {
    AuditRefusal(
        AuditEntry(who, request, "business_visit.list", "", "", "refused", {}, decision.reason));
    return JsonError(Forbidden("Your role does not record business visits."));
  }
  std::string place_id = Trim(request.query.Get("place_id"));
  Result<std::vector<disruption::Visit>> visits;
  if (!place_id.empty()) {
    if (!IsValidId(place_id)) {
      return JsonError(Invalid({{"place_id", "Must be the id of a place"}}).error());
    }
    auto type = disruption_.PlaceType(place_id);
    if (!type) return JsonError(type.error());
    if (!*type) return JsonError(NotFound("There is no such place.").error());
    visits = disruption_.VisitsForPlace(place_id);
  } else {
    visits = disruption_.RecentVisits(kListed);
  }
  if (!visits) return JsonError(visits.error());
  if (!Audit(AuditEntry(who, request, "business_visit.list", place_id.empty() ? "area" : "place",
                        place_id, "allowed", decision.purpose,
                        std::to_string(visits->size()) + " listed"))) {
    return JsonError(kAuditUnavailable);
  }
  json items = json::array();
  for (const auto& v : *visits) items.push_back(VisitJson(v));
  return Response::Json(200, json{{"visits", items}}.dump());
}

Response DisruptionHandlers::ApiNotVisited(Request& request, const Principal& who) {
  auto decision = access::Decide(who.Subject(), access::Action::kRecordBusinessVisit);
  if (!decision.allowed) {
    AuditRefusal(AuditEntry(who, request, "business_visit.not_visited", "", "", "refused", {},
                            decision.reason));
    return JsonError(Forbidden("Your role does not record business visits."));
  }
  auto months = QueryInt(request, "months", 12, 1, kMaxMonths);
  if (!months) return JsonError(months.error());
  Date today = LondonDate(clock_.Now());
  auto groups = disruption_.NotVisited(today, *months);
  if (!groups) return JsonError(groups.error());
  if (!Audit(AuditEntry(who, request, "business_visit.not_visited", "area", "", "allowed",
                        decision.purpose, std::to_string(groups->size()) + " premises types"))) {
    return JsonError(kAuditUnavailable);
  }
  json out = json::array();
  for (const auto& g : *groups) {
    json premises = json::array();
    for (const auto& p : g.premises) {
      premises.push_back(
          json{{"place_id", p.place_id},
               {"name", p.name},
               {"last_visit", p.last_visit ? json(FormatDate(*p.last_visit)) : json(nullptr)}});
    }
    out.push_back(json{{"place_type", g.place_type}, {"label", g.label}, {"premises", premises}});
  }
  return Response::Json(200, json{{"today", FormatDate(today)},
                                  {"months", *months},
                                  {"since", FormatDate(disruption::MonthsBefore(today, *months))},
                                  {"groups", out}}
                                 .dump());
}

}  // namespace harbour::web
