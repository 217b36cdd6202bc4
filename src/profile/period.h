#pragma once
// The period a profile covers (issue 12): a month, a quarter, a calendar year, a financial year
// (April to March, as English local authorities report) or dates of one's choice; the period
// before it, of the same kind and length, shown beside every figure; and the 24 months of the
// trend. Pure; dates are Europe/London calendar dates.
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"
#include "common/time.h"

namespace harbour::profile {

enum class PeriodKind { kMonth, kQuarter, kYear, kFinancialYear, kCustom };

struct Period {
  PeriodKind kind = PeriodKind::kCustom;
  Date first{};  // the first day in the period
  Date last{};   // the last day in the period (included)
};

// The longest custom period: ten years, so that one request cannot ask for a century of data.
inline constexpr int kLongestCustomDays = 3660;

// "2026-09" (a month), "2026-Q3" (a quarter), "2026" (a calendar year), "2026-27" (the
// financial year 1 April 2026 to 31 March 2027). kInvalid under `field` otherwise. "2011-12"
// is December 2011: a month wins over the financial year it could also be (2000-01 to 2011-12).
Result<Period> ParsePeriod(std::string_view text, std::string_view field = "period");
// From `first` to `last` (YYYY-MM-DD, both included). kInvalid naming "from" or "to" when a
// date is bad, `last` is before `first`, or the span is over kLongestCustomDays.
Result<Period> CustomPeriod(std::string_view first, std::string_view last);

// The text ParsePeriod reads back ("2026-Q3"), or "2026-07-01..2026-09-30" for a custom period.
std::string PeriodCode(const Period& period);
// What people read: "September 2026", "July to September 2026 (2026-Q3)", "2026",
// "April 2026 to March 2027", "1 July 2026 to 30 September 2026".
std::string PeriodLabel(const Period& period);

// The financial year from 1 April of `april_year` to 31 March of the year after.
Period FinancialYearFrom(int april_year);

// The period just before, of the same kind; a custom period's has the same number of days.
Period PreviousPeriod(const Period& period);
// The quarter that contains `day`: the profile's default period is the last complete quarter.
Period QuarterOf(Date day);
Period LastCompleteQuarter(Date today);

// The periods a form offers on `today`, newest first within each kind: 8 quarters, then 4
// calendar years, then 4 financial years. Each kind starts with the period `today` is in or,
// with `ended_only` (a board report is published for a period that has ended), the last one
// that has ended.
std::vector<Period> OfferedPeriods(Date today, bool ended_only);

// The 24 calendar months ending with the month that holds `period.last`, oldest first.
std::vector<Period> TrendMonths(const Period& period);

// Days from first to last, both included.
int DaysIn(const Period& period);
// True when `day` falls within the period.
bool Contains(const Period& period, Date day);

}  // namespace harbour::profile
