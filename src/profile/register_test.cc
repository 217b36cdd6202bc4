#include "profile/register.h"

#include <gtest/gtest.h>

namespace harbour::profile {
namespace {

using std::chrono::year;
constexpr Date kToday = year(2027) / 2 / 1;

PublishedPeriod Entry(std::string id, std::string_view code) {
  auto period = ParsePeriod(code);
  EXPECT_TRUE(period) << code;
  return {std::move(id), PeriodLabel(*period), *period};
}

Result<std::optional<std::string>> Check(std::string_view code,
                                         const std::vector<PublishedPeriod>& published) {
  auto period = ParsePeriod(code);
  EXPECT_TRUE(period) << code;
  return EarlierToCheckAgainst(*period, published, kToday);
}

Period Custom(std::string_view first, std::string_view last) {
  auto p = CustomPeriod(first, last);
  EXPECT_TRUE(p);
  return *p;
}

TEST(Register, AFirstReportHasNothingToBeCheckedAgainst) {
  auto against = Check("2026-Q3", {});
  ASSERT_TRUE(against);
  EXPECT_FALSE(*against);
}

TEST(Register, APeriodThatHasNotEndedIsRefused) {
  auto against = Check("2027-Q1", {});
  ASSERT_FALSE(against);
  EXPECT_EQ(against.error().code, "period_not_ended");
  EXPECT_TRUE(against.error().fields.contains("period"));
}

TEST(Register, APeriodIsPublishedOnce) {
  auto against = Check("2026-Q3", {Entry("a", "2026-Q3")});
  ASSERT_FALSE(against);
  EXPECT_EQ(against.error().code, "period_published");
}

TEST(Register, DisjointPeriodsAreIndependent) {
  auto against = Check("2026-Q4", {Entry("a", "2026-Q3")});
  ASSERT_TRUE(against);
  EXPECT_FALSE(*against);
}

TEST(Register, YearToDateIsCheckedAgainstTheLongestNestedRelease) {
  std::vector<PublishedPeriod> published = {Entry("q1", "2026-Q1")};
  published.push_back({"h1", "H1", Custom("2026-01-01", "2026-06-30")});
  published.push_back({"m9", "nine months", Custom("2026-01-01", "2026-09-30")});
  auto against = Check("2026", published);
  ASSERT_TRUE(against);
  EXPECT_EQ(*against, "m9");
}

TEST(Register, APeriodInsideOrAcrossAPublishedOneIsRefused) {
  auto inside = Check("2026-Q2", {Entry("y", "2026")});
  ASSERT_FALSE(inside);
  EXPECT_EQ(inside.error().code, "period_overlaps");
  auto across = Check("2025-26", {Entry("y", "2026")});
  ASSERT_FALSE(across);
  EXPECT_EQ(across.error().code, "period_overlaps");
}

TEST(Register, DisjointReleasesInsideANewOneAreRefused) {
  auto against = Check("2026", {Entry("q1", "2026-Q1"), Entry("q2", "2026-Q2")});
  ASSERT_FALSE(against);
  EXPECT_EQ(against.error().code, "periods_not_nested");
}

TEST(Register, PublishedCellsSurviveTheRoundTrip) {
  EarlierRelease release;
  release["sex"] = {.rows = {{"female", 40}, {"male", std::nullopt}}, .total = std::nullopt};
  release["ward"] = {.rows = {}, .total = 0};
  auto back = ParseEarlierRelease(EarlierReleaseJson(release));
  ASSERT_TRUE(back);
  EXPECT_EQ(back->at("sex").rows.at("female"), 40);
  EXPECT_FALSE(back->at("sex").rows.at("male"));
  EXPECT_FALSE(back->at("sex").total);
  EXPECT_EQ(back->at("ward").total, 0);
}

TEST(Register, AStoredReleaseThatIsNotOneIsRefused) {
  for (std::string_view bad :
       {"", "[]", "{\"sex\":1}", "{\"sex\":{\"total\":-1,\"rows\":{}}}", "{\"sex\":{\"total\":1}}",
        "{\"sex\":{\"total\":1,\"rows\":{\"a\":\"x\"}}}"}) {
    auto parsed = ParseEarlierRelease(bad);
    ASSERT_FALSE(parsed) << bad;
    EXPECT_EQ(parsed.error().code, "register_corrupt");
  }
}

}  // namespace
}  // namespace harbour::profile
