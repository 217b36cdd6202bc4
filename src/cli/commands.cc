#include "cli/commands.h"

#include <spdlog/spdlog.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <charconv>
#include <filesystem>
#include <iostream>
#include <limits>
#include <memory>
#include <string>

#include "agencies/agency.h"
#include "cli/config.h"
#include "cli/demo_data.h"
#include "cli/people_commands.h"
#include "cli/profile_commands.h"
#include "cli/support.h"
#include "common/embedded.h"
#include "common/ids.h"
#include "common/text.h"
#include "identity/identity.h"
#include "intelligence/legacy.h"
#include "places/wards.h"
#include "storage/agencies_repository.h"
#include "storage/audit_repository.h"
#include "storage/database.h"
#include "storage/identity_repository.h"
#include "storage/intelligence_repository.h"
#include "storage/migrations.h"
#include "storage/tool_library.h"
#include "storage/wards_repository.h"
#include "web/app.h"
#include "web/core/server.h"

namespace harbour::cli {

namespace {

int Serve(const Common& common, const std::string& listen_override, unsigned threads_override,
          bool demo_banner) {
  auto config = LoadConfig(common.config_path);
  if (!config) return Report(config.error());
  auto pdf_fonts = LoadPdfFonts(*config);
  if (!pdf_fonts) return Report(pdf_fonts.error());
  unsigned threads = threads_override != 0 ? threads_override : config->threads;
  auto ctx = Open(common, threads + 2);
  if (!ctx) return Report(ctx.error());
  auto listen = ParseListen(listen_override.empty() ? config->listen : listen_override);
  if (!listen) return Report(listen.error());
  auto catalogue = LoadCatalogue(config->reference_dir);
  if (!catalogue) return Report(catalogue.error());
  auto calendar = LoadCalendar(config->reference_dir);
  if (!calendar) return Report(calendar.error());
  SystemClock clock;
  web::AppOptions app_options{config->demo_banner || demo_banner, config->secure_cookies,
                              std::string(EmbeddedText("docs/api/openapi.yaml")),
                              config->panel_name, config->panel_contact};
  app_options.missing_repeat_threshold = config->missing_repeat_threshold;
  app_options.missing_repeat_window_days = config->missing_repeat_window_days;
  app_options.disruption_reminder_days = config->disruption_reminder_days;
  app_options.intelligence_unit = config->intelligence_unit;
  app_options.pdf_fonts = *pdf_fonts;
  app_options.trusted_keys = [path = config->trusted_keys] { return ReadTrustedKeys(path); };
  app_options.body_limit = config->body_limit;
  auto variants = LoadNameVariants(config->reference_dir);
  if (!variants) return Report(variants.error());
  app_options.name_variants = std::move(*variants);
  web::App app(*ctx->db, *catalogue, clock, *calendar, app_options);
  web::Router router = app.BuildRouter();
  web::ServerOptions options;
  options.address = listen->first;
  options.port = listen->second;
  options.threads = threads;
  options.body_limit = config->body_limit;
  options.trust_forwarded_proto = config->trust_forwarded_proto;
  options.assets_dir = config->assets_dir;
  web::Server server(options,
                     [&router](web::Request& request) { return router.Dispatch(request); });
  if (!server.Listen()) return 1;
  spdlog::info("Harbour listening on http://{}:{}/", options.address, server.Port());
  std::cout << "listening on http://" << options.address << ":" << server.Port() << "/"
            << std::endl;
  server.Run();
  return 0;
}

// Registers the tool versions shipped in config/tools/ (embedded in the binary) that the
// database does not have yet. A shipped version that clashes with a locally registered one is
// reported and skipped: the partnership's registered tools are never replaced. Returns the
// number of other failures (a database error).
int RegisterShippedTools(storage::Database& db, const reference::Catalogue& catalogue) {
  storage::ToolLibrary library(db, catalogue);
  int failures = 0;
  for (const EmbeddedFile& file : EmbeddedFiles()) {
    if (!file.path.starts_with("config/tools/")) continue;
    auto done =
        library.Register(file.contents, "shipped with Harbour",
                         CliEntry("tool.register", "risk_tool", "", ""), SystemClock().Now());
    if (!done) {
      std::cerr << "harbour: the shipped tool " << file.path
                << " was not registered: " << done.error().message << "\n";
      // A clash with a version the partnership registered itself is expected and kept.
      if (done.error().kind != ErrorKind::kConflict) ++failures;
      continue;
    }
    if (done->registration == assessments::Registration::kNewVersion) {
      std::cout << "Registered risk tool " << done->tool->id << " version " << done->tool->version
                << ".\n";
    }
  }
  return failures;
}

int MigrateCommand(const Common& common) {
  auto opened = OpenWithCatalogue(common, /*require_current=*/false);
  if (!opened) return Report(opened.error());
  storage::Database& db = *opened->context.db;
  auto applied = storage::Migrate(db);
  if (!applied) return Report(applied.error());
  if (applied->empty()) {
    std::cout << "The database is up to date.\n";
  } else {
    storage::AuditRepository audit(db);
    std::string list;
    for (int v : *applied) list += (list.empty() ? "" : ", ") + std::to_string(v);
    (void)audit.Append(CliEntry("database.migrate", "database", "", "applied " + list));
    std::cout << "Applied migrations: " << list << "\n";
  }
  return RegisterShippedTools(db, opened->catalogue) == 0 ? 0 : 1;
}

int ValidateToolCommand(const Common& common, const std::string& file) {
  auto config = LoadConfig(common.config_path);
  if (!config) return Report(config.error());
  auto catalogue = LoadCatalogue(config->reference_dir);
  if (!catalogue) return Report(catalogue.error());
  auto text = ReadFile(file);
  if (!text) return Report(text.error());
  auto tool = assessments::ParseTool(*text, *catalogue);
  if (!tool) {
    std::cerr << file << ": " << tool.error().size()
              << (tool.error().size() == 1 ? " problem" : " problems") << "\n"
              << assessments::FormatProblems(tool.error());
    return 1;
  }
  std::size_t questions = 0;
  for (const auto& section : tool->sections) questions += section.indicators.size();
  std::cout << file << ": valid. " << tool->id << " version " << tool->version << " ("
            << assessments::ToCode(tool->scheme) << ", " << tool->levels.size() << " levels, "
            << questions << " questions), fingerprint " << tool->fingerprint << "\n";
  return 0;
}

int ListToolsCommand(const Common& common) {
  auto opened = OpenWithCatalogue(common);
  if (!opened) return Report(opened.error());
  storage::Database& db = *opened->context.db;
  const reference::Catalogue& catalogue = opened->catalogue;
  storage::ToolLibrary library(db, catalogue);
  auto active = library.ActiveId();
  if (!active) return Report(active.error());
  auto versions = library.Versions();
  if (!versions) return Report(versions.error());
  if (versions->empty()) std::cout << "No risk tools are registered: run `harbour migrate`.\n";
  for (const auto& v : *versions) {
    std::cout << (v.tool_id == *active ? "* " : "  ") << v.tool_id << "  version " << v.version
              << "  " << v.scheme << "  " << v.name << "  registered "
              << FormatRfc3339(v.registered_at) << " by " << v.registered_by << "\n";
  }
  std::cout << "(* the active tool: new assessments use its latest version)\n";
  return 0;
}

int InstallToolCommand(const Common& common, const std::string& file) {
  auto opened = OpenWithCatalogue(common);
  if (!opened) return Report(opened.error());
  storage::Database& db = *opened->context.db;
  const reference::Catalogue& catalogue = opened->catalogue;
  auto text = ReadFile(file);
  if (!text) return Report(text.error());
  storage::ToolLibrary library(db, catalogue);
  auto done = library.Register(*text, CliUsername(), CliEntry("tool.register", "risk_tool", "", ""),
                               SystemClock().Now());
  if (!done) {
    // Every problem of an invalid file, one per line, as `tools validate` prints them.
    if (done.error().code == "invalid_tool") {
      auto problems = assessments::ParseTool(*text, catalogue);
      if (!problems) {
        std::cerr << file << ": not registered, " << done.error().message << "\n"
                  << assessments::FormatProblems(problems.error());
        return 1;
      }
    }
    return Report(done.error());
  }
  if (done->registration == assessments::Registration::kAlreadyRegistered) {
    std::cout << done->tool->id << " version " << done->tool->version
              << " is already registered with this content; nothing changed.\n";
    return 0;
  }
  std::cout << "Registered " << done->tool->id << " version " << done->tool->version << ".\n";
  return 0;
}

int ActivateToolCommand(const Common& common, const std::string& tool_id) {
  auto opened = OpenWithCatalogue(common);
  if (!opened) return Report(opened.error());
  storage::Database& db = *opened->context.db;
  const reference::Catalogue& catalogue = opened->catalogue;
  storage::ToolLibrary library(db, catalogue);
  if (auto done = library.Activate(tool_id, CliUsername(),
                                   CliEntry("tool.activate", "risk_tool", tool_id, ""),
                                   SystemClock().Now());
      !done) {
    return Report(done.error());
  }
  std::cout << tool_id << " is now the active risk tool.\n";
  return 0;
}

// Reads, checks and stores a wards file (issue 5): every problem is printed and nothing
// changes, or the whole wards table is replaced in one transaction with its audit entry.
int ImportWardsCommand(const Common& common, const std::string& file) {
  auto ctx = Open(common, 1);
  if (!ctx) return Report(ctx.error());
  std::error_code size_error;
  auto size = std::filesystem::file_size(file, size_error);
  if (!size_error && size > places::kMaxWardsFileBytes) {
    std::cerr << file << ": not imported, the file is larger than "
              << places::kMaxWardsFileBytes / 1048576 << " MB.\n";
    return 1;
  }
  auto text = ReadFile(file);
  if (!text) return Report(text.error());
  auto wards = places::ParseWardsGeoJson(*text);
  if (!wards) {
    // Every reason, in feature order.
    std::vector<std::pair<long long, std::string>> reasons;
    for (const auto& [field, message] : wards.error().fields) {
      long long order = -1;
      if (field.starts_with("features[")) {
        std::from_chars(field.data() + 9, field.data() + field.size(), order);
      }
      if (field == "more") order = std::numeric_limits<long long>::max();
      reasons.emplace_back(order, message);
    }
    std::sort(reasons.begin(), reasons.end());
    std::cerr << file << ": not imported, " << reasons.size()
              << (reasons.size() == 1 ? " problem" : " problems") << "; the wards are unchanged.\n";
    for (const auto& [order, message] : reasons) std::cerr << "  " << message << "\n";
    return 1;
  }
  storage::WardsRepository repo(*ctx->db);
  storage::AuditRepository audit(*ctx->db);
  const std::string source = std::filesystem::path(file).filename().string();
  auto done = storage::Guard("importing wards", [&]() -> Result<void> {
    storage::Transaction tx(*ctx->db);
    repo.ReplaceAllIn(tx, *wards, SystemClock().Now(), CliUsername(), source);
    audit.AppendIn(tx, CliEntry("wards.import", "wards", "",
                                std::to_string(wards->size()) + " wards from " + source));
    tx.Commit();
    return {};
  });
  if (!done) return Report(done.error());
  std::cout << "Imported " << wards->size() << (wards->size() == 1 ? " ward" : " wards") << " from "
            << file << ".\n";
  return 0;
}

// Imports legacy 5x5x5 intelligence (intelligence/legacy.h) held by `username`'s agency: every
// problem is printed and nothing is stored, or every record is stored in one transaction with
// one audit entry. The importer must be an intelligence officer; they are recorded as the
// submitter, and the old system's reference as the source.
int ImportLegacyIntelligenceCommand(const Common& common, const std::string& file,
                                    const std::string& username) {
  auto ctx = Open(common, 1);
  if (!ctx) return Report(ctx.error());
  storage::IdentityRepository identity_repo(*ctx->db);
  auto user = identity_repo.FindUserByUsername(username);
  if (!user) return Report(user.error());
  if (!*user || (*user)->role != access::Role::kIntelligenceOfficer || !(*user)->active) {
    std::cerr << "--as must name an active intelligence officer; their agency holds the records.\n";
    return 1;
  }
  std::error_code size_error;
  auto size = std::filesystem::file_size(file, size_error);
  if (!size_error && size > intelligence::kMaxLegacyFileBytes) {
    std::cerr << file << ": not imported, the file is larger than 64 MB.\n";
    return 1;
  }
  auto text = ReadFile(file);
  if (!text) return Report(text.error());
  Instant now = SystemClock().Now();
  auto records = intelligence::ParseLegacyRecords(*text, now);
  if (!records) {
    std::cerr << file << ": not imported, " << records.error().fields.size()
              << " problem(s); nothing was stored.\n";
    for (const auto& [where, message] : records.error().fields) {
      std::cerr << "  " << where << ": " << message << "\n";
    }
    return 1;
  }
  storage::IntelligenceRepository repo(*ctx->db);
  storage::AuditRepository audit(*ctx->db);
  const std::string source = std::filesystem::path(file).filename().string();
  auto done = storage::Guard("importing legacy intelligence", [&]() -> Result<void> {
    storage::Transaction tx(*ctx->db);
    for (const auto& r : *records) {
      intelligence::Report report;
      report.id = NewId();
      report.submitted_by = (*user)->id;
      report.submitted_by_agency = (*user)->agency_id;
      report.submitted_at = r.submitted_at;
      report.holding_agency = (*user)->agency_id;
      report.category = r.category;
      report.knowledge = intelligence::Knowledge::kSecondHand;
      intelligence::Original original;
      original.what = r.text;
      repo.InsertIn(tx, report, original,
                    {"Legacy record " + r.reference, "imported from " + source, "", r.reference},
                    {});
      repo.SetLegacyGradeIn(tx, report.id, r.grade);
    }
    audit.AppendIn(tx, CliEntry("intelligence.import", "intelligence", "",
                                std::to_string(records->size()) + " legacy records from " + source +
                                    " held by " + (*user)->agency_id));
    tx.Commit();
    return {};
  });
  if (!done) return Report(done.error());
  std::cout << "Imported " << records->size() << " legacy intelligence record"
            << (records->size() == 1 ? "" : "s") << " from " << file << ".\n";
  return 0;
}

int ListWardsCommand(const Common& common) {
  auto ctx = Open(common, 1);
  if (!ctx) return Report(ctx.error());
  storage::WardsRepository repo(*ctx->db);
  auto wards = repo.All();
  if (!wards) return Report(wards.error());
  if (wards->empty()) std::cout << "No wards: run `harbour wards import FILE`.\n";
  for (const auto& w : *wards) {
    std::cout << w.code << "  " << w.name << "  imported " << FormatRfc3339(w.imported_at) << " by "
              << w.imported_by << (w.source.empty() ? "" : " from " + w.source) << "\n";
  }
  return 0;
}

}  // namespace

int Run(int argc, char** argv) {
  spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%eZ %l %v", spdlog::pattern_time_type::utc);
  CLI::App app{"Harbour: one place for a local partnership to protect children from exploitation."};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string(HARBOUR_VERSION));

