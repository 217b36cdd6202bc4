#include "common/time.h"

#include <gtest/gtest.h>

namespace harbour {
namespace {

using std::chrono::days;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::sys_days;
using namespace std::chrono_literals;

Instant At(int y, unsigned m, unsigned d, int h, int min, int s = 0) {
  return sys_days{std::chrono::year{y} / m / d} + hours{h} + minutes{min} + std::chrono::seconds{s};
}

Date D(int y, unsigned m, unsigned d) { return std::chrono::year{y} / m / d; }

TEST(Rfc3339Test, ParsesUtcAndOffsets) {
  EXPECT_EQ(ParseRfc3339("2026-03-01T14:05:00Z").value(), At(2026, 3, 1, 14, 5));
  EXPECT_EQ(ParseRfc3339("2026-03-01t14:05:00z").value(), At(2026, 3, 1, 14, 5));
  EXPECT_EQ(ParseRfc3339("2026-07-01T14:05:00+01:00").value(), At(2026, 7, 1, 13, 5));
  EXPECT_EQ(ParseRfc3339("2026-07-01T14:05:00-05:30").value(), At(2026, 7, 1, 19, 35));
  EXPECT_EQ(ParseRfc3339("2026-12-31T23:30:00-01:00").value(), At(2027, 1, 1, 0, 30));
}

TEST(Rfc3339Test, TruncatesFractionalSeconds) {
  EXPECT_EQ(ParseRfc3339("2026-03-01T14:05:09.999999Z").value(), At(2026, 3, 1, 14, 5, 9));
  EXPECT_FALSE(ParseRfc3339("2026-03-01T14:05:09.Z").has_value());
}

TEST(Rfc3339Test, RejectsMissingOffsetAndBadShapes) {
  for (std::string_view bad :
       {"2026-03-01T14:05:00", "2026-03-01 14:05:00Z", "2026-3-01T14:05:00Z", "",
        "2026-03-01T14:05Z", "2026-03-01T14:05:00+0100", "2026-03-01T14:05:00+01:00x",
        "2026-03-01T14:05:00ZZ", "+026-03-01T14:05:00Z", "2026-03-01T14:05:00+24:00"}) {
    auto parsed = ParseRfc3339(bad);
    ASSERT_FALSE(parsed.has_value()) << bad;
    EXPECT_EQ(parsed.error().kind, ErrorKind::kInvalid);
  }
}

TEST(Rfc3339Test, RejectsImpossibleDatesAndTimes) {
  EXPECT_FALSE(ParseRfc3339("2026-02-29T00:00:00Z").has_value());
  EXPECT_TRUE(ParseRfc3339("2028-02-29T00:00:00Z").has_value());
  EXPECT_FALSE(ParseRfc3339("2026-13-01T00:00:00Z").has_value());
  EXPECT_FALSE(ParseRfc3339("2026-04-31T00:00:00Z").has_value());
  EXPECT_FALSE(ParseRfc3339("2026-04-30T24:00:00Z").has_value());
  EXPECT_FALSE(ParseRfc3339("2026-04-30T23:60:00Z").has_value());
  EXPECT_FALSE(ParseRfc3339("2026-12-31T23:59:60Z").has_value());
  EXPECT_FALSE(ParseRfc3339("0000-01-01T00:00:00Z").has_value());
  // Would be year 10000 in UTC.
  EXPECT_FALSE(ParseRfc3339("9999-12-31T23:30:00-01:00").has_value());
}

TEST(Rfc3339Test, FormatsAndRoundTrips) {
  EXPECT_EQ(FormatRfc3339(At(2026, 3, 1, 14, 5)), "2026-03-01T14:05:00Z");
  EXPECT_EQ(FormatRfc3339(At(1, 1, 1, 0, 0)), "0001-01-01T00:00:00Z");
  Instant t = At(2030, 10, 27, 0, 59, 59);
  EXPECT_EQ(ParseRfc3339(FormatRfc3339(t)).value(), t);
}

TEST(DateTest, ParsesStrictIsoDates) {
  EXPECT_EQ(ParseDate("2026-03-01").value(), D(2026, 3, 1));
  EXPECT_FALSE(ParseDate("2026-3-1").has_value());
  EXPECT_FALSE(ParseDate("2026-02-30").has_value());
  EXPECT_FALSE(ParseDate(" 2026-03-01").has_value());
  EXPECT_FALSE(ParseDate("2026/03/01").has_value());
  EXPECT_EQ(FormatDate(D(2026, 3, 1)), "2026-03-01");
  EXPECT_EQ(FormatDate(D(987, 12, 31)), "0987-12-31");
}

TEST(DateFromPartsTest, BuildsRealDates) {
  EXPECT_EQ(DateFromParts("3", "3", "2026").value(), D(2026, 3, 3));
  EXPECT_EQ(DateFromParts(" 03 ", "03", "2026").value(), D(2026, 3, 3));
  EXPECT_EQ(DateFromParts("29", "Feb", "2028").value(), D(2028, 2, 29));
  EXPECT_EQ(DateFromParts("1", "september", "2026").value(), D(2026, 9, 1));
  EXPECT_EQ(DateFromParts("1", "Sept", "2026").value(), D(2026, 9, 1));
}

std::string DateErrorOf(std::string_view d, std::string_view m, std::string_view y,
                        std::string_view label = "Date") {
  auto result = DateFromParts(d, m, y, label);
  if (result.has_value()) return "ok";
  EXPECT_EQ(result.error().kind, ErrorKind::kInvalid);
  return result.error().fields.at("date");
}

TEST(DateFromPartsTest, NamesWhatIsMissingGovUkStyle) {
  EXPECT_EQ(DateErrorOf("", "", "", "Date of birth"), "Enter date of birth");
  EXPECT_EQ(DateErrorOf("", "", "", "NHS date"), "Enter NHS date");
  EXPECT_EQ(DateErrorOf("3", "", "2026", "Date of birth"), "Date of birth must include a month");
  EXPECT_EQ(DateErrorOf("", "", "2026"), "Date must include a day and month");
  EXPECT_EQ(DateErrorOf("3", "", ""), "Date must include a month and year");
  EXPECT_EQ(DateErrorOf("", "3", "2026"), "Date must include a day");
}

TEST(DateFromPartsTest, RejectsUnrealDatesAndShortYears) {
  EXPECT_EQ(DateErrorOf("30", "2", "2026"), "Date must be a real date");
  EXPECT_EQ(DateErrorOf("29", "2", "2026"), "Date must be a real date");
  EXPECT_EQ(DateErrorOf("x", "2", "2026"), "Date must be a real date");
  EXPECT_EQ(DateErrorOf("1", "13", "2026"), "Date must be a real date");
  EXPECT_EQ(DateErrorOf("1", "Smarch", "2026"), "Date must be a real date");
  EXPECT_EQ(DateErrorOf("1", "2", "26"), "Year must include 4 numbers");
  EXPECT_EQ(DateErrorOf("1", "2", "0000"), "Date must be a real date");
  EXPECT_EQ(DateErrorOf("1", "2", "-202"), "Year must include 4 numbers");
  // The three-argument form uses "Date" as the label.
  EXPECT_EQ(DateFromParts("", "1", "2026").error().fields.at("date"), "Date must include a day");
}

TEST(LondonTest, OffsetFollowsBritishSummerTime) {
  // 2026: BST from 29 March 01:00 UTC to 25 October 01:00 UTC.
  EXPECT_EQ(LondonOffset(At(2026, 1, 15, 12, 0)), 0s);
  EXPECT_EQ(LondonOffset(At(2026, 3, 29, 0, 59, 59)), 0s);
  EXPECT_EQ(LondonOffset(At(2026, 3, 29, 1, 0)), 1h);
  EXPECT_EQ(LondonOffset(At(2026, 7, 1, 12, 0)), 1h);
  EXPECT_EQ(LondonOffset(At(2026, 10, 25, 0, 59, 59)), 1h);
  EXPECT_EQ(LondonOffset(At(2026, 10, 25, 1, 0)), 0s);
  // 2027: 28 March and 31 October.
  EXPECT_EQ(LondonOffset(At(2027, 3, 28, 1, 0)), 1h);
  EXPECT_EQ(LondonOffset(At(2027, 10, 31, 0, 30)), 1h);
  EXPECT_EQ(LondonOffset(At(2027, 10, 31, 1, 30)), 0s);
}

TEST(LondonTest, FromLocalConvertsWallClockTimes) {
  EXPECT_EQ(FromLondonLocal(D(2026, 1, 15), 9, 30), At(2026, 1, 15, 9, 30));
  EXPECT_EQ(FromLondonLocal(D(2026, 7, 1), 9, 30), At(2026, 7, 1, 8, 30));
  // Skipped hour (01:00-01:59 local on 29 March 2026) resolves to the earlier reading.
  EXPECT_EQ(FromLondonLocal(D(2026, 3, 29), 1, 30), At(2026, 3, 29, 0, 30));
  EXPECT_EQ(FromLondonLocal(D(2026, 3, 29), 2, 0), At(2026, 3, 29, 1, 0));
  // Repeated hour on 25 October 2026: 01:30 happens at 00:30 and 01:30 UTC; earlier wins.
  EXPECT_EQ(FromLondonLocal(D(2026, 10, 25), 1, 30), At(2026, 10, 25, 0, 30));
  EXPECT_EQ(FromLondonLocal(D(2026, 10, 25), 2, 0), At(2026, 10, 25, 2, 0));
  EXPECT_EQ(FromLondonLocal(D(2026, 10, 25), 0, 30), At(2026, 10, 24, 23, 30));
}

TEST(LondonTest, FormatsGovUkStyle) {
  EXPECT_EQ(FormatLondonDateTime(At(2026, 3, 3, 14, 5)), "3 March 2026 at 2:05pm");
  EXPECT_EQ(FormatLondonDateTime(At(2026, 7, 3, 13, 5)), "3 July 2026 at 2:05pm");
  EXPECT_EQ(FormatLondonDateTime(At(2026, 3, 3, 14, 0)), "3 March 2026 at 2pm");
  EXPECT_EQ(FormatLondonDateTime(At(2026, 3, 3, 12, 0)), "3 March 2026 at midday");
  EXPECT_EQ(FormatLondonDateTime(At(2026, 3, 3, 12, 30)), "3 March 2026 at 12:30pm");
  EXPECT_EQ(FormatLondonDateTime(At(2026, 3, 3, 0, 0)), "3 March 2026 at 12am");
  EXPECT_EQ(FormatLondonDateTime(At(2026, 3, 3, 0, 15)), "3 March 2026 at 12:15am");
  EXPECT_EQ(FormatLondonDateTime(At(2026, 3, 3, 9, 59, 59)), "3 March 2026 at 9:59am");
  // 23:30 UTC on 30 June is 00:30 on 1 July in London.
  EXPECT_EQ(FormatLondonDateTime(At(2026, 6, 30, 23, 30)), "1 July 2026 at 12:30am");
  EXPECT_EQ(FormatLongDate(D(2026, 12, 25)), "25 December 2026");
}

TEST(ClockTimeTest, ParsesTwentyFourHourTimes) {
  EXPECT_EQ(ParseClockTime("14:05").value(), std::pair(14, 5));
  EXPECT_EQ(ParseClockTime("09:00").value(), std::pair(9, 0));
  EXPECT_EQ(ParseClockTime("9:00").value(), std::pair(9, 0));
  EXPECT_EQ(ParseClockTime("23:59").value(), std::pair(23, 59));
  for (std::string_view bad :
       {"24:00", "12:60", "12:5", "1205", ":05", "12:05pm", "", "123:00", "ab:cd", "12:05 "}) {
    EXPECT_FALSE(ParseClockTime(bad).has_value()) << bad;
  }
}

TEST(AgeTest, CountsWholeYears) {
  EXPECT_EQ(AgeInYears(D(2012, 3, 3), D(2026, 3, 2)), 13);
  EXPECT_EQ(AgeInYears(D(2012, 3, 3), D(2026, 3, 3)), 14);
  EXPECT_EQ(AgeInYears(D(2012, 2, 29), D(2026, 2, 28)), 13);
  EXPECT_EQ(AgeInYears(D(2012, 2, 29), D(2026, 3, 1)), 14);
  EXPECT_EQ(AgeInYears(D(2026, 3, 3), D(2020, 1, 1)), 0);
}

TEST(ClockTest, FixedClockReturnsWhatItHolds) {
  FixedClock clock(At(2026, 3, 1, 0, 0));
  EXPECT_EQ(clock.Now(), At(2026, 3, 1, 0, 0));
  clock.Set(At(2026, 3, 2, 0, 0));
  EXPECT_EQ(clock.Now(), At(2026, 3, 2, 0, 0));
  EXPECT_GT(SystemClock().Now(), At(2024, 1, 1, 0, 0));
  EXPECT_EQ(DateOf(At(2026, 3, 1, 23, 59, 59)), D(2026, 3, 1));
}

}  // namespace
}  // namespace harbour
