#include "children/flag.h"

#include <gtest/gtest.h>

namespace harbour::children {
namespace {

Date D(int y, unsigned m, unsigned d) {
  return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

const Date kToday = D(2026, 11, 20);

TEST(Flags, ValidAndActiveFromItsStartUntilItsEnd) {
  auto flag = ValidateFlag({"cse_risk", "2026-11-14", " CSEP 14 Nov item 3 "}, kToday, {});
  ASSERT_TRUE(flag.has_value());
  EXPECT_EQ(flag->kind, FlagKind::kAtRiskOfSexualExploitation);
  EXPECT_EQ(flag->panel_reference, "CSEP 14 Nov item 3");
  EXPECT_TRUE(IsActive(*flag, kToday));
  EXPECT_TRUE(IsActive(*flag, D(2026, 11, 14)));
  EXPECT_FALSE(IsActive(*flag, D(2026, 11, 13)));
  flag->end = D(2026, 11, 20);
  EXPECT_FALSE(IsActive(*flag, kToday)) << "ended today";
  EXPECT_TRUE(IsActive(*flag, D(2026, 11, 19)));
}

TEST(Flags, AChildCanBeBothButNotTheSameTwice) {
  auto first = ValidateFlag({"cse_risk", "2026-11-14", "CSEP 1"}, kToday, {});
  ASSERT_TRUE(first.has_value());
  EXPECT_TRUE(ValidateFlag({"potential_perpetrator", "2026-11-14", "CSEP 1"}, kToday, {*first}));
  auto again = ValidateFlag({"cse_risk", "2026-11-15", "CSEP 2"}, kToday, {*first});
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().fields.at("kind"), "This flag is already active on the child's record");
}

TEST(Flags, ReportsEveryProblemAtOnce) {
  auto bad = ValidateFlag({"nope", "2026-11-21", ""}, kToday, {});
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().fields.at("kind"), "Choose the flag");
  EXPECT_EQ(bad.error().fields.at("start"), "The start date must be today or in the past");
  EXPECT_EQ(bad.error().fields.at("panel_reference"), "Enter the panel reference");
  auto worse = ValidateFlag({"cse_risk", "31/02/2026", "two\nlines"}, kToday, {});
  ASSERT_FALSE(worse.has_value());
  EXPECT_TRUE(worse.error().fields.contains("start"));
  EXPECT_EQ(worse.error().fields.at("panel_reference"), "The panel reference must be one line");
}

TEST(Flags, EndingNeedsADateBetweenTheStartAndToday) {
  Flag flag;
  flag.start = D(2026, 11, 14);
  EXPECT_EQ(ValidateFlagEnd(flag, "2026-11-14", kToday).value(), D(2026, 11, 14));
  EXPECT_TRUE(ValidateFlagEnd(flag, "2026-11-13", kToday).error().fields.contains("end"));
  EXPECT_TRUE(ValidateFlagEnd(flag, "2026-11-21", kToday).error().fields.contains("end"));
  EXPECT_TRUE(ValidateFlagEnd(flag, "", kToday).error().fields.contains("end"));
}

TEST(Flags, CodesAndLabels) {
  for (FlagKind k : {FlagKind::kAtRiskOfSexualExploitation, FlagKind::kPotentialPerpetrator}) {
    EXPECT_EQ(FlagKindFromCode(ToCode(k)), k);
  }
  EXPECT_EQ(Label(FlagKind::kPotentialPerpetrator), "Potential perpetrator");
}

}  // namespace
}  // namespace harbour::children
