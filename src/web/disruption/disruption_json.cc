#include "web/disruption/disruption_json.h"

#include <array>
#include <map>
#include <string>
#include <utility>

#include "common/text.h"
#include "web/parse/json_body.h"
#include "web/parse/json_members.h"

namespace harbour::web {
namespace {

using nlohmann::json;
using Errors = std::map<std::string, std::string>;

constexpr std::array<std::string_view, 11> kDisruptionMembers = {
    "measure", "subject_type", "subject_id", "date",     "by_agency", "officer",
    "outcome", "expiry",       "no_expiry",  "child_id", "notes"};
constexpr std::array<std::string_view, 7> kVisitMembers = {
    "place_id",        "date",     "visiting_agencies", "awareness_pack_given", "staff_spoken_to",
    "concerns_raised", "follow_up"};

bool Flag(JsonMembers& r, std::string_view name) {
  const json* value = r.Find(name);
  if (value == nullptr) return false;
  if (!value->is_boolean()) {
    r.Problem(name, "Must be true or false");
    return false;
  }
  return value->get<bool>();
}

}  // namespace

Result<disruption::DisruptionInput> ParseDisruptionJson(std::string_view body) {
  auto parsed = ParseJsonObject(body);
  if (!parsed) return std::unexpected(parsed.error());
  Errors errors;
  JsonMembers r(*parsed, "", errors);
  disruption::DisruptionInput out;
  out.measure = r.Text("measure", kMaxDisruptionCodeChars);
  out.subject_type = r.Text("subject_type", kMaxDisruptionCodeChars);
  out.subject_id = r.Text("subject_id", kMaxDisruptionCodeChars);
  out.date = r.Text("date", kMaxDisruptionCodeChars);
  out.by_agency = r.Text("by_agency", kMaxDisruptionCodeChars);
  out.officer = r.Text("officer", disruption::kMaxShortText);
  out.outcome = r.Text("outcome", disruption::kMaxLongText, /*multi_line=*/true);
  out.expiry = r.Text("expiry", kMaxDisruptionCodeChars);
  out.no_expiry = Flag(r, "no_expiry");
  out.child_id = r.Text("child_id", kMaxDisruptionCodeChars);
  out.notes = r.Text("notes", disruption::kMaxLongText, /*multi_line=*/true);
  r.RefuseOthers(kDisruptionMembers, "Is not a field of this resource");
  if (!errors.empty()) return Invalid(std::move(errors));
  return out;
}

Result<disruption::VisitInput> ParseVisitJson(std::string_view body) {
  auto parsed = ParseJsonObject(body);
  if (!parsed) return std::unexpected(parsed.error());
  Errors errors;
  JsonMembers r(*parsed, "", errors);
  disruption::VisitInput out;
  out.place_id = r.Text("place_id", kMaxDisruptionCodeChars);
  out.date = r.Text("date", kMaxDisruptionCodeChars);
  if (const json* agencies = r.Find("visiting_agencies")) {
    if (!agencies->is_array() || agencies->size() > kMaxVisitingAgencies) {
      r.Problem("visiting_agencies", "Must be a list of at most " +
                                         std::to_string(kMaxVisitingAgencies) + " agency ids");
    } else {
      for (const json& id : *agencies) {
        if (!id.is_string()) {
          r.Problem("visiting_agencies", "Must be a list of agency ids (strings)");
          out.visiting_agencies.clear();
          break;
        }
        std::string text = Trim(id.get_ref<const std::string&>());
        if (text.size() > kMaxDisruptionCodeChars || !IsValidUtf8(text) ||
            HasControlCharacters(text)) {
          r.Problem("visiting_agencies", "Each agency id must be " +
                                             std::to_string(kMaxDisruptionCodeChars) +
                                             " characters or fewer, without control characters");
          out.visiting_agencies.clear();
          break;
        }
        out.visiting_agencies.push_back(std::move(text));
      }
    }
  }
  out.awareness_pack_given = Flag(r, "awareness_pack_given");
  out.staff_spoken_to = r.Text("staff_spoken_to", disruption::kMaxLongText, /*multi_line=*/true);
  out.concerns_raised = r.Text("concerns_raised", disruption::kMaxLongText, /*multi_line=*/true);
  out.follow_up = r.Text("follow_up", disruption::kMaxLongText, /*multi_line=*/true);
  r.RefuseOthers(kVisitMembers, "Is not a field of this resource");
  if (!errors.empty()) return Invalid(std::move(errors));
  return out;
}

}  // namespace harbour::web
