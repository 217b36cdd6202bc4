// Training recovers a known model: pairs generated from chosen m, u and prior, then EM from the
// starting model, must give back m and the share of matches; u from random pairs of records that
// are all different people is close to the truth.
#include "matching/train.h"

#include <gtest/gtest.h>

#include <random>

namespace harbour::matching {
namespace {

// Levels drawn from `probabilities` (by level, [0] unused).
std::uint8_t Draw(std::mt19937_64& random, const std::vector<double>& probabilities) {
  std::discrete_distribution<int> pick(probabilities.begin() + 1, probabilities.end());
  return std::uint8_t(pick(random) + 1);
}

TEST(EstimateM, RecoversAKnownModelFromItsPairs) {
  Model truth = StartingModel();
  truth.m[std::size_t(Field::kSex)] = {0, 0.95, 0.05};
  truth.m[std::size_t(Field::kPhone)] = {0, 0.7, 0.3};
  truth.m[std::size_t(Field::kPostcode)] = {0, 0.6, 0.15, 0.1, 0.15};
  const double share_of_matches = 0.25;
  std::mt19937_64 random(7);
  std::bernoulli_distribution is_match(share_of_matches);
  std::vector<ComparedPair> pairs;
  const auto& rules = BlockingRules();
  for (int i = 0; i < 60000; ++i) {
    bool match = is_match(random);
    ComparedPair p;
    auto rule = std::uint8_t(i % rules.size());
    p.pair = {std::uint32_t(2 * i), std::uint32_t(2 * i + 1), rule, std::uint8_t(1u << rule)};
    for (std::size_t f = 0; f < kFieldCount; ++f) {
      p.levels[f] = Draw(random, match ? truth.m[f] : truth.u[f]);
    }
    pairs.push_back(p);
  }
  Model start = StartingModel();
  start.u = truth.u;
  Model got = EstimateM(start, pairs, 120000, {});
  for (std::size_t f = 0; f < kFieldCount; ++f) {
    for (std::size_t l = 1; l < truth.m[f].size(); ++l) {
      EXPECT_NEAR(got.m[f][l], truth.m[f][l], 0.03) << Fields()[f].id << " level " << l;
    }
  }
  // The prior is the share of matches among the pairs, scaled to all pairs of 120,000 records.
  double all_pairs = 120000.0 * 119999.0 / 2;
  EXPECT_NEAR(got.prior * all_pairs / double(pairs.size()), share_of_matches, 0.02);
}

TEST(EstimateU, ComesFromPairsDrawnAtRandom) {
  auto variants = *NameVariants::Parse("");
  std::vector<PreparedRecord> records;
  for (int i = 0; i < 400; ++i) {
    MatchRecord r{.id = std::to_string(i),
                  .agency = "",
                  .given_name = "given" + std::to_string(i % 20),
                  .family_name = "family" + std::to_string(i % 50),
                  .date_of_birth = std::nullopt,
                  .sex = i % 2 == 0 ? "female" : "male",
                  .postcode = "",
                  .phone = ""};
    records.push_back(Prepare(r, variants));
  }
  auto u = EstimateU(records, variants,
                     {.random_pairs = 200000, .iterations = 30, .tolerance = 1e-5, .seed = 3});
  // 400 records are 79,800 pairs, all compared: exact given names 1 in 20 less the pair itself.
  EXPECT_NEAR(u[std::size_t(Field::kSex)][level::kSame], 0.5, 0.01);
  EXPECT_NEAR(u[std::size_t(Field::kGivenName)][level::kGivenExact], 19.0 / 399.0, 0.005);
  EXPECT_NEAR(u[std::size_t(Field::kFamilyName)][level::kFamilyExact], 7.0 / 399.0, 0.005);
}

}  // namespace
}  // namespace harbour::matching
