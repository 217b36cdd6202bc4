// Children in the JSON API (docs/api/openapi.yaml): search, create and read a child, with the
// same verbs, access rules and audit as the pages.
#include <nlohmann/json.hpp>

#include "common/identifiers.h"
#include "web/children/child_json.h"
#include "web/children/flag_view.h"
#include "web/children/handlers.h"
#include "web/core/errors.h"

namespace harbour::web {

namespace {

using nlohmann::json;

Response JsonOk(unsigned status, const json& body) { return Response::Json(status, body.dump()); }

json ChildJson(const children::Child& c) {
  json aliases = json::array();
  for (const auto& a : c.aliases) aliases.push_back(a);
  return json{
      {"id", c.id},
      {"given_name", c.given_name},
      {"family_name", c.family_name},
      {"aliases", aliases},
      {"date_of_birth", c.date_of_birth ? json(FormatDate(*c.date_of_birth)) : json(nullptr)},
      {"estimated_age", c.estimated_age ? json(*c.estimated_age) : json(nullptr)},
      {"sex", children::ToCode(c.sex)},
      {"gender", c.gender},
      {"ethnicity", c.ethnicity},
      {"first_language", c.first_language},
      {"disability", children::ToCode(c.disability)},
      {"special_needs", children::ToCode(c.special_needs)},
      {"address", c.address},
      {"postcode", c.postcode},
      {"school", c.school},
      {"nhs_number", c.nhs_number.empty() ? json(nullptr) : json(c.nhs_number)},
      {"upn", c.upn.empty() ? json(nullptr) : json(c.upn)},
      {"social_care_id", c.social_care_id},
      {"legal_status", children::ToCode(c.legal_status)},
      {"placing_authority", c.placing_authority},
      {"allocated_worker", c.allocated_worker},
      {"created_at", FormatRfc3339(c.created_at)},
      {"updated_at", FormatRfc3339(c.updated_at)},
  };
}

}  // namespace

Response ChildrenHandlers::ApiSearchChildren(Request& request, const Principal& who) {
  std::string q = request.query.Get("q");
  if (q.empty()) {
    return JsonError(Error{ErrorKind::kInvalid,
                           "validation_failed",
                           "Give a search term.",
                           {{"q", "Enter a name, date of birth or NHS number"}}});
  }
  auto outcome = DoSearch(who, request, q);
  if (!outcome) return JsonError(outcome.error());
  json children = json::array();
  for (const auto& c : outcome->visible) children.push_back(ChildJson(c));
  return JsonOk(200, json{{"children", children},
                          {"outside_access", outcome->hidden},
                          {"truncated", outcome->truncated}});
}

Response ChildrenHandlers::ApiCreateChild(Request& request, const Principal& who) {
  if (!IsJson(request)) return JsonError(NotJson());
  auto in = ParseChildJson(request.body);
  if (!in) return JsonError(in.error());
  // A system adding children is not stopped by likely matches: each near-certain one is queued
  // for the coordinator instead (DoCreateChild).
  auto created = DoCreateChild(who, request, *in);
  if (!created) return JsonError(created.error());
  Response res = JsonOk(201, ChildJson(*created));
  res.AddHeader("Location", "/api/v1/children/" + created->id);
  return res;
}

Response ChildrenHandlers::ApiGetChild(Request& request, const Principal& who) {
  access::Decision decision;
  auto child =
      AuthoriseChild(who, request, request.Param("id"), access::Action::kViewChild, &decision);
  if (!child) return JsonError(child.error());
  if (!Audit(AuditEntry(who, request, "child.view", "child", child->id, "allowed", decision.purpose,
                        "api"))) {
    return JsonError(Error{ErrorKind::kUnavailable,
                           "audit_unavailable",
                           "The service cannot record this request.",
                           {}});
  }
  auto flags = flags_.ForChild(child->id);
  if (!flags) return JsonError(flags.error());
  json body = ChildJson(*child);
  body["flags"] = json::array();
  Date today = LondonDate(clock_.Now());
  for (const auto& f : *flags) {
    if (!children::IsActive(f, today)) continue;
    body["flags"].push_back(FlagJson(f, today));
  }
  return JsonOk(200, body);
}

}  // namespace harbour::web
