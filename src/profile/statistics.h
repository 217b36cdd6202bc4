#pragma once
// Statistics for the area picture (DOMAIN.md §9, §13): intervals, rates, agreement, flags.
#include <optional>
#include <vector>

namespace harbour::profile {

// The 0.975 quantile of the standard normal distribution: z for a two-sided 95% interval.
inline constexpr double kZ95 = 1.959963984540054;

// A closed interval of values, low <= high.
struct Interval {
  double low = 0;
  double high = 0;
};

// A proportion (successes / trials) with its Wilson score interval.
struct Proportion {
  double estimate = 0;
  Interval interval;
};

// The Wilson score interval for a binomial proportion (Wilson 1927; Newcombe 1998, method 3):
//   centre = (p + z²/2n) / (1 + z²/n),  half-width = z / (1 + z²/n) * sqrt(p(1-p)/n + z²/4n²)
// with p = successes / trials and n = trials, clamped to [0, 1]; it is exactly 0 at the low
// end when successes is 0 and exactly 1 at the high end when successes is trials. Unlike the
// normal ("Wald") interval it stays inside [0, 1] and is not degenerate at 0 or n, which is
// what small counts need. `successes` is clamped into [0, trials]; trials <= 0 gives {0, 1}
// (no trials say nothing about the proportion: every value is possible). `z` is taken as
// finite and positive (kZ95 for 95%).
Interval WilsonInterval(long successes, long trials, double z = kZ95);

// successes / trials with its Wilson interval; nullopt unless 0 <= successes <= trials and
// trials > 0.
std::optional<Proportion> ProportionOf(long successes, long trials, double z = kZ95);

// A rate per 10,000 (children, DOMAIN.md §13) with its interval, the Wilson interval of the
// proportion count / population scaled by 10,000.
struct Rate {
  double per_10000 = 0;
  Interval interval_per_10000;
};

// The rate of `count` in `population`, per 10,000; nullopt when population <= 0 or count is not
// in [0, population] (a count larger than its population means the two do not describe the
// same people). Callers suppress the rate wherever they suppress the count (DOMAIN.md §13).
std::optional<Rate> RatePer10000(long count, long population, double z = kZ95);

// How disagreements between ordinal categories 0..k-1 are weighted in WeightedKappa: every
// disagreement counts fully (Cohen 1960), or by its distance |i - j| / (k - 1) (linear), or by
// its squared distance ((i - j) / (k - 1))² (quadratic, Fleiss and Cohen 1973).
enum class KappaWeights { kUnweighted, kLinear, kQuadratic };

// Agreement between two raters beyond chance. `observed` and `expected` are the weighted
// proportions of agreement (1 minus the weighted disagreement), observed in the table and
// expected from its margins if the raters were independent; kappa = (observed - expected) /
// (1 - expected): 1 is perfect agreement, 0 no better than chance, below 0 worse. `n` is the
// number of items both raters rated.
struct Agreement {
  double kappa = 0;
  double observed = 0;
  double expected = 0;
  long n = 0;
};

// Cohen's kappa, weighted for ordinal categories, of a square k x k confusion table:
// confusion[i][j] is the number of items rater A put in category i and rater B in category j
// (rows are rater A, columns rater B; categories in their order). nullopt when the table is
// empty or not square, holds a negative count, its total overflows, n is 0, or the expected
// disagreement is 0 (every item in one category by both raters' margins: kappa is undefined,
// 0 / 0).
std::optional<Agreement> WeightedKappa(const std::vector<std::vector<long>>& confusion,
                                       KappaWeights weights);

// One group of a population (e.g. the children of one ethnic group in the area): how many were
// identified (count) out of how many there are (population).
struct GroupRate {
  long count = 0;
  long population = 0;
};

// The smallest group population FlagUnderIdentified considers by default.
inline constexpr long kMinFlagPopulation = 100;

// Which groups are identified well below the others. `groups` should partition one population
// (each child in exactly one group). Group g is flagged when
//   - its population is at least `min_population`, and
//   - the upper end of its Wilson interval (count_g / population_g) is below the lower end of
//     the Wilson interval of the rest of the population combined (the counts and populations
//     of every other group summed, so a small group is compared with a stable rate, not with
//     other small groups).
// Intervals that do not overlap is a deliberately conservative test: a group identified at the
// same rate as the rest is flagged by chance at most 2.5% of the time (the lower tail of a 5%
// two-sided test, when the rest is so large that its interval is a point) and about 0.3% of the
// time when the two intervals are equally wide, which keeps chance flags rare when many groups
// are compared at once. A group with population <= 0 or a count outside [0, population] (e.g.
// "not known", which has no denominator) is never flagged and is left out of every rest. The
// answer has one element per group, in order; all false when the totals overflow.
std::vector<bool> FlagUnderIdentified(const std::vector<GroupRate>& groups,
                                      long min_population = kMinFlagPopulation, double z = kZ95);

}  // namespace harbour::profile
