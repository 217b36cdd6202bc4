#include "cli/support.h"

#include <unistd.h>

#include <iostream>

#include "common/time.h"
#include "storage/migrations.h"

namespace harbour::cli {

int Report(const Error& error) {
  std::cerr << "harbour: " << error.message << "\n";
  for (const auto& [field, message] : error.fields)
    std::cerr << "  " << field << ": " << message << "\n";
  return 1;
}

// Who ran a CLI command, for the audit trail (the OS account; CLI commands are an
// administrator's tools on the server itself).
std::string CliUsername() {
  const char* login = getlogin();
  return std::string("cli:") + (login != nullptr ? login : std::to_string(getuid()));
}

audit::Entry CliEntry(std::string action, std::string record_type, std::string record_id,
                      std::string detail) {
  audit::Entry e;
  e.at = SystemClock().Now();
  e.user_id = "cli";
  e.username = CliUsername();
  e.role = "system";
  e.agency = "-";
  e.action = std::move(action);
  e.record_type = std::move(record_type);
  e.record_id = std::move(record_id);
  e.outcome = "allowed";
  e.purpose = "administration";
  e.detail = std::move(detail);
  return e;
}

// Loads the config and opens the database (the --db option wins over the config file).
Result<Context> Open(const Common& common, std::size_t pool, bool require_current) {
  auto config = LoadConfig(common.config_path);
  if (!config) return std::unexpected(config.error());
  Context ctx{*config, nullptr};
  std::string url = common.db_url.empty() ? config->database_url : common.db_url;
  auto db = storage::Database::Open(url, pool);
  if (!db) return std::unexpected(db.error());
  ctx.db = std::move(*db);
  if (!require_current) return ctx;
  auto status = storage::CheckMigrations(*ctx.db);
  if (!status) return std::unexpected(status.error());
  if (!status->pending.empty()) {
    return Fail(ErrorKind::kConflict, "migrations_pending",
                "The database needs migrating first: run `harbour migrate --db URL`.");
  }
  return ctx;
}

Result<CatalogueContext> OpenWithCatalogue(const Common& common, bool require_current) {
  auto ctx = Open(common, 1, require_current);
  if (!ctx) return std::unexpected(ctx.error());
  auto catalogue = LoadCatalogue(ctx->config.reference_dir);
  if (!catalogue) return std::unexpected(catalogue.error());
  return CatalogueContext{std::move(*ctx), std::move(*catalogue)};
}

void AddCommon(CLI::App* cmd, Common& common, bool with_db) {
  cmd->add_option("--config", common.config_path, "Configuration file (harbour.toml)");
  if (with_db) {
    cmd->add_option("--db", common.db_url,
                    "Database URL: sqlite:///PATH or postgresql://… (default: the config file's)");
  }
}

}  // namespace harbour::cli
