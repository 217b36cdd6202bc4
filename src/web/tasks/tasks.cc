#include "web/tasks/tasks.h"

#include "web/tasks/handlers.h"

namespace harbour::web {

TasksArea::TasksArea(const Core& core, storage::ToolLibrary& tools,
                     const reference::Catalogue& catalogue)
    : handlers_(std::make_unique<TasksHandlers>(core, tools, catalogue)) {}

TasksArea::~TasksArea() = default;

nlohmann::json TaskJson(const tasks::Task& t, Instant now) {
  using nlohmann::json;
  auto timeliness = tasks::TimelinessOf(t, now);
  return json{
      {"id", t.id},
      {"title", t.title},
      {"who", t.who},
      {"owner", t.assigned_user.empty() ? json(nullptr) : json(t.assigned_user)},
      {"child_id", t.child_id},
      {"child_name", t.child_name},
      {"source_type", t.source_type},
      {"source_id", t.source_id},
      {"due_at", FormatRfc3339(t.due_at)},
      {"status", tasks::ToCode(t.status)},
      {"overdue", timeliness == tasks::Timeliness::kOverdue},
      {"outcome", t.outcome},
      {"completed_at", t.completed_at ? json(FormatRfc3339(*t.completed_at)) : json(nullptr)},
      {"completed_by", t.completed_by_name},
  };
}

void TasksArea::Register(Routes& routes) {
  auto* h = handlers_.get();
  routes.Page(Method::kGet, "/tasks", h, &TasksHandlers::MyTasks);
  routes.Page(Method::kPost, "/tasks/{id}", h, &TasksHandlers::CompleteTask);
  routes.Page(Method::kGet, "/reviews", h, &TasksHandlers::AreaReviews);
  routes.Api(Method::kPost, "/api/v1/tasks/{id}/complete", h, &TasksHandlers::ApiCompleteTask);
}

}  // namespace harbour::web
