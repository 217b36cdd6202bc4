#include "tasks/task.h"

#include "common/text.h"

namespace harbour::tasks {

Assignment AssignAction(std::string_view who, std::string_view assessor_id,
                        std::string_view assessor_agency) {
  if (who == access::ToCode(access::Role::kSafeguardingLead)) {
    return {"", std::string(who), std::string(assessor_agency)};
  }
  if (who == access::ToCode(access::Role::kCoordinator)) return {"", std::string(who), ""};
  return {std::string(assessor_id), "", ""};
}

std::string WhoLabel(std::string_view who, const reference::Catalogue& catalogue) {
  if (auto role = access::RoleFromCode(who)) return std::string(access::Label(*role));
  if (const auto* type = catalogue.FindAgencyType(who)) return type->label;
  return std::string(who);
}

bool IsAssignedTo(const Task& task, const access::Subject& subject) {
  if (!task.assigned_user.empty()) return task.assigned_user == subject.user_id;
  if (task.assigned_role.empty() || task.assigned_role != access::ToCode(subject.role)) {
    return false;
  }
  return task.assigned_agency.empty() || task.assigned_agency == subject.agency_id;
}

Timeliness TimelinessOf(const Task& task, Instant now) {
  if (task.status == TaskStatus::kDone) return Timeliness::kDone;
  return now > task.due_at ? Timeliness::kOverdue : Timeliness::kDue;
}

Result<std::string> ValidateOutcome(std::string_view text) {
  auto checked = CheckedFreeText(text, "Enter what was done", "The outcome", kMaxOutcome);
  if (!checked) return Invalid({{"outcome", checked.error()}});
  return std::move(*checked);
}

}  // namespace harbour::tasks
