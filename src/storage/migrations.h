#pragma once
// Numbered SQL migrations (src/storage/migrations/NNNN_name.sql, compiled into the binary),
// recorded in schema_migrations with a BLAKE2b checksum of the file.
//
// A migration file is statements separated by ';' at the end of a line. A statement whose
// first line is "-- @sqlite" or "-- @postgresql" runs only on that engine: the one place
// where engine-specific DDL (index operator classes, for example) is allowed. A migration may
// also have a C++ step (migrations.cc, kCodeSteps) for what SQL cannot compute, such as the
// ICU-folded name keys of 0012; it runs after the file's statements, in the same transaction.
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"
#include "storage/database.h"

namespace harbour::storage {

struct Migration {
  int version = 0;
  std::string name;  // file name without the ".sql"
  std::string checksum;
  std::string_view sql;
};

// The embedded migrations in version order. Throws std::logic_error on a badly named file
// (a build defect, not an input error).
std::vector<Migration> EmbeddedMigrations();

// Statements of `sql` that apply to `engine`, without the trailing ';'.
std::vector<std::string> SplitStatements(std::string_view sql, Engine engine);

struct MigrationStatus {
  std::vector<int> applied;
  std::vector<int> pending;
};

// Fails with kConflict ("migration_changed") if an applied migration's checksum differs from
// the embedded file, or ("unknown_migration") if the database has one this binary lacks.
Result<MigrationStatus> CheckMigrations(Database& db);
// Applies pending migrations in order, each in its own transaction; returns those applied.
Result<std::vector<int>> Migrate(Database& db);

}  // namespace harbour::storage
