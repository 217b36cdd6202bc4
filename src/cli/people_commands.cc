#include "cli/people_commands.h"

#include <unistd.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <set>
#include <string>
#include <unordered_map>

#include "cli/config.h"
#include "cli/support.h"
#include "common/ids.h"
#include "matching/batch.h"
#include "matching/check.h"
#include "matching/model_json.h"
#include "storage/audit_repository.h"
#include "storage/matching_repository.h"

namespace harbour::cli {
namespace {

struct MatchFileOptions {
  std::string file, out, pairs;
  double threshold = 0.99;
  double review_from = matching::kLikelyMatch;  // --db: pairs at least this likely are queued
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
Result<std::shared_ptr<const matching::NameVariants>> LoadVariants(const Common& common) {
  auto config = LoadConfig(common.config_path);
  if (!config) return std::unexpected(config.error());
  return LoadNameVariants(config->reference_dir);
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
  auto result = matching::MatchAll(batch->records, **variants, options, TerminalProgress());
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

// The pairs of `result` at least `least` likely, as child ids (the smaller first), without
// those decided "not the same child".
std::vector<storage::FoundPair> PairsToReview(
    const std::vector<matching::MatchRecord>& records, const matching::MatchResult& result,
    double least, const std::set<std::pair<std::string, std::string>>& not_same) {
  double weight = matching::WeightOf(least);
  std::vector<storage::FoundPair> out;
  for (std::size_t i = 0; i < result.pairs.size(); ++i) {
    if (result.weights[i] < weight) continue;
    const std::string& a = records[result.pairs[i].pair.a].id;
    const std::string& b = records[result.pairs[i].pair.b].id;
    storage::FoundPair p{std::min(a, b), std::max(a, b), result.weights[i]};
    if (not_same.contains({p.first_id, p.second_id})) continue;
    out.push_back(std::move(p));
  }
  return out;
}

// Records in a cluster of more than one.
long long LinkedRecords(const matching::Clusters& clusters) {
  std::unordered_map<std::size_t, long long> size;
  for (auto c : clusters.cluster_of) ++size[c];
  long long linked = 0;
  for (const auto& [cluster, n] : size) linked += n > 1 ? n : 0;
  return linked;
}

// `harbour people match --db URL`: re-scores every child (not merged), saves the trained model
// with the run, and fills the review queue; audited as "child.match".
int MatchDatabase(const Common& common, const MatchFileOptions& o) {
  auto variants = LoadVariants(common);
  if (!variants) return Report(variants.error());
  auto ctx = Open(common);
  if (!ctx) return Report(ctx.error());
  storage::MatchingRepository repo(*ctx->db);
  SystemClock clock;
  Instant started = clock.Now();
  auto records = repo.ChildrenToMatch();
  if (!records) return Report(records.error());
  auto not_same = repo.NotSamePairs();
  if (!not_same) return Report(not_same.error());
  matching::MatchOptions options;
  options.clustering.link_weight = matching::WeightOf(o.threshold);
  auto result = matching::MatchAll(*records, **variants, options, TerminalProgress());
  auto found = PairsToReview(*records, result, o.review_from, *not_same);
  storage::MatchRun run{.id = NewId(),
                        .started_at = started,
                        .finished_at = clock.Now(),
                        .records = static_cast<long long>(records->size()),
                        .pairs = static_cast<long long>(result.pairs.size()),
                        .queued = 0,
                        .linked = LinkedRecords(result.clusters),
                        .model_json = matching::ModelToJson(result.model)};
  storage::AuditRepository audit(*ctx->db);
  auto saved = storage::InTransaction(
      *ctx->db, "saving a match run", [&](storage::Transaction& tx) -> Result<std::size_t> {
        std::size_t queued = repo.QueueIn(tx, found, run.id, run.finished_at);
        run.queued = static_cast<long long>(queued);
        repo.SaveRunIn(tx, run);
        audit.AppendIn(tx, CliEntry("child.match", "match_run", run.id,
                                    std::to_string(run.records) + " children, " +
                                        std::to_string(run.pairs) + " pairs compared, " +
                                        std::to_string(queued) + " new pairs to review"));
        return queued;
      });
  if (!saved) return Report(saved.error());
  if (o.show_model) PrintModel(result.model);
  double seconds = std::chrono::duration<double>(run.finished_at - run.started_at).count();
  std::cout << run.records << " children matched in " << int(seconds * 10) / 10.0
            << " s: " << run.pairs << " pairs compared, " << found.size() << " at least "
            << o.review_from * 100 << "% likely, " << *saved << " of them new to the review queue ("
            << not_same->size() << " pairs already decided not the same child were left out).\n";
  return 0;
}

}  // namespace

std::function<int()> AddPeopleCommands(CLI::App& app, Common& common) {
  auto* people = app.add_subcommand("people", "People and children as one record each");
  people->require_subcommand(1);
  auto* match = people->add_subcommand(
      "match",
      "Match a partner's CSV of people within itself, or (without FILE) re-score the database's "
      "children and fill the duplicate-review queue (docs/matching.md)");
  AddCommon(match, common);
  auto o = std::make_shared<MatchFileOptions>();
  match->add_option(
      "FILE", o->file,
      "CSV: record_id,agency,given_name,family_name,date_of_birth,sex,postcode,phone");
  match->add_option("--out", o->out, "With FILE: where to write record_id,cluster_id");
  match->add_option("--pairs", o->pairs,
                    "With FILE: where to write each scored pair and its reasons");
  match
      ->add_option("--threshold", o->threshold,
                   "Match probability at which records are joined (default 0.99)")
      ->check(CLI::Range(0.5, 0.999999));
  match
      ->add_option("--review-from", o->review_from,
                   "Without FILE: match probability from which a pair is queued (default 0.5)")
      ->check(CLI::Range(0.01, 0.999999));
  match->add_flag("--show-model", o->show_model, "Print the trained m, u and weights");
  return [match, o, &common]() -> int {
    if (!match->parsed()) return -1;
    if (o->file.empty()) {
      if (!o->out.empty() || !o->pairs.empty()) {
        std::cerr << "--out and --pairs go with a FILE to match.\n";
        return 2;
      }
      return MatchDatabase(common, *o);
    }
    if (o->out.empty()) {
      std::cerr << "Give --out for the clusters of " << o->file << ".\n";
      return 2;
    }
    return MatchFile(common, *o);
  };
}

}  // namespace harbour::cli