  Common common;

  // serve
  auto* serve = app.add_subcommand("serve", "Run the web application and API");
  AddCommon(serve, common);
  std::string listen;
  unsigned threads = 0;
  serve->add_option("--listen", listen, "ADDRESS:PORT to listen on (default 127.0.0.1:8080)");
  serve->add_option("--threads", threads, "Worker threads (default: the config file's, or 8)")
      ->check(CLI::Range(1, 256));
  bool demo_banner = false;
  serve->add_flag("--demo-banner", demo_banner,
                  "Show the \"synthetic demo data only\" banner on every page");

  // migrate
  auto* migrate = app.add_subcommand("migrate", "Apply the database migrations this build has");
  AddCommon(migrate, common);

  // demo-data
  auto* demo = app.add_subcommand("demo-data", "Load a synthetic demo area (no real people)");
  AddCommon(demo, common);
  DemoOptions demo_options;
  std::string as_of;
  bool print_logins = false;
  demo->add_option("--children", demo_options.children, "Synthetic children (default 300)")
      ->check(CLI::Range(0, 10000000));
  demo->add_option("--concerns", demo_options.concerns,
                   "Total concerns (default: about 4 per child)")
      ->check(CLI::Range(0LL, 100000000LL));
  demo->add_option("--seed", demo_options.seed, "Random seed (same seed, same data)");
  demo->add_option("--as-of", as_of,
                   "Last day of the two-year history, YYYY-MM-DD (default today)");
  demo->add_flag("--print-logins", print_logins, "Only print the demo sign-ins");

