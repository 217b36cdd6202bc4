#include "cli/people_commands.h"

#include <unistd.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>

#include "matching/batch.h"

namespace harbour::cli {
namespace {

struct MatchFileOptions {
  std::string file, out, pairs;
  double threshold = 0.99;
  bool show_model = false;
};

// The trained model: the prior, then each field's levels with m, u and the weight of each.
void PrintModel(const matching::Model& model) {
  std::cout << "prior " << model.prior << " (match weight " << matching::WeightOf(model.prior)
            << ")\n";
  for (std::size_t f = 0; f < matching::kFieldCount; ++f) {
    const auto& spec = matching::Fields()[f];
    for (std::size_t l = 1; l < spec.levels.size(); ++l) {
      std::cout << "  " << spec.id << ": " << spec.levels[l] << "  m " << model.m[f][l] << "  u "
                << model.u[f][l] << "  weight " << std::log2(model.m[f][l] / model.u[f][l]) << "\n";
    }
  }
}

// The partnership's list of name variants (config/reference/name-variants.txt by default).
Result<matching::NameVariants> LoadVariants(const Common& common) {
  auto config = LoadConfig(common.config_path);
  if (!config) return std::unexpected(config.error());
  auto text = ReadFile(config->reference_dir + "/name-variants.txt");
  if (!text) return std::unexpected(text.error());
  return matching::NameVariants::Parse(*text);
}

Result<void> WriteText(const std::string& path, std::string_view text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(text.data(), std::streamsize(text.size()));
  if (!out) return Fail(ErrorKind::kInternal, "write_failed", "Could not write " + path + ".");
  return {};
}

// Stages on standard error, when it is a terminal.
matching::Progress TerminalProgress() {
  if (isatty(STDERR_FILENO) == 0) return {};
  auto started =
      std::make_shared<std::chrono::steady_clock::time_point>(std::chrono::steady_clock::now());
  return [started](std::string_view stage, std::size_t, std::size_t total) {
    auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - *started);
    std::cerr << "  " << stage << " (" << total << ") at " << int(seconds.count()) << " s\n";
  };
}

int MatchFile(const Common& common, const MatchFileOptions& o) {
  auto variants = LoadVariants(common);
  if (!variants) return Report(variants.error());
  std::error_code size_error;
  auto size = std::filesystem::file_size(o.file, size_error);
  if (!size_error && size > matching::kMaxBatchBytes) {
    std::cerr << o.file << ": not matched, the file is larger than 2 GiB.\n";
    return 1;
  }
  auto text = ReadFile(o.file);
  if (!text) return Report(text.error());
  auto batch = matching::ParseBatch(*text);
  if (!batch) {
    std::cerr << o.file << ": not matched. " << batch.error().message << "\n";
    return 1;
  }
  text->clear();
  text->shrink_to_fit();
  for (const auto& problem : batch->problems)
    std::cerr << o.file << ": " << problem.message << "\n";
  matching::MatchOptions options;
  options.clustering.link_weight = matching::WeightOf(o.threshold);
  auto started = std::chrono::steady_clock::now();
  auto result = matching::MatchAll(batch->records, *variants, options, TerminalProgress());
  if (auto written = WriteText(o.out, matching::ClustersCsv(batch->records, result.clusters));
      !written) {
    return Report(written.error());
  }
  if (!o.pairs.empty()) {
    std::ofstream pairs(o.pairs, std::ios::binary | std::ios::trunc);
    matching::WritePairsCsv(batch->records, result, [&](std::string_view chunk) {
      pairs.write(chunk.data(), std::streamsize(chunk.size()));
    });
    if (!pairs) {
      std::cerr << "Could not write " << o.pairs << ".\n";
      return 1;
    }
  }
  if (o.show_model) PrintModel(result.model);
  std::size_t clusters = 0;
  for (std::size_t i = 0; i < result.clusters.cluster_of.size(); ++i) {
    clusters += result.clusters.cluster_of[i] == i;
  }
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::cout << batch->records.size() << " records matched into " << clusters << " people in "
            << int(seconds * 10) / 10.0 << " s (" << result.pairs.size()
            << " pairs compared; the model's prior " << result.model.prior << ").\n";
  if (!result.clusters.refused.empty()) {
    std::cout << result.clusters.refused.size()
              << " links refused because a record on each side clearly differs: review them in "
                 "pairs.csv.\n";
  }
  if (!batch->problems.empty()) {
    std::cout << batch->problems.size() << (batch->problems.size() == 1 ? " problem" : " problems")
              << " in " << o.file << " (listed above).\n";
  }
  return 0;
}

}  // namespace

std::function<int()> AddPeopleCommands(CLI::App& app, Common& common) {
  auto* people = app.add_subcommand("people", "People and children as one record each");
  people->require_subcommand(1);
  auto* match = people->add_subcommand(
      "match", "Match a partner's CSV of people within itself (docs/matching.md)");
  AddCommon(match, common, /*with_db=*/false);
  auto o = std::make_shared<MatchFileOptions>();
  match
      ->add_option("FILE", o->file,
                   "CSV: record_id,agency,given_name,family_name,date_of_birth,sex,postcode,phone")
      ->required();
  match->add_option("--out", o->out, "Where to write record_id,cluster_id")->required();
  match->add_option("--pairs", o->pairs, "Where to write each scored pair and its reasons");
  match
      ->add_option("--threshold", o->threshold,
                   "Match probability at which records are joined (default 0.99)")
      ->check(CLI::Range(0.5, 0.999999));
  match->add_flag("--show-model", o->show_model, "Print the trained m, u and weights");
  return [match, o, &common]() -> int {
    if (match->parsed()) return MatchFile(common, *o);
    return -1;
  };
}

}  // namespace harbour::cli
