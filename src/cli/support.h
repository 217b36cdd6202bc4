#pragma once
// What every `harbour` subcommand shares: the --config and --db options, opening the database
// (and the reference lists), printing a failure, and the audit entry of a command run on the
// server itself.
#include <CLI/CLI.hpp>
#include <cstddef>
#include <memory>
#include <string>

#include "audit/chain.h"
#include "cli/config.h"
#include "common/error.h"
#include "reference/catalogue.h"
#include "storage/database.h"

namespace harbour::cli {

struct Common {
  std::string config_path;
  std::string db_url;
};

// Prints the error and each of its fields to standard error; returns 1 (the exit code).
int Report(const Error& error);

// Who ran a CLI command, for the audit trail (the OS account; CLI commands are an
// administrator's tools on the server itself).
std::string CliUsername();

audit::Entry CliEntry(std::string action, std::string record_type, std::string record_id,
                      std::string detail);

struct Context {
  Config config;
  std::unique_ptr<storage::Database> db;
};

// Loads the config and opens the database (the --db option wins over the config file); with
// `require_current`, kConflict while migrations are pending.
Result<Context> Open(const Common& common, std::size_t pool = 2, bool require_current = true);

// Open() plus the reference lists of the config's reference directory.
struct CatalogueContext {
  Context context;
  reference::Catalogue catalogue;
};
Result<CatalogueContext> OpenWithCatalogue(const Common& common, bool require_current = true);

// Adds --config, and --db unless `with_db` is false.
void AddCommon(CLI::App* cmd, Common& common, bool with_db = true);

}  // namespace harbour::cli
