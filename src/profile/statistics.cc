#include "profile/statistics.h"

#include <algorithm>
#include <cmath>
#include <cstddef>

namespace harbour::profile {
namespace {

// The weight of a disagreement between categories i and j of k, in [0, 1]: 0 on the diagonal.
double Disagreement(std::size_t i, std::size_t j, std::size_t k, KappaWeights weights) {
  if (i == j) return 0;
  if (weights == KappaWeights::kUnweighted || k < 2) return 1;
  const double distance = (i > j ? static_cast<double>(i - j) : static_cast<double>(j - i)) /
                          static_cast<double>(k - 1);
  return weights == KappaWeights::kLinear ? distance : distance * distance;
}

// True when `confusion` is a non-empty square table of non-negative counts.
bool IsSquareCounts(const std::vector<std::vector<long>>& confusion) {
  if (confusion.empty()) return false;
  for (const auto& row : confusion) {
    if (row.size() != confusion.size()) return false;
    if (std::ranges::any_of(row, [](long cell) { return cell < 0; })) return false;
  }
  return true;
}

bool IsValidGroup(const GroupRate& group) {
  return group.population > 0 && group.count >= 0 && group.count <= group.population;
}

}  // namespace

Interval WilsonInterval(long successes, long trials, double z) {
  if (trials <= 0) return {0, 1};
  successes = std::clamp(successes, 0L, trials);
  const double n = static_cast<double>(trials);
  const double p = static_cast<double>(successes) / n;
  const double z2 = z * z;
  const double denominator = 1 + z2 / n;
  const double centre = (p + z2 / (2 * n)) / denominator;
  const double half = z / denominator * std::sqrt(p * (1 - p) / n + z2 / (4 * n * n));
  Interval interval{std::max(0.0, centre - half), std::min(1.0, centre + half)};
  if (successes == 0) interval.low = 0;
  if (successes == trials) interval.high = 1;
  return interval;
}

std::optional<Proportion> ProportionOf(long successes, long trials, double z) {
  if (trials <= 0 || successes < 0 || successes > trials) return std::nullopt;
  return Proportion{static_cast<double>(successes) / static_cast<double>(trials),
                    WilsonInterval(successes, trials, z)};
}

std::optional<Rate> RatePer10000(long count, long population, double z) {
  auto proportion = ProportionOf(count, population, z);
  if (!proportion) return std::nullopt;
  return Rate{proportion->estimate * 10000,
              {proportion->interval.low * 10000, proportion->interval.high * 10000}};
}

std::optional<Agreement> WeightedKappa(const std::vector<std::vector<long>>& confusion,
                                       KappaWeights weights) {
  if (!IsSquareCounts(confusion)) return std::nullopt;
  const std::size_t k = confusion.size();
  std::vector<long> rows(k, 0);
  std::vector<long> columns(k, 0);
  long n = 0;
  for (std::size_t i = 0; i < k; ++i) {
    for (std::size_t j = 0; j < k; ++j) {
      const long cell = confusion[i][j];
      if (__builtin_add_overflow(rows[i], cell, &rows[i]) ||
          __builtin_add_overflow(columns[j], cell, &columns[j]) ||
          __builtin_add_overflow(n, cell, &n)) {
        return std::nullopt;
      }
    }
  }
  if (n == 0) return std::nullopt;
  // Weighted disagreement, observed and expected from the margins, as proportions of n. Sums of
  // non-negative terms: the expected one is exactly 0 only when no disagreement is possible.
  const double total = static_cast<double>(n);
  double observed = 0;
  double expected = 0;
  for (std::size_t i = 0; i < k; ++i) {
    for (std::size_t j = 0; j < k; ++j) {
      const double weight = Disagreement(i, j, k, weights);
      observed += weight * static_cast<double>(confusion[i][j]) / total;
      expected += weight * (static_cast<double>(rows[i]) / total) *
                  (static_cast<double>(columns[j]) / total);
    }
  }
  if (expected <= 0) return std::nullopt;
  return Agreement{1 - observed / expected, 1 - observed, 1 - expected, n};
}

std::vector<bool> FlagUnderIdentified(const std::vector<GroupRate>& groups, long min_population,
                                      double z) {
  std::vector<bool> flags(groups.size(), false);
  long all_count = 0;
  long all_population = 0;
  for (const GroupRate& group : groups) {
    if (!IsValidGroup(group)) continue;
    if (__builtin_add_overflow(all_count, group.count, &all_count) ||
        __builtin_add_overflow(all_population, group.population, &all_population)) {
      return flags;
    }
  }
  for (std::size_t g = 0; g < groups.size(); ++g) {
    const GroupRate& group = groups[g];
    if (!IsValidGroup(group) || group.population < min_population) continue;
    const long rest_count = all_count - group.count;
    const long rest_population = all_population - group.population;
    if (rest_population <= 0) continue;
    const Interval own = WilsonInterval(group.count, group.population, z);
    const Interval rest = WilsonInterval(rest_count, rest_population, z);
    flags[g] = own.high < rest.low;
  }
  return flags;
}

}  // namespace harbour::profile
