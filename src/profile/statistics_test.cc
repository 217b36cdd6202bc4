#include "profile/statistics.h"

#include <gtest/gtest.h>

#include <limits>
#include <vector>

namespace harbour::profile {
namespace {

// Published values are given to four decimal places.
constexpr double kFourPlaces = 0.00005;

// Newcombe RG (1998), "Two-sided confidence intervals for the single proportion: comparison of
// seven methods", Statistics in Medicine 17:857-872, Table II, method 3 (Wilson score, no
// continuity correction): 81/263 is 0.2553 to 0.3662; 15/148 0.0624 to 0.1605; 0/20 0 to
// 0.1611; 1/29 0.0061 to 0.1718.
TEST(WilsonIntervalTest, MatchesNewcombesPublishedExamples) {
  struct Example {
    long successes, trials;
    double low, high;
  };
  for (const Example& e : std::vector<Example>{{81, 263, 0.2553, 0.3662},
                                               {15, 148, 0.0624, 0.1605},
                                               {0, 20, 0.0, 0.1611},
                                               {1, 29, 0.0061, 0.1718}}) {
    Interval interval = WilsonInterval(e.successes, e.trials);
    EXPECT_NEAR(interval.low, e.low, kFourPlaces) << e.successes << "/" << e.trials;
    EXPECT_NEAR(interval.high, e.high, kFourPlaces) << e.successes << "/" << e.trials;
  }
}

// 0 of 10 by the formula: centre = (0 + z²/20) / (1 + z²/10) = 0.19207 / 1.38415 = 0.13877,
// half-width = (z / 1.38415) * sqrt(z²/400) = 1.41600 * 0.09800 = 0.13877, so 0 to 0.2775.
// 10 of 10 is its mirror image: 0.7225 to 1.
TEST(WilsonIntervalTest, EndsAreExactAtNoneAndAll) {
  Interval none = WilsonInterval(0, 10);
  EXPECT_EQ(none.low, 0.0);
  EXPECT_NEAR(none.high, 0.2775, kFourPlaces);
  Interval all = WilsonInterval(10, 10);
  EXPECT_NEAR(all.low, 0.7225, kFourPlaces);
  EXPECT_EQ(all.high, 1.0);
}

TEST(WilsonIntervalTest, NoTrialsAllowEveryProportion) {
  Interval interval = WilsonInterval(0, 0);
  EXPECT_EQ(interval.low, 0.0);
  EXPECT_EQ(interval.high, 1.0);
  EXPECT_EQ(WilsonInterval(3, -1).high, 1.0);
}

TEST(WilsonIntervalTest, ClampsSuccessesIntoTrials) {
  EXPECT_EQ(WilsonInterval(12, 10).high, 1.0);
  EXPECT_NEAR(WilsonInterval(12, 10).low, 0.7225, kFourPlaces);
  EXPECT_EQ(WilsonInterval(-3, 10).low, 0.0);
}

TEST(WilsonIntervalTest, WiderForHigherConfidence) {
  Interval at_95 = WilsonInterval(81, 263);
  Interval at_99 = WilsonInterval(81, 263, 2.5758293035489);
  EXPECT_LT(at_99.low, at_95.low);
  EXPECT_GT(at_99.high, at_95.high);
}

TEST(ProportionOfTest, EstimateAndInterval) {
  auto p = ProportionOf(81, 263);
  ASSERT_TRUE(p.has_value());
  EXPECT_NEAR(p->estimate, 0.3080, kFourPlaces);
  EXPECT_NEAR(p->interval.low, 0.2553, kFourPlaces);
  EXPECT_FALSE(ProportionOf(1, 0).has_value());
  EXPECT_FALSE(ProportionOf(-1, 10).has_value());
  EXPECT_FALSE(ProportionOf(11, 10).has_value());
}

TEST(RatePer10000Test, ScalesTheProportionAndItsInterval) {
  auto rate = RatePer10000(81, 263);
  ASSERT_TRUE(rate.has_value());
  EXPECT_NEAR(rate->per_10000, 3079.85, 0.01);
  EXPECT_NEAR(rate->interval_per_10000.low, 2552.9, 0.1);
  EXPECT_NEAR(rate->interval_per_10000.high, 3662.1, 0.1);
}

TEST(RatePer10000Test, ChildPopulationScale) {
  // 30 children in 100,000: 3 per 10,000, Wilson 2.10 to 4.28.
  auto rate = RatePer10000(30, 100000);
  ASSERT_TRUE(rate.has_value());
  EXPECT_DOUBLE_EQ(rate->per_10000, 3.0);
  EXPECT_NEAR(rate->interval_per_10000.low, 2.10, 0.005);
  EXPECT_NEAR(rate->interval_per_10000.high, 4.28, 0.005);
}

TEST(RatePer10000Test, ZeroCountHasARate) {
  auto rate = RatePer10000(0, 5000);
  ASSERT_TRUE(rate.has_value());
  EXPECT_EQ(rate->per_10000, 0.0);
  EXPECT_EQ(rate->interval_per_10000.low, 0.0);
  EXPECT_GT(rate->interval_per_10000.high, 0.0);
}

TEST(RatePer10000Test, NoRateWithoutAPopulationOrForAnImpossibleCount) {
  EXPECT_FALSE(RatePer10000(0, 0).has_value());
  EXPECT_FALSE(RatePer10000(3, -10).has_value());
  EXPECT_FALSE(RatePer10000(11, 10).has_value());
  EXPECT_FALSE(RatePer10000(-1, 10).has_value());
}

// The example of Wikipedia's "Cohen's kappa" article: 50 applications, A said yes to 25, B to
// 30; they agree on 20 yes and 15 no. Observed 0.7, expected 0.5 x 0.6 + 0.5 x 0.4 = 0.5,
// kappa = (0.7 - 0.5) / (1 - 0.5) = 0.4.
TEST(WeightedKappaTest, WikipediaTwoByTwo) {
  auto agreement = WeightedKappa({{20, 5}, {10, 15}}, KappaWeights::kUnweighted);
  ASSERT_TRUE(agreement.has_value());
  EXPECT_NEAR(agreement->kappa, 0.4, 1e-12);
  EXPECT_NEAR(agreement->observed, 0.7, 1e-12);
  EXPECT_NEAR(agreement->expected, 0.5, 1e-12);
  EXPECT_EQ(agreement->n, 50);
  // With two categories every disagreement is at distance 1: the weights make no difference.
  EXPECT_NEAR(WeightedKappa({{20, 5}, {10, 15}}, KappaWeights::kLinear)->kappa, 0.4, 1e-12);
  EXPECT_NEAR(WeightedKappa({{20, 5}, {10, 15}}, KappaWeights::kQuadratic)->kappa, 0.4, 1e-12);
}

// Three ordinal risk levels, 50 children rated by A (rows) and B (columns):
//        B0  B1  B2 | A's total
//   A0   12   3   1 | 16
//   A1    2  10   4 | 16
//   A2    1   2  15 | 18
//   B's  15  15  20 | 50
// Cells one level apart: (0,1) 3 + (1,0) 2 + (1,2) 4 + (2,1) 2 = 11; two apart: (0,2) 1 +
// (2,0) 1 = 2. Expected counts x 50 from the margins, one apart: 16x15 + 16x15 + 16x20 + 18x15
// = 240 + 240 + 320 + 270 = 1070; two apart: 16x20 + 18x15 = 320 + 270 = 590; diagonal: 16x15 +
// 16x15 + 18x20 = 840 (all over 50² = 2500).
const std::vector<std::vector<long>> kThreeLevels = {{12, 3, 1}, {2, 10, 4}, {1, 2, 15}};

// Unweighted: observed 37 / 50 = 0.74, expected 840 / 2500 = 0.336,
// kappa = (0.74 - 0.336) / 0.664 = 0.404 / 0.664 = 101 / 166 = 0.608434.
TEST(WeightedKappaTest, ThreeByThreeUnweighted) {
  auto agreement = WeightedKappa(kThreeLevels, KappaWeights::kUnweighted);
  ASSERT_TRUE(agreement.has_value());
  EXPECT_NEAR(agreement->observed, 0.74, 1e-12);
  EXPECT_NEAR(agreement->expected, 0.336, 1e-12);
  EXPECT_NEAR(agreement->kappa, 101.0 / 166.0, 1e-12);
}

// Linear: one apart weighs 1/2, two apart 1. Observed disagreement (11/2 + 2) / 50 = 7.5 / 50 =
// 0.15; expected (1070/2 + 590) / 2500 = 1125 / 2500 = 0.45; kappa = 1 - 0.15 / 0.45 = 2/3.
TEST(WeightedKappaTest, ThreeByThreeLinear) {
  auto agreement = WeightedKappa(kThreeLevels, KappaWeights::kLinear);
  ASSERT_TRUE(agreement.has_value());
  EXPECT_NEAR(agreement->observed, 0.85, 1e-12);
  EXPECT_NEAR(agreement->expected, 0.55, 1e-12);
  EXPECT_NEAR(agreement->kappa, 2.0 / 3.0, 1e-12);
  EXPECT_EQ(agreement->n, 50);
}

// Quadratic: one apart weighs 1/4, two apart 1. Observed disagreement (11/4 + 2) / 50 = 4.75 /
// 50 = 0.095; expected (1070/4 + 590) / 2500 = 857.5 / 2500 = 0.343;
// kappa = 1 - 0.095 / 0.343 = 248 / 343 = 0.723032.
TEST(WeightedKappaTest, ThreeByThreeQuadratic) {
  auto agreement = WeightedKappa(kThreeLevels, KappaWeights::kQuadratic);
  ASSERT_TRUE(agreement.has_value());
  EXPECT_NEAR(agreement->observed, 0.905, 1e-12);
  EXPECT_NEAR(agreement->expected, 0.657, 1e-12);
  EXPECT_NEAR(agreement->kappa, 248.0 / 343.0, 1e-12);
}

TEST(WeightedKappaTest, IdenticalRatersAgreePerfectly) {
  for (KappaWeights weights :
       {KappaWeights::kUnweighted, KappaWeights::kLinear, KappaWeights::kQuadratic}) {
    auto agreement = WeightedKappa({{7, 0, 0}, {0, 4, 0}, {0, 0, 9}}, weights);
    ASSERT_TRUE(agreement.has_value());
    EXPECT_DOUBLE_EQ(agreement->kappa, 1.0);
    EXPECT_DOUBLE_EQ(agreement->observed, 1.0);
  }
}

TEST(WeightedKappaTest, ChanceAgreementIsZeroAndSystematicDisagreementNegative) {
  // Independent margins: every cell is its row total x column total / n.
  EXPECT_NEAR(WeightedKappa({{4, 6}, {6, 9}}, KappaWeights::kUnweighted)->kappa, 0.0, 1e-12);
  // Never agreeing with balanced margins: observed 0, expected 0.5, kappa -1.
  EXPECT_NEAR(WeightedKappa({{0, 5}, {5, 0}}, KappaWeights::kUnweighted)->kappa, -1.0, 1e-12);
}

TEST(WeightedKappaTest, UndefinedTables) {
  EXPECT_FALSE(WeightedKappa({}, KappaWeights::kUnweighted).has_value());
  EXPECT_FALSE(WeightedKappa({{0, 0}, {0, 0}}, KappaWeights::kLinear).has_value());
  EXPECT_FALSE(WeightedKappa({{1, 2}, {3}}, KappaWeights::kLinear).has_value());
  EXPECT_FALSE(WeightedKappa({{1, 2, 3}, {3, 4, 5}}, KappaWeights::kLinear).has_value());
  EXPECT_FALSE(WeightedKappa({{1, -2}, {3, 4}}, KappaWeights::kLinear).has_value());
  // Both raters put everything in one category: no disagreement was possible, 0 / 0.
  EXPECT_FALSE(WeightedKappa({{0, 0}, {0, 12}}, KappaWeights::kUnweighted).has_value());
  EXPECT_FALSE(WeightedKappa({{5}}, KappaWeights::kQuadratic).has_value());
  const long big = std::numeric_limits<long>::max();
  EXPECT_FALSE(WeightedKappa({{big, big}, {0, 0}}, KappaWeights::kUnweighted).has_value());
}

TEST(FlagUnderIdentifiedTest, FlagsAGroupWellBelowTheRest) {
  // Rest: 200 in 50,000 = 40 per 10,000 (Wilson about 34.8 to 45.9). Group 0: 2 in 4,000 =
  // 5 per 10,000 (Wilson about 1.4 to 18.2): flagged. Group 1: 30 in 8,000 = 37.5: not.
  std::vector<bool> flags = FlagUnderIdentified({{2, 4000}, {30, 8000}, {100, 25000}, {70, 17000}});
  EXPECT_EQ(flags, (std::vector<bool>{true, false, false, false}));
}

TEST(FlagUnderIdentifiedTest, OverlappingIntervalsAreNotFlagged) {
  // 0 in 300: upper bound 3.84/303.84, about 126 per 10,000, above any plausible rest.
  std::vector<bool> flags = FlagUnderIdentified({{0, 300}, {200, 50000}});
  EXPECT_EQ(flags, (std::vector<bool>{false, false}));
}

TEST(FlagUnderIdentifiedTest, SmallGroupsAreNotConsidered) {
  // 0 in 5,000 against 1,000 in 10,000 would be flagged, but not below the minimum.
  EXPECT_EQ(FlagUnderIdentified({{0, 5000}, {1000, 10000}}), (std::vector<bool>{true, false}));
  EXPECT_EQ(FlagUnderIdentified({{0, 5000}, {1000, 10000}}, 6000),
            (std::vector<bool>{false, false}));
}

TEST(FlagUnderIdentifiedTest, GroupsWithoutADenominatorAreLeftOut) {
  // The "not known" group (population 0) neither is flagged nor adds its 500 to the rest;
  // without it the rest is 40 per 10,000 and group 0 is still flagged.
  std::vector<bool> flags = FlagUnderIdentified({{2, 4000}, {200, 50000}, {500, 0}, {9, 3}});
  EXPECT_EQ(flags, (std::vector<bool>{true, false, false, false}));
}

TEST(FlagUnderIdentifiedTest, NothingToCompareWith) {
  EXPECT_TRUE(FlagUnderIdentified({}).empty());
  EXPECT_EQ(FlagUnderIdentified({{0, 100000}}), (std::vector<bool>{false}));
  const long big = std::numeric_limits<long>::max();
  EXPECT_EQ(FlagUnderIdentified({{0, big}, {big, big}}), (std::vector<bool>{false, false}));
}

}  // namespace
}  // namespace harbour::profile
