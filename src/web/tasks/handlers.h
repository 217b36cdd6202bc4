#pragma once
// Tasks and reviews: "My tasks" with outcomes recorded on completion, the coordinator's area list
// of reviews due, and completing a task in the API. The handlers behind web/tasks/tasks.h; included
// only inside web/tasks/.
#include <string>

#include "reference/catalogue.h"
#include "storage/assessments_repository.h"
#include "storage/tasks_repository.h"
#include "storage/tool_library.h"
#include "tasks/task.h"
#include "web/core/handlers.h"

namespace harbour::web {

class TasksHandlers : public AreaHandlers {
 public:
  TasksHandlers(const Core& core, storage::ToolLibrary& tools,
                const reference::Catalogue& catalogue)
      : AreaHandlers(core), tools_(tools), catalogue_(catalogue) {}

  // Tasks and reviews (tasks_handlers.cc).
  Response MyTasks(Request& request, const Principal& who);
  // The tasks page; a failed completion shows its message and the typed outcome on that task.
  Response TasksPage(Request& request, const Principal& who, const std::string& problem_id,
                     const std::string& problem, const std::string& typed);
  Response CompleteTask(Request& request, const Principal& who);
  Response AreaReviews(Request& request, const Principal& who);
  Response ApiCompleteTask(Request& request, const Principal& who);

  // Task verbs shared by "My tasks" and the API (tasks_handlers.cc). FindTaskFor: the task
  // `id` when it is assigned to the caller (by name or role), else kNotFound (an existing task
  // of someone else's is audited as a refused "task.complete"). DoCompleteTask validates the
  // outcome (kInvalid field "outcome"), completes the task with its audit entry in one
  // transaction (kConflict "task_done" when it is already done) and returns it as completed.
  Result<tasks::Task> FindTaskFor(const Principal& who, const Request& request,
                                  std::string_view id);
  Result<tasks::Task> DoCompleteTask(const Principal& who, const Request& request,
                                     const tasks::Task& task, std::string_view outcome);

 private:
  storage::ToolLibrary& tools_;
  const reference::Catalogue& catalogue_;
  storage::TasksRepository tasks_{db_};
  storage::AssessmentsRepository assessments_{db_};
};

}  // namespace harbour::web
