// Records of people, vehicles, places, phones and accounts, their links and the lookup in the
// JSON API (issue 5; docs/api/openapi.yaml). The same verbs, access rules and audit as the pages
// (records_handlers.cc); request bodies are parsed by web/parse/records_json.h.
#include <nlohmann/json.hpp>

#include "common/text.h"
#include "web/core/errors.h"
#include "web/records/handlers.h"
#include "web/records/records_json.h"

namespace harbour::web {

namespace {

using nlohmann::json;
namespace in = harbour::intelligence;

constexpr int kListed = 200;

json CandidatesJson(const std::vector<in::Candidate>& candidates) {
  json list = json::array();
  for (const auto& c : candidates) {
    list.push_back(
        json{{"type", in::ToCode(c.type)},
             {"id", c.id},
             {"label", c.label},
             {"matched_on", c.matched_on},
             {"href", c.type == in::RecordType::kChild
                          ? "/children/" + c.id
                          : "/records/" + std::string(in::PathSegment(c.type)) + "/" + c.id}});
  }
  return list;
}

std::optional<in::RecordType> KindOf(const Request& request) {
  auto type = in::RecordTypeFromPathSegment(request.Param("kind"));
  if (!type || *type == in::RecordType::kChild) return std::nullopt;
  return type;
}

Error NoSuchKind() {
  return Error{ErrorKind::kNotFound,
               "not_found",
               "Records are people, vehicles, places, phones or accounts.",
               {}};
}

}  // namespace

json RecordsHandlers::RecordJson(const RecordAccess& found) {
  json out = found.detail.json;
  out["verified"] = out.contains("verified")            ? out["verified"]
                    : out.contains("postcode_verified") ? out["postcode_verified"]
                                                        : json(true);
  json links = json::array();
  for (const auto& shown : found.linked.links) {
    json supports = json::array();
    for (const auto& r : shown.supports) {
      supports.push_back(json{{"report_id", r.id},
                              {"grade", intelligence::GradeCode(r)},
                              {"submitted_at", FormatRfc3339(r.submitted_at)}});
    }
    const auto& l = shown.link;
    links.push_back(json{{"id", l.link_id},
                         {"link_type", in::ToCode(l.type)},
                         {"link_label", in::Label(l.type)},
                         {"other_type", in::ToCode(l.other_type)},
                         {"other_id", l.other_id},
                         {"other_label", l.other_label},
                         {"supports", supports}});
  }
  out["links"] = links;
  return out;
}

Response RecordsHandlers::ApiListRecords(Request& request, const Principal& who) {
  auto type = KindOf(request);
  if (!type) return JsonError(NoSuchKind());
  auto decision = access::Decide(who.Subject(), access::Action::kManageRecords);
  if (!decision.allowed) {
    AuditRefusal(AuditEntry(who, request, "records.list", in::ToCode(*type), "", "refused", {},
                            decision.reason));
    return JsonError(Error{ErrorKind::kForbidden,
                           "forbidden",
                           "Only intelligence officers list records; use /api/v1/lookup.",
                           {}});
  }
  auto recent = records_.Recent(*type, kListed);
  if (!recent) return JsonError(recent.error());
  if (!Audit(AuditEntry(who, request, "records.list", in::ToCode(*type), "", "allowed",
                        "intelligence", std::to_string(recent->size()) + " listed"))) {
    return JsonError(kAuditUnavailable);
  }
  return Response::Json(200, json{{"records", CandidatesJson(*recent)}}.dump());
}

Response RecordsHandlers::ApiGetRecord(Request& request, const Principal& who) {
  auto type = KindOf(request);
  if (!type) return JsonError(NoSuchKind());
  auto found = FindRecordFor(who, request, *type, request.Param("id"));
  if (!found) return JsonError(found.error());
  return Response::Json(200, RecordJson(*found).dump());
}

Response RecordsHandlers::ApiCreateRecord(Request& request, const Principal& who) {
  auto type = KindOf(request);
  if (!type) return JsonError(NoSuchKind());
  auto decision = access::Decide(who.Subject(), access::Action::kManageRecords);
  if (!decision.allowed) {
    AuditRefusal(AuditEntry(who, request, "records.manage", in::ToCode(*type), "", "refused", {},
                            decision.reason));
    return JsonError(Error{
        ErrorKind::kForbidden, "forbidden", "Only intelligence officers create records.", {}});
  }
  if (!IsJson(request)) return JsonError(NotJson());
  auto body = ParseRecordJson(*type, request.body);
  if (!body) return JsonError(body.error());
  auto created = DoCreateRecord(who, request, *body);
  if (!created) return JsonError(created.error());
  if (created->id.empty()) {
    json out{{"error",
              {{"code", "possible_duplicates"},
               {"message",
                "Existing records match exactly. Use one of them, or send \"confirm\": true to "
                "create a new record anyway."},
               {"fields", json::object()}}},
             {"candidates", CandidatesJson(created->candidates)}};
    return Response::Json(409, out.dump());
  }
  auto detail = LoadRecord(*type, created->id);
  if (!detail) return JsonError(detail.error());
  RecordAccess access{std::move(*detail), {}, true, "intelligence"};
  json out = RecordJson(access);
  out["candidates"] = CandidatesJson(created->candidates);
  Response res = Response::Json(201, out.dump());
  res.AddHeader("Location",
                "/api/v1/records/" + std::string(in::PathSegment(*type)) + "/" + created->id);
  return res;
}

Response RecordsHandlers::ApiLinkRecords(Request& request, const Principal& who) {
  auto decision = access::Decide(who.Subject(), access::Action::kManageRecords);
  if (!decision.allowed) {
    AuditRefusal(
        AuditEntry(who, request, "records.manage", "link", "", "refused", {}, decision.reason));
    return JsonError(
        Error{ErrorKind::kForbidden, "forbidden", "Only intelligence officers link records.", {}});
  }
  if (!IsJson(request)) return JsonError(NotJson());
  auto body = ParseRecordLinkJson(request.body);
  if (!body) return JsonError(body.error());
  auto link = DoLinkRecords(who, request, *body);
  if (!link) return JsonError(link.error());
  json out{{"id", *link},
           {"link_type", body->link_type},
           {"from_type", body->from_type},
           {"from_id", body->from_id},
           {"to_type", body->to_type},
           {"to_id", body->to_id},
           {"report_id", body->report_id}};
  return Response::Json(201, out.dump());
}

Response RecordsHandlers::ApiLookup(Request& request, const Principal& who) {
  auto decision = access::Decide(who.Subject(), access::Action::kViewRecords);
  if (!decision.allowed) {
    AuditRefusal(
        AuditEntry(who, request, "records.lookup", "", "", "refused", {}, decision.reason));
    return JsonError(Error{ErrorKind::kForbidden,
                           "forbidden",
                           "Records are for intelligence officers and exploitation coordinators.",
                           {}});
  }
  const FormData& q = request.query;
  for (const char* name : {"type", "name", "date_of_birth", "registration", "number", "postcode",
                           "platform", "handle"}) {
    const std::string value = q.Get(name);
    if (!IsValidUtf8(value) || HasControlCharacters(value) || CharacterCount(value) > 200) {
      return JsonError(Invalid({{name, "Must be at most 200 characters of text"}}).error());
    }
  }
  auto type = in::RecordTypeFromCode(Trim(q.Get("type")));
  if (!type || *type == in::RecordType::kChild) {
    return JsonError(
        Invalid({{"type", "Must be person, vehicle, place, phone or account"}}).error());
  }
  storage::LikelyLookup lookup(db_, variants_);
  Result<std::vector<in::Candidate>> found = std::vector<in::Candidate>{};
  auto keep = [](const Error& e, std::initializer_list<const char*> fields) {
    Error out = e;
    std::erase_if(out.fields, [&](const auto& f) {
      return std::ranges::find_if(fields, [&](const char* k) { return f.first == k; }) ==
             fields.end();
    });
    return out;
  };
  switch (*type) {
    case in::RecordType::kPerson: {
      in::PersonInput input;
      input.name = q.Get("name");
      input.date_of_birth = q.Get("date_of_birth");
      input.status = "suspected";
      std::vector<std::string> none;
      auto person = in::ValidatePerson(input, none, LondonDate(clock_.Now()));
      if (!person) return JsonError(keep(person.error(), {"name", "date_of_birth"}));
      found = lookup.People(*person);
      break;
    }
    case in::RecordType::kVehicle: {
      auto vehicle = in::ValidateVehicle({q.Get("registration"), "", "", ""});
      if (!vehicle) return JsonError(vehicle.error());
      found = lookup.Vehicles(*vehicle);
      break;
    }
    case in::RecordType::kPlace: {
      const bool no_name = Trim(q.Get("name")).empty();
      if (no_name && Trim(q.Get("postcode")).empty()) {
        return JsonError(Invalid({{"postcode", "Enter a postcode, a name or both"}}).error());
      }
      // The name alone, the postcode alone, or both must match.
      auto place = in::ValidatePlace(
          {no_name ? "x" : q.Get("name"), "other", "", q.Get("postcode"), "", "", "", ""});
      if (!place) return JsonError(keep(place.error(), {"name", "postcode"}));
      if (no_name) {
        place->name.clear();
        place->name_key.clear();
      }
      found = lookup.Places(*place);
      break;
    }
    case in::RecordType::kPhone: {
      auto phone = in::ValidatePhone({q.Get("number")});
      if (!phone) return JsonError(phone.error());
      found = lookup.Phones(*phone);
      break;
    }
    case in::RecordType::kAccount: {
      auto account = in::ValidateAccount({q.Get("platform"), q.Get("handle")});
      if (!account) return JsonError(account.error());
      found = lookup.Accounts(*account);
      break;
    }
    case in::RecordType::kChild:
      break;
  }
  if (!found) return JsonError(found.error());
  // Anyone who does not manage records finds only the records they could open.
  const bool manage = access::Decide(who.Subject(), access::Action::kManageRecords).allowed;
  std::vector<in::Candidate> shown;
  for (auto& c : *found) {
    if (!manage) {
      auto linked = VisibleLinks(who, c.type, c.id);
      if (!linked) return JsonError(linked.error());
      if (linked->links.empty()) continue;
    }
    shown.push_back(std::move(c));
  }
  std::string detail =
      std::string(in::ToCode(*type)) + ": " + std::to_string(shown.size()) + " found";
  for (const auto& c : shown) detail += " " + c.id;
  if (!Audit(AuditEntry(who, request, "records.lookup", in::ToCode(*type), "", "allowed",
                        decision.purpose.empty() ? "intelligence" : decision.purpose, detail))) {
    return JsonError(kAuditUnavailable);
  }
  return Response::Json(200, json{{"candidates", CandidatesJson(shown)}}.dump());
}

}  // namespace harbour::web
