#include "profile/period.h"

#include <gtest/gtest.h>

namespace harbour::profile {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;

Date D(int y, unsigned m, unsigned d) { return Date{year{y}, month{m}, day{d}}; }

TEST(ParsePeriod, ReadsAMonthAQuarterAYearAndAFinancialYear) {
  auto m = ParsePeriod("2026-02");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->kind, PeriodKind::kMonth);
  EXPECT_EQ(m->first, D(2026, 2, 1));
  EXPECT_EQ(m->last, D(2026, 2, 28));
  auto q = ParsePeriod("2026-Q3");
  ASSERT_TRUE(q);
  EXPECT_EQ(q->first, D(2026, 7, 1));
  EXPECT_EQ(q->last, D(2026, 9, 30));
  auto y = ParsePeriod("2024");
  ASSERT_TRUE(y);
  EXPECT_EQ(y->first, D(2024, 1, 1));
  EXPECT_EQ(y->last, D(2024, 12, 31));
  auto fy = ParsePeriod("2026-27");
  ASSERT_TRUE(fy);
  EXPECT_EQ(fy->kind, PeriodKind::kFinancialYear);
  EXPECT_EQ(fy->first, D(2026, 4, 1));
  EXPECT_EQ(fy->last, D(2027, 3, 31));
  auto century = ParsePeriod("2099-00");
  ASSERT_TRUE(century);  // the financial year 2099-2100
  EXPECT_EQ(century->last, D(2100, 3, 31));
}

TEST(ParsePeriod, RefusesAnythingElseUnderItsField) {
  for (const char* bad : {"", "2026-13", "2026-Q5", "2026-Q0", "26-Q1", "2026-28", "1999", "2026-1",
                          "2026/Q1", "２０２６", "2026-Q1 ", "-2026", "2026-0a"}) {
    auto p = ParsePeriod(bad, "period");
    ASSERT_FALSE(p) << bad;
    EXPECT_TRUE(p.error().fields.contains("period")) << bad;
  }
}

TEST(CustomPeriod, TakesBothDaysAndRefusesReversedOrOverlongSpans) {
  auto p = CustomPeriod("2026-03-15", "2026-04-14");
  ASSERT_TRUE(p);
  EXPECT_EQ(DaysIn(*p), 31);
  EXPECT_TRUE(CustomPeriod("2026-03-15", "2026-03-15"));
  auto reversed = CustomPeriod("2026-04-15", "2026-04-14");
  ASSERT_FALSE(reversed);
  EXPECT_TRUE(reversed.error().fields.contains("to"));
  auto bad = CustomPeriod("2026-02-30", "2026-04-14");
  ASSERT_FALSE(bad);
  EXPECT_TRUE(bad.error().fields.contains("from"));
  EXPECT_FALSE(CustomPeriod("2000-01-01", "2026-01-01"));
}

TEST(PreviousPeriod, IsTheSameKindJustBefore) {
  EXPECT_EQ(PeriodCode(PreviousPeriod(*ParsePeriod("2026-Q1"))), "2025-Q4");
  EXPECT_EQ(PeriodCode(PreviousPeriod(*ParsePeriod("2026-01"))), "2025-12");
  EXPECT_EQ(PeriodCode(PreviousPeriod(*ParsePeriod("2026"))), "2025");
  EXPECT_EQ(PeriodCode(PreviousPeriod(*ParsePeriod("2026-27"))), "2025-26");
  auto custom = *CustomPeriod("2026-03-10", "2026-03-19");
  Period before = PreviousPeriod(custom);
  EXPECT_EQ(before.first, D(2026, 2, 28));
  EXPECT_EQ(before.last, D(2026, 3, 9));
  EXPECT_EQ(DaysIn(before), DaysIn(custom));
}

TEST(PeriodCode, RoundTripsThroughParsePeriod) {
  for (const char* code : {"2026-09", "2026-Q3", "2026", "2026-27", "2031-Q1"}) {
    auto p = ParsePeriod(code);
    ASSERT_TRUE(p) << code;
    EXPECT_EQ(PeriodCode(*p), code);
  }
  EXPECT_EQ(PeriodCode(*CustomPeriod("2026-03-10", "2026-03-19")), "2026-03-10..2026-03-19");
}

TEST(PeriodLabel, SaysThePeriodInWords) {
  EXPECT_EQ(PeriodLabel(*ParsePeriod("2026-09")), "September 2026");
  EXPECT_EQ(PeriodLabel(*ParsePeriod("2026-Q3")), "July to September 2026 (2026-Q3)");
  EXPECT_EQ(PeriodLabel(*ParsePeriod("2026-27")), "April 2026 to March 2027");
}

TEST(LastCompleteQuarter, IsTheQuarterBeforeToday) {
  EXPECT_EQ(PeriodCode(LastCompleteQuarter(D(2026, 12, 3))), "2026-Q3");
  EXPECT_EQ(PeriodCode(LastCompleteQuarter(D(2026, 1, 1))), "2025-Q4");
  EXPECT_EQ(PeriodCode(LastCompleteQuarter(D(2026, 3, 31))), "2025-Q4");
}

TEST(TrendMonths, AreTheTwentyFourMonthsEndingWithThePeriod) {
  auto months = TrendMonths(*ParsePeriod("2026-Q3"));
  ASSERT_EQ(months.size(), 24u);
  EXPECT_EQ(PeriodCode(months.front()), "2024-10");
  EXPECT_EQ(PeriodCode(months.back()), "2026-09");
  for (std::size_t i = 1; i < months.size(); ++i) {
    EXPECT_EQ(PreviousPeriod(months[i]).first, months[i - 1].first);
  }
}

TEST(Contains, IncludesBothEnds) {
  auto q = *ParsePeriod("2026-Q3");
  EXPECT_TRUE(Contains(q, D(2026, 7, 1)));
  EXPECT_TRUE(Contains(q, D(2026, 9, 30)));
  EXPECT_FALSE(Contains(q, D(2026, 6, 30)));
  EXPECT_FALSE(Contains(q, D(2026, 10, 1)));
}

TEST(OfferedPeriods, StartWithTheCurrentPeriodsOrWithTheLastEndedOnes) {
  Date today = *ParseDate("2026-12-07");
  auto codes = [](const std::vector<Period>& periods) {
    std::vector<std::string> out;
    out.reserve(periods.size());
    for (const auto& p : periods) out.push_back(PeriodCode(p));
    return out;
  };
  auto offered = codes(OfferedPeriods(today, false));
  ASSERT_EQ(offered.size(), 16u);
  EXPECT_EQ(offered[0], "2026-Q4");
  EXPECT_EQ(offered[7], "2025-Q1");
  EXPECT_EQ(offered[8], "2026");
  EXPECT_EQ(offered[11], "2023");
  EXPECT_EQ(offered[12], "2026-27");
  EXPECT_EQ(offered[15], "2023-24");
  auto ended = codes(OfferedPeriods(today, true));
  ASSERT_EQ(ended.size(), 16u);
  EXPECT_EQ(ended[0], "2026-Q3");
  EXPECT_EQ(ended[8], "2025");
  EXPECT_EQ(ended[12], "2025-26");
  // In March the financial year is still the one that began the April before.
  EXPECT_EQ(codes(OfferedPeriods(*ParseDate("2027-03-31"), false))[12], "2026-27");
  EXPECT_EQ(codes(OfferedPeriods(*ParseDate("2027-04-01"), true))[12], "2026-27");
}

}  // namespace
}  // namespace harbour::profile
