// "My tasks" (a shared component: assessment actions now, panel actions later) and the
// coordinator's list of reviews due across the area.
#include "common/ids.h"
#include "web/core/view_helpers.h"
#include "web/tasks/handlers.h"
#include "web/tools/tools.h"

namespace harbour::web {

namespace {

constexpr int kDoneShown = 20;
constexpr int kReviewsShown = 500;

// Where a task came from, for its "From" link: the assessment, the panel's decisions in the
// child's chronology, or the child's missing episodes.
std::string SourceLabel(std::string_view source_type) {
  if (source_type == "assessment") return "The risk assessment";
  if (source_type == "panel") return "The panel's decision";
  if (source_type == "missing") return "The missing episodes";
  if (source_type == "disruption") return "The disruption measure";
  return "The child's record";
}

std::string SourceHref(const tasks::Task& t) {
  if (t.source_type == "disruption") return "/disruption/" + t.source_id;
  std::string child = "/children/" + t.child_id;
  if (t.source_type == "assessment") return child + "/assessments/" + t.source_id;
  if (t.source_type == "panel") return child + "/chronology?type=panel";
  if (t.source_type == "missing") return child + "/missing";
  return child;
}

mstch::map TaskRow(const tasks::Task& t, const reference::Catalogue& catalogue, Instant now,
                   const std::string& problem_id, const std::string& problem,
                   const std::string& typed) {
  auto timeliness = tasks::TimelinessOf(t, now);
  bool has_problem = problem_id == t.id;
  return mstch::map{
      {"id", t.id},
      {"title", t.title},
      {"who", tasks::WhoLabel(t.who, catalogue)},
      {"child_id", t.child_id},
      {"child_name", t.child_name},
      {"source_label", SourceLabel(t.source_type)},
      {"source_href", SourceHref(t)},
      {"due", FormatLondonDateTime(t.due_at)},
      {"overdue", timeliness == tasks::Timeliness::kOverdue},
      {"done", timeliness == tasks::Timeliness::kDone},
      {"outcome", t.outcome},
      {"completed_by", t.completed_by_name},
      {"completed_at", Str(t.completed_at ? FormatLondonDateTime(*t.completed_at) : "")},
      {"error", Str(has_problem ? problem : "")},
      {"typed", Str(has_problem ? typed : "")},
  };
}

}  // namespace

Response TasksHandlers::MyTasks(Request& request, const Principal& who) {
  return TasksPage(request, who, "", "", "");
}

Response TasksHandlers::TasksPage(Request& request, const Principal& who,
                                  const std::string& problem_id, const std::string& problem,
                                  const std::string& typed) {
  auto list = tasks_.AssignedTo(who.Subject(), kDoneShown);
  if (!list) return ErrorPage(&who, request, list.error());
  Instant now = clock_.Now();
  mstch::array open, done;
  int overdue = 0;
  for (const auto& t : *list) {
    mstch::map row = TaskRow(t, catalogue_, now, problem_id, problem, typed);
    if (t.status == tasks::TaskStatus::kDone) {
      done.push_back(row);
      continue;
    }
    if (tasks::TimelinessOf(t, now) == tasks::Timeliness::kOverdue) ++overdue;
    open.push_back(row);
  }
  if (!Audit(AuditEntry(who, request, "task.list", "user", who.user.id, "allowed", {},
                        std::to_string(list->size()) + " tasks listed"))) {
    return ErrorPage(&who, request,
                     Error{ErrorKind::kUnavailable,
                           "audit_unavailable",
                           "The service cannot record this view. Try again later.",
                           {}});
  }
  mstch::map context{{"open", open},
                     {"has_open", !open.empty()},
                     {"done", done},
                     {"has_done", !done.empty()},
                     {"overdue_count", overdue},
                     {"completed", request.query.Get("completed") == "1"}};
  if (!problem_id.empty()) {
    context["has_errors"] = true;
    context["errors"] =
        mstch::array{mstch::map{{"message", problem}, {"href", "#outcome-" + problem_id}}};
  }
  return Page(&who, request, problem_id.empty() ? "My tasks" : "Error: My tasks", "tasks/tasks",
              context, problem_id.empty() ? 200 : 422);
}

Result<tasks::Task> TasksHandlers::FindTaskFor(const Principal& who, const Request& request,
                                               std::string_view id) {
  if (!IsValidId(id)) return NotFound("There is no such task.");
  auto task = tasks_.Find(id);
  if (!task) return std::unexpected(task.error());
  if (!*task || !tasks::IsAssignedTo(**task, who.Subject())) {
    AuditRefusal(AboutChild(AuditEntry(who, request, "task.complete", "task", id, "refused", {},
                                       "not assigned to this user"),
                            *task ? (*task)->child_id : ""));
    return NotFound("There is no such task.");
  }
  return std::move(**task);
}

Result<tasks::Task> TasksHandlers::DoCompleteTask(const Principal& who, const Request& request,
                                                  const tasks::Task& task,
                                                  std::string_view outcome_text) {
  auto outcome = tasks::ValidateOutcome(outcome_text);
  if (!outcome) return std::unexpected(outcome.error());
  Instant now = clock_.Now();
  auto saved = Write("completing a task", [&](storage::Transaction& tx) -> Result<void> {
    if (!tasks_.CompleteIn(tx, task.id, *outcome, who.user.id, now)) {
      return Conflict("task_done", "This task has already been completed.");
    }
    AuditIn(tx, AboutChild(AuditEntry(who, request, "task.complete", "task", task.id, "allowed", {},
                                      "child " + task.child_id),
                           task.child_id));
    return {};
  });
  if (!saved) return std::unexpected(saved.error());
  tasks::Task done = task;
  done.status = tasks::TaskStatus::kDone;
  done.outcome = *outcome;
  done.completed_by = who.user.id;
  done.completed_at = now;
  done.completed_by_name = who.user.display_name;
  return done;
}

Response TasksHandlers::CompleteTask(Request& request, const Principal& who) {
  std::string id = request.Param("id");
  auto task = FindTaskFor(who, request, id);
  if (!task) {
    if (task.error().kind == ErrorKind::kNotFound) return NotFoundPage(&who, request);
    return ErrorPage(&who, request, task.error());
  }
  auto form = ParseUrlEncoded(request.body);
  if (!form) return ErrorPage(&who, request, form.error());
  auto done = DoCompleteTask(who, request, *task, form->Get("outcome"));
  if (done) return Response::Redirect("/tasks?completed=1");
  if (done.error().kind == ErrorKind::kInvalid && !done.error().fields.empty()) {
    return TasksPage(request, who, id, done.error().fields.begin()->second, form->Get("outcome"));
  }
  return ErrorPage(&who, request, done.error());
}

Response TasksHandlers::AreaReviews(Request& request, const Principal& who) {
  auto decision = access::Decide(who.Subject(), access::Action::kViewAreaReviews);
  if (!decision.allowed) {
    return Refuse(who, request, decision, access::Action::kViewAreaReviews,
                  "Only coordinators see the reviews due across the area.");
  }
  Date today = LondonDate(clock_.Now());
  Date horizon{std::chrono::sys_days{today} + std::chrono::days{assessments::kDueSoonDays}};
  auto due = assessments_.ReviewsDueBy(horizon, kReviewsShown);
  if (!due) return ErrorPage(&who, request, due.error());
  mstch::array overdue, soon;
  for (const auto& r : *due) {
    auto tool = tools_.Load(r.tool_id, r.tool_version);
    if (!tool) return ErrorPage(&who, request, tool.error());
    auto state = assessments::ReviewStateOf(r.next_review, today);
    auto days = (std::chrono::sys_days{today} - std::chrono::sys_days{r.next_review}).count();
    mstch::map row{
        {"child_id", r.child_id},
        {"child_name", r.child_name},
        {"level", LevelTag(**tool, r.level)},
        {"next_review", FormatLongDate(r.next_review)},
        {"days_overdue", static_cast<int>(days)},
        {"assessed_by", r.assessed_by_name},
        {"agency", r.agency_name},
        {"assessment_href", "/children/" + r.child_id + "/assessments/" + r.assessment_id}};
    (state == assessments::ReviewState::kOverdue ? overdue : soon).push_back(row);
  }
  if (!Audit(AuditEntry(who, request, "review.area", "area", "", "allowed", decision.purpose,
                        std::to_string(overdue.size()) + " overdue, " +
                            std::to_string(soon.size()) + " due soon"))) {
    return ErrorPage(&who, request,
                     Error{ErrorKind::kUnavailable,
                           "audit_unavailable",
                           "The service cannot record this view. Try again later.",
                           {}});
  }
  return Page(&who, request, "Reviews due", "tasks/reviews",
              mstch::map{{"overdue", overdue},
                         {"has_overdue", !overdue.empty()},
                         {"overdue_count", static_cast<int>(overdue.size())},
                         {"soon", soon},
                         {"has_soon", !soon.empty()},
                         {"due_soon_days", assessments::kDueSoonDays},
                         {"truncated", due->size() >= static_cast<std::size_t>(kReviewsShown)}});
}

}  // namespace harbour::web
