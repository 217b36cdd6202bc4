#include "web/children/child_json.h"

#include <string>
#include <vector>

#include "web/parse/json_body.h"
#include "web/parse/json_members.h"

namespace harbour::web {

namespace {

// The form's aliases box: one alias per line.
std::string OnePerLine(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& line : lines) out += line + "\n";
  return out;
}

}  // namespace

Result<children::ChildInput> ParseChildJson(std::string_view body) {
  auto object = ParseJsonObject(body);
  if (!object) return std::unexpected(object.error());
  JsonText r(*object);
  children::ChildInput in;
  in.given_name = r.Text("given_name");
  in.family_name = r.Text("family_name");
  in.aliases = OnePerLine(r.TextList("aliases"));
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
  in.confirmed_different = r.Boolean("confirmed_different");
  if (auto errors = r.Errors(); !errors.empty()) return Invalid(std::move(errors));
  return in;
}

}  // namespace harbour::web