  // agency add
  auto* agency = app.add_subcommand("agency", "Manage partner agencies");
  agency->require_subcommand(1);
  auto* agency_add = agency->add_subcommand("add", "Add a partner agency");
  AddCommon(agency_add, common);
  agencies::AgencyInput agency_input;
  agency_add->add_option("--code", agency_input.code, "Short code, e.g. HPOL")->required();
  agency_add->add_option("--name", agency_input.name, "Name")->required();
  agency_add->add_option("--sector", agency_input.sector, "statutory|voluntary|private")
      ->required();
  agency_add
      ->add_option("--type", agency_input.type,
                   "Agency type code (config/reference/agency-types.toml)")
      ->required();

  // user add
  auto* user = app.add_subcommand("user", "Manage users");
  user->require_subcommand(1);
  auto* user_add = user->add_subcommand("add", "Add a user (password read from standard input)");
  AddCommon(user_add, common);
  std::string username, display_name, user_agency, role;
  bool password_stdin = false;
  user_add->add_option("--username", username, "Sign-in name")->required();
  user_add->add_option("--name", display_name, "Full name")->required();
  user_add->add_option("--agency", user_agency, "Agency code")->required();
  user_add
      ->add_option("--role", role,
                   "practitioner|safeguarding-lead|coordinator|panel-member|"
                   "intelligence-officer|analyst|administrator|auditor|regional-analyst")
      ->required();
  user_add->add_flag("--password-stdin", password_stdin, "Read the password from standard input")
      ->required();

