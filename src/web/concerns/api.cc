// Concerns and the chronology in the JSON API (docs/api/openapi.yaml): log a concern about a
// child and read the child's chronology, with the same verbs, access rules and audit as the pages.
#include <nlohmann/json.hpp>

#include "web/concerns/concern_json.h"
#include "web/concerns/handlers.h"
#include "web/core/errors.h"

namespace harbour::web {

namespace {

using nlohmann::json;

Response JsonOk(unsigned status, const json& body) { return Response::Json(status, body.dump()); }

json ConcernJson(const concerns::Concern& c) {
  return json{{"id", c.id},
              {"child_id", c.child_id},
              {"observed_at", FormatRfc3339(c.observed_at)},
              {"location", c.location},
              {"location_postcode", c.location_postcode},
              {"category", concerns::ToCode(c.category)},
              {"indicators", c.indicators},
              {"narrative", c.narrative},
              {"first_hand", c.first_hand},
              {"immediate_danger", c.immediate_danger},
              {"recorded_at", FormatRfc3339(c.recorded_at)}};
}

}  // namespace

Response ConcernsHandlers::ApiCreateConcern(Request& request, const Principal& who) {
  access::Decision decision;
  auto child =
      AuthoriseChild(who, request, request.Param("id"), access::Action::kLogConcern, &decision);
  if (!child) return JsonError(child.error());
  if (!IsJson(request)) return JsonError(NotJson());
  auto in = ParseConcernJson(request.body);
  if (!in) return JsonError(in.error());
  auto logged = DoLogConcern(who, request, *child, *in, decision.purpose);
  if (!logged) return JsonError(logged.error());
  Response res = JsonOk(201, ConcernJson(*logged));
  res.AddHeader("Location", "/api/v1/children/" + child->id + "/chronology");
  return res;
}

Response ConcernsHandlers::ApiChronology(Request& request, const Principal& who) {
  access::Decision decision;
  auto child =
      AuthoriseChild(who, request, request.Param("id"), access::Action::kViewChronology, &decision);
  if (!child) return JsonError(child.error());
  chronology::Filter filter;
  std::string type = request.query.Get("type");
  if (!type.empty()) {
    filter.type = chronology::EntryTypeFromCode(type);
    if (!filter.type) {
      return JsonError(
          Error{ErrorKind::kInvalid,
                "validation_failed",
                "Unknown entry type.",
                {{"type",
                  "Must be one of concern, addendum, record, assessment, referral, panel, "
                  "panel_action, missing, return_interview"}}});
    }
  }
  filter.agency_id = request.query.Get("agency");
  auto chronicle = DoChronology(who, request, *child, filter, decision.purpose);
  if (!chronicle) return JsonError(chronicle.error());
  json entries = json::array();
  for (const auto& e : chronicle->entries) {
    json entry{{"type", chronology::ToCode(e.type)},
               {"at", FormatRfc3339(e.at)},
               {"agency", e.by.agency_name},
               {"agency_id", e.by.agency_id},
               {"recorded_by", e.by.name},
               {"summary", e.summary},
               {"id", e.id}};
    if (e.type == chronology::EntryType::kConcern) {
      entry["indicators"] = e.indicators;
      entry["immediate_danger"] = e.immediate_danger;
    }
    if (!e.related_id.empty()) entry["concern_id"] = e.related_id;
    if (!e.location.empty()) entry["location"] = e.location;
    entries.push_back(std::move(entry));
  }
  return JsonOk(200, json{{"entries", entries}});
}

}  // namespace harbour::web
