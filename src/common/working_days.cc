#include "common/working_days.h"

#include <exception>
#include <sstream>
#include <string>
#include <toml.hpp>

#include "common/text.h"
#include "common/toml_text.h"

namespace harbour {
namespace {

using std::chrono::days;
using std::chrono::sys_days;

std::unexpected<Error> BadCalendar(std::uint_least32_t line, std::string_view what) {
  std::string message = "Bank holidays, line " + std::to_string(line) + ": " + std::string(what);
  return Invalid({{"bank_holidays", message}}, message);
}

bool IsWeekend(sys_days day) {
  std::chrono::weekday weekday{day};
  return weekday == std::chrono::Saturday || weekday == std::chrono::Sunday;
}

// The holiday date in `entry`, or an error naming the entry's line.
Result<Date> HolidayDate(const toml::value& entry) {
  std::uint_least32_t line = entry.location().line();
  if (!entry.is_table()) return BadCalendar(line, "each [[holiday]] must be a table");
  const toml::table& table = entry.as_table();
  auto date = table.find("date");
  if (date == table.end() || !date->second.is_local_date()) {
    return BadCalendar(line, "each holiday needs a date like 2026-12-25");
  }
  line = date->second.location().line();
  const toml::local_date& local = date->second.as_local_date(std::nothrow);
  // toml11 stores months from 0.
  Date result{std::chrono::year{local.year}, std::chrono::month{local.month + 1u},
              std::chrono::day{local.day}};
  if (!result.ok()) return BadCalendar(line, "the date is not a real date");
  auto title = table.find("title");
  if (title == table.end() || !title->second.is_string() ||
      title->second.as_string(std::nothrow).str.empty()) {
    return BadCalendar(entry.location().line(), "each holiday needs a title");
  }
  return result;
}

Result<std::set<Date>> HolidaysFrom(const toml::value& root) {
  const toml::table& table = root.as_table();
  auto list = table.find("holiday");
  if (list == table.end() || !list->second.is_array() ||
      list->second.as_array(std::nothrow).empty()) {
    return BadCalendar(1, "no [[holiday]] entries");
  }
  std::set<Date> holidays;
  for (const toml::value& entry : list->second.as_array(std::nothrow)) {
    Result<Date> date = HolidayDate(entry);
    if (!date) return std::unexpected(date.error());
    if (!holidays.insert(*date).second) {
      return BadCalendar(entry.location().line(),
                         "the date " + FormatDate(*date) + " is listed twice");
    }
  }
  return holidays;
}

}  // namespace

Result<WorkingCalendar> WorkingCalendar::Parse(std::string_view toml_text) {
  if (auto problem = CheckTomlText(toml_text)) return BadCalendar(problem->line, problem->what);
  try {
    std::istringstream stream{std::string(toml_text)};
    const toml::value root = toml::parse(stream, "bank-holidays.toml");
    Result<std::set<Date>> holidays = HolidaysFrom(root);
    if (!holidays) return std::unexpected(holidays.error());
    return WorkingCalendar(std::move(*holidays));
  } catch (const toml::exception& error) {
    // toml11 reports syntax errors by exception: this is the boundary where they become values.
    return BadCalendar(LineInTomlMessage(error.what(), error.location().line()), "not valid TOML");
  } catch (const std::exception&) {
    // toml11 also throws standard exceptions (e.g. std::out_of_range) on some malformed input.
    return BadCalendar(1, "not valid TOML");
  }
}

bool WorkingCalendar::IsWorkingDay(Date day) const {
  if (!day.ok()) return false;
  return !IsWeekend(sys_days{day}) && !holidays_.contains(day);
}

Date WorkingCalendar::AddWorkingDays(Date from, int days) const {
  if (!from.ok()) return from;
  sys_days day{from};
  for (int remaining = days; remaining > 0;) {
    day += std::chrono::days{1};
    if (IsWorkingDay(Date{day})) --remaining;
  }
  return Date{day};
}

int WorkingCalendar::WorkingDaysBetween(Date from, Date to) const {
  if (!from.ok() || !to.ok() || to <= from) return 0;
  sys_days start{from};
  sys_days end{to};
  // Whole weeks hold five weekdays each; walk the remainder, then take out weekday holidays.
  long long span = (end - start).count();
  long long count = span / 7 * 5;
  for (sys_days day = start + days{span / 7 * 7 + 1}; day <= end; day += days{1}) {
    if (!IsWeekend(day)) ++count;
  }
  for (auto it = holidays_.upper_bound(from); it != holidays_.end() && *it <= to; ++it) {
    if (!IsWeekend(sys_days{*it})) --count;
  }
  return static_cast<int>(count);
}

}  // namespace harbour
