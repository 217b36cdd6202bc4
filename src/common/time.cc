#include "common/time.h"

#include <array>
#include <cstdio>
#include <optional>
#include <vector>

namespace harbour {
namespace {

using std::chrono::days;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;
using std::chrono::sys_days;

constexpr std::array<std::string_view, 12> kMonthNames = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Reads exactly `count` digits at `pos`; nullopt if any is not a digit.
std::optional<int> Digits(std::string_view text, std::size_t pos, std::size_t count) {
  if (pos + count > text.size()) return std::nullopt;
  int value = 0;
  for (std::size_t i = pos; i < pos + count; ++i) {
    if (!IsDigit(text[i])) return std::nullopt;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

std::string TwoDigits(unsigned value) {
  char buffer[4];
  std::snprintf(buffer, sizeof buffer, "%02u", value % 100);
  return buffer;
}

std::string FourDigitYear(int year) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d", year);
  return buffer;
}

// The date of the last Sunday of `month` in `year`.
sys_days LastSunday(std::chrono::year year, std::chrono::month month) {
  return sys_days{year / month / std::chrono::Sunday[std::chrono::last]};
}

// Years are limited to four digits so every parsed value formats back the same way.
constexpr int kMinYear = 1;
constexpr int kMaxYear = 9999;

std::unexpected<Error> InvalidTimestamp() {
  return Invalid({{"timestamp", "Enter a date and time like 2026-03-01T14:05:00Z"}},
                 "Enter a date and time like 2026-03-01T14:05:00Z.");
}

std::string Trimmed(std::string_view text) {
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return std::string(text);
}

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// 1-12 for "3", "03", "mar", "March" (case-insensitive); 0 when not a month.
unsigned MonthFromText(std::string_view text) {
  if (!text.empty() && text.size() <= 2 && IsDigit(text[0]) &&
      (text.size() == 1 || IsDigit(text[1]))) {
    unsigned value = 0;
    for (char c : text) value = value * 10 + static_cast<unsigned>(c - '0');
    return value >= 1 && value <= 12 ? value : 0;
  }
  std::string lower = Lower(text);
  for (unsigned i = 0; i < kMonthNames.size(); ++i) {
    std::string name = Lower(kMonthNames[i]);
    if (lower == name || (lower.size() == 3 && name.compare(0, 3, lower) == 0)) return i + 1;
    if (lower == "sept" && i == 8) return 9;
  }
  return 0;
}

// A number of 1 to `max_digits` digits, or nullopt.
std::optional<int> SmallNumber(std::string_view text, std::size_t max_digits) {
  if (text.empty() || text.size() > max_digits) return std::nullopt;
  return Digits(text, 0, text.size());
}

// "Enter date of birth" from the label "Date of birth".
std::string EnterMessage(std::string_view label) {
  std::string lowered(label);
  if (!lowered.empty() && lowered[0] >= 'A' && lowered[0] <= 'Z') {
    bool acronym = lowered.size() > 1 && lowered[1] >= 'A' && lowered[1] <= 'Z';
    if (!acronym) lowered[0] = static_cast<char>(lowered[0] - 'A' + 'a');
  }
  return "Enter " + lowered;
}

std::unexpected<Error> DateError(std::string message) {
  return Invalid({{"date", message}}, message);
}

}  // namespace

Instant SystemClock::Now() const {
  return std::chrono::floor<seconds>(std::chrono::system_clock::now());
}

Result<Instant> ParseRfc3339(std::string_view text) {
  // YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM)
  if (text.size() < 20) return InvalidTimestamp();
  auto year = Digits(text, 0, 4);
  auto month = Digits(text, 5, 2);
  auto day = Digits(text, 8, 2);
  auto hour = Digits(text, 11, 2);
  auto minute = Digits(text, 14, 2);
  auto second = Digits(text, 17, 2);
  if (!year || !month || !day || !hour || !minute || !second) return InvalidTimestamp();
  if (text[4] != '-' || text[7] != '-' || text[13] != ':' || text[16] != ':') {
    return InvalidTimestamp();
  }
  if (text[10] != 'T' && text[10] != 't') return InvalidTimestamp();
  std::size_t pos = 19;
  if (text[pos] == '.') {
    ++pos;
    std::size_t start = pos;
    while (pos < text.size() && IsDigit(text[pos])) ++pos;
    if (pos == start) return InvalidTimestamp();
  }
  if (pos >= text.size()) return InvalidTimestamp();
  seconds offset{0};
  std::string_view zone = text.substr(pos);
  if (zone == "Z" || zone == "z") {
    // UTC
  } else if (zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':') {
    auto offset_hours = Digits(zone, 1, 2);
    auto offset_minutes = Digits(zone, 4, 2);
    if (!offset_hours || !offset_minutes || *offset_hours > 23 || *offset_minutes > 59) {
      return InvalidTimestamp();
    }
    offset = hours{*offset_hours} + minutes{*offset_minutes};
    if (zone[0] == '-') offset = -offset;
  } else {
    return InvalidTimestamp();
  }
  if (*year < kMinYear || *hour > 23 || *minute > 59 || *second > 59) return InvalidTimestamp();
  Date date{std::chrono::year{*year}, std::chrono::month{static_cast<unsigned>(*month)},
            std::chrono::day{static_cast<unsigned>(*day)}};
  if (!date.ok()) return InvalidTimestamp();
  Instant local = sys_days{date} + hours{*hour} + minutes{*minute} + seconds{*second};
  Instant at = local - offset;
  int utc_year = static_cast<int>(DateOf(at).year());
  if (utc_year < kMinYear || utc_year > kMaxYear) return InvalidTimestamp();
  return at;
}

std::string FormatRfc3339(Instant at) {
  sys_days day = std::chrono::floor<days>(at);
  Date date{day};
  std::chrono::hh_mm_ss<seconds> time{at - day};
  return FourDigitYear(static_cast<int>(date.year())) + "-" +
         TwoDigits(static_cast<unsigned>(date.month())) + "-" +
         TwoDigits(static_cast<unsigned>(date.day())) + "T" +
         TwoDigits(static_cast<unsigned>(time.hours().count())) + ":" +
         TwoDigits(static_cast<unsigned>(time.minutes().count())) + ":" +
         TwoDigits(static_cast<unsigned>(time.seconds().count())) + "Z";
}

Result<Date> ParseDate(std::string_view text) {
  auto fail = [] {
    return Invalid({{"date", "Enter a date like 2026-03-01"}}, "Enter a date like 2026-03-01.");
  };
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return fail();
  auto year = Digits(text, 0, 4);
  auto month = Digits(text, 5, 2);
  auto day = Digits(text, 8, 2);
  if (!year || !month || !day || *year < kMinYear) return fail();
  Date date{std::chrono::year{*year}, std::chrono::month{static_cast<unsigned>(*month)},
            std::chrono::day{static_cast<unsigned>(*day)}};
  if (!date.ok()) return fail();
  return date;
}

std::string FormatDate(Date date) {
  return FourDigitYear(static_cast<int>(date.year())) + "-" +
         TwoDigits(static_cast<unsigned>(date.month())) + "-" +
         TwoDigits(static_cast<unsigned>(date.day()));
}

Result<Date> DateFromParts(std::string_view day, std::string_view month, std::string_view year) {
  return DateFromParts(day, month, year, "Date");
}

Result<Date> DateFromParts(std::string_view day_text, std::string_view month_text,
                           std::string_view year_text, std::string_view label) {
  std::string day = Trimmed(day_text);
  std::string month = Trimmed(month_text);
  std::string year = Trimmed(year_text);
  std::string subject(label);
  if (day.empty() && month.empty() && year.empty()) return DateError(EnterMessage(label));
  // GOV.UK pattern: "[label] must include a [whatever is missing]".
  std::vector<std::string_view> missing;
  if (day.empty()) missing.push_back("day");
  if (month.empty()) missing.push_back("month");
  if (year.empty()) missing.push_back("year");
  if (missing.size() == 2) {
    return DateError(subject + " must include a " + std::string(missing[0]) + " and " +
                     std::string(missing[1]));
  }
  if (missing.size() == 1) {
    return DateError(subject + " must include a " + std::string(missing[0]));
  }
  std::optional<int> day_number = SmallNumber(day, 2);
  unsigned month_number = MonthFromText(month);
  std::optional<int> year_number = SmallNumber(year, 4);
  if (!day_number || month_number == 0) return DateError(subject + " must be a real date");
  if (!year_number || year.size() != 4) return DateError("Year must include 4 numbers");
  Date date{std::chrono::year{*year_number}, std::chrono::month{month_number},
            std::chrono::day{static_cast<unsigned>(*day_number)}};
  if (*year_number < kMinYear || !date.ok()) return DateError(subject + " must be a real date");
  return date;
}

Date DateOf(Instant at) { return Date{std::chrono::floor<days>(at)}; }

Date LondonDate(Instant at) { return DateOf(at + LondonOffset(at)); }

seconds LondonOffset(Instant at) {
  std::chrono::year year = DateOf(at).year();
  Instant starts = LastSunday(year, std::chrono::March) + hours{1};
  Instant ends = LastSunday(year, std::chrono::October) + hours{1};
  return at >= starts && at < ends ? seconds{hours{1}} : seconds{0};
}

Instant FromLondonLocal(Date date, int hour, int minute) {
  Instant wall = sys_days{date} + hours{hour} + minutes{minute};
  Instant as_summer = wall - hours{1};
  if (LondonOffset(as_summer) == hours{1}) return as_summer;  // also the earlier of two readings
  if (LondonOffset(wall) == seconds{0}) return wall;
  return as_summer;  // a skipped time in the spring change: the earlier reading
}

Result<std::pair<int, int>> ParseClockTime(std::string_view text) {
  auto fail = [] {
    return Invalid({{"time", "Enter a time like 14:05"}}, "Enter a time like 14:05.");
  };
  std::size_t colon = text.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 2) return fail();
  std::optional<int> hour = SmallNumber(text.substr(0, colon), 2);
  if (text.size() != colon + 3) return fail();
  std::optional<int> minute = Digits(text, colon + 1, 2);
  if (!hour || !minute || *hour > 23 || *minute > 59) return fail();
  return std::pair{*hour, *minute};
}

std::string FormatLondonDateTime(Instant at) {
  Instant local = at + LondonOffset(at);
  sys_days day = std::chrono::floor<days>(local);
  std::chrono::hh_mm_ss<seconds> time{local - day};
  int hour = static_cast<int>(time.hours().count());
  int minute = static_cast<int>(time.minutes().count());
  std::string clock;
  if (hour == 12 && minute == 0) {
    clock = "midday";
  } else {
    int twelve_hour = hour % 12 == 0 ? 12 : hour % 12;
    clock = std::to_string(twelve_hour);
    if (minute != 0) clock += ":" + TwoDigits(static_cast<unsigned>(minute));
    clock += hour < 12 ? "am" : "pm";
  }
  return FormatLongDate(Date{day}) + " at " + clock;
}

std::string FormatLongDate(Date date) {
  unsigned month = static_cast<unsigned>(date.month());
  std::string_view month_name = month >= 1 && month <= 12 ? kMonthNames[month - 1] : "?";
  return std::to_string(static_cast<unsigned>(date.day())) + " " + std::string(month_name) + " " +
         std::to_string(static_cast<int>(date.year()));
}

int AgeInYears(Date date_of_birth, Date on) {
  int years = static_cast<int>(on.year()) - static_cast<int>(date_of_birth.year());
  bool before_birthday = on.month() < date_of_birth.month() ||
                         (on.month() == date_of_birth.month() && on.day() < date_of_birth.day());
  if (before_birthday) --years;
  return years < 0 ? 0 : years;
}

}  // namespace harbour
