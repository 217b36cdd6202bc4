#include "missing/episode.h"

#include <gtest/gtest.h>

namespace harbour::missing {
namespace {

using std::chrono::days;
using std::chrono::hours;
using std::chrono::seconds;
using std::chrono::sys_days;

Date D(int y, unsigned m, unsigned d) {
  return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

TEST(ReturnInterviewClock, SeventyTwoHoursWhateverTheCalendar) {
  // Returned on the Thursday before Easter at 18:00 UTC: due Sunday 18:00 UTC, through Good
  // Friday and the weekend.
  Instant returned = sys_days{D(2026, 4, 2)} + hours{18};
  EXPECT_EQ(ReturnInterviewDue(returned), sys_days{D(2026, 4, 5)} + hours{18});
  // Across the spring clock change (29 March 2026): 72 real hours, not three wall-clock days.
  Instant before_change = sys_days{D(2026, 3, 28)} + hours{12};
  EXPECT_EQ(ReturnInterviewDue(before_change) - before_change, hours{72});
}

Instant Day(int n) { return sys_days{D(2026, 1, 1)} + days{n} + hours{20}; }

TEST(RepeatMissingRule, ThreeWithinThirtyDaysAtItsEdge) {
  // The oldest exactly 30 days before the newest: counted (both ends included).
  EXPECT_TRUE(MeetsRepeatRule({Day(0), Day(12), Day(30)}));
  // One second more and it falls out of the window.
  EXPECT_FALSE(MeetsRepeatRule({Day(0) - seconds{1}, Day(12), Day(30)}));
  EXPECT_FALSE(MeetsRepeatRule({Day(0), Day(12), Day(31)}));
  EXPECT_FALSE(MeetsRepeatRule({Day(0), Day(5)})) << "two are not enough";
  EXPECT_TRUE(MeetsRepeatRule({Day(40), Day(0), Day(35), Day(38)})) << "any order";
}

TEST(RepeatMissingRule, IsConfigurable) {
  RepeatRule stricter{.threshold = 2, .window_days = 7};
  EXPECT_TRUE(MeetsRepeatRule({Day(0), Day(7)}, stricter));
  EXPECT_FALSE(MeetsRepeatRule({Day(0), Day(8)}, stricter));
  EXPECT_TRUE(MeetsRepeatRule({}, RepeatRule{.threshold = 0, .window_days = 30}));
}

}  // namespace
}  // namespace harbour::missing