  // token create
  auto* token = app.add_subcommand("token", "Manage API tokens");
  token->require_subcommand(1);
  auto* token_create = token->add_subcommand("create", "Create an API bearer token for a user");
  AddCommon(token_create, common);
  std::string token_user;
  int expires_days = 90;
  token_create->add_option("--username", token_user, "User the token acts as")->required();
  token_create->add_option("--expires", expires_days, "Days until it expires (default 90)")
      ->check(CLI::Range(1, 3650));

  // audit verify
  auto* audit_cmd = app.add_subcommand("audit", "The audit trail");
  audit_cmd->require_subcommand(1);
  auto* audit_verify = audit_cmd->add_subcommand("verify", "Check the audit trail's hash chain");
  AddCommon(audit_verify, common);

  // tools
  auto* tools = app.add_subcommand("tools", "Risk-assessment tools (docs/risk-tools.md)");
  tools->require_subcommand(1);
  std::string tool_file, tool_id;
  auto* tools_validate = tools->add_subcommand(
      "validate", "Check a tool file; exit 1 listing every problem with its line and field");
  AddCommon(tools_validate, common, /*with_db=*/false);
  tools_validate->add_option("FILE", tool_file, "The tool file (TOML)")->required();
  auto* tools_list = tools->add_subcommand("list", "List the registered tools and versions");
  AddCommon(tools_list, common);
  auto* tools_install =
      tools->add_subcommand("install", "Register a tool file as a new version (validated first)");
  AddCommon(tools_install, common);
  tools_install->add_option("FILE", tool_file, "The tool file (TOML)")->required();
  auto* tools_activate =
      tools->add_subcommand("activate", "Make a registered tool the partnership's active tool");
  AddCommon(tools_activate, common);
  tools_activate->add_option("ID", tool_id, "The tool's id, e.g. harbour-screening")->required();

