#include "chronology/chronology.h"

#include <gtest/gtest.h>

#include "common/codes_testing.h"

namespace harbour::chronology {
namespace {

Entry Make(EntryType type, long seconds, std::string id, const std::string& agency) {
  Entry e;
  e.type = type;
  e.at = Instant{std::chrono::seconds{seconds}};
  e.id = std::move(id);
  e.by.agency_id = agency;
  e.by.agency_name = agency.empty() ? "" : "Agency " + agency;
  return e;
}

TEST(Chronology, NewestFirstWithStableTies) {
  auto out =
      Arrange({Make(EntryType::kConcern, 10, "b", "x"), Make(EntryType::kConcern, 30, "a", "x"),
               Make(EntryType::kAddendum, 10, "a", "y")},
              {});
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[0].id, "a");
  EXPECT_EQ(out[0].at.time_since_epoch().count(), 30);
  EXPECT_EQ(out[1].id, "a");
  EXPECT_EQ(out[1].type, EntryType::kAddendum);
  EXPECT_EQ(out[2].id, "b");
}

TEST(Chronology, FiltersByTypeAndAgency) {
  std::vector<Entry> all = {Make(EntryType::kConcern, 1, "1", "police"),
                            Make(EntryType::kAddendum, 2, "2", "police"),
                            Make(EntryType::kConcern, 3, "3", "school")};
  auto concerns = Arrange(all, {EntryType::kConcern, ""});
  ASSERT_EQ(concerns.size(), 2u);
  EXPECT_EQ(concerns[0].id, "3");
  auto police = Arrange(all, {std::nullopt, "police"});
  ASSERT_EQ(police.size(), 2u);
  EXPECT_EQ(police[0].id, "2");
  auto both = Arrange(all, {EntryType::kConcern, "police"});
  ASSERT_EQ(both.size(), 1u);
  EXPECT_EQ(both[0].id, "1");
}

TEST(Chronology, AgencyFilterOffersEachRecordingAgencyOnceAndNoBlank) {
  auto agencies = RecordingAgencies(
      {Make(EntryType::kConcern, 1, "1", "police"), Make(EntryType::kPanel, 2, "2", ""),
       Make(EntryType::kAddendum, 3, "3", "school"), Make(EntryType::kConcern, 4, "4", "police")});
  ASSERT_EQ(agencies.size(), 2u);
  EXPECT_EQ(agencies[0], (std::pair<std::string, std::string>{"police", "Agency police"}));
  EXPECT_EQ(agencies[1].first, "school");
}

TEST(Chronology, BylineCreditsThePersonAndTheirAgency) {
  EXPECT_EQ(Byline({"Sam Patel", "csc", "Children's Social Care"}),
            "Sam Patel, Children's Social Care");
  EXPECT_EQ(Byline({"Sam Patel", "", ""}), "Sam Patel");
}

TEST(Chronology, CodesRoundTrip) {
  for (auto t :
       {EntryType::kConcern, EntryType::kAddendum, EntryType::kRecord, EntryType::kAssessment,
        EntryType::kReferral, EntryType::kMissing, EntryType::kReturnInterview}) {
    EXPECT_EQ(EntryTypeFromCode(ToCode(t)), t);
  }
  EXPECT_FALSE(EntryTypeFromCode("runaway").has_value());
}

TEST(ChronologyCodesTest, EveryEnumAnswersFromItsTable) {
  codes_testing::ExpectAnswersFromTable(kEntryTypeCodes, EntryTypeFromCode);
}

}  // namespace
}  // namespace harbour::chronology
