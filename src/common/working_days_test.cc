#include "common/working_days.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace harbour {
namespace {

Date D(int y, unsigned m, unsigned d) { return std::chrono::year{y} / m / d; }

std::string ReadShippedCalendar() {
  std::ifstream file(std::string(HARBOUR_TEST_SOURCE_DIR) + "/config/reference/bank-holidays.toml");
  std::stringstream buffer;
  buffer << file.rdbuf();
  return buffer.str();
}

std::string ErrorOf(std::string_view toml) {
  auto parsed = WorkingCalendar::Parse(toml);
  if (parsed.has_value()) return "ok";
  EXPECT_EQ(parsed.error().kind, ErrorKind::kInvalid);
  return parsed.error().message;
}

class ShippedCalendarTest : public testing::Test {
 protected:
  void SetUp() override {
    auto parsed = WorkingCalendar::Parse(ReadShippedCalendar());
    ASSERT_TRUE(parsed.has_value()) << parsed.error().message;
    calendar_ = std::make_unique<WorkingCalendar>(std::move(*parsed));
  }
  std::unique_ptr<WorkingCalendar> calendar_;
};

TEST_F(ShippedCalendarTest, HoldsEightOrMoreHolidaysEachYearTo2030) {
  for (int year = 2024; year <= 2030; ++year) {
    auto first = calendar_->BankHolidays().lower_bound(D(year, 1, 1));
    auto last = calendar_->BankHolidays().upper_bound(D(year, 12, 31));
    EXPECT_EQ(std::distance(first, last), 8) << year;
  }
  for (Date day : calendar_->BankHolidays()) {
    EXPECT_NE(std::chrono::weekday{std::chrono::sys_days{day}}, std::chrono::Saturday);
    EXPECT_NE(std::chrono::weekday{std::chrono::sys_days{day}}, std::chrono::Sunday);
  }
}

TEST_F(ShippedCalendarTest, HasEasterAndSubstituteDays) {
  const auto& holidays = calendar_->BankHolidays();
  EXPECT_TRUE(holidays.contains(D(2026, 4, 3)));    // Good Friday
  EXPECT_TRUE(holidays.contains(D(2026, 4, 6)));    // Easter Monday
  EXPECT_TRUE(holidays.contains(D(2026, 12, 28)));  // Boxing Day (substitute)
  EXPECT_TRUE(holidays.contains(D(2027, 12, 27)));  // Christmas Day (substitute)
  EXPECT_TRUE(holidays.contains(D(2027, 12, 28)));  // Boxing Day (substitute)
  EXPECT_TRUE(holidays.contains(D(2028, 1, 3)));    // New Year's Day (substitute)
  EXPECT_TRUE(holidays.contains(D(2030, 4, 19)));   // Good Friday
  EXPECT_FALSE(holidays.contains(D(2026, 12, 26)));
}

TEST_F(ShippedCalendarTest, AddsWorkingDaysOverWeekendsAndHolidays) {
  // Thursday 2 April 2026 + 1: Good Friday and Easter Monday are skipped.
  EXPECT_EQ(calendar_->AddWorkingDays(D(2026, 4, 2), 1), D(2026, 4, 7));
  // Friday + 1 is Monday.
  EXPECT_EQ(calendar_->AddWorkingDays(D(2026, 3, 6), 1), D(2026, 3, 9));
  // A referral on Christmas Eve 2026 (Thursday) is due on Tuesday 29 December.
  EXPECT_EQ(calendar_->AddWorkingDays(D(2026, 12, 24), 1), D(2026, 12, 29));
  // Saturday + 1 is Monday; + 0 is the day itself.
  EXPECT_EQ(calendar_->AddWorkingDays(D(2026, 3, 7), 1), D(2026, 3, 9));
  EXPECT_EQ(calendar_->AddWorkingDays(D(2026, 3, 7), 0), D(2026, 3, 7));
  // 45 working days from Monday 5 January 2026: nine whole weeks, no holidays.
  EXPECT_EQ(calendar_->AddWorkingDays(D(2026, 1, 5), 45), D(2026, 3, 9));
}

TEST_F(ShippedCalendarTest, CountsWorkingDaysBetween) {
  EXPECT_EQ(calendar_->WorkingDaysBetween(D(2026, 4, 2), D(2026, 4, 7)), 1);
  EXPECT_EQ(calendar_->WorkingDaysBetween(D(2026, 3, 6), D(2026, 3, 9)), 1);
  EXPECT_EQ(calendar_->WorkingDaysBetween(D(2026, 3, 9), D(2026, 3, 9)), 0);
  EXPECT_EQ(calendar_->WorkingDaysBetween(D(2026, 3, 10), D(2026, 3, 9)), 0);
  EXPECT_EQ(calendar_->WorkingDaysBetween(D(2026, 1, 5), D(2026, 3, 9)), 45);
  // 2026 has 261 weekdays (Thursday 1 January start) and 8 weekday bank holidays.
  EXPECT_EQ(calendar_->WorkingDaysBetween(D(2025, 12, 31), D(2026, 12, 31)), 253);
  // Agrees with AddWorkingDays everywhere it is defined.
  for (int n = 0; n < 400; n += 13) {
    Date from = D(2026, 1, 1);
    EXPECT_EQ(calendar_->WorkingDaysBetween(from, calendar_->AddWorkingDays(from, n)), n) << n;
  }
}

TEST_F(ShippedCalendarTest, WorkingDayIsWeekdayAndNotHoliday) {
  EXPECT_TRUE(calendar_->IsWorkingDay(D(2026, 3, 9)));
  EXPECT_FALSE(calendar_->IsWorkingDay(D(2026, 3, 7)));
  EXPECT_FALSE(calendar_->IsWorkingDay(D(2026, 3, 8)));
  EXPECT_FALSE(calendar_->IsWorkingDay(D(2026, 8, 31)));
  EXPECT_FALSE(calendar_->IsWorkingDay(D(2026, 2, 30)));
}

TEST(WorkingCalendarParseTest, ReadsMinimalFile) {
  auto parsed = WorkingCalendar::Parse(
      "[[holiday]]\ndate = 2026-12-25\ntitle = \"Christmas Day\"\n"
      "[[holiday]]\ndate = 2026-12-28\ntitle = 'Boxing Day (substitute day)'\n");
  ASSERT_TRUE(parsed.has_value());
  EXPECT_EQ(parsed->BankHolidays(), (std::set<Date>{D(2026, 12, 25), D(2026, 12, 28)}));
}

TEST(WorkingCalendarParseTest, ReportsTheLineOfTheFirstBadEntry) {
  EXPECT_EQ(ErrorOf("[[holiday]]\ndate = 2026-12-25\ntitle = \"A\"\n"
                    "[[holiday]]\ndate = \"2026-12-26\"\ntitle = \"B\"\n"),
            "Bank holidays, line 4: each holiday needs a date like 2026-12-25");
  EXPECT_EQ(ErrorOf("[[holiday]]\ndate = 2026-12-25\n"),
            "Bank holidays, line 1: each holiday needs a title");
  EXPECT_EQ(ErrorOf("[[holiday]]\ndate = 2026-12-25\ntitle = \"\"\n"),
            "Bank holidays, line 1: each holiday needs a title");
  EXPECT_EQ(ErrorOf("[[holiday]]\ndate = 2026-12-25T00:00:00\ntitle = \"A\"\n"),
            "Bank holidays, line 1: each holiday needs a date like 2026-12-25");
  EXPECT_EQ(ErrorOf("[[holiday]]\ndate = 2026-12-25\ntitle = \"A\"\n"
                    "[[holiday]]\ndate = 2026-12-25\ntitle = \"B\"\n"),
            "Bank holidays, line 4: the date 2026-12-25 is listed twice");
}

TEST(WorkingCalendarParseTest, TurnsTomlSyntaxErrorsIntoValues) {
  EXPECT_EQ(ErrorOf("[[holiday]]\ndate = 2026-12-25\ntitle = \"A\n"),
            "Bank holidays, line 3: not valid TOML");
  EXPECT_EQ(ErrorOf("# fine\n\n[[holiday]]\ndate = 2026-02-30\ntitle = \"A\"\n").substr(0, 22),
            "Bank holidays, line 4:");
  EXPECT_EQ(ErrorOf(""), "Bank holidays, line 1: no [[holiday]] entries");
  EXPECT_EQ(ErrorOf("holiday = 3\n"), "Bank holidays, line 1: no [[holiday]] entries");
  EXPECT_EQ(ErrorOf("holiday = [1]\n"), "Bank holidays, line 1: each [[holiday]] must be a table");
}

// Regression (found by bank_holidays_fuzz): toml11 3.7 read past its buffer reporting invalid
// UTF-8 inside a literal string, so invalid UTF-8 is refused before toml11 sees it.
TEST(WorkingCalendarParseTest, RefusesInvalidUtf8BeforeTomlParsesIt) {
  EXPECT_EQ(ErrorOf("[[holiday]]\ndate = 2026-12-25\ntitle = 'Christmas \xC3'\n"),
            "Bank holidays, line 3: the file is not valid UTF-8");
  EXPECT_EQ(ErrorOf("[[holiday]]\ndate = 2026-12-25\ntitle = \"A\" # \xFF\n"),
            "Bank holidays, line 3: the file is not valid UTF-8");
}

TEST(WorkingCalendarParseTest, RefusesDeepNestingBeforeTomlParsesIt) {
  std::string deep = "x = " + std::string(100000, '[') + std::string(100000, ']') + "\n";
  EXPECT_EQ(ErrorOf(deep), "Bank holidays, line 1: brackets are nested too deeply");
  // Brackets inside strings and comments do not count.
  std::string quoted = "[[holiday]]\ndate = 2026-12-25\ntitle = \"" + std::string(50, '[') +
                       "\"  # " + std::string(50, '{') + "\nnote = '''\n" + std::string(50, '[') +
                       "\n'''\n";
  EXPECT_EQ(ErrorOf(quoted), "ok");
}

}  // namespace
}  // namespace harbour
