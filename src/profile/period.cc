#include "profile/period.h"

#include <array>
#include <charconv>
#include <cstdio>
#include <optional>

namespace harbour::profile {
namespace {

using std::chrono::days;
using std::chrono::month;
using std::chrono::sys_days;
using std::chrono::year;
using std::chrono::year_month;

constexpr std::array<std::string_view, 12> kMonthNames = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

constexpr int kEarliestYear = 2000;
constexpr int kLatestYear = 2100;

std::optional<int> Digits(std::string_view text) {
  if (text.empty()) return std::nullopt;
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::optional<int> YearOf(std::string_view text) {
  if (text.size() != 4) return std::nullopt;
  auto value = Digits(text);
  if (!value || *value < kEarliestYear || *value > kLatestYear) return std::nullopt;
  return value;
}

Date FirstOf(int y, unsigned m) { return Date{year{y}, month{m}, std::chrono::day{1}}; }
Date LastOf(int y, unsigned m) {
  return Date{std::chrono::year_month_day_last{year{y}, std::chrono::month_day_last{month{m}}}};
}

Period Months(PeriodKind kind, int y, unsigned first_month, int count) {
  year_month start = year{y} / month{first_month};
  year_month end = start + std::chrono::months{count - 1};
  return Period{.kind = kind,
                .first = FirstOf(int(start.year()), unsigned(start.month())),
                .last = LastOf(int(end.year()), unsigned(end.month()))};
}

std::unexpected<Error> BadPeriod(std::string_view field) {
  return Invalid({{std::string(field),
                   "Enter a period such as 2026-09 (a month), 2026-Q3 (a quarter), 2026 (a year) "
                   "or 2026-27 (a financial year)"}});
}

std::string MonthYear(Date d) {
  return std::string(kMonthNames[unsigned(d.month()) - 1]) + " " + std::to_string(int(d.year()));
}

}  // namespace

Result<Period> ParsePeriod(std::string_view text, std::string_view field) {
  if (text.size() == 4) {
    auto y = YearOf(text);
    if (!y) return BadPeriod(field);
    return Months(PeriodKind::kYear, *y, 1, 12);
  }
  if (text.size() != 7 || text[4] != '-') return BadPeriod(field);
  auto y = YearOf(text.substr(0, 4));
  if (!y) return BadPeriod(field);
  std::string_view rest = text.substr(5);
  if (rest[0] == 'Q' || rest[0] == 'q') {
    auto q = Digits(rest.substr(1));
    if (!q || *q < 1 || *q > 4) return BadPeriod(field);
    return Months(PeriodKind::kQuarter, *y, unsigned(*q - 1) * 3 + 1, 3);
  }
  auto n = Digits(rest);
  if (!n) return BadPeriod(field);
  if (*n >= 1 && *n <= 12) return Months(PeriodKind::kMonth, *y, unsigned(*n), 1);
  if (*n == (*y + 1) % 100) return Months(PeriodKind::kFinancialYear, *y, 4, 12);
  return BadPeriod(field);
}

Result<Period> CustomPeriod(std::string_view first, std::string_view last) {
  auto from = ParseDate(first);
  if (!from)
    return Invalid(
        {{"from", "Enter the first day of the period as a real date, for example 1 4 2026"}});
  auto to = ParseDate(last);
  if (!to)
    return Invalid(
        {{"to", "Enter the last day of the period as a real date, for example 30 6 2026"}});
  if (sys_days{*to} < sys_days{*from}) {
    return Invalid({{"to", "The last day must be the same as or after the first day"}});
  }
  Period period{.kind = PeriodKind::kCustom, .first = *from, .last = *to};
  if (DaysIn(period) > kLongestCustomDays) {
    return Invalid({{"to", "A period can be at most ten years long"}});
  }
  return period;
}

std::string PeriodCode(const Period& p) {
  int y = int(p.first.year());
  unsigned m = unsigned(p.first.month());
  char buffer[32];
  switch (p.kind) {
    case PeriodKind::kMonth:
      std::snprintf(buffer, sizeof buffer, "%04d-%02u", y, m);
      return buffer;
    case PeriodKind::kQuarter:
      std::snprintf(buffer, sizeof buffer, "%04d-Q%u", y, (m - 1) / 3 + 1);
      return buffer;
    case PeriodKind::kYear:
      return std::to_string(y);
    case PeriodKind::kFinancialYear:
      std::snprintf(buffer, sizeof buffer, "%04d-%02d", y, (y + 1) % 100);
      return buffer;
    case PeriodKind::kCustom:
      break;
  }
  return FormatDate(p.first) + ".." + FormatDate(p.last);
}

std::string PeriodLabel(const Period& p) {
  switch (p.kind) {
    case PeriodKind::kMonth:
      return MonthYear(p.first);
    case PeriodKind::kQuarter:
      return std::string(kMonthNames[unsigned(p.first.month()) - 1]) + " to " + MonthYear(p.last) +
             " (" + PeriodCode(p) + ")";
    case PeriodKind::kYear:
      return std::to_string(int(p.first.year()));
    case PeriodKind::kFinancialYear:
      return MonthYear(p.first) + " to " + MonthYear(p.last);
    case PeriodKind::kCustom:
      break;
  }
  return FormatLongDate(p.first) + " to " + FormatLongDate(p.last);
}

Period PreviousPeriod(const Period& p) {
  switch (p.kind) {
    case PeriodKind::kMonth:
    case PeriodKind::kQuarter:
    case PeriodKind::kYear:
    case PeriodKind::kFinancialYear: {
      int length = p.kind == PeriodKind::kMonth ? 1 : p.kind == PeriodKind::kQuarter ? 3 : 12;
      year_month start = p.first.year() / p.first.month() - std::chrono::months{length};
      return Months(p.kind, int(start.year()), unsigned(start.month()), length);
    }
    case PeriodKind::kCustom:
      break;
  }
  sys_days last = sys_days{p.first} - days{1};
  return Period{
      .kind = PeriodKind::kCustom, .first = Date{last - days{DaysIn(p) - 1}}, .last = Date{last}};
}

Period FinancialYearFrom(int april_year) {
  return Months(PeriodKind::kFinancialYear, april_year, 4, 12);
}

Period QuarterOf(Date day) {
  unsigned first_month = (unsigned(day.month()) - 1) / 3 * 3 + 1;
  return Months(PeriodKind::kQuarter, int(day.year()), first_month, 3);
}

Period LastCompleteQuarter(Date today) { return PreviousPeriod(QuarterOf(today)); }

std::vector<Period> OfferedPeriods(Date today, bool ended_only) {
  constexpr int kQuarters = 8, kYears = 4;
  std::vector<Period> out;
  auto add = [&](Period p, int count) {
    if (ended_only && Contains(p, today)) p = PreviousPeriod(p);
    for (int i = 0; i < count; ++i, p = PreviousPeriod(p)) out.push_back(p);
  };
  add(QuarterOf(today), kQuarters);
  add(*ParsePeriod(std::to_string(int(today.year()))), kYears);
  int april_year = unsigned(today.month()) >= 4 ? int(today.year()) : int(today.year()) - 1;
  add(FinancialYearFrom(april_year), kYears);
  return out;
}

std::vector<Period> TrendMonths(const Period& period) {
  constexpr int kTrendMonths = 24;
  std::vector<Period> months;
  months.reserve(kTrendMonths);
  year_month last = period.last.year() / period.last.month();
  for (int back = kTrendMonths - 1; back >= 0; --back) {
    year_month m = last - std::chrono::months{back};
    months.push_back(Months(PeriodKind::kMonth, int(m.year()), unsigned(m.month()), 1));
  }
  return months;
}

int DaysIn(const Period& p) { return int((sys_days{p.last} - sys_days{p.first}).count()) + 1; }

bool Contains(const Period& p, Date day) {
  return sys_days{p.first} <= sys_days{day} && sys_days{day} <= sys_days{p.last};
}

}  // namespace harbour::profile
