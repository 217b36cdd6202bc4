// Importing legacy 5x5x5 intelligence records (JSON Lines).
#include "intelligence/legacy.h"

#include <gtest/gtest.h>

namespace harbour::intelligence {
namespace {

const Instant kNow{std::chrono::seconds{1772618400}};  // 2026-03-04T10:00:00Z

constexpr const char* kGood =
    R"({"reference":"CIB/2019/0042","submitted_at":"2019-05-01T10:00:00Z",)"
    R"("category":"sexual_exploitation","source":"B","intelligence":"2","handling":"3",)"
    R"("text":"A taxi driver is known to pick up young girls from the hostel."})";

TEST(LegacyRecords, ReadsEveryLineAndSkipsBlankOnes) {
  std::string file = std::string(kGood) + "\n\n" + kGood + "\n";
  auto records = ParseLegacyRecords(file, kNow);
  ASSERT_TRUE(records.has_value()) << records.error().message;
  ASSERT_EQ(records->size(), 2u);
  EXPECT_EQ(records->front().reference, "CIB/2019/0042");
  EXPECT_EQ(records->front().grade.source, LegacySource::kB);
  EXPECT_EQ(records->front().grade.intelligence, LegacyIntelligence::k2);
  EXPECT_EQ(records->front().grade.handling, LegacyHandling::k3);
  EXPECT_EQ(FormatRfc3339(records->front().submitted_at), "2019-05-01T10:00:00Z");
}

TEST(LegacyRecords, ListsEveryProblemByLine) {
  std::string file =
      std::string(kGood) + "\n" +
      R"({"reference":"X","submitted_at":"2030-01-01T00:00:00Z","category":"gossip",)"
      R"("source":"1","intelligence":"A","handling":"P","grade":"?"})" +
      "\nnot json\n";
  auto records = ParseLegacyRecords(file, kNow);
  ASSERT_FALSE(records.has_value());
  const auto& f = records.error().fields;
  for (const char* field :
       {"line 2: submitted_at", "line 2: category", "line 2: source", "line 2: intelligence",
        "line 2: handling", "line 2: grade", "line 2: text", "line 3"}) {
    EXPECT_TRUE(f.contains(field)) << field;
  }
  EXPECT_FALSE(f.contains("line 1"));
}

TEST(LegacyRecords, RefusesAnEmptyFileAndBytesThatAreNotText) {
  EXPECT_TRUE(ParseLegacyRecords("\n \n", kNow).error().fields.contains("file"));
  EXPECT_TRUE(ParseLegacyRecords("\xff\xfe", kNow).error().fields.contains("file"));
}

}  // namespace
}  // namespace harbour::intelligence
