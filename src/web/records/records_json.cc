#include "web/records/records_json.h"

#include <array>
#include <map>
#include <utility>

#include "common/text.h"
#include "web/parse/json_body.h"
#include "web/parse/json_members.h"

namespace harbour::web {
namespace {

using nlohmann::json;
using Errors = std::map<std::string, std::string>;
namespace in = harbour::intelligence;

constexpr std::array<std::string_view, 10> kPersonMembers = {
    "name", "aliases",   "date_of_birth", "age_from", "age_to",
    "sex",  "ethnicity", "description",   "status",   "confirm"};
constexpr std::array<std::string_view, 5> kVehicleMembers = {"registration", "make", "model",
                                                             "colour", "confirm"};
constexpr std::array<std::string_view, 9> kPlaceMembers = {"name",     "type",     "address",
                                                           "postcode", "latitude", "longitude",
                                                           "easting",  "northing", "confirm"};
constexpr std::array<std::string_view, 2> kPhoneMembers = {"number", "confirm"};
constexpr std::array<std::string_view, 3> kAccountMembers = {"platform", "handle", "confirm"};
constexpr std::array<std::string_view, 6> kLinkMembers = {"link_type", "from_type", "from_id",
                                                          "to_type",   "to_id",     "report_id"};
constexpr std::string_view kNotAField = "Is not a field of this resource";

// A whole number member as text ("" when absent or null).
std::string WholeNumber(JsonMembers& r, std::string_view name) {
  const json* value = r.Find(name);
  if (value == nullptr) return {};
  if (value->is_number_integer() || value->is_number_unsigned()) return value->dump();
  r.Problem(name, "Must be a whole number");
  return {};
}

// A number member as text, exactly as JSON wrote it back ("" when absent or null); the domain
// parses it strictly (an exponent form is refused there).
std::string Number(JsonMembers& r, std::string_view name) {
  const json* value = r.Find(name);
  if (value == nullptr) return {};
  if (value->is_number()) return value->dump();
  r.Problem(name, "Must be a number");
  return {};
}

bool Flag(JsonMembers& r, std::string_view name) {
  const json* value = r.Find(name);
  if (value == nullptr) return false;
  if (value->is_boolean()) return value->get<bool>();
  r.Problem(name, "Must be true or false");
  return false;
}

std::vector<std::string> Aliases(JsonMembers& r, std::string_view name) {
  const json* value = r.Find(name);
  std::vector<std::string> out;
  if (value == nullptr) return out;
  if (!value->is_array()) {
    r.Problem(name, "Must be a list of names");
    return out;
  }
  if (value->size() > in::kMaxAliases) {
    r.Problem(name, "Must list " + std::to_string(in::kMaxAliases) + " names or fewer");
    return out;
  }
  for (const json& item : *value) {
    if (!item.is_string()) {
      r.Problem(name, "Must be a list of names");
      return {};
    }
    const auto& text = item.get_ref<const std::string&>();
    if (!IsValidUtf8(text) || HasControlCharacters(text, false)) {
      r.Problem(name, "Must not contain control characters");
      return {};
    }
    if (CharacterCount(text) > in::kMaxRecordName) {
      r.Problem(name,
                "Each name must be " + std::to_string(in::kMaxRecordName) + " characters or fewer");
      return {};
    }
    out.push_back(Trim(text));
  }
  return out;
}

}  // namespace

Result<RecordBody> ParseRecordJson(in::RecordType type, std::string_view body) {
  auto parsed = ParseJsonObject(body);
  if (!parsed) return std::unexpected(parsed.error());
  Errors errors;
  JsonMembers r(*parsed, "", errors);
  RecordBody out;
  out.type = type;
  switch (type) {
    case in::RecordType::kPerson: {
      auto& p = out.person;
      p.name = r.Text("name", in::kMaxRecordName);
      p.aliases = Aliases(r, "aliases");
      p.date_of_birth = r.Text("date_of_birth", kMaxRecordCodeChars);
      p.age_from = WholeNumber(r, "age_from");
      p.age_to = WholeNumber(r, "age_to");
      p.sex = r.Text("sex", kMaxRecordCodeChars);
      p.ethnicity = r.Text("ethnicity", kMaxRecordCodeChars);
      p.description = r.Text("description", in::kMaxDescription, /*multi_line=*/true);
      p.status = r.Text("status", kMaxRecordCodeChars);
      r.RefuseOthers(kPersonMembers, kNotAField);
      break;
    }
    case in::RecordType::kVehicle: {
      auto& v = out.vehicle;
      v.registration = r.Text("registration", in::kMaxIdentifier);
      v.make = r.Text("make", in::kMaxVehicleText);
      v.model = r.Text("model", in::kMaxVehicleText);
      v.colour = r.Text("colour", in::kMaxVehicleText);
      r.RefuseOthers(kVehicleMembers, kNotAField);
      break;
    }
    case in::RecordType::kPlace: {
      auto& p = out.place;
      p.name = r.Text("name", in::kMaxRecordName);
      p.type = r.Text("type", kMaxRecordCodeChars);
      p.address = r.Text("address", in::kMaxAddress, /*multi_line=*/true);
      p.postcode = r.Text("postcode", in::kMaxIdentifier);
      p.latitude = Number(r, "latitude");
      p.longitude = Number(r, "longitude");
      p.easting = Number(r, "easting");
      p.northing = Number(r, "northing");
      r.RefuseOthers(kPlaceMembers, kNotAField);
      break;
    }
    case in::RecordType::kPhone:
      out.phone.number = r.Text("number", in::kMaxIdentifier);
      r.RefuseOthers(kPhoneMembers, kNotAField);
      break;
    case in::RecordType::kAccount:
      out.account.platform = r.Text("platform", kMaxRecordCodeChars);
      out.account.handle = r.Text("handle", in::kMaxIdentifier);
      r.RefuseOthers(kAccountMembers, kNotAField);
      break;
    case in::RecordType::kChild:
      return Fail(ErrorKind::kNotFound, "not_found", "Children have their own API.");
  }
  out.confirm = Flag(r, "confirm");
  if (!errors.empty()) return Invalid(std::move(errors));
  return out;
}

Result<RecordLinkBody> ParseRecordLinkJson(std::string_view body) {
  auto parsed = ParseJsonObject(body);
  if (!parsed) return std::unexpected(parsed.error());
  Errors errors;
  JsonMembers r(*parsed, "", errors);
  RecordLinkBody out;
  out.link_type = r.Text("link_type", kMaxRecordCodeChars);
  out.from_type = r.Text("from_type", kMaxRecordCodeChars);
  out.from_id = r.Text("from_id", kMaxRecordCodeChars);
  out.to_type = r.Text("to_type", kMaxRecordCodeChars);
  out.to_id = r.Text("to_id", kMaxRecordCodeChars);
  out.report_id = r.Text("report_id", kMaxRecordCodeChars);
  r.RefuseOthers(kLinkMembers, kNotAField);
  if (!errors.empty()) return Invalid(std::move(errors));
  return out;
}

}  // namespace harbour::web
