#pragma once
// Tasks and reviews: "My tasks" with outcomes recorded on completion, the coordinator's area list
// of reviews due, and completing a task in the API.
#include <memory>
#include <nlohmann/json.hpp>

#include "tasks/task.h"
#include "web/core/handlers.h"
#include "web/core/routes.h"

namespace harbour::reference {
class Catalogue;
}  // namespace harbour::reference
namespace harbour::storage {
class ToolLibrary;
}  // namespace harbour::storage

namespace harbour::web {

class TasksHandlers;

// A task as the JSON API shows it (panel actions, assessment actions, completions): id, title,
// who, owner, child, source, due_at, status, overdue (at `now`), outcome and completion.
nlohmann::json TaskJson(const tasks::Task& task, Instant now);

class TasksArea {
 public:
  // Everything given must outlive the area and the router it registers on.
  TasksArea(const Core& core, storage::ToolLibrary& tools, const reference::Catalogue& catalogue);
  ~TasksArea();
  TasksArea(const TasksArea&) = delete;
  TasksArea& operator=(const TasksArea&) = delete;

  void Register(Routes& routes);

 private:
  std::unique_ptr<TasksHandlers> handlers_;
};

}  // namespace harbour::web
