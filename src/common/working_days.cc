#include "common/working_days.h"

#include <exception>
#include <sstream>
#include <string>
#include <toml.hpp>

#include "common/text.h"

namespace harbour {
namespace {

using std::chrono::days;
using std::chrono::sys_days;

// The bank-holidays file is a few kilobytes; anything far larger is not one.
constexpr std::size_t kMaxTomlBytes = 1 << 20;
// toml11 parses nested arrays and inline tables recursively; the file needs a depth of one.
constexpr int kMaxTomlNesting = 8;

std::unexpected<Error> BadCalendar(std::uint_least32_t line, std::string_view what) {
  std::string message = "Bank holidays, line " + std::to_string(line) + ": " + std::string(what);
  return Invalid({{"bank_holidays", message}}, message);
}

bool IsWeekend(sys_days day) {
  std::chrono::weekday weekday{day};
  return weekday == std::chrono::Saturday || weekday == std::chrono::Sunday;
}

std::uint_least32_t LineOfFirstInvalidUtf8(std::string_view text) {
  std::uint_least32_t line = 1;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    std::string_view this_line =
        text.substr(start, end == std::string_view::npos ? end : end - start);
    if (!IsValidUtf8(this_line)) return line;
    if (end == std::string_view::npos) break;
    start = end + 1;
    ++line;
  }
  return line;
}

// The line where bracket nesting outside strings and comments first passes kMaxTomlNesting, or
// 0 when it never does. Follows TOML's four string forms and comments, so it is exact for
// valid files; used only to refuse input that would recurse deeply inside toml11.
std::uint_least32_t LineOfExcessiveNesting(std::string_view text) {
  int depth = 0;
  std::uint_least32_t line = 1;
  std::string_view closing;  // the delimiter that ends the current string, if in one
  bool comment = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\n') {
      ++line;
      comment = false;
      if (closing.size() == 1) closing = {};  // single-line strings end here (or are invalid)
      continue;
    }
    if (comment) continue;
    if (!closing.empty()) {
      if (c == '\\' && closing[0] == '"' && i + 1 < text.size() && text[i + 1] != '\n') {
        ++i;
      } else if (text.substr(i, closing.size()) == closing) {
        // A multi-line string may end with up to two extra quotes: """a""""" is `a""`.
        std::size_t run = closing.size();
        while (closing.size() == 3 && run < 5 && i + run < text.size() && text[i + run] == c) {
          ++run;
        }
        i += run - 1;
        closing = {};
      }
      continue;
    }
    if (c == '#') {
      comment = true;
    } else if (c == '"' || c == '\'') {
      std::string_view rest = text.substr(i);
      if (rest.starts_with("\"\"\"") || rest.starts_with("'''")) {
        closing = rest.substr(0, 3);
      } else {
        closing = rest.substr(0, 1);
      }
      i += closing.size() - 1;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxTomlNesting) return line;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return 0;
}

// toml11 3.7 does not always put the failing line in exception::location() (a bad date
// reports line 1) but always quotes it in what(), as " 4 | date = 2026-02-30". Returns the
// first quoted line number, or `fallback`.
std::uint_least32_t LineInTomlMessage(std::string_view message, std::uint_least32_t fallback) {
  std::size_t pos = 0;
  while (pos < message.size()) {
    std::size_t end = message.find('\n', pos);
    std::string_view line = message.substr(pos, end == std::string_view::npos ? end : end - pos);
    pos = end == std::string_view::npos ? message.size() : end + 1;
    while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
    std::uint_least32_t number = 0;
    std::size_t digits = 0;
    while (digits < line.size() && digits < 9 && line[digits] >= '0' && line[digits] <= '9') {
      number = number * 10 + static_cast<std::uint_least32_t>(line[digits] - '0');
      ++digits;
    }
    if (digits > 0 && line.substr(digits).starts_with(" |")) return number;
  }
  return fallback;
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
  if (toml_text.size() > kMaxTomlBytes) return BadCalendar(1, "the file is too large");
  // TOML is UTF-8; toml11 3.7 also reads past its buffer reporting some invalid sequences.
  if (!IsValidUtf8(toml_text)) {
    return BadCalendar(LineOfFirstInvalidUtf8(toml_text), "the file is not valid UTF-8");
  }
  if (std::uint_least32_t line = LineOfExcessiveNesting(toml_text); line != 0) {
    return BadCalendar(line, "brackets are nested too deeply");
  }
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
