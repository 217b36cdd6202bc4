#pragma once
// Tasks: something someone must do for a child by a due time, and what came of it (issue 3's
// required actions; the panel's actions reuse it). A task is assigned to one user, or to a role
// (optionally within one agency) so that whoever holds the role picks it up. Pure.
#include <optional>
#include <string>

#include "access/policy.h"
#include "common/codes.h"
#include "common/error.h"
#include "common/time.h"
#include "reference/catalogue.h"

namespace harbour::tasks {

enum class TaskStatus { kOpen, kDone };
inline constexpr auto kTaskStatusCodes = MakeCodeTable<TaskStatus>({
    {TaskStatus::kOpen, "open"},
    {TaskStatus::kDone, "done"},
});
static_assert(IsCompleteCodeTable<kTaskStatusCodes>());
constexpr std::string_view ToCode(TaskStatus status) { return kTaskStatusCodes.Code(status); }
constexpr std::optional<TaskStatus> TaskStatusFromCode(std::string_view code) {
  return kTaskStatusCodes.FromCode(code);
}

struct Task {
  std::string id;
  std::string child_id;     // empty for a task about no child (a disruption's expiry reminder)
  std::string source_type;  // "assessment", "panel", "missing", "disruption"
  std::string source_id;
  std::string title;            // the action's text
  std::string who;              // the action's "who" as the tool wrote it
  std::string assigned_user;    // user id, or empty
  std::string assigned_role;    // role code, or empty
  std::string assigned_agency;  // agency id, or empty (with a role: that agency's holders only)
  Instant due_at{};
  TaskStatus status = TaskStatus::kOpen;
  std::string outcome;  // done only
  std::string completed_by;
  std::optional<Instant> completed_at;
  std::string created_by;
  // The agency the creator recorded the task for, as they were at the time; storage takes the
  // creator's agency when it is left empty.
  std::string created_by_agency;
  Instant created_at{};
  // For display, filled by storage.
  std::string child_name;
  std::string completed_by_name;
  std::string created_by_name;
  std::string created_by_agency_name;
};

// Who carries out a tool's action, from its "who": a safeguarding lead's action goes to the
// assessor's agency's safeguarding leads, a coordinator's to every coordinator; anything else
// (the practitioner, or another agency such as "police") stays with the assessor, who makes
// sure it happens.
struct Assignment {
  std::string user;
  std::string role;
  std::string agency;
};
Assignment AssignAction(std::string_view who, std::string_view assessor_id,
                        std::string_view assessor_agency);

// Who carries out an action or task, for people: a role's label ("Safeguarding lead"), an agency
// type's label ("Police"), or the text as the tool wrote it.
std::string WhoLabel(std::string_view who, const reference::Catalogue& catalogue);

// True when the task is this user's to do: theirs by name, or their role's (in their agency,
// when the task names one).
bool IsAssignedTo(const Task& task, const access::Subject& subject);

enum class Timeliness { kDue, kOverdue, kDone };
inline constexpr auto kTimelinessCodes = MakeCodeTable<Timeliness>({
    {Timeliness::kDue, "due"},
    {Timeliness::kOverdue, "overdue"},
    {Timeliness::kDone, "done"},
});
static_assert(IsCompleteCodeTable<kTimelinessCodes>());
constexpr std::string_view ToCode(Timeliness timeliness) {
  return kTimelinessCodes.Code(timeliness);
}
Timeliness TimelinessOf(const Task& task, Instant now);

inline constexpr std::size_t kMaxOutcome = 4000;
// The outcome recorded when a task is done: 1..kMaxOutcome characters after trimming.
// kInvalid with field "outcome".
Result<std::string> ValidateOutcome(std::string_view text);

}  // namespace harbour::tasks
