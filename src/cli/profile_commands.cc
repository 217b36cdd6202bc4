#include "cli/profile_commands.h"

#include <filesystem>
#include <iostream>
#include <memory>
#include <string>

#include "cli/keys_commands.h"
#include "profile/core_return.h"
#include "profile/population.h"
#include "storage/audit_repository.h"
#include "storage/profile_repository.h"

namespace harbour::cli {
namespace {

// The problems in line order ("line 7: ..." keys sort by their number), "more" last.
void PrintProblems(const std::string& file, const Error& error) {
  std::cerr << file << ": not imported, the population is unchanged. " << error.message << "\n";
  std::vector<std::pair<long, std::string>> problems;
  for (const auto& [field, message] : error.fields) {
    long line = field == "more" ? std::numeric_limits<long>::max() : 0;
    if (field.starts_with("line ")) line = std::strtol(field.c_str() + 5, nullptr, 10);
    problems.emplace_back(line, message);
  }
  std::stable_sort(problems.begin(), problems.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& [line, message] : problems) std::cerr << "  " << message << "\n";
}

// Reads, checks and stores the population file in one transaction with its audit entry:
// every problem is printed and nothing changes, or the whole population is replaced.
int ImportPopulation(const Common& common, const std::string& file, const std::string& area) {
  auto opened = OpenWithCatalogue(common);
  if (!opened) return Report(opened.error());
  Context& ctx = opened->context;
  std::error_code size_error;
  auto size = std::filesystem::file_size(file, size_error);
  if (!size_error && size > profile::kMaxPopulationFileBytes) {
    std::cerr << file << ": not imported, the file is larger than "
              << profile::kMaxPopulationFileBytes / 1048576 << " MB.\n";
    return 1;
  }
  auto text = ReadFile(file);
  if (!text) return Report(text.error());
  profile::EthnicityCodes codes;
  for (const auto& e : opened->catalogue.Ethnicities()) codes.insert(e.code);
  auto population = profile::ParsePopulationCsv(*text, codes, area);
  if (!population) {
    PrintProblems(file, population.error());
    return 1;
  }
  storage::ProfileRepository repo(*ctx.db);
  storage::AuditRepository audit(*ctx.db);
  const std::string source = std::filesystem::path(file).filename().string();
  long total = profile::Total(*population);
  auto done = storage::InTransaction(
      *ctx.db, "importing the population", [&](storage::Transaction& tx) -> Result<bool> {
        repo.ReplacePopulationIn(tx, *population, SystemClock().Now(), CliUsername(), source);
        audit.AppendIn(
            tx, CliEntry("population.import", "population", population->area_code,
                         std::to_string(total) + " children in " +
                             std::to_string(population->cells.size()) + " groups from " + source));
        return true;
      });
  if (!done) return Report(done.error());
  std::cout << "Imported a population of " << total << " children aged 0 to 17 ("
            << population->cells.size() << " groups by age band, sex and ethnicity) from " << file
            << ".\n";
  if (population->aged_18_and_over > 0) {
    std::cout << "Left out " << population->aged_18_and_over
              << " people aged 18 and over: rates are per 10,000 children.\n";
  }
  return 0;
}

// --- The regional and national return (docs/profile.md, "The regional and national return")
// ------------------------------

struct ReturnOptions {
  std::string period;  // empty: the last complete quarter
  std::string key_file, out;
};

// The period of the return: `text`, or the last complete quarter before `today`; kInvalid
// ("--period") unless it has ended, since a return covers a period that is over.
Result<profile::Period> ReturnPeriod(const std::string& text, Date today) {
  if (text.empty()) return profile::LastCompleteQuarter(today);
  auto period = profile::ParsePeriod(text, "--period");
  if (!period) {
    return Fail(ErrorKind::kInvalid, "bad_period",
                "--period takes a month (2026-09), a quarter (2026-Q3), a year (2026) or a "
                "financial year (2026-27).");
  }
  if (period->last >= today) {
    return Fail(ErrorKind::kInvalid, "period_not_over",
                "--period " + text + " has not ended yet (its last day is " +
                    FormatLongDate(period->last) + "): a return covers a period that is over.");
  }
  return *period;
}

// The exact tables of the whole area for `period`, as the profile counts them.
Result<std::vector<profile::Breakdown>> AreaTables(CatalogueContext& opened,
                                                   const profile::Period& period) {
  auto calendar = LoadCalendar(opened.context.config.reference_dir);
  if (!calendar) return std::unexpected(calendar.error());
  profile::Labels labels;
  for (const auto& e : opened.catalogue.Ethnicities()) {
    labels.ethnicity[e.code] = e.label;
    labels.ethnicity_order.push_back(e.code);
  }
  storage::ProfileRepository repo(*opened.context.db);
  auto facts = repo.Facts(period);
  if (!facts) return std::unexpected(facts.error());
  return profile::Breakdowns(*facts, labels, *calendar);
}

// Appends `profile.return` for the return just written to `out`.
Result<void> AuditReturn(storage::Database& db, const profile::CoreReturn& core,
                         const std::string& key_id, const std::string& out) {
  const std::string code = profile::PeriodCode(core.period);
  storage::AuditRepository audit(db);
  return audit.Append(CliEntry("profile.return", "profile", code,
                               code + "; " + core.partnership_code + "; key " + key_id + "; " +
                                   std::to_string(core.tables.size()) + " tables; to " +
                                   std::filesystem::path(out).filename().string()));
}

// Counts the area's core data set for the period, signs it and writes it to a new file, then
// audits `profile.return`; when the audit entry cannot be written the file is removed again.
int MakeReturn(const Common& common, const ReturnOptions& o) {
  auto key = ReadSigningKey(o.key_file);
  if (!key) return Report(key.error());
  const Instant now = SystemClock().Now();
  auto period = ReturnPeriod(o.period, LondonDate(now));
  if (!period) return Report(period.error());
  if (std::filesystem::exists(std::filesystem::symlink_status(o.out))) {
    return Report(Error{ErrorKind::kConflict,
                        "file_exists",
                        o.out + " exists already: Harbour never overwrites a return. Remove it, "
                                "or choose another file.",
                        {}});
  }
  auto opened = OpenWithCatalogue(common);
  if (!opened) return Report(opened.error());
  auto tables = AreaTables(*opened, *period);
  if (!tables) return Report(tables.error());
  profile::CoreReturn core =
      profile::BuildReturn(*tables, key->partnership_code, key->partnership_name, *period, now);
  auto text = profile::SignReturn(core, *key);
  if (!text) return Report(text.error());
  if (auto written = WriteNewFile(o.out, *text, 0600); !written) return Report(written.error());
  const std::string key_id = profile::KeyId(key->key.Public());
  const std::string code = profile::PeriodCode(*period);
  if (auto audited = AuditReturn(*opened->context.db, core, key_id, o.out); !audited) {
    std::filesystem::remove(o.out);
    return Report(audited.error());
  }
  std::cout << "Wrote the " << code << " return of " << key->partnership_name << " ("
            << key->partnership_code << ") to " << o.out << ": " << core.tables.size()
            << " tables of the core data set, signed with the key " << key_id << ".\n"
            << "It holds exact counts, small numbers included: send it only to whoever combines "
               "the region's returns, by a secure route.\n";
  return 0;
}

struct AggregateOptions {
  std::string trusted, out, format = "json";
  std::vector<std::string> files;
};

// Each return file read and checked: the returns, or a line for each problem.
std::vector<profile::ReceivedReturn> ReadReturns(const AggregateOptions& o,
                                                 const profile::TrustedKeys& trusted,
                                                 std::vector<std::string>& problems) {
  std::vector<profile::ReceivedReturn> received;
  for (const std::string& file : o.files) {
    std::error_code size_error;
    auto size = std::filesystem::file_size(file, size_error);
    if (!size_error && size > profile::kMaxReturnBytes) {
      problems.push_back(file + ": file: is larger than a return can be");
      continue;
    }
    auto text = ReadFile(file);
    if (!text) {
      problems.push_back(file + ": file: cannot be read");
      continue;
    }
    auto read = profile::ReadReturn(*text, trusted, file);
    if (!read) {
      profile::AppendReturnProblems(file, read.error(), problems);
      continue;
    }
    received.push_back({file, std::move(*read)});
  }
  return received;
}

// The ethnicity labels of the configured reference lists.
Result<profile::Labels> AggregateLabels(const Common& common) {
  auto config = LoadConfig(common.config_path);
  if (!config) return std::unexpected(config.error());
  auto catalogue = LoadCatalogue(config->reference_dir);
  if (!catalogue) return std::unexpected(catalogue.error());
  return profile::AggregateLabels(*catalogue);
}

int RefuseAggregate(const std::vector<std::string>& problems) {
  std::cerr << "harbour: the returns were not combined, and nothing was written:\n";
  for (const std::string& line : problems) std::cerr << "  " << line << "\n";
  return 1;
}

// Checks every return first; combines and writes the published tables only when all are good.
int Aggregate(const Common& common, const AggregateOptions& o) {
  auto labels = AggregateLabels(common);
  if (!labels) return Report(labels.error());
  if (std::filesystem::exists(std::filesystem::symlink_status(o.out))) {
    return RefuseAggregate({o.out + " exists already: Harbour never overwrites it. Remove it, "
                                    "or choose another file."});
  }
  auto trusted = ReadTrustedKeys(o.trusted);
  if (!trusted) return RefuseAggregate({trusted.error().message});
  std::vector<std::string> problems;
  std::vector<profile::ReceivedReturn> received = ReadReturns(o, *trusted, problems);
  if (!problems.empty()) return RefuseAggregate(problems);
  auto combined = profile::Combine(received, *labels);
  if (!combined) return RefuseAggregate(profile::CombineProblems(combined.error()));
  auto shown = profile::ShowAll(combined->tables, {}, *labels, profile::Release::kPublished);
  const Instant now = SystemClock().Now();
  std::string text = o.format == "csv" ? profile::CombinedCsv(*combined, shown, now)
                                       : profile::CombinedJson(*combined, shown, now);
  if (auto written = WriteNewFile(o.out, text, 0644); !written) return Report(written.error());
  std::cout << "Combined the " << profile::PeriodCode(combined->period) << " returns of "
            << combined->partnerships.size() << " partnerships into " << o.out
            << " (published: small numbers suppressed).\n";
  return 0;
}

// `profile return`, its options read into `o`.
CLI::App* AddReturnCommand(CLI::App& profile, Common& common, ReturnOptions& o) {
  auto* ret = profile.add_subcommand(
      "return", "Write the partnership's signed return of the core data set for one period");
  AddCommon(ret, common);
  ret->add_option("--period", o.period,
                  "A period that has ended: 2026-Q3, 2026-09, 2026 or 2026-27 (default: the last "
                  "complete quarter)");
  ret->add_option("--key", o.key_file, "The partnership's signing key (harbour keys generate)")
      ->required();
  ret->add_option("--out", o.out, "The return file to write (JSON; never overwritten)")->required();
  return ret;
}

// `profile aggregate`, its options read into `o`.
CLI::App* AddAggregateCommand(CLI::App& profile, Common& common, AggregateOptions& o) {
  auto* agg = profile.add_subcommand(
      "aggregate", "Check partnerships' returns and combine them into published tables");
  AddCommon(agg, common, /*with_db=*/false);
  agg->add_option("--trusted", o.trusted,
                  "The trusted-keys file: one line per partnership, CODE PUBLIC_KEY")
      ->required();
  agg->add_option("--out", o.out, "The tables to write (never overwritten)")->required();
  agg->add_option("--format", o.format, "json (the default) or csv")
      ->check(CLI::IsMember({"json", "csv"}));
  agg->add_option("RETURN", o.files, "The return files")->required();
  return agg;
}

}  // namespace

std::function<int()> AddProfileCommands(CLI::App& app, Common& common) {
  auto* profile = app.add_subcommand("profile", "The area picture (docs/profile.md)");
  profile->require_subcommand(1);
  auto* population =
      profile->add_subcommand("population", "The area's child population, for equality monitoring");
  population->require_subcommand(1);
  auto* import = population->add_subcommand(
      "import", "Replace the population with a CSV laid out like ONS mid-year estimates");
  AddCommon(import, common);
  auto file = std::make_shared<std::string>();
  auto area = std::make_shared<std::string>();
  import->add_option("FILE", *file, "CSV: sex, age, ethnicity, population [, area_code]")
      ->required();
  import->add_option("--area", *area, "Keep only the rows of this area code (e.g. E06999999)");

  auto returned = std::make_shared<ReturnOptions>();
  CLI::App* ret = AddReturnCommand(*profile, common, *returned);
  auto aggregated = std::make_shared<AggregateOptions>();
  CLI::App* agg = AddAggregateCommand(*profile, common, *aggregated);
  auto run_keys = AddKeysCommands(app, common);
  return [import, file, area, ret, returned, agg, aggregated, run_keys, &common]() -> int {
    if (import->parsed()) return ImportPopulation(common, *file, *area);
    if (ret->parsed()) return MakeReturn(common, *returned);
    if (agg->parsed()) return Aggregate(common, *aggregated);
    return run_keys();
  };
}

}  // namespace harbour::cli
