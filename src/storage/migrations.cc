#include "storage/migrations.h"

#include <algorithm>
#include <map>
#include <stdexcept>

#include "common/embedded.h"
#include "common/ids.h"
#include "common/time.h"
#include "storage/children_repository.h"

namespace harbour::storage {

namespace {

constexpr std::string_view kDir = "src/storage/migrations/";

std::string Now() { return FormatRfc3339(SystemClock().Now()); }

void EnsureTable(soci::session& sql) {
  sql << "CREATE TABLE IF NOT EXISTS schema_migrations ("
         "version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, "
         "applied_at TEXT NOT NULL)";
}

std::map<int, std::string> AppliedChecksums(soci::session& sql) {
  std::map<int, std::string> applied;
  soci::rowset<soci::row> rows = sql.prepare << "SELECT version, checksum FROM schema_migrations";
  for (const auto& row : rows) applied[static_cast<int>(GetInt(row, 0))] = GetText(row, 1);
  return applied;
}

// What a migration needs done that SQL cannot do (ICU's folding of names, for one): run after
// the migration's statements, in its transaction, on both engines.
struct CodeStep {
  int version;
  void (*run)(Transaction& tx);
};
constexpr CodeStep kCodeSteps[] = {
    {12, &ChildrenRepository::RebuildNameKeysIn},
};

}  // namespace

std::vector<Migration> EmbeddedMigrations() {
  std::vector<Migration> out;
  for (const auto& file : EmbeddedFiles()) {
    if (!file.path.starts_with(kDir)) continue;
    std::string_view name = file.path.substr(kDir.size());
    if (name.size() < 6 || !name.ends_with(".sql") || name[4] != '_') {
      throw std::logic_error("bad migration file name: " + std::string(name));
    }
    Migration m;
    m.version = std::stoi(std::string(name.substr(0, 4)));
    m.name = std::string(name.substr(0, name.size() - 4));
    m.checksum = TokenDigest(file.contents);
    m.sql = file.contents;
    out.push_back(std::move(m));
  }
  std::sort(out.begin(), out.end(),
            [](const auto& a, const auto& b) { return a.version < b.version; });
  return out;
}

std::vector<std::string> SplitStatements(std::string_view sql, Engine engine) {
  std::vector<std::string> out;
  std::string current;
  auto flush = [&] {
    std::string_view s = current;
    while (!s.empty() && (s.front() == '\n' || s.front() == ' ')) s.remove_prefix(1);
    // The engine tag may be any line of the comment block that leads the statement. A chunk
    // of only comments and blank lines is not a statement.
    bool sqlite_only = false, postgres_only = false, has_code = false;
    std::size_t pos = 0;
    while (pos < s.size()) {
      std::size_t end = s.find('\n', pos);
      std::string_view line = s.substr(pos, end == std::string_view::npos ? s.npos : end - pos);
      auto first = line.find_first_not_of(" \t");
      if (first != std::string_view::npos) {
        line = line.substr(first);
        if (!line.starts_with("--")) has_code = true;
        if (!has_code && line.starts_with("-- @sqlite")) sqlite_only = true;
        if (!has_code && line.starts_with("-- @postgresql")) postgres_only = true;
      }
      if (end == std::string_view::npos) break;
      pos = end + 1;
    }
    bool wanted = !(sqlite_only && engine != Engine::kSqlite) &&
                  !(postgres_only && engine != Engine::kPostgres);
    if (wanted && has_code) out.emplace_back(s);
    current.clear();
  };
  std::size_t pos = 0;
  while (pos < sql.size()) {
    std::size_t end = sql.find('\n', pos);
    std::string_view line = sql.substr(pos, end == std::string_view::npos ? sql.npos : end - pos);
    pos = end == std::string_view::npos ? sql.size() : end + 1;
    std::string_view trimmed = line;
    while (!trimmed.empty() && (trimmed.back() == ' ' || trimmed.back() == '\r')) {
      trimmed.remove_suffix(1);
    }
    if (trimmed.ends_with(";")) {
      current.append(trimmed.substr(0, trimmed.size() - 1));
      flush();
    } else {
      current.append(line);
      current.push_back('\n');
    }
  }
  flush();
  return out;
}

Result<MigrationStatus> CheckMigrations(Database& db) {
  return Guard("checking migrations", [&]() -> Result<MigrationStatus> {
    soci::session sql(db.Pool());
    EnsureTable(sql);
    auto applied = AppliedChecksums(sql);
    MigrationStatus status;
    auto embedded = EmbeddedMigrations();
    for (const auto& m : embedded) {
      auto it = applied.find(m.version);
      if (it == applied.end()) {
        status.pending.push_back(m.version);
        continue;
      }
      if (it->second != m.checksum) {
        return Fail(ErrorKind::kConflict, "migration_changed",
                    "Migration " + m.name +
                        " differs from the one applied to this database (checksum " +
                        it->second.substr(0, 12) + " applied, " + m.checksum.substr(0, 12) +
                        " in this build). Restore the original file.");
      }
      status.applied.push_back(m.version);
      applied.erase(it);
    }
    if (!applied.empty()) {
      return Fail(
          ErrorKind::kConflict, "unknown_migration",
          "The database has migration " + std::to_string(applied.begin()->first) +
              ", which this build of Harbour does not know: it is newer than this program.");
    }
    return status;
  });
}

Result<std::vector<int>> Migrate(Database& db) {
  auto status = CheckMigrations(db);
  if (!status) return std::unexpected(status.error());
  std::vector<int> done;
  for (const auto& m : EmbeddedMigrations()) {
    if (std::find(status->pending.begin(), status->pending.end(), m.version) ==
        status->pending.end()) {
      continue;
    }
    auto applied = Guard("applying migration " + m.name, [&]() -> Result<void> {
      Transaction tx(db);
      for (const auto& statement : SplitStatements(m.sql, db.EngineKind())) tx.Sql() << statement;
      for (const auto& step : kCodeSteps) {
        if (step.version == m.version) step.run(tx);
      }
      std::string name = m.name, checksum = m.checksum, at = Now();
      tx.Sql() << "INSERT INTO schema_migrations (version, name, checksum, applied_at) "
                  "VALUES (:v, :n, :c, :a)",
          soci::use(m.version), soci::use(name), soci::use(checksum), soci::use(at);
      tx.Commit();
      return {};
    });
    if (!applied) return std::unexpected(applied.error());
    done.push_back(m.version);
  }
  return done;
}

}  // namespace harbour::storage
