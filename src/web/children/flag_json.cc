#include "web/children/flag_json.h"

#include <array>
#include <map>
#include <utility>

#include "web/parse/json_body.h"
#include "web/parse/json_members.h"

namespace harbour::web {
namespace {

constexpr std::array<std::string_view, 3> kFlagMembers = {"kind", "start_date", "panel_reference"};
constexpr std::array<std::string_view, 1> kEndMembers = {"end_date"};
constexpr std::string_view kNotAMember = "Is not a field of this resource";

}  // namespace

Result<children::FlagInput> ParseFlagJson(std::string_view body) {
  auto parsed = ParseJsonObject(body);
  if (!parsed) return std::unexpected(parsed.error());
  std::map<std::string, std::string> errors;
  JsonMembers r(*parsed, "", errors);
  children::FlagInput out;
  out.kind = r.Text("kind", kMaxFlagTextChars, /*multi_line=*/false);
  out.start = r.Text("start_date", kMaxFlagTextChars, /*multi_line=*/false);
  out.panel_reference = r.Text("panel_reference", kMaxFlagTextChars, /*multi_line=*/true);
  r.RefuseOthers(kFlagMembers, kNotAMember);
  if (!errors.empty()) return Invalid(std::move(errors), "Check the highlighted fields.");
  return out;
}

Result<std::string> ParseFlagEndJson(std::string_view body) {
  auto parsed = ParseJsonObject(body);
  if (!parsed) return std::unexpected(parsed.error());
  std::map<std::string, std::string> errors;
  JsonMembers r(*parsed, "", errors);
  std::string end = r.Text("end_date", kMaxFlagTextChars, /*multi_line=*/false);
  r.RefuseOthers(kEndMembers, kNotAMember);
  if (!errors.empty()) return Invalid(std::move(errors), "Check the highlighted fields.");
  return end;
}

}  // namespace harbour::web
