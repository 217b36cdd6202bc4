#include "matching/train.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <unordered_map>

namespace harbour::matching {
namespace {

// Added to every level's count, so that a level never seen still has a small probability.
constexpr double kPseudoCount = 1.0;
// An EM session needs this many pairs to say anything.
constexpr std::size_t kFewestSessionPairs = 50;
// u is estimated only from at least this many pairs (about 100 records); fewer keep the
// starting model's.
constexpr double kFewestPairsForU = 5000;

std::size_t LevelCount(std::size_t field) { return Fields()[field].levels.size(); }

// Counts normalised over the levels but "missing", with the pseudo-count.
std::vector<double> Normalised(const std::vector<double>& counts) {
  std::vector<double> out(counts.size(), 0.0);
  double total = 0;
  for (std::size_t l = 1; l < counts.size(); ++l) total += counts[l] + kPseudoCount;
  for (std::size_t l = 1; l < counts.size(); ++l) out[l] = (counts[l] + kPseudoCount) / total;
  return out;
}

void CountFrequencies(const std::vector<PreparedRecord>& records, Model& model) {
  std::unordered_map<std::string, double> given, family;
  for (const auto& r : records) {
    if (!r.given.Empty()) given[r.given.whole] += 1;
    if (!r.family.Empty()) family[r.family.whole] += 1;
  }
  double n = double(std::max<std::size_t>(records.size(), 1));
  for (auto& [name, count] : given) count /= n;
  for (auto& [name, count] : family) count /= n;
  model.given_frequency = std::move(given);
  model.family_frequency = std::move(family);
  model.records = records.size();
}

// log(m / u) of each field's levels, for the E step.
std::array<std::vector<double>, kFieldCount> LogRatios(const Model& model) {
  std::array<std::vector<double>, kFieldCount> out;
  for (std::size_t f = 0; f < kFieldCount; ++f) {
    out[f].assign(model.m[f].size(), 0.0);
    for (std::size_t l = 1; l < model.m[f].size(); ++l) {
      out[f][l] = std::log(std::max(model.m[f][l], 1e-12) / std::max(model.u[f][l], 1e-12));
    }
  }
  return out;
}

// The probability that a pair at `levels` is a match, counting only the fields in `free`.
double MatchProbability(const Levels& levels, double log_prior_odds,
                        const std::array<std::vector<double>, kFieldCount>& log_ratios,
                        std::uint8_t free) {
  double log_odds = log_prior_odds;
  for (std::size_t f = 0; f < kFieldCount; ++f) {
    if ((free & (1u << f)) != 0) log_odds += log_ratios[f][levels[f]];
  }
  return 1.0 / (1.0 + std::exp(-log_odds));
}

// The distinct level patterns of a set of pairs, each with how many pairs have it. EM depends on
// the pairs only through these counts, and at a million records some 40 million pairs have a
// few thousand patterns: every iteration then reads the patterns, not the pairs.
struct Pattern {
  Levels levels{};
  double count = 0;
};

std::uint64_t Packed(const Levels& levels) {
  std::uint64_t key = 0;
  for (auto l : levels) key = (key << 8) | l;
  return key;
}

template <class Each>
std::vector<Pattern> PatternsOf(const Each& each) {
  std::unordered_map<std::uint64_t, std::size_t> index;
  std::vector<Pattern> patterns;
  each([&](const Levels& levels) {
    auto [it, added] = index.emplace(Packed(levels), patterns.size());
    if (added) patterns.push_back({levels, 0});
    patterns[it->second].count += 1;
  });
  return patterns;
}

struct Session {
  std::array<std::vector<double>, kFieldCount> m;
  double expected_matches = 0;
  double prior = 0;  // among the session's pairs
};

// One rule's EM: m of the fields in `free` and the share of matches among `pairs`.
Session RunSession(const Model& start, const std::vector<Pattern>& pairs, std::uint8_t free,
                   const TrainingOptions& options) {
  double total = 0;
  for (const auto& pattern : pairs) total += pattern.count;
  Model model = start;
  double prior = 0.3;
  Session session;
  for (int iteration = 0; iteration < options.iterations; ++iteration) {
    auto log_ratios = LogRatios(model);
    double log_prior_odds = std::log(prior / (1 - prior));
    std::array<std::vector<double>, kFieldCount> counts;
    for (std::size_t f = 0; f < kFieldCount; ++f) counts[f].assign(LevelCount(f), 0.0);
    double matches = 0;
    for (const auto& pattern : pairs) {
      double p = MatchProbability(pattern.levels, log_prior_odds, log_ratios, free) * pattern.count;
      matches += p;
      for (std::size_t f = 0; f < kFieldCount; ++f) counts[f][pattern.levels[f]] += p;
    }
    double moved = 0;
    for (std::size_t f = 0; f < kFieldCount; ++f) {
      if ((free & (1u << f)) == 0) continue;
      auto m = Normalised(counts[f]);
      for (std::size_t l = 1; l < m.size(); ++l)
        moved = std::max(moved, std::abs(m[l] - model.m[f][l]));
      model.m[f] = std::move(m);
    }
    prior = std::clamp(matches / total, 1e-6, 1 - 1e-6);
    session.expected_matches = matches;
    if (moved < options.tolerance) break;
  }
  session.m = model.m;
  session.prior = prior;
  return session;
}

// The share of matches among all `pairs` with m and u fixed.
double PriorAmongPairs(const Model& model, const std::vector<ComparedPair>& pairs,
                       const TrainingOptions& options) {
  auto log_ratios = LogRatios(model);
  constexpr std::uint8_t kAll = (1u << kFieldCount) - 1;
  auto patterns = PatternsOf([&](const auto& add) {
    for (const auto& p : pairs) add(p.levels);
  });
  double prior = 0.1;
  for (int iteration = 0; iteration < options.iterations; ++iteration) {
    double log_prior_odds = std::log(prior / (1 - prior));
    double matches = 0;
    for (const auto& pattern : patterns) {
      matches += MatchProbability(pattern.levels, log_prior_odds, log_ratios, kAll) * pattern.count;
    }
    double next = std::clamp(matches / double(pairs.size()), 1e-9, 1 - 1e-9);
    bool settled = std::abs(next - prior) < options.tolerance * prior;
    prior = next;
    if (settled) break;
  }
  return prior;
}

}  // namespace

std::array<std::vector<double>, kFieldCount> EstimateU(const std::vector<PreparedRecord>& records,
                                                       const NameVariants& variants,
                                                       const TrainingOptions& options) {
  std::array<std::vector<double>, kFieldCount> counts;
  for (std::size_t f = 0; f < kFieldCount; ++f) counts[f].assign(LevelCount(f), 0.0);
  const std::size_t n = records.size();
  auto count = [&](std::size_t a, std::size_t b) {
    Levels levels = Compare(records[a], records[b], variants);
    for (std::size_t f = 0; f < kFieldCount; ++f) counts[f][levels[f]] += 1;
  };
  const double all_pairs = double(n) * double(n > 0 ? n - 1 : 0) / 2;
  if (all_pairs <= double(options.random_pairs)) {
    for (std::size_t a = 0; a < n; ++a) {
      for (std::size_t b = a + 1; b < n; ++b) count(a, b);
    }
  } else {
    std::mt19937_64 random(options.seed);
    std::uniform_int_distribution<std::size_t> pick(0, n - 1);
    for (std::size_t drawn = 0; drawn < options.random_pairs;) {
      std::size_t a = pick(random), b = pick(random);
      if (a == b) continue;
      count(a, b);
      ++drawn;
    }
  }
  std::array<std::vector<double>, kFieldCount> u;
  for (std::size_t f = 0; f < kFieldCount; ++f) u[f] = Normalised(counts[f]);
  return u;
}

Model EstimateM(Model model, const std::vector<ComparedPair>& pairs, std::size_t record_count,
                const TrainingOptions& options) {
  const auto& rules = BlockingRules();
  constexpr std::uint8_t kAll = (1u << kFieldCount) - 1;
  std::array<std::vector<double>, kFieldCount> sum;
  std::array<double, kFieldCount> weight{};
  for (std::size_t f = 0; f < kFieldCount; ++f) sum[f].assign(LevelCount(f), 0.0);
  for (std::size_t r = 0; r < rules.size(); ++r) {
    if (!rules[r].trains) continue;
    // Every pair the rule keeps, whichever kept it first, as level patterns.
    std::size_t kept = 0;
    auto session_pairs = PatternsOf([&](const auto& add) {
      for (const auto& p : pairs) {
        if ((p.pair.rules & (1u << r)) == 0) continue;
        add(p.levels);
        ++kept;
      }
    });
    if (kept < kFewestSessionPairs) continue;
    std::uint8_t free = kAll & std::uint8_t(~rules[r].agreed_fields);
    Session session = RunSession(model, session_pairs, free, options);
    for (std::size_t f = 0; f < kFieldCount; ++f) {
      if ((free & (1u << f)) == 0) continue;
      for (std::size_t l = 1; l < sum[f].size(); ++l) {
        sum[f][l] += session.m[f][l] * session.expected_matches;
      }
      weight[f] += session.expected_matches;
    }
  }
  for (std::size_t f = 0; f < kFieldCount; ++f) {
    if (weight[f] <= 0) continue;  // no session estimated it: keep the starting m
    for (std::size_t l = 1; l < sum[f].size(); ++l) model.m[f][l] = sum[f][l] / weight[f];
  }
  if (!pairs.empty() && record_count > 1) {
    double among = PriorAmongPairs(model, pairs, options);
    double all_pairs = double(record_count) * double(record_count - 1) / 2;
    model.prior = std::clamp(among * double(pairs.size()) / all_pairs, 1e-12, 0.5);
  }
  return model;
}

Model Train(const std::vector<PreparedRecord>& records, const NameVariants& variants,
            const std::vector<ComparedPair>& pairs, const TrainingOptions& options) {
  Model model = StartingModel();
  CountFrequencies(records, model);
  if (records.size() < 2) return model;
  const double all_pairs = double(records.size()) * double(records.size() - 1) / 2;
  if (all_pairs >= kFewestPairsForU) model.u = EstimateU(records, variants, options);
  return EstimateM(std::move(model), pairs, records.size(), options);
}

}  // namespace harbour::matching
