#include "profile/monitoring.h"

#include <gtest/gtest.h>

namespace harbour::profile {
namespace {

Labels TestLabels() {
  Labels labels;
  labels.ethnicity = {{"white_british", "White British"}, {"asian_pakistani", "Pakistani"}};
  labels.ethnicity_order = {"asian_pakistani", "white_british", "not_known"};
  labels.agencies = {{"a-police", "Harbour Police"}, {"a-school", "Harbour Academy"}};
  labels.levels = {{"none", "No concern", 3},
                   {"at_risk", "At risk", 2},
                   {"significant", "Significant", 1},
                   {"serious", "Serious", 0}};
  return labels;
}

ShownBreakdown SexShown(std::optional<long> female, std::optional<long> male) {
  ShownBreakdown b;
  b.id = "sex";
  b.rows = {{.code = "female", .label = "Female", .count = female},
            {.code = "male", .label = "Male", .count = male},
            {.code = "not_recorded", .label = "Not recorded", .count = 0, .not_recorded = true}};
  return b;
}

Population TwoSexes(long girls, long boys) {
  Population p;
  p.cells = {
      {.band = AgeBand::k14To15, .sex = "female", .ethnicity = "white_british", .count = girls},
      {.band = AgeBand::k14To15, .sex = "male", .ethnicity = "white_british", .count = boys}};
  return p;
}

TEST(Equality, RatesPerTenThousandWithWilsonIntervals) {
  auto tables = Equality({SexShown(120, 30)}, TwoSexes(10'000, 10'000), TestLabels());
  ASSERT_EQ(tables.size(), 1u);
  const auto& rows = tables[0].rows;
  ASSERT_EQ(rows.size(), 2u) << "Not recorded has no population and no rate";
  ASSERT_TRUE(rows[0].rate);
  EXPECT_DOUBLE_EQ(rows[0].rate->per_10000, 120.0);
  // Wilson 95% for 120 of 10,000: 100.5 to 143.3 per 10,000 (checked with the formula).
  EXPECT_NEAR(rows[0].rate->interval_per_10000.low, 100.5, 0.1);
  EXPECT_NEAR(rows[0].rate->interval_per_10000.high, 143.3, 0.1);
  EXPECT_FALSE(rows[0].under_identified);
  EXPECT_TRUE(rows[1].under_identified) << "boys at 30 against girls at 120 per 10,000";
}

TEST(Equality, ASuppressedCountHasNoRateAndIsNeverFlagged) {
  auto tables = Equality({SexShown(120, std::nullopt)}, TwoSexes(10'000, 10'000), TestLabels());
  const auto& boys = tables[0].rows[1];
  EXPECT_FALSE(boys.identified);
  EXPECT_FALSE(boys.rate);
  EXPECT_FALSE(boys.under_identified);
}

TEST(Equality, NothingWithoutAPopulation) {
  EXPECT_TRUE(Equality({SexShown(120, 30)}, Population{}, TestLabels()).empty());
}

// Every argument views a literal.
ChildFacts Child(std::string_view tool, std::string_view judged, std::string_view category,
                 std::string_view agency) {
  ChildFacts c;
  c.child_id = "c";
  c.sex = "female";
  c.tool_level = tool;
  c.judged_level = judged;
  c.panel_category = category;
  c.tool_agency = agency;
  return c;
}

TEST(Calibrate, MapsTheToolsTopLevelsOntoThePanelsCategories) {
  std::vector<ChildFacts> children = {Child("serious", "serious", "3", "a-police"),
                                      Child("serious", "significant", "3", "a-police"),
                                      Child("significant", "serious", "2", "a-school"),
                                      Child("at_risk", "at_risk", "2", "a-school"),
                                      Child("none", "none", "1", "a-school"),
                                      Child("serious", "", "", "a-police")};
  Calibration c = Calibrate(children, TestLabels());
  EXPECT_EQ(c.compared, 5) << "only children with a panel category are compared";
  EXPECT_EQ(c.confusion.counts[3][2], 2);  // tool 3, panel 3
  EXPECT_EQ(c.confusion.counts[2][1], 1);  // tool 2, panel 2
  EXPECT_EQ(c.confusion.counts[1][1], 1);  // tool 1 (at risk), panel 2
  EXPECT_EQ(c.confusion.counts[0][0], 1);  // below 1, panel 1
  ASSERT_TRUE(c.kappa);
  // Linear weights |i - j| / 3 on ordinal 0..3, the panel's column 0 empty. Observed
  // disagreement (1/3 + 1/3) / 5 = 2/15. Expected, from the margins (tool 1, 1, 1, 2; panel
  // 0, 1, 2, 2): the sum of r_i c_j |i - j| / 3 is 11/3 + 2 + 1 + 8/3 = 28/3, over 25 = 28/75.
  // Kappa = 1 - (2/15) / (28/75) = 1 - 10/28 = 9/14.
  EXPECT_NEAR(c.kappa->kappa, 9.0 / 14.0, 1e-12);
  ASSERT_EQ(c.judgement.row_codes.size(), 2u);
  EXPECT_EQ(c.judgement.row_labels[0], "Harbour Police");
  EXPECT_EQ(c.judgement.counts[0], (std::vector<long>{1, 0, 1}));  // same, higher, lower
  EXPECT_EQ(c.judgement.counts[1], (std::vector<long>{2, 1, 0}));
}

TEST(Calibrate, IdenticalRatersAgreeFully) {
  std::vector<ChildFacts> children = {Child("serious", "serious", "3", "a"),
                                      Child("significant", "significant", "2", "a"),
                                      Child("at_risk", "at_risk", "1", "a")};
  Calibration c = Calibrate(children, TestLabels());
  ASSERT_TRUE(c.kappa);
  EXPECT_DOUBLE_EQ(c.kappa->kappa, 1.0);
}

TEST(LevelsByGroup, CountsEachChildOnceInItsGroupAndLevel) {
  std::vector<ChildFacts> children = {Child("serious", "", "", "a"), Child("serious", "", "", "a"),
                                      Child("", "", "", "a")};
  children[1].sex = "male";
  auto grids = LevelsByGroup(children, TestLabels());
  ASSERT_EQ(grids.size(), 3u);
  const Grid& sex = grids[0];
  EXPECT_EQ(sex.counts[0][3], 1);  // female, serious
  EXPECT_EQ(sex.counts[1][3], 1);  // male, serious
  EXPECT_EQ(sex.counts[0][4], 1);  // female, not recorded
  ShownGrid published = ShowGrid(sex, Release::kPublished);
  for (const auto& row : published.cells) {
    for (const auto& cell : row) {
      if (cell) {
        EXPECT_FALSE(*cell >= 1 && *cell <= 5);
      }
    }
  }
  ShownGrid internal = ShowGrid(sex, Release::kInternal);
  EXPECT_EQ(internal.cells[0][3], 1);
  EXPECT_EQ(internal.grand_total, 3);
}

}  // namespace
}  // namespace harbour::profile

namespace harbour::profile {
namespace {

TEST(ReleaseMonitoring, WithholdsTheAgreementWhenItsTableIsSuppressed) {
  std::vector<ChildFacts> children = {Child("serious", "serious", "3", "a"),
                                      Child("significant", "significant", "2", "a"),
                                      Child("at_risk", "at_risk", "1", "a")};
  ReleasedMonitoring published =
      ReleaseMonitoring(children, {}, Population{}, TestLabels(), Release::kPublished);
  EXPECT_EQ(published.compared, 3);
  EXPECT_FALSE(published.confusion.grand_total) << "three children: suppressed";
  EXPECT_FALSE(published.kappa) << "a kappa over suppressed cells is not published";
  EXPECT_TRUE(published.equality.empty()) << "no population, no rates";
  ReleasedMonitoring internal =
      ReleaseMonitoring(children, {}, Population{}, TestLabels(), Release::kInternal);
  ASSERT_TRUE(internal.kappa);
  EXPECT_DOUBLE_EQ(internal.kappa->kappa, 1.0);
  EXPECT_EQ(internal.levels.size(), 3u);
}

}  // namespace
}  // namespace harbour::profile
