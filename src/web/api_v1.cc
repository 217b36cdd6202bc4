// The JSON API, /api/v1 (docs/api/openapi.yaml). Same verbs, access rules and audit as the
// pages; bearer-token authentication; errors as {"error":{"code","message","fields"}}.
#include <nlohmann/json.hpp>

#include "common/identifiers.h"
#include "web/app.h"
#include "web/core/errors.h"
#include "web/flag_view.h"
#include "web/parse/json_body.h"

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

// Reads optional string members into `out`, recording a field error for a wrong type or an
// unexpected member. Strings may be null (treated as empty).
class BodyReader {
 public:
  explicit BodyReader(const json& body) : body_(body) {}
  std::string Text(const std::string& name) {
    seen_.push_back(name);
    auto it = body_.find(name);
    if (it == body_.end() || it->is_null()) return {};
    if (it->is_string()) return it->get<std::string>();
    errors_[name] = "Must be a string";
    return {};
  }
  std::string Integer(const std::string& name) {
    seen_.push_back(name);
    auto it = body_.find(name);
    if (it == body_.end() || it->is_null()) return {};
    if (it->is_number_integer()) return std::to_string(it->get<long long>());
    errors_[name] = "Must be a whole number";
    return {};
  }
  std::vector<std::string> TextList(const std::string& name) {
    seen_.push_back(name);
    std::vector<std::string> out;
    auto it = body_.find(name);
    if (it == body_.end() || it->is_null()) return out;
    if (!it->is_array()) {
      errors_[name] = "Must be a list of strings";
      return out;
    }
    for (const auto& v : *it) {
      if (!v.is_string()) {
        errors_[name] = "Must be a list of strings";
        return {};
      }
      out.push_back(v.get<std::string>());
    }
    return out;
  }
  // "yes"/"no" from a JSON boolean; "" when absent.
  std::string Boolean(const std::string& name) {
    seen_.push_back(name);
    auto it = body_.find(name);
    if (it == body_.end() || it->is_null()) return {};
    if (it->is_boolean()) return it->get<bool>() ? "yes" : "no";
    errors_[name] = "Must be true or false";
    return {};
  }
  // Field errors so far, plus one for every member that is not part of the resource.
  std::map<std::string, std::string> Errors() {
    auto errors = errors_;
    for (const auto& [key, value] : body_.items()) {
      if (std::find(seen_.begin(), seen_.end(), key) == seen_.end()) {
        errors[key] = "Is not a field of this resource";
      }
    }
    return errors;
  }

 private:
  const json& body_;
  std::vector<std::string> seen_;
  std::map<std::string, std::string> errors_;
};

Result<json> ReadJson(const Request& request) {
  std::string type = request.Header("content-type");
  if (!type.starts_with("application/json")) {
    return Fail(ErrorKind::kMalformed, "unsupported_media_type",
                "Send the body as JSON with Content-Type: application/json.");
  }
  return ParseJsonObject(request.body);
}

std::string JoinLines(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

}  // namespace

Response App::ApiSearchChildren(Request& request, const Principal& who) {
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

Response App::ApiCreateChild(Request& request, const Principal& who) {
  auto body = ReadJson(request);
  if (!body) return JsonError(body.error());
  BodyReader r(*body);
  children::ChildInput in;
  in.given_name = r.Text("given_name");
  in.family_name = r.Text("family_name");
  in.aliases = JoinLines(r.TextList("aliases"));
  in.date_of_birth = r.Text("date_of_birth");
  in.estimated_age = r.Integer("estimated_age");
  in.sex = r.Text("sex");
  in.gender = r.Text("gender");
  in.ethnicity = r.Text("ethnicity");
  in.first_language = r.Text("first_language");
  in.disability = r.Text("disability");
  in.special_needs = r.Text("special_needs");
  in.address = r.Text("address");
  in.postcode = r.Text("postcode");
  in.school = r.Text("school");
  in.nhs_number = r.Text("nhs_number");
  in.upn = r.Text("upn");
  in.social_care_id = r.Text("social_care_id");
  in.legal_status = r.Text("legal_status");
  in.placing_authority = r.Text("placing_authority");
  in.allocated_worker = r.Text("allocated_worker");
  if (auto errors = r.Errors(); !errors.empty()) return JsonError(Invalid(errors).error());
  auto created = DoCreateChild(who, request, in);
  if (!created) return JsonError(created.error());
  Response res = JsonOk(201, ChildJson(*created));
  res.AddHeader("Location", "/api/v1/children/" + created->id);
  return res;
}

Response App::ApiGetChild(Request& request, const Principal& who) {
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

Response App::ApiCreateConcern(Request& request, const Principal& who) {
  access::Decision decision;
  auto child =
      AuthoriseChild(who, request, request.Param("id"), access::Action::kLogConcern, &decision);
  if (!child) return JsonError(child.error());
  auto body = ReadJson(request);
  if (!body) return JsonError(body.error());
  BodyReader r(*body);
  concerns::ConcernInput in;
  in.observed_at = r.Text("observed_at");
  in.location = r.Text("location");
  in.location_postcode = r.Text("location_postcode");
  in.category = r.Text("category");
  in.indicators = r.TextList("indicators");
  in.narrative = r.Text("narrative");
  in.first_hand = r.Boolean("first_hand");
  in.immediate_danger = r.Boolean("immediate_danger");
  if (auto errors = r.Errors(); !errors.empty()) return JsonError(Invalid(errors).error());
  auto logged = DoLogConcern(who, request, *child, in, decision.purpose);
  if (!logged) return JsonError(logged.error());
  Response res = JsonOk(201, ConcernJson(*logged));
  res.AddHeader("Location", "/api/v1/children/" + child->id + "/chronology");
  return res;
}

Response App::ApiChronology(Request& request, const Principal& who) {
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
                {{"type", "Must be one of concern, addendum, record, assessment, referral"}}});
    }
  }
  filter.agency_id = request.query.Get("agency");
  auto chronicle = DoChronology(who, request, *child, filter, decision.purpose);
  if (!chronicle) return JsonError(chronicle.error());
  json entries = json::array();
  for (const auto& e : chronicle->entries) {
    json entry{{"type", chronology::ToCode(e.type)},
               {"at", FormatRfc3339(e.at)},
               {"agency", e.agency_name},
               {"agency_id", e.agency_id},
               {"summary", e.summary},
               {"id", e.id}};
    if (e.type == chronology::EntryType::kConcern) {
      entry["indicators"] = e.indicators;
      entry["immediate_danger"] = e.immediate_danger;
    }
    if (!e.related_id.empty()) entry["concern_id"] = e.related_id;
    entries.push_back(std::move(entry));
  }
  return JsonOk(200, json{{"entries", entries}});
}

}  // namespace harbour::web
