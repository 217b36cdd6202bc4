#include "storage/tasks_repository.h"

#include <string>

namespace harbour::storage {

namespace {

constexpr const char* kSelect =
    "SELECT t.id, t.child_id, t.source_type, t.source_id, t.title, t.who, t.assigned_user, "
    "t.assigned_role, t.assigned_agency, t.due_at, t.status, t.outcome, t.completed_by, "
    "t.completed_at, t.created_by, t.created_at, c.given_name, c.family_name, u.display_name, "
    "t.created_by_agency, cu.display_name, ca.name FROM tasks t LEFT JOIN children c ON c.id = "
    "t.child_id LEFT JOIN users u ON u.id = t.completed_by LEFT JOIN users cu ON cu.id = "
    "t.created_by LEFT JOIN agencies ca ON ca.id = t.created_by_agency ";

tasks::Task FromRow(const soci::row& row) {
  tasks::Task t;
  t.id = GetText(row, 0);
  t.child_id = GetText(row, 1);
  t.source_type = GetText(row, 2);
  t.source_id = GetText(row, 3);
  t.title = GetText(row, 4);
  t.who = GetText(row, 5);
  t.assigned_user = GetText(row, 6);
  t.assigned_role = GetText(row, 7);
  t.assigned_agency = GetText(row, 8);
  t.due_at = GetInstant(row, 9);
  t.status = tasks::TaskStatusFromCode(GetText(row, 10)).value_or(tasks::TaskStatus::kOpen);
  t.outcome = GetText(row, 11);
  t.completed_by = GetText(row, 12);
  t.completed_at = GetOptionalInstant(row, 13);
  t.created_by = GetText(row, 14);
  t.created_at = GetInstant(row, 15);
  // A task about no child (a disruption's expiry reminder) has no child name.
  t.child_name = t.child_id.empty() ? "" : GetText(row, 16) + " " + GetText(row, 17);
  t.completed_by_name = GetText(row, 18);
  t.created_by_agency = GetText(row, 19);
  t.created_by_name = GetText(row, 20);
  t.created_by_agency_name = GetText(row, 21);
  return t;
}

}  // namespace

void TasksRepository::InsertIn(Transaction& tx, const tasks::Task& t) {
  NullableText user(t.assigned_user), role(t.assigned_role), agency(t.assigned_agency);
  NullableText child(t.child_id);
  NullableText creator_agency(t.created_by_agency);  // empty: the creator's agency now
  std::string due = FormatRfc3339(t.due_at), created = FormatRfc3339(t.created_at);
  std::string status(tasks::ToCode(t.status));
  tx.Sql() << "INSERT INTO tasks (id, child_id, source_type, source_id, title, who, "
              "assigned_user, assigned_role, assigned_agency, due_at, status, outcome, "
              "created_by, created_by_agency, created_at) VALUES (:id, :child, :st, :sid, :title, "
              ":who, :user, :role, :agency, :due, :status, '', :by, COALESCE(:by_agency, (SELECT "
              "agency_id FROM users WHERE id = :by2)), :at)",
      soci::use(t.id), soci::use(child.value, child.indicator), soci::use(t.source_type),
      soci::use(t.source_id), soci::use(t.title), soci::use(t.who),
      soci::use(user.value, user.indicator), soci::use(role.value, role.indicator),
      soci::use(agency.value, agency.indicator), soci::use(due), soci::use(status),
      soci::use(t.created_by), soci::use(creator_agency.value, creator_agency.indicator),
      soci::use(t.created_by), soci::use(created);
}

bool TasksRepository::CompleteIn(Transaction& tx, std::string_view task_id,
                                 std::string_view outcome, std::string_view by, Instant at) {
  std::string id(task_id), text(outcome), who(by), when = FormatRfc3339(at);
  soci::statement update =
      (tx.Sql().prepare << "UPDATE tasks SET status = 'done', outcome = :o, completed_by = :by, "
                           "completed_at = :at WHERE id = :id AND status = 'open'",
       soci::use(text), soci::use(who), soci::use(when), soci::use(id));
  update.execute(true);
  return update.get_affected_rows() == 1;
}

Result<std::optional<tasks::Task>> TasksRepository::Find(std::string_view id) {
  return Guard("reading a task", [&]() -> Result<std::optional<tasks::Task>> {
    soci::session sql(db_.Pool());
    std::string v(id);
    std::optional<tasks::Task> found;
    soci::rowset<soci::row> rows = (sql.prepare << kSelect << "WHERE t.id = :id", soci::use(v));
    for (const auto& row : rows) found = FromRow(row);
    return found;
  });
}

Result<std::vector<tasks::Task>> TasksRepository::AssignedTo(const access::Subject& subject,
                                                             int done_limit) {
  return Guard("reading tasks", [&]() -> Result<std::vector<tasks::Task>> {
    soci::session sql(db_.Pool());
    std::string user = subject.user_id, role(access::ToCode(subject.role));
    std::string agency = subject.agency_id;
    std::string user2 = user, role2 = role, agency2 = agency;
    constexpr const char* kMine =
        "(t.assigned_user = :user OR (t.assigned_user IS NULL AND t.assigned_role = :role AND "
        "(t.assigned_agency IS NULL OR t.assigned_agency = :agency))) ";
    std::vector<tasks::Task> out;
    {
      soci::rowset<soci::row> rows = (sql.prepare << kSelect << "WHERE t.status = 'open' AND "
                                                  << kMine << "ORDER BY t.due_at, t.id",
                                      soci::use(user), soci::use(role), soci::use(agency));
      for (const auto& row : rows) out.push_back(FromRow(row));
    }
    soci::rowset<soci::row> done =
        (sql.prepare << kSelect << "WHERE t.status = 'done' AND " << kMine
                     << "ORDER BY t.completed_at DESC, t.id LIMIT :n",
         soci::use(user2), soci::use(role2), soci::use(agency2), soci::use(done_limit));
    for (const auto& row : done) out.push_back(FromRow(row));
    return out;
  });
}

Result<std::vector<tasks::Task>> TasksRepository::ForSource(std::string_view source_type,
                                                            std::string_view source_id) {
  return Guard("reading tasks", [&]() -> Result<std::vector<tasks::Task>> {
    soci::session sql(db_.Pool());
    std::string type(source_type), id(source_id);
    std::vector<tasks::Task> out;
    soci::rowset<soci::row> rows = (sql.prepare << kSelect
                                                << "WHERE t.source_type = :t AND t.source_id = :s "
                                                   "ORDER BY t.due_at, t.id",
                                    soci::use(type), soci::use(id));
    for (const auto& row : rows) out.push_back(FromRow(row));
    return out;
  });
}

Result<std::vector<tasks::Task>> TasksRepository::OpenOfType(std::string_view source_type,
                                                             int limit) {
  return Guard("reading tasks", [&]() -> Result<std::vector<tasks::Task>> {
    soci::session sql(db_.Pool());
    std::string type(source_type);
    std::vector<tasks::Task> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << kSelect
                     << "WHERE t.source_type = :t AND t.status = 'open' ORDER BY t.due_at, t.id "
                        "LIMIT :n",
         soci::use(type), soci::use(limit));
    for (const auto& row : rows) out.push_back(FromRow(row));
    return out;
  });
}

Result<std::vector<tasks::Task>> TasksRepository::ForChild(std::string_view child_id,
                                                           std::string_view source_type) {
  return Guard("reading tasks", [&]() -> Result<std::vector<tasks::Task>> {
    soci::session sql(db_.Pool());
    std::string child(child_id), type(source_type);
    std::vector<tasks::Task> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << kSelect
                     << "WHERE t.child_id = :c AND t.source_type = :t ORDER BY t.due_at, t.id",
         soci::use(child), soci::use(type));
    for (const auto& row : rows) out.push_back(FromRow(row));
    return out;
  });
}

}  // namespace harbour::storage
