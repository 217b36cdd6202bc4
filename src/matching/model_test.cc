// The waterfall: the prior, each field's log2(m / u), an exact name's frequency adjustment, the
// total and its probability, worked out by hand from the starting model.
#include "matching/model.h"

#include <gtest/gtest.h>

#include <cmath>

namespace harbour::matching {
namespace {

PreparedRecord Amy() {
  MatchRecord r{.id = "1",
                .agency = "",
                .given_name = "Amy",
                .family_name = "Lee",
                .date_of_birth = *ParseDate("2012-03-04"),
                .sex = "female",
                .postcode = "HB4 7QT",
                .phone = ""};
  return Prepare(r, *NameVariants::Parse(""));
}

TEST(Explain, IsTheGoldenWaterfallOfTheStartingModel) {
  Model model = StartingModel();
  Levels levels{level::kGivenExact, level::kFamilyDifferent, level::kDobDayMonthSwapped,
                level::kSame,       level::kPostcodeSector,  level::kMissing};
  auto e = Explain(model, levels, Amy());
  ASSERT_EQ(e.bars.size(), 7u) << "the prior and six fields; no frequencies counted";
  EXPECT_EQ(e.bars[0].label, "Prior");
  EXPECT_NEAR(e.bars[0].weight, std::log2(1e-4 / (1 - 1e-4)), 1e-9);
  EXPECT_EQ(e.bars[1].label, "Given name");
  EXPECT_EQ(e.bars[1].level, "exact");
  EXPECT_NEAR(e.bars[1].weight, std::log2(0.78 / 0.01), 1e-9);
  EXPECT_EQ(e.bars[2].level, "different");
  EXPECT_NEAR(e.bars[2].weight, std::log2(0.03 / 0.9529), 1e-9);
  EXPECT_EQ(e.bars[3].level, "day and month swapped");
  EXPECT_NEAR(e.bars[3].weight, std::log2(0.03 / 0.0001), 1e-9);
  EXPECT_NEAR(e.bars[4].weight, std::log2(0.97 / 0.5), 1e-9);
  EXPECT_NEAR(e.bars[5].weight, std::log2(0.08 / 0.01), 1e-9);
  EXPECT_EQ(e.bars[6].level, "missing");
  EXPECT_EQ(e.bars[6].weight, 0);
  double total = 0;
  for (const auto& bar : e.bars) total += bar.weight;
  EXPECT_NEAR(e.weight, total, 1e-9);
  EXPECT_NEAR(e.probability, 1 / (1 + std::exp2(-total)), 1e-12);
  EXPECT_NEAR(MatchWeight(model, levels, Amy()), e.weight, 1e-9);
  EXPECT_NEAR(MatchWeight(model, levels, Amy(), false), e.weight - e.bars[0].weight, 1e-9);
}

TEST(Explain, WeighsAnExactNameByHowCommonItIs) {
  Model model = StartingModel();
  model.records = 1000;
  model.given_frequency = {{"amy", 0.001}};  // one record in a thousand: rarer than u's 1 in 100
  Levels levels{level::kGivenExact, 0, 0, 0, 0, 0};
  auto e = Explain(model, levels, Amy());
  ASSERT_EQ(e.bars.size(), 8u);
  EXPECT_EQ(e.bars[2].label, "Given name: how common");
  EXPECT_EQ(e.bars[2].field, Field::kGivenName) << "pairs.csv adds it to the given name's weight";
  EXPECT_FALSE(e.bars[0].field) << "the prior is no field's";
  EXPECT_NEAR(e.bars[2].weight, std::log2(0.01 / 0.001), 1e-9);
  model.given_frequency = {{"amy", 0.2}};  // very common: counts for less
  EXPECT_LT(Explain(model, levels, Amy()).bars[2].weight, 0);
}

}  // namespace
}  // namespace harbour::matching
