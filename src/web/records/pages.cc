// Records of people of concern, vehicles, places, phones and online accounts (issue 5;
// docs/intelligence.md "Records, links and lookup"): a record's page with everything linked to
// it that the viewer may see, the creation forms with the lookup before creating, and the link
// form. The verbs are shared with the API (records_api.cc).
//
// Access: kViewRecords opens a record page; intelligence officers (kManageRecords) see every
// record and create records and links; anyone else sees a record only through at least one link
// supported by a report they may see at the sanitised view or better, and a record with none is
// answered as though it did not exist (404, audited).
#include <algorithm>
#include <array>
#include <cstdio>
#include <set>

#include "common/text.h"
#include "web/core/errors.h"
#include "web/core/view_helpers.h"
#include "web/records/handlers.h"

namespace harbour::web {

namespace in = harbour::intelligence;

namespace {

const std::vector<std::string> kPersonFieldOrder = {"name",      "aliases",     "date_of_birth",
                                                    "age_from",  "age_to",      "sex",
                                                    "ethnicity", "description", "status"};
const std::vector<std::string> kVehicleFieldOrder = {"registration", "make", "model", "colour"};
const std::vector<std::string> kPlaceFieldOrder = {"name",     "type",     "address",
                                                   "postcode", "latitude", "longitude",
                                                   "easting",  "northing", "coordinates"};
const std::vector<std::string> kPhoneFieldOrder = {"number"};
const std::vector<std::string> kAccountFieldOrder = {"platform", "handle"};
const std::vector<std::string> kLinkFieldOrder = {"link_type", "to_type", "to_id", "report_id",
                                                  "from_id"};

const std::vector<std::string>& FieldOrder(in::RecordType type) {
  switch (type) {
    case in::RecordType::kVehicle:
      return kVehicleFieldOrder;
    case in::RecordType::kPlace:
      return kPlaceFieldOrder;
    case in::RecordType::kPhone:
      return kPhoneFieldOrder;
    case in::RecordType::kAccount:
      return kAccountFieldOrder;
    default:
      return kPersonFieldOrder;
  }
}

std::vector<std::pair<std::string, std::string>> PlaceTypeOptions() {
  std::vector<std::pair<std::string, std::string>> out = {{"", "Choose the type of place"}};
  for (auto t : in::AllPlaceTypes()) out.emplace_back(in::ToCode(t), in::Label(t));
  return out;
}

std::vector<std::pair<std::string, std::string>> PlatformOptions() {
  std::vector<std::pair<std::string, std::string>> out = {{"", "Choose the platform"}};
  for (auto p : in::AllPlatforms()) out.emplace_back(in::ToCode(p), in::Label(p));
  return out;
}

std::vector<std::pair<std::string, std::string>> StatusOptions() {
  std::vector<std::pair<std::string, std::string>> out;
  for (auto s : in::AllPersonStatuses()) out.emplace_back(in::ToCode(s), in::Label(s));
  return out;
}

std::vector<std::pair<std::string, std::string>> LinkTypeOptions() {
  std::vector<std::pair<std::string, std::string>> out = {{"", "Choose how they are linked"}};
  for (auto l : in::AllLinkTypes()) {
    out.emplace_back(in::ToCode(l),
                     std::string(in::Label(l)) + " (" + in::AllowedPairsText(l) + ")");
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> RecordTypeOptions() {
  std::vector<std::pair<std::string, std::string>> out = {{"", "Choose the kind of record"}};
  for (auto t : {in::RecordType::kChild, in::RecordType::kPerson, in::RecordType::kVehicle,
                 in::RecordType::kPlace, in::RecordType::kPhone, in::RecordType::kAccount}) {
    out.emplace_back(in::ToCode(t), in::Label(t));
  }
  return out;
}

// The page title for a new record of `type`.
std::string NewTitle(in::RecordType type) {
  switch (type) {
    case in::RecordType::kPerson:
      return "New person of concern";
    case in::RecordType::kVehicle:
      return "New vehicle";
    case in::RecordType::kPlace:
      return "New place";
    case in::RecordType::kPhone:
      return "New phone number";
    case in::RecordType::kAccount:
      return "New online account";
    case in::RecordType::kChild:
      break;
  }
  return "New record";
}

// Where to send the officer after creating a record from an intelligence report's page: only
// back to a report page of this service, never elsewhere.
std::string SafeReturn(std::string_view target) {
  constexpr std::string_view kPrefix = "/intelligence/reports/";
  if (!target.starts_with(kPrefix) || target.size() > 200) return {};
  for (char c : target.substr(kPrefix.size())) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_';
    if (!ok) return {};
  }
  return std::string(target);
}

}  // namespace

std::string RecordHref(in::RecordType type, std::string_view id) {
  if (type == in::RecordType::kChild) return "/children/" + std::string(id);
  return "/records/" + std::string(in::PathSegment(type)) + "/" + std::string(id);
}

Result<RecordsHandlers::RecordDetail> RecordsHandlers::LoadRecord(in::RecordType type,
                                                                  std::string_view id) {
  RecordDetail out;
  out.type = type;
  out.id = std::string(id);
  auto row = [&out](std::string key, std::string label, std::string value) {
    out.rows.push_back({std::move(key), std::move(label), std::move(value)});
  };
  switch (type) {
    case in::RecordType::kPerson: {
      auto p = records_.FindPerson(id);
      if (!p) return std::unexpected(p.error());
      if (!*p) return NotFound("There is no such record.");
      const auto& v = **p;
      out.label = in::PersonLabel(v);
      row("name", "Name", v.name);
      std::string aliases;
      for (const auto& a : v.aliases) aliases += (aliases.empty() ? "" : ", ") + a;
      row("aliases", "Other names", aliases);
      row("date_of_birth", "Date of birth", v.date_of_birth ? FormatDate(*v.date_of_birth) : "");
      row("age_from", "Youngest age", v.age_from ? std::to_string(*v.age_from) : "");
      row("age_to", "Oldest age", v.age_to ? std::to_string(*v.age_to) : "");
      row("sex", "Sex", v.sex);
      std::string ethnicity = v.ethnicity;
      if (const auto* code = catalogue_.FindEthnicity(v.ethnicity)) ethnicity = code->label;
      if (v.ethnicity == "not_known") ethnicity = "Not known";
      row("ethnicity", "Ethnicity", ethnicity);
      row("description", "Description", v.description);
      row("status", "Status", std::string(in::Label(v.status)));
      out.json = {{"name", v.name},
                  {"aliases", v.aliases},
                  {"date_of_birth", v.date_of_birth ? nlohmann::json(FormatDate(*v.date_of_birth))
                                                    : nlohmann::json(nullptr)},
                  {"age_from", v.age_from ? nlohmann::json(*v.age_from) : nlohmann::json(nullptr)},
                  {"age_to", v.age_to ? nlohmann::json(*v.age_to) : nlohmann::json(nullptr)},
                  {"sex", v.sex},
                  {"ethnicity", v.ethnicity},
                  {"description", v.description},
                  {"status", in::ToCode(v.status)}};
      break;
    }
    case in::RecordType::kVehicle: {
      auto found = records_.FindVehicle(id);
      if (!found) return std::unexpected(found.error());
      if (!*found) return NotFound("There is no such record.");
      const auto& v = **found;
      out.label = in::VehicleLabel(v);
      row("registration", "Registration", v.display);
      row("registration_typed", "Registration as typed", v.registration_typed);
      row("make", "Make", v.make);
      row("model", "Model", v.model);
      row("colour", "Colour", v.colour);
      if (!v.verified) out.warnings.push_back(v.warning);
      out.json = {{"registration", v.registration},
                  {"registration_typed", v.registration_typed},
                  {"display", v.display},
                  {"verified", v.verified},
                  {"warning", v.warning},
                  {"make", v.make},
                  {"model", v.model},
                  {"colour", v.colour}};
      break;
    }
    case in::RecordType::kPlace: {
      auto found = records_.FindPlace(id);
      if (!found) return std::unexpected(found.error());
      if (!*found) return NotFound("There is no such record.");
      const auto& v = **found;
      out.label = in::PlaceLabel(v);
      row("name", "Name", v.name);
      row("type", "Type", std::string(in::Label(v.type)));
      row("address", "Address", v.address);
      row("postcode", "Postcode", v.postcode);
      std::string where;
      if (v.latitude && v.longitude) {
        std::array<char, 64> text{};
        std::snprintf(text.data(), text.size(), "%.5f, %.5f", *v.latitude, *v.longitude);
        where = text.data();
      }
      row("coordinates", "Latitude, longitude", where);
      std::string ward = v.ward_name.empty() ? v.ward_code : v.ward_name + " (" + v.ward_code + ")";
      row("ward", "Ward", ward);
      for (const auto& w : v.warnings) out.warnings.push_back(w);
      out.json = {
          {"name", v.name},
          {"place_type", in::ToCode(v.type)},
          {"place_type_label", in::Label(v.type)},
          {"business_premises", in::IsBusinessPremises(v.type)},
          {"address", v.address},
          {"postcode", v.postcode},
          {"postcode_typed", v.postcode_typed},
          {"postcode_verified", v.postcode_verified},
          {"warnings", v.warnings},
          {"latitude", v.latitude ? nlohmann::json(*v.latitude) : nlohmann::json(nullptr)},
          {"longitude", v.longitude ? nlohmann::json(*v.longitude) : nlohmann::json(nullptr)},
          {"ward_code",
           v.ward_code.empty() ? nlohmann::json(nullptr) : nlohmann::json(v.ward_code)},
          {"ward_name",
           v.ward_name.empty() ? nlohmann::json(nullptr) : nlohmann::json(v.ward_name)}};
      break;
    }
    case in::RecordType::kPhone: {
      auto found = records_.FindPhone(id);
      if (!found) return std::unexpected(found.error());
      if (!*found) return NotFound("There is no such record.");
      const auto& v = **found;
      out.label = in::PhoneLabel(v);
      row("number", "Number", v.display);
      row("number_typed", "Number as typed", v.number_typed);
      row("kind", "Kind",
          v.kind == "mobile"       ? "Mobile"
          : v.kind == "fixed_line" ? "Landline"
                                   : "Other");
      if (!v.verified) out.warnings.push_back(v.warning);
      out.json = {{"number", v.number},   {"number_typed", v.number_typed},
                  {"display", v.display}, {"verified", v.verified},
                  {"warning", v.warning}, {"kind", v.kind}};
      break;
    }
    case in::RecordType::kAccount: {
      auto found = records_.FindAccount(id);
      if (!found) return std::unexpected(found.error());
      if (!*found) return NotFound("There is no such record.");
      const auto& v = **found;
      out.label = in::AccountLabel(v);
      row("platform", "Platform", std::string(in::Label(v.platform)));
      row("handle", "Handle", v.handle);
      out.json = {{"platform", in::ToCode(v.platform)},
                  {"platform_label", in::Label(v.platform)},
                  {"handle", v.handle},
                  {"handle_key", v.handle_key}};
      break;
    }
    case in::RecordType::kChild:
      return NotFound("There is no such record.");
  }
  out.json["type"] = in::ToCode(type);
  out.json["id"] = out.id;
  out.json["label"] = out.label;
  return out;
}

Result<RecordsHandlers::RecordAccess> RecordsHandlers::FindRecordFor(const Principal& who,
                                                                     const Request& request,
                                                                     in::RecordType type,
                                                                     std::string_view id) {
  auto decision = access::Decide(who.Subject(), access::Action::kViewRecords);
  if (!decision.allowed) {
    AuditRefusal(AuditEntry(who, request, access::ToCode(access::Action::kViewRecords),
                            in::ToCode(type), id, "refused", {}, decision.reason));
    return Fail(ErrorKind::kForbidden, "forbidden",
                "Records of people, vehicles and places are for intelligence officers and "
                "exploitation coordinators.");
  }
  auto detail = LoadRecord(type, id);
  if (!detail) {
    if (detail.error().kind == ErrorKind::kNotFound) {
      AuditRefusal(AuditEntry(who, request, "records.view", in::ToCode(type), id, "refused", {},
                              "no such record"));
    }
    return std::unexpected(detail.error());
  }
  RecordAccess out;
  out.detail = std::move(*detail);
  out.manage = access::Decide(who.Subject(), access::Action::kManageRecords).allowed;
  auto linked = VisibleLinks(who, type, id);
  if (!linked) return std::unexpected(linked.error());
  out.linked = std::move(*linked);
  if (!out.manage && out.linked.links.empty()) {
    if (!Audit(AuditEntry(who, request, "records.view", in::ToCode(type), id, "refused", {},
                          "no link visible through a report they may see"))) {
      return std::unexpected(kAuditUnavailable);
    }
    return NotFound("There is no such record.");
  }
  out.purpose = decision.purpose.empty() ? "intelligence" : decision.purpose;
  std::string detail_text = "links shown: " + std::to_string(out.linked.links.size());
  if (!out.linked.report_ids.empty()) {
    detail_text += "; through intelligence";
    for (const auto& r : out.linked.report_ids) detail_text += " " + r;
  }
  std::vector<std::string> linked_children;  // a child linked to the record is shown by name
  for (const auto& shown : out.linked.links) {
    if (shown.link.other_type == in::RecordType::kChild) {
      linked_children.push_back(shown.link.other_id);
    }
  }
  if (!Audit(PerChild(AuditEntry(who, request, "records.view", in::ToCode(type), id, "allowed",
                                 out.purpose, detail_text),
                      linked_children))) {
    return std::unexpected(kAuditUnavailable);
  }
  return out;
}

namespace {

// The audit detail of a person created although the lookup offered others: how many, and which.
std::string CreatedDespite(const std::vector<in::Candidate>& candidates) {
  std::string detail = "created despite " + std::to_string(candidates.size()) +
                       " possible matches confirmed as different:";
  for (const auto& c : candidates) detail += " " + c.id;
  return detail;
}

}  // namespace

Result<NewRecord> RecordsHandlers::DoCreateRecord(
    const Principal& who, const Request& request, const RecordBody& body,
    const std::function<void(storage::Transaction&, const std::string&)>& also) {
  NewRecord out;
  Instant now = clock_.Now();
  storage::LikelyLookup lookup(db_, variants_);
  auto offer = [&](Result<std::vector<in::Candidate>> matches) -> Result<bool> {
    if (!matches) return std::unexpected(matches.error());
    out.candidates = std::move(*matches);
    return !out.candidates.empty() && !body.confirm;
  };
  auto store = [&](auto insert, const std::string& detail) -> Result<NewRecord> {
    auto saved = Write("creating a record", [&](storage::Transaction& tx) -> Result<std::string> {
      std::string id = insert(tx);
      AuditIn(tx, AuditEntry(who, request, "records.create", in::ToCode(body.type), id, "allowed",
                             "intelligence", detail));
      if (also) also(tx, id);
      return id;
    });
    if (!saved) return std::unexpected(saved.error());
    out.id = *saved;
    return out;
  };
  switch (body.type) {
    case in::RecordType::kPerson: {
      std::vector<std::string> codes;
      for (const auto& e : catalogue_.Ethnicities()) codes.push_back(e.code);
      auto person = in::ValidatePerson(body.person, codes, LondonDate(now));
      if (!person) return std::unexpected(person.error());
      auto stop = offer(lookup.People(*person));
      if (!stop) return std::unexpected(stop.error());
      if (*stop) return out;
      return store(
          [&](storage::Transaction& tx) {
            return records_.InsertPersonIn(tx, *person, who.user.id, who.agency.id, now);
          },
          out.candidates.empty() ? "" : CreatedDespite(out.candidates));
    }
    case in::RecordType::kVehicle: {
      auto vehicle = in::ValidateVehicle(body.vehicle);
      if (!vehicle) return std::unexpected(vehicle.error());
      auto stop = offer(lookup.Vehicles(*vehicle));
      if (!stop) return std::unexpected(stop.error());
      if (*stop) return out;
      return store(
          [&](storage::Transaction& tx) {
            return records_.InsertVehicleIn(tx, *vehicle, who.user.id, who.agency.id, now);
          },
          vehicle->verified ? "" : "registration unverified");
    }
    case in::RecordType::kPlace: {
      auto place = in::ValidatePlace(body.place);
      if (!place) return std::unexpected(place.error());
      auto located = LocatePlace(*place);
      if (!located) return std::unexpected(located.error());
      auto stop = offer(lookup.Places(*place));
      if (!stop) return std::unexpected(stop.error());
      if (*stop) return out;
      return store(
          [&](storage::Transaction& tx) {
            return records_.InsertPlaceIn(tx, *place, who.user.id, who.agency.id, now);
          },
          place->postcode_verified || place->postcode.empty() ? "" : "postcode unverified");
    }
    case in::RecordType::kPhone: {
      auto phone = in::ValidatePhone(body.phone);
      if (!phone) return std::unexpected(phone.error());
      auto stop = offer(lookup.Phones(*phone));
      if (!stop) return std::unexpected(stop.error());
      if (*stop) return out;
      return store(
          [&](storage::Transaction& tx) {
            return records_.InsertPhoneIn(tx, *phone, who.user.id, who.agency.id, now);
          },
          phone->verified ? "" : "number unverified");
    }
    case in::RecordType::kAccount: {
      auto account = in::ValidateAccount(body.account);
      if (!account) return std::unexpected(account.error());
      auto stop = offer(lookup.Accounts(*account));
      if (!stop) return std::unexpected(stop.error());
      if (*stop) return out;
      return store(
          [&](storage::Transaction& tx) {
            return records_.InsertAccountIn(tx, *account, who.user.id, who.agency.id, now);
          },
          "");
    }
    case in::RecordType::kChild:
      break;
  }
  return NotFound("There is no such kind of record.");
}

Result<std::string> RecordsHandlers::DoLinkRecords(const Principal& who, const Request& request,
                                                   const RecordLinkBody& body) {
  std::map<std::string, std::string> problems;
  auto type = in::LinkTypeFromCode(body.link_type);
  if (!type) problems["link_type"] = "Choose how the records are linked";
  auto from_type = in::RecordTypeFromCode(body.from_type);
  if (!from_type) problems["from_type"] = "Choose the kind of the first record";
  auto to_type = in::RecordTypeFromCode(body.to_type);
  if (!to_type) problems["to_type"] = "Choose the kind of the other record";
  if (type && from_type && to_type) {
    auto ends = in::ValidateLink(*type, *from_type, *to_type);
    if (!ends) problems["link_type"] = ends.error().fields.at("link_type");
  }
  auto exists = [&](std::optional<in::RecordType> t, const std::string& id, const char* field,
                    const char* missing) -> Result<void> {
    if (!t) return {};
    if (id.empty()) {
      problems[field] = missing;
      return {};
    }
    auto found = records_.Exists(*t, id);
    if (!found) return std::unexpected(found.error());
    if (*found && *t == in::RecordType::kChild) {
      // A child the officer may not see is answered as though it did not exist.
      auto context = children_.Context(id, who.user.id, clock_.Now());
      if (!context) return std::unexpected(context.error());
      *found = access::CanSeeChild(who.Subject(), *context);
    }
    if (!*found) {
      problems[field] = "There is no " + std::string(in::Label(*t)) + " record with this id";
    }
    return {};
  };
  if (auto r = exists(from_type, body.from_id, "from_id", "Enter the first record's id"); !r) {
    return std::unexpected(r.error());
  }
  if (auto r = exists(to_type, body.to_id, "to_id", "Enter the other record's id"); !r) {
    return std::unexpected(r.error());
  }
  if (from_type && to_type && *from_type == *to_type && body.from_id == body.to_id &&
      !body.from_id.empty()) {
    problems["to_id"] = "A record cannot be linked to itself";
  }
  if (body.report_id.empty()) {
    problems["report_id"] = "Enter the intelligence report that supports this link";
  } else {
    auto reports = intelligence_.FindMany({body.report_id});
    if (!reports) return std::unexpected(reports.error());
    auto it = reports->find(body.report_id);
    if (it == reports->end() || access::ViewOfReport(who.Subject(), storage::FactsOf(it->second)) <
                                    access::IntelligenceView::kSanitised) {
      problems["report_id"] = "There is no intelligence report with this id that you may see";
    }
  }
  if (!problems.empty()) return Invalid(problems, "There is a problem with the link.");
  auto ends = in::CanonicalLink(*type, *from_type, body.from_id, *to_type, body.to_id);
  if (!ends) return std::unexpected(ends.error());
  Instant now = clock_.Now();
  return Write("linking records", [&](storage::Transaction& tx) -> Result<std::string> {
    auto link = records_.LinkIn(tx, *ends, body.report_id, who.user.id, who.agency.id, now);
    std::vector<std::string> linked_children;
    if (ends->from_type == in::RecordType::kChild) linked_children.push_back(ends->from_id);
    if (ends->to_type == in::RecordType::kChild) linked_children.push_back(ends->to_id);
    AuditIn(tx, PerChild(AuditEntry(who, request, "records.link", "link", link, "allowed",
                                    "intelligence",
                                    body.link_type + " " + body.from_type + " " + body.from_id +
                                        " - " + body.to_type + " " + body.to_id +
                                        "; supported by intelligence " + body.report_id),
                         linked_children));
    return link;
  });
}

// --- pages ------------------------------------------------------------------------------

Response RecordsHandlers::NewRecordForm(Request& request, const Principal& who) {
  auto type = in::RecordTypeFromPathSegment(request.Param("kind"));
  if (!type || *type == in::RecordType::kChild) return NotFoundPage(&who, request);
  auto decision = access::Decide(who.Subject(), access::Action::kManageRecords);
  if (!decision.allowed) {
    return Refuse(who, request, decision, access::Action::kManageRecords,
                  "Only intelligence officers create records of people, vehicles and places.");
  }
  FormData form;
  if (!request.query.Get("report").empty()) form.Add("report", request.query.Get("report"));
  if (!request.query.Get("return").empty()) form.Add("return", request.query.Get("return"));
  return RecordFormPage(who, request, *type, form, nullptr, nullptr);
}

Response RecordsHandlers::RecordFormPage(const Principal& who, const Request& request,
                                         in::RecordType type, const FormData& form,
                                         const Error* problems, const NewRecord* offered) {
  std::vector<std::pair<std::string, std::string>> ethnicities = {{"not_known", "Not known"}};
  for (const auto& e : catalogue_.Ethnicities()) ethnicities.emplace_back(e.code, e.label);
  const std::string kind(in::PathSegment(type));
  mstch::map context{
      {"kind", kind},
      {"is_person", type == in::RecordType::kPerson},
      {"is_vehicle", type == in::RecordType::kVehicle},
      {"is_place", type == in::RecordType::kPlace},
      {"is_phone", type == in::RecordType::kPhone},
      {"is_account", type == in::RecordType::kAccount},
      {"heading", NewTitle(type)},
      {"status_options", Options(StatusOptions(), form.Get("status"))},
      {"sex_options", Options({{"not_known", "Not known"}, {"female", "Female"}, {"male", "Male"}},
                              form.Get("sex"))},
      {"ethnicity_options", Options(ethnicities, form.Get("ethnicity"))},
      {"type_options", Options(PlaceTypeOptions(), form.Get("type"))},
      {"platform_options", Options(PlatformOptions(), form.Get("platform"))},
  };
  AddValues(context, form);
  if (offered != nullptr && !offered->candidates.empty()) {
    mstch::array candidates;
    for (const auto& c : offered->candidates) {
      candidates.push_back(mstch::map{
          {"href", RecordHref(c.type, c.id)}, {"label", c.label}, {"matched_on", c.matched_on}});
    }
    context["candidates"] = candidates;
    context["has_candidates"] = true;
  }
  unsigned status = 200;
  if (problems != nullptr) {
    AddErrors(context, *problems, FieldOrder(type));
    status = 422;
  } else if (offered != nullptr && !offered->candidates.empty()) {
    status = 409;
  }
  std::string title = NewTitle(type);
  return Page(&who, request, problems != nullptr ? "Error: " + title : title, "records/new",
              context, status);
}

RecordBody RecordBodyFromForm(in::RecordType type, const FormData& f) {
  RecordBody body;
  body.type = type;
  body.confirm = f.Get("confirm") == "yes";
  body.person = {f.Get("name"),          NonEmptyLines(f.Get("aliases")),
                 f.Get("date_of_birth"), f.Get("age_from"),
                 f.Get("age_to"),        f.Get("sex"),
                 f.Get("ethnicity"),     f.Get("description"),
                 f.Get("status")};
  body.vehicle = {f.Get("registration"), f.Get("make"), f.Get("model"), f.Get("colour")};
  body.place = {f.Get("name"),     f.Get("type"),      f.Get("address"), f.Get("postcode"),
                f.Get("latitude"), f.Get("longitude"), f.Get("easting"), f.Get("northing")};
  body.phone = {f.Get("number")};
  body.account = {f.Get("platform"), f.Get("handle")};
  return body;
}

Response RecordsHandlers::CreateRecord(Request& request, const Principal& who) {
  auto type = in::RecordTypeFromPathSegment(request.Param("kind"));
  if (!type || *type == in::RecordType::kChild) return NotFoundPage(&who, request);
  auto decision = access::Decide(who.Subject(), access::Action::kManageRecords);
  if (!decision.allowed) {
    return Refuse(who, request, decision, access::Action::kManageRecords,
                  "Only intelligence officers create records of people, vehicles and places.");
  }
  auto form = ParseUrlEncoded(request.body);
  if (!form) return ErrorPage(&who, request, form.error());
  const auto& f = *form;
  auto created = DoCreateRecord(who, request, RecordBodyFromForm(*type, f));
  if (!created) {
    if (created.error().kind != ErrorKind::kInvalid) {
      return ErrorPage(&who, request, created.error());
    }
    return RecordFormPage(who, request, *type, f, &created.error(), nullptr);
  }
  if (created->id.empty()) return RecordFormPage(who, request, *type, f, nullptr, &*created);
  std::string back = SafeReturn(f.Get("return"));
  if (!back.empty()) {
    return Response::Redirect(back + "?created=" + std::string(in::ToCode(*type)) + ":" +
                              created->id);
  }
  return Response::Redirect(RecordHref(*type, created->id) + "?created=1");
}

Response RecordsHandlers::ViewRecord(Request& request, const Principal& who) {
  auto type = in::RecordTypeFromPathSegment(request.Param("kind"));
  if (!type || *type == in::RecordType::kChild) return NotFoundPage(&who, request);
  auto found = FindRecordFor(who, request, *type, request.Param("id"));
  if (!found) return ErrorPage(&who, request, found.error());
  return RecordPage(who, request, *found, nullptr, nullptr, 200);
}

Response RecordsHandlers::RecordPage(const Principal& who, const Request& request,
                                     const RecordAccess& found, const FormData* form,
                                     const Error* problems, unsigned status) {
  const auto& d = found.detail;
  mstch::array rows;
  for (const auto& r : d.rows) {
    if (r.value.empty()) continue;
    rows.push_back(mstch::map{{"key", r.key}, {"label", r.label}, {"value", r.value}});
  }
  mstch::array warnings;
  for (const auto& w : d.warnings) warnings.push_back(mstch::map{{"text", w}});
  mstch::array links = LinkRows(found.linked);
  mstch::map context{
      {"type", Str(in::ToCode(d.type))},
      {"kind_label", Str(in::Label(d.type))},
      {"id", d.id},
      {"label", d.label},
      {"rows", rows},
      {"warnings", warnings},
      {"has_warnings", !warnings.empty()},
      {"links", links},
      {"has_links", !links.empty()},
      {"can_link", found.manage},
      {"created", request.query.Get("created") == "1"},
      {"linked", request.query.Get("linked") == "1"},
      {"link_type_options",
       Options(LinkTypeOptions(), form != nullptr ? form->Get("link_type") : "")},
      {"to_type_options",
       Options(RecordTypeOptions(), form != nullptr ? form->Get("to_type") : "")},
  };
  // Disruption against people, places and vehicles (DISRUPTION's rows), for those who record it.
  auto subject = disruption::SubjectTypeFromCode(in::ToCode(d.type));
  if (subject && access::Decide(who.Subject(), access::Action::kRecordDisruption).allowed) {
    auto measures = disruption_.DisruptionEntries(*subject, d.id);
    if (!measures) return ErrorPage(&who, request, measures.error());
    context["disruption_section"] = true;
    context["has_disruption"] = !measures->empty();
    context["disruption"] = std::move(*measures);
    if (d.type == in::RecordType::kPlace) {
      auto place = records_.FindPlace(d.id);
      if (!place) return ErrorPage(&who, request, place.error());
      context["business_premises"] = *place && in::IsBusinessPremises((*place)->type);
    }
  }
  if (form != nullptr) AddValues(context, *form);
  if (problems != nullptr) AddErrors(context, *problems, kLinkFieldOrder);
  std::string title = std::string(in::Label(d.type)) + ": " + d.label;
  return Page(&who, request, problems != nullptr ? "Error: " + title : title, "records/record",
              context, status);
}

Response RecordsHandlers::LinkRecords(Request& request, const Principal& who) {
  auto decision = access::Decide(who.Subject(), access::Action::kManageRecords);
  if (!decision.allowed) {
    return Refuse(who, request, decision, access::Action::kManageRecords,
                  "Only intelligence officers link records.");
  }
  auto form = ParseUrlEncoded(request.body);
  if (!form) return ErrorPage(&who, request, form.error());
  RecordLinkBody body{Trim(form->Get("link_type")), Trim(form->Get("from_type")),
                      Trim(form->Get("from_id")),   Trim(form->Get("to_type")),
                      Trim(form->Get("to_id")),     Trim(form->Get("report_id"))};
  auto from_type = in::RecordTypeFromCode(body.from_type);
  if (!from_type || *from_type == in::RecordType::kChild) return NotFoundPage(&who, request);
  auto link = DoLinkRecords(who, request, body);
  if (link) return Response::Redirect(RecordHref(*from_type, body.from_id) + "?linked=1#links");
  if (link.error().kind != ErrorKind::kInvalid) return ErrorPage(&who, request, link.error());
  auto found = FindRecordFor(who, request, *from_type, body.from_id);
  if (!found) return ErrorPage(&who, request, found.error());
  return RecordPage(who, request, *found, &*form, &link.error(), StatusFor(link.error().kind));
}

}  // namespace harbour::web
