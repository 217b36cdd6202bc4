#pragma once
// Instants, dates and their text forms. Times are stored in UTC and shown in
// Europe/London (DESIGN.md §5). All functions are pure and thread-safe.
#include <chrono>
#include <string>
#include <string_view>

#include "common/error.h"

namespace harbour {

using Instant = std::chrono::sys_seconds;
using Date = std::chrono::year_month_day;

// Source of "now", injected so rules and tests can fix the time.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual Instant Now() const = 0;
};

class SystemClock final : public Clock {
 public:
  Instant Now() const override;
};

// For tests: always returns the instant it holds; Set() is not thread-safe.
class FixedClock final : public Clock {
 public:
  explicit FixedClock(Instant now) : now_(now) {}
  Instant Now() const override { return now_; }
  void Set(Instant now) { now_ = now; }

 private:
  Instant now_;
};

// RFC 3339 with a mandatory offset ("Z" or ±HH:MM); fractional seconds are accepted and
// truncated. Fails with kInvalid on anything else, including impossible dates, leap seconds
// (":60") and instants outside the years 0001 to 9999 UTC.
Result<Instant> ParseRfc3339(std::string_view text);
// "2026-03-01T14:05:00Z" (always UTC, whole seconds).
std::string FormatRfc3339(Instant at);

// Strict "YYYY-MM-DD" for a real calendar date.
Result<Date> ParseDate(std::string_view text);
std::string FormatDate(Date date);
// Builds a date from the three GOV.UK date-input boxes; kInvalid names what is wrong.
// Boxes are trimmed; the month may be a number or an English month name ("Mar", "march").
// The error has one field, "date", whose message follows the GOV.UK pattern, e.g. "Date must
// include a month", "Date must be a real date", "Year must include 4 numbers"; callers move it
// to their own field name.
Result<Date> DateFromParts(std::string_view day, std::string_view month, std::string_view year);
// As above, with `label` in place of "Date" ("Date of birth must include a month"; "Enter date
// of birth" when all three boxes are empty).
Result<Date> DateFromParts(std::string_view day, std::string_view month, std::string_view year,
                           std::string_view label);

Date DateOf(Instant at);      // UTC calendar date
Date LondonDate(Instant at);  // the calendar date in Europe/London at that instant

// Offset of Europe/London at `at` (UTC+0, or UTC+1 during British Summer Time: from 01:00
// UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October).
std::chrono::seconds LondonOffset(Instant at);
// Converts a local Europe/London wall-clock time to an instant (an ambiguous or skipped
// time in the autumn/spring change resolves to the earlier reading).
Instant FromLondonLocal(Date date, int hour, int minute);
// Parses "HH:MM" or "H:MM" (24-hour) into hour and minute; kInvalid otherwise.
Result<std::pair<int, int>> ParseClockTime(std::string_view text);
// "3 March 2026 at 2:05pm" in Europe/London, GOV.UK style: "2pm" on the hour, "midday" at
// 12:00, "12am" at 00:00, "12:30am" just after midnight.
std::string FormatLondonDateTime(Instant at);
// "3 March 2026".
std::string FormatLongDate(Date date);
// Whole years between date_of_birth and on (negative never: 0 if on precedes birth).
int AgeInYears(Date date_of_birth, Date on);

}  // namespace harbour
