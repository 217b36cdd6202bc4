#include "web/tasks/task_json.h"

#include <array>
#include <map>

#include "tasks/task.h"
#include "web/parse/json_body.h"
#include "web/parse/json_members.h"

namespace harbour::web {

namespace {

constexpr std::array<std::string_view, 1> kOutcomeMembers = {"outcome"};

}  // namespace

Result<std::string> ParseOutcomeJson(std::string_view body) {
  auto parsed = ParseJsonObject(body);
  if (!parsed) return std::unexpected(parsed.error());
  std::map<std::string, std::string> errors;
  JsonMembers r(*parsed, "", errors);
  std::string outcome = r.Text("outcome", tasks::kMaxOutcome, /*multi_line=*/true);
  r.RefuseOthers(kOutcomeMembers, "Is not a field of this resource");
  if (!errors.empty()) return Invalid(std::move(errors), "Check the highlighted fields.");
  return outcome;
}

}  // namespace harbour::web
