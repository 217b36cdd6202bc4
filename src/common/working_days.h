#pragma once
// Working-day arithmetic over the England and Wales bank holidays (config/reference/
// bank-holidays.toml). Immutable after construction; safe to share between threads.
#include <set>
#include <string_view>

#include "common/error.h"
#include "common/time.h"

namespace harbour {

class WorkingCalendar {
 public:
  explicit WorkingCalendar(std::set<Date> bank_holidays) : holidays_(std::move(bank_holidays)) {}
  // Parses the bank-holidays TOML text; kInvalid with the line of the first bad entry.
  static Result<WorkingCalendar> Parse(std::string_view toml_text);

  bool IsWorkingDay(Date day) const;  // Monday to Friday and not a bank holiday
  // The date `days` working days after `from` (from itself does not count); days >= 0.
  Date AddWorkingDays(Date from, int days) const;
  // Working days strictly after `from` up to and including `to` (0 if to <= from).
  int WorkingDaysBetween(Date from, Date to) const;
  const std::set<Date>& BankHolidays() const { return holidays_; }

 private:
  std::set<Date> holidays_;
};

}  // namespace harbour