  // wards (issue 5)
  auto* wards_cmd =
      app.add_subcommand("wards", "Electoral wards for places (docs/intelligence.md)");
  wards_cmd->require_subcommand(1);
  std::string wards_file;
  auto* wards_import = wards_cmd->add_subcommand(
      "import", "Replace the wards with a GeoJSON file; exit 1 listing every problem");
  AddCommon(wards_import, common);
  wards_import->add_option("FILE", wards_file, "GeoJSON FeatureCollection (WGS84)")->required();
  auto* wards_list = wards_cmd->add_subcommand("list", "List the imported wards");
  AddCommon(wards_list, common);

  // intelligence (issue 5)
  auto* intel_cmd =
      app.add_subcommand("intelligence", "Partner intelligence (docs/intelligence.md)");
  intel_cmd->require_subcommand(1);
  std::string legacy_file, legacy_as;
  auto* intel_import = intel_cmd->add_subcommand(
      "import-legacy", "Import 5x5x5 records (JSON Lines); exit 1 listing every problem");
  AddCommon(intel_import, common);
  intel_import->add_option("FILE", legacy_file, "One JSON object per line")->required();
  intel_import->add_option("--as", legacy_as, "The intelligence officer importing them")
      ->required();

  auto run_profile = AddProfileCommands(app, common);
  auto run_people = AddPeopleCommands(app, common);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }

  if (serve->parsed()) return Serve(common, listen, threads, demo_banner);
  if (migrate->parsed()) return MigrateCommand(common);
  if (tools_validate->parsed()) return ValidateToolCommand(common, tool_file);
  if (tools_list->parsed()) return ListToolsCommand(common);
  if (tools_install->parsed()) return InstallToolCommand(common, tool_file);
  if (tools_activate->parsed()) return ActivateToolCommand(common, tool_id);
  if (wards_import->parsed()) return ImportWardsCommand(common, wards_file);
  if (wards_list->parsed()) return ListWardsCommand(common);
  if (int code = run_profile(); code >= 0) return code;
  if (int code = run_people(); code >= 0) return code;
  if (intel_import->parsed())
    return ImportLegacyIntelligenceCommand(common, legacy_file, legacy_as);

  if (demo->parsed()) {
    if (print_logins) {
      std::cout << "Demo sign-ins (password for all: " << kDemoPassword << "):\n";
      for (const auto& login : DemoLogins()) {
        std::cout << "  " << login.username
                  << std::string(22 - std::min<std::size_t>(21, login.username.size()), ' ')
                  << login.role
                  << std::string(22 - std::min<std::size_t>(21, login.role.size()), ' ')
                  << login.agency << "\n";
      }
      return 0;
    }
    auto ctx = Open(common, 1);
    if (!ctx) return Report(ctx.error());
    auto catalogue = LoadCatalogue(ctx->config.reference_dir);
    if (!catalogue) return Report(catalogue.error());
    if (as_of.empty()) {
      demo_options.as_of = DateOf(SystemClock().Now());
    } else {
      auto date = ParseDate(as_of);
      if (!date)
        return Report(Error{ErrorKind::kInvalid, "bad_date", "--as-of takes YYYY-MM-DD.", {}});
      demo_options.as_of = *date;
    }
    auto calendar = LoadCalendar(ctx->config.reference_dir);
    if (!calendar) return Report(calendar.error());
    auto summary = LoadDemoData(*ctx->db, *catalogue, *calendar, demo_options);
    if (!summary) return Report(summary.error());
    std::cout << "Loaded the Harbourside demo area: " << summary->agencies << " agencies, "
              << summary->users << " users, " << summary->children << " children, "
              << summary->concerns << " concerns, " << summary->assessments
              << " risk assessments.\n";
    return 0;
  }

  if (agency_add->parsed()) {
    auto ctx = Open(common);
    if (!ctx) return Report(ctx.error());
    auto catalogue = LoadCatalogue(ctx->config.reference_dir);
    if (!catalogue) return Report(catalogue.error());
    auto valid = agencies::ValidateAgency(agency_input, *catalogue);
    if (!valid) return Report(valid.error());
    valid->id = NewId();
    storage::AgenciesRepository repo(*ctx->db);
    if (auto saved = repo.Insert(*valid, SystemClock().Now()); !saved) return Report(saved.error());
    storage::AuditRepository audit(*ctx->db);
    (void)audit.Append(CliEntry("agency.create", "agency", valid->id, valid->code));
    std::cout << "Added agency " << valid->code << " (" << valid->name << ").\n";
    return 0;
  }

  if (user_add->parsed()) {
    auto ctx = Open(common);
    if (!ctx) return Report(ctx.error());
    std::map<std::string, std::string> errors;
    auto normalised = identity::NormaliseUsername(username);
    if (!normalised) errors["username"] = normalised.error().fields.begin()->second;
    auto parsed_role = access::RoleFromCode(role);
    if (!parsed_role) errors["role"] = "Unknown role " + role;
    if (Trim(display_name).empty()) errors["name"] = "Enter the user's full name";
    std::string password;
    std::getline(std::cin, password);
    if (auto policy = identity::CheckPasswordPolicy(password); !policy) {
      errors["password"] = policy.error().fields.empty() ? policy.error().message
                                                         : policy.error().fields.begin()->second;
    }
    storage::AgenciesRepository agencies_repo(*ctx->db);
    auto found = agencies_repo.FindByCode(user_agency);
    if (!found) return Report(found.error());
    if (!found->has_value()) errors["agency"] = "No agency with code " + user_agency;
    if (!errors.empty()) return Report(Invalid(errors, "The user was not added.").error());
    identity::User u{NewId(),
                     *normalised,
                     Trim(display_name),
                     (*found)->id,
                     *parsed_role,
                     identity::HashPassword(password),
                     0,
                     std::nullopt,
                     true};
    storage::IdentityRepository repo(*ctx->db);
    if (auto saved = repo.InsertUser(u, SystemClock().Now()); !saved) return Report(saved.error());
    storage::AuditRepository audit(*ctx->db);
    (void)audit.Append(CliEntry("user.create", "user", u.id, u.username + " as " + role));
    std::cout << "Added user " << u.username << ".\n";
    return 0;
  }

  if (token_create->parsed()) {
    auto ctx = Open(common);
    if (!ctx) return Report(ctx.error());
    storage::IdentityRepository repo(*ctx->db);
    auto found = repo.FindUserByUsername(token_user);
    if (!found) return Report(found.error());
    if (!found->has_value())
      return Report(Error{ErrorKind::kNotFound, "no_user", "No user " + token_user + ".", {}});
    std::string secret = RandomToken();
    Instant now = SystemClock().Now();
    identity::ApiToken t{
        NewId(), (*found)->id, TokenDigest(secret), now, now + std::chrono::days(expires_days),
        false};
    if (auto saved = repo.InsertToken(t); !saved) return Report(saved.error());
    storage::AuditRepository audit(*ctx->db);
    (void)audit.Append(
        CliEntry("token.create", "user", (*found)->id,
                 "token " + t.id + " expires in " + std::to_string(expires_days) + " days"));
    std::cout << secret << "\n";
    return 0;
  }

  if (audit_verify->parsed()) {
    auto ctx = Open(common);
    if (!ctx) return Report(ctx.error());
    storage::AuditRepository audit(*ctx->db);
    std::int64_t checked = 0;
    auto result = audit.VerifyAll(&checked);
    if (!result) return Report(result.error());
    if (result->has_value()) {
      std::cout << "The audit trail is BROKEN at entry " << (*result)->seq << ": "
                << (*result)->reason << "\n";
      return 3;
    }
    std::cout << "The audit trail is intact: " << checked << " entries verified.\n";
    return 0;
  }
  return 2;
}

}  // namespace harbour::cli
