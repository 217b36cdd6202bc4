// WorkingCalendar::Parse on arbitrary bytes: toml11's exceptions never escape, deep nesting is
// refused before toml11 sees it, and an accepted calendar answers working-day questions sanely.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "common/working_days.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  auto calendar = harbour::WorkingCalendar::Parse(input);
  if (!calendar) {
    FUZZ_CHECK(calendar.error().kind == harbour::ErrorKind::kInvalid);
    FUZZ_CHECK(calendar.error().message.starts_with("Bank holidays, line "));
    return 0;
  }
  FUZZ_CHECK(!calendar->BankHolidays().empty());
  for (harbour::Date day : calendar->BankHolidays()) {
    FUZZ_CHECK(day.ok());
    FUZZ_CHECK(!calendar->IsWorkingDay(day));
  }
  harbour::Date first = *calendar->BankHolidays().begin();
  harbour::Date later = calendar->AddWorkingDays(first, 10);
  FUZZ_CHECK(calendar->WorkingDaysBetween(first, later) == 10);
  FUZZ_CHECK(calendar->IsWorkingDay(later));
  return 0;
}
