#pragma once
// Persistence of tasks (tasks/task.h). A task is inserted open and completed once: the UPDATE
// only matches open tasks, so an outcome is never overwritten.
#include <optional>
#include <vector>

#include "access/policy.h"
#include "common/error.h"
#include "storage/database.h"
#include "tasks/task.h"

namespace harbour::storage {

class TasksRepository {
 public:
  explicit TasksRepository(Database& db) : db_(db) {}

  void InsertIn(Transaction& tx, const tasks::Task& task);
  // Records the outcome of an open task; false when the task is not open (or absent).
  bool CompleteIn(Transaction& tx, std::string_view task_id, std::string_view outcome,
                  std::string_view by, Instant at);
  Result<std::optional<tasks::Task>> Find(std::string_view id);
  // Tasks assigned to the subject by name or by role (and agency): open ones soonest due first,
  // then up to `done_limit` done ones, most recently completed first.
  Result<std::vector<tasks::Task>> AssignedTo(const access::Subject& subject, int done_limit);
  // Every task of one source (an assessment's actions), in due order.
  Result<std::vector<tasks::Task>> ForSource(std::string_view source_type,
                                             std::string_view source_id);
  // Open tasks of one kind of source across the area (the coordinator's list of the panel's
  // actions), soonest due first, at most `limit`.
  Result<std::vector<tasks::Task>> OpenOfType(std::string_view source_type, int limit);
  // Every task of one kind of source about one child (its chronology), in due order.
  Result<std::vector<tasks::Task>> ForChild(std::string_view child_id,
                                            std::string_view source_type);

 private:
  Database& db_;
};

}  // namespace harbour::storage
