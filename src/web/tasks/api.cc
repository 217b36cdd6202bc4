// Completing a task in the JSON API (a panel action or a risk assessment's action).
#include "web/core/errors.h"
#include "web/tasks/handlers.h"
#include "web/tasks/task_json.h"
#include "web/tasks/tasks.h"

namespace harbour::web {

Response TasksHandlers::ApiCompleteTask(Request& request, const Principal& who) {
  auto task = FindTaskFor(who, request, request.Param("id"));
  if (!task) return JsonError(task.error());
  if (!IsJson(request)) return JsonError(NotJson());
  auto outcome = ParseOutcomeJson(request.body);
  if (!outcome) return JsonError(outcome.error());
  auto done = DoCompleteTask(who, request, *task, *outcome);
  if (!done) return JsonError(done.error());
  return Response::Json(200, TaskJson(*done, clock_.Now()).dump());
}

}  // namespace harbour::web
