#include "profile/query.h"

#include <gtest/gtest.h>

namespace harbour::profile {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;

const Date kToday{year{2026}, month{12}, day{3}};

Labels TestLabels() {
  Labels labels;
  labels.agencies = {{"a-police", "Harbour Police"}};
  labels.wards = {{"E05000001", "North"}};
  return labels;
}

TEST(ParseQuery, NothingAskedIsTheLastCompleteQuarterPublished) {
  auto q = ParseQuery({}, TestLabels(), kToday, false);
  ASSERT_TRUE(q);
  EXPECT_EQ(PeriodCode(q->period), "2026-Q3");
  EXPECT_EQ(q->release, Release::kPublished);
  EXPECT_EQ(QueryString(*q), "period=2026-Q3");
}

TEST(ParseQuery, ReadsDatesFiltersAndTheInternalViewForThoseWhoMay) {
  QueryInput in{.period = "",
                .from = "2026-01-05",
                .to = " 2026-02-04 ",
                .ward = "E05000001",
                .agency = "a-police",
                .category = "online_harm",
                .view = "internal"};
  auto q = ParseQuery(in, TestLabels(), kToday, true);
  ASSERT_TRUE(q);
  EXPECT_EQ(q->period.kind, PeriodKind::kCustom);
  EXPECT_EQ(DaysIn(q->period), 31);
  EXPECT_EQ(q->release, Release::kInternal);
  EXPECT_EQ(QueryString(*q),
            "from=2026-01-05&to=2026-02-04&ward=E05000001&agency=a-police&category=online_harm&"
            "view=internal");
  EXPECT_EQ(DescribeQuery(*q, TestLabels()),
            "2026-01-05..2026-02-04; ward North; agency Harbour Police; concerns of type Online "
            "harm; internal, not for publication");
}

TEST(ParseQuery, NamesEachBadField) {
  QueryInput in{.period = "2026-Q9",
                .from = "",
                .to = "",
                .ward = "E05999999",
                .agency = "nobody",
                .category = "shoplifting",
                .view = "internal"};
  auto q = ParseQuery(in, TestLabels(), kToday, false);
  ASSERT_FALSE(q);
  for (const char* field : {"period", "ward", "agency", "category", "view"}) {
    EXPECT_TRUE(q.error().fields.contains(field)) << field;
  }
}

TEST(ParseQuery, APeriodMayNotStartAfterToday) {
  auto q = ParseQuery({.period = "2027"}, TestLabels(), kToday, false);
  ASSERT_FALSE(q);
  EXPECT_TRUE(q.error().fields.contains("period"));
  auto custom = ParseQuery({.from = "2026-12-04", .to = "2026-12-31"}, TestLabels(), kToday, false);
  ASSERT_FALSE(custom);
  EXPECT_TRUE(custom.error().fields.contains("from"));
  // The current quarter, still running, may be asked for.
  EXPECT_TRUE(ParseQuery({.period = "2026-Q4"}, TestLabels(), kToday, false));
}

TEST(ParseQuery, OnlyOneDateIsAnError) {
  auto q = ParseQuery({.from = "2026-01-01"}, TestLabels(), kToday, false);
  ASSERT_FALSE(q);
  EXPECT_TRUE(q.error().fields.contains("to"));
}

TEST(QueryString, EscapesWhatItCarries) {
  Query q;
  q.period = *ParsePeriod("2026-Q1");
  q.filters.agency = "a&b=c";
  EXPECT_EQ(QueryString(q), "period=2026-Q1&agency=a%26b%3Dc");
}

}  // namespace
}  // namespace harbour::profile
