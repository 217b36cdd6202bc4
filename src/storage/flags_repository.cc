#include "storage/flags_repository.h"

#include "common/ids.h"

namespace harbour::storage {

namespace {

constexpr const char* kSelect =
    "SELECT id, child_id, kind, start_date, end_date, panel_reference, added_by, added_at FROM "
    "child_flags ";

children::Flag FromRow(const soci::row& row) {
  children::Flag f;
  f.id = GetText(row, 0);
  f.child_id = GetText(row, 1);
  f.kind = children::FlagKindFromCode(GetText(row, 2))
               .value_or(children::FlagKind::kAtRiskOfSexualExploitation);
  auto start = ParseDate(GetText(row, 3));
  f.start = start ? *start : Date{};
  if (auto end = ParseDate(GetText(row, 4)); end) f.end = *end;
  f.panel_reference = GetText(row, 5);
  f.added_by = GetText(row, 6);
  f.added_at = GetInstant(row, 7);
  return f;
}

}  // namespace

void FlagsRepository::InsertIn(Transaction& tx, const children::Flag& f) {
  std::string kind(children::ToCode(f.kind)), start = FormatDate(f.start);
  std::string at = FormatRfc3339(f.added_at);
  tx.Sql() << "INSERT INTO child_flags (id, child_id, kind, start_date, panel_reference, "
              "added_by, added_at) VALUES (:id, :child, :kind, :start, :ref, :by, :at)",
      soci::use(f.id), soci::use(f.child_id), soci::use(kind), soci::use(start),
      soci::use(f.panel_reference), soci::use(f.added_by), soci::use(at);
}

bool FlagsRepository::EndIn(Transaction& tx, std::string_view flag_id, Date end,
                            std::string_view by, Instant at) {
  std::string id(flag_id), who(by), date = FormatDate(end), when = FormatRfc3339(at);
  soci::statement update =
      (tx.Sql().prepare << "UPDATE child_flags SET end_date = :end, ended_by = :by, ended_at = "
                           ":at WHERE id = :id AND end_date IS NULL",
       soci::use(date), soci::use(who), soci::use(when), soci::use(id));
  update.execute(true);
  return update.get_affected_rows() == 1;
}

Result<std::vector<children::Flag>> FlagsRepository::ForChild(std::string_view child_id) {
  return Guard("reading flags", [&]() -> Result<std::vector<children::Flag>> {
    soci::session sql(db_.Pool());
    std::string c(child_id);
    std::vector<children::Flag> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << kSelect << "WHERE child_id = :c ORDER BY start_date DESC, id",
         soci::use(c));
    for (const auto& row : rows) out.push_back(FromRow(row));
    return out;
  });
}

Result<std::map<std::string, std::vector<children::Flag>>> FlagsRepository::OpenFor(
    const std::vector<std::string>& child_ids) {
  return Guard(
      "reading flags", [&]() -> Result<std::map<std::string, std::vector<children::Flag>>> {
        std::map<std::string, std::vector<children::Flag>> out;
        // One query for a page of results. Record ids are 32 lower-case hex digits (IsValidId), so
        // they are written into the statement; anything else is skipped, never interpolated.
        std::string list;
        for (const auto& id : child_ids) {
          if (!IsValidId(id)) continue;
          list += (list.empty() ? "'" : ",'") + id + "'";
        }
        if (list.empty()) return out;
        soci::session sql(db_.Pool());
        soci::rowset<soci::row> rows =
            (sql.prepare << kSelect << "WHERE child_id IN (" << list << ") AND end_date IS NULL");
        for (const auto& row : rows) {
          children::Flag f = FromRow(row);
          out[f.child_id].push_back(std::move(f));
        }
        return out;
      });
}

}  // namespace harbour::storage
