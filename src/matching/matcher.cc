#include "matching/matcher.h"

#include <algorithm>
#include <thread>

namespace harbour::matching {
namespace {

// Runs `work(begin, end)` over [0, n) split into `threads` parts, one thread each.
template <class Work>
void InParallel(std::size_t n, unsigned threads, const Work& work) {
  threads = std::max(1u, std::min<unsigned>(threads, unsigned(std::max<std::size_t>(n / 1000, 1))));
  if (threads == 1) {
    work(std::size_t{0}, n);
    return;
  }
  std::vector<std::thread> running;
  std::size_t step = (n + threads - 1) / threads;
  for (unsigned t = 0; t < threads; ++t) {
    std::size_t begin = std::min(n, t * step), end = std::min(n, begin + step);
    running.emplace_back([&work, begin, end] { work(begin, end); });
  }
  for (auto& thread : running) thread.join();
}

void Report(const Progress& progress, std::string_view stage, std::size_t done, std::size_t total) {
  if (progress) progress(stage, done, total);
}

constexpr double kNeverLinked = 1e9;

// Whether a pair is never linked automatically, however much else agrees: the evidence of its
// given names and dates of birth together is at or below `conflict`. Siblings share a family
// name, an address and a phone, which outweigh everything else in the model; only their given
// names and dates of birth tell them apart. Such a pair is also a conflict: the two records'
// clusters are not joined through others. (Refusing every pair whose given names differ, or
// that and the same date of birth, the mark of twins, cost more recall than it gained
// precision on the benchmark: docs/matching.md.)
bool Unlinkable(const Model& model, const Levels& levels, double conflict) {
  return PersonEvidence(model, levels) <= conflict;
}

// Scores every pair with the model and clusters them.
void ScoreAndCluster(MatchResult& result, const NameVariants& variants,
                     const MatchOptions& options) {
  result.weights.resize(result.pairs.size());
  InParallel(result.pairs.size(), options.threads, [&](std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) {
      const auto& p = result.pairs[i];
      result.weights[i] = MatchWeight(result.model, p.levels, result.prepared[p.pair.a]);
    }
  });
  // Only a pair at or over the link weight can join two records; the rest are left out here
  // rather than copied and then dropped by Cluster.
  std::vector<WeightedPair> weighted;
  const double conflict = options.clustering.conflict_weight;
  for (std::size_t i = 0; i < result.pairs.size(); ++i) {
    if (result.weights[i] < options.clustering.link_weight) continue;
    const auto& p = result.pairs[i];
    if (Unlinkable(result.model, p.levels, conflict)) continue;
    weighted.push_back({p.pair.a, p.pair.b, result.weights[i]});
  }
  auto evidence = [&](std::uint32_t x, std::uint32_t y) {
    Levels levels = Compare(result.prepared[x], result.prepared[y], variants);
    if (Unlinkable(result.model, levels, conflict)) return -kNeverLinked;
    return MatchWeight(result.model, levels, result.prepared[x], /*with_prior=*/false);
  };
  auto never = [](std::uint32_t, std::uint32_t) { return false; };
  result.clusters =
      Cluster(result.prepared.size(), std::move(weighted), evidence, never, options.clustering);
}

// The share of all pairs of records that `cluster_of` puts in one cluster.
double JoinedShare(const std::vector<std::uint32_t>& cluster_of) {
  const double n = double(cluster_of.size());
  if (n < 2) return 0;
  std::vector<std::uint32_t> size(cluster_of.size(), 0);
  for (auto c : cluster_of) ++size[c];
  double joined = 0;
  for (auto k : size) joined += double(k) * double(k > 0 ? k - 1 : 0) / 2;
  return joined / (n * (n - 1) / 2);
}

}  // namespace

MatchResult MatchAll(const std::vector<MatchRecord>& records, const NameVariants& variants,
                     const MatchOptions& options, const Progress& progress) {
  MatchResult result;
  Report(progress, "preparing", 0, records.size());
  result.prepared.resize(records.size());
  InParallel(records.size(), options.threads, [&](std::size_t begin, std::size_t end) {
    Preparer prepare(variants);
    for (std::size_t i = begin; i < end; ++i) result.prepared[i] = prepare(records[i]);
  });
  Report(progress, "blocking", 0, records.size());
  auto candidates = CandidatePairs(result.prepared);
  if (progress) {
    std::vector<std::size_t> by_rule(BlockingRules().size(), 0);
    for (const auto& c : candidates) ++by_rule[c.rule];
    for (std::size_t r = 0; r < by_rule.size(); ++r) {
      progress("  first kept by " + std::string(BlockingRules()[r].id), by_rule[r], by_rule[r]);
    }
  }
  Report(progress, "comparing", 0, candidates.size());
  result.pairs.resize(candidates.size());
  InParallel(candidates.size(), options.threads, [&](std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) {
      const auto& c = candidates[i];
      result.pairs[i] = {c, Compare(result.prepared[c.a], result.prepared[c.b], variants)};
    }
  });
  Report(progress, "training", 0, result.pairs.size());
  result.model = Train(result.prepared, variants, result.pairs, options.training);
  // Scored and clustered twice: the prior EM estimates counts the households among the blocked
  // pairs as part matches (it came out five times too high on the benchmark), so it is then set
  // from the first clustering, the share of all pairs of records that it joined, and the pairs
  // are scored and clustered again with it.
  Report(progress, "scoring", 0, result.pairs.size());
  ScoreAndCluster(result, variants, options);
  if (double joined = JoinedShare(result.clusters.cluster_of); joined > 0) {
    result.model.prior = joined;
    Report(progress, "scoring again", 0, result.pairs.size());
    ScoreAndCluster(result, variants, options);
  }
  Report(progress, "done", records.size(), records.size());
  return result;
}

}  // namespace harbour::matching
