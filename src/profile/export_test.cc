#include "profile/export.h"

#include <gtest/gtest.h>

namespace harbour::profile {
namespace {

ShownBreakdown Table() {
  ShownBreakdown b;
  b.id = "sex";
  b.title = "Children identified by sex";
  b.counting = "children";
  b.rows.push_back({.code = "female",
                    .label = "Female",
                    .count = 40,
                    .previous = 38,
                    .percent = 66.7,
                    .previous_percent = 70.0});
  b.rows.push_back({.code = "male",
                    .label = "=HYPERLINK(\"x\")",
                    .count = std::nullopt,
                    .previous = std::nullopt,
                    .percent = std::nullopt,
                    .previous_percent = std::nullopt,
                    .percent_suppressed = true,
                    .previous_percent_suppressed = true});
  b.total = 60;
  b.previous_total = 54;
  b.completeness.push_back(
      {.agency_id = "a", .agency = "-Police", .counted = 30, .recorded = 28, .percent = 93.3});
  return b;
}

ExportHeader Header(Release release) {
  return ExportHeader{.period_code = "2026-Q3",
                      .period_label = "July to September 2026",
                      .previous_label = "April to June 2026",
                      .filters = "no filters",
                      .generated_at = "3 December 2026 at 10:00",
                      .release = release};
}

TEST(ProfileCsv, CarriesThePeriodTheTimeTheLegendAndWhatNotRecordedMeans) {
  std::string csv = ProfileCsv(Header(Release::kPublished), {Table()}, {});
  EXPECT_EQ(csv.rfind("\xEF\xBB\xBF", 0), 0u) << "starts with the UTF-8 byte order mark";
  EXPECT_NE(csv.find("2026-Q3"), std::string::npos);
  EXPECT_NE(csv.find("3 December 2026 at 10:00"), std::string::npos);
  EXPECT_NE(csv.find("c: a count of 1 to 5 is suppressed"), std::string::npos);
  EXPECT_NE(csv.find("Not recorded: the record leaves the field empty"), std::string::npos);
  EXPECT_NE(csv.find("OFFICIAL"), std::string::npos);
  EXPECT_EQ(csv.find("NOT FOR PUBLICATION"), std::string::npos);
  EXPECT_NE(csv.find("female,Female,40,66.7%,38,70.0%\r\n"), std::string::npos);
  EXPECT_NE(csv.find(",c,c,c,c\r\n"), std::string::npos);
}

TEST(ProfileCsv, GuardsEveryCellAgainstFormulas) {
  std::string csv = ProfileCsv(Header(Release::kPublished), {Table()}, {});
  EXPECT_EQ(csv.find(",=HYPERLINK"), std::string::npos);
  EXPECT_NE(csv.find("'=HYPERLINK"), std::string::npos);
  EXPECT_NE(csv.find("'-Police"), std::string::npos);
}

TEST(ProfileCsv, TheInternalReleaseSaysSoAndTheTrendIsSuppressedOnlyWhenPublished) {
  std::vector<MonthCount> trend = {{"2026-08", 12, 3, 0}, {"2026-09", 4, 10, 7}};
  std::string internal = ProfileCsv(Header(Release::kInternal), {}, trend);
  EXPECT_NE(internal.find("NOT FOR PUBLICATION"), std::string::npos);
  EXPECT_NE(internal.find("2026-08,12,3,0\r\n"), std::string::npos);
  std::string published = ProfileCsv(Header(Release::kPublished), {}, trend);
  EXPECT_NE(published.find("2026-08,12,c,0\r\n"), std::string::npos);
  EXPECT_NE(published.find("2026-09,c,10,7\r\n"), std::string::npos);
}

}  // namespace
}  // namespace harbour::profile
