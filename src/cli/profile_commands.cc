#include "cli/profile_commands.h"

#include <filesystem>
#include <iostream>
#include <memory>
#include <string>

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
  return [import, file, area, &common]() -> int {
    if (import->parsed()) return ImportPopulation(common, *file, *area);
    return -1;
  };
}

}  // namespace harbour::cli
