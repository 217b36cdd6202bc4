// A partner's batch file: the header, rows left out naming their line, values left out naming
// their line and column, dates in both forms, and the output files.
#include "matching/batch.h"

#include <gtest/gtest.h>

namespace harbour::matching {
namespace {

const std::string kHeader(kBatchHeader);

TEST(ParseBatch, ReadsRowsInBothDateFormsAnyCase) {
  auto batch = ParseBatch(kHeader +
                          "\r\nr1,school,KATIE,smith,2011-07-03,F,hb4 7qt,07700 900123\r\n"
                          "r2,police,Katherine,SMITH,03/07/2011,female,,\r\n"
                          "r3,,,,,,,\n");
  ASSERT_TRUE(batch) << batch.error().message;
  ASSERT_EQ(batch->records.size(), 3u);
  EXPECT_TRUE(batch->problems.empty());
  EXPECT_EQ(batch->records[0].sex, "female");
  EXPECT_EQ(*batch->records[1].date_of_birth, *batch->records[0].date_of_birth);
  EXPECT_EQ(batch->records[2].id, "r3");
}

TEST(ParseBatch, LeavesOutBadRowsAndValuesNamingTheLine) {
  auto batch = ParseBatch(kHeader + "\n" +
                          "r1,a,Amy,Lee,31/02/2012,female,,\n"  // line 2: no 31 February
                          "r2,a,Amy,Lee\n"                      // line 3: four values
                          ",a,Amy,Lee,,,,\n"                    // line 4: no id
                          "r1,a,Amy,Lee,,,,\n"                  // line 5: id used before
                          "r5,a,Amy,Lee,,robot,,\n");           // line 6: sex
  ASSERT_TRUE(batch);
  ASSERT_EQ(batch->records.size(), 2u);
  ASSERT_EQ(batch->problems.size(), 5u);
  EXPECT_EQ(batch->problems[0].line, 2u);
  EXPECT_FALSE(batch->problems[0].row_left_out);
  EXPECT_NE(batch->problems[0].message.find("date_of_birth"), std::string::npos);
  EXPECT_FALSE(batch->records[0].date_of_birth) << "matched without the bad date";
  EXPECT_EQ(batch->problems[1].line, 3u);
  EXPECT_TRUE(batch->problems[1].row_left_out);
  EXPECT_EQ(batch->problems[2].line, 4u);
  EXPECT_EQ(batch->problems[3].line, 5u);
  EXPECT_EQ(batch->problems[4].line, 6u);
  EXPECT_NE(batch->problems[4].message.find("sex"), std::string::npos);
}

TEST(ParseBatch, RefusesAWrongHeaderOrText) {
  EXPECT_FALSE(ParseBatch(""));
  EXPECT_FALSE(ParseBatch("id,name\nr1,Amy\n"));
  EXPECT_FALSE(ParseBatch(kHeader + "\nr1,\xff,,,,,,\n"));
  auto unclosed = ParseBatch(kHeader + "\nr1,a,\"Amy,Lee,,,,\n");
  ASSERT_TRUE(unclosed);
  EXPECT_TRUE(unclosed->records.empty());
  ASSERT_EQ(unclosed->problems.size(), 1u);
  EXPECT_EQ(unclosed->problems[0].line, 2u);
}

TEST(MatchAll, MatchesASmallBatchAndWritesItsFiles) {
  auto variants = *NameVariants::Parse("katherine, kate, katie\n");
  auto batch = ParseBatch(kHeader + "\n" +
                          "s1,school,Katie,Smith,2011-07-03,female,HB4 7QT,\n"
                          "p1,police,Katherine,SMITH,03/07/2011,female,HB4 7QT,07700 900123\n"
                          "h1,health,Kate,Smyth,2011-07-03,female,,07700 900123\n"
                          "s2,school,Oliver,Brightwater,2009-01-20,male,HB11 2AA,\n");
  ASSERT_TRUE(batch);
  auto result = MatchAll(batch->records, variants);
  const auto& of = result.clusters.cluster_of;
  EXPECT_EQ(of[0], of[1]);
  EXPECT_EQ(of[1], of[2]);
  EXPECT_NE(of[3], of[0]);
  EXPECT_EQ(ClustersCsv(batch->records, result.clusters),
            "record_id,cluster_id\r\ns1,s1\r\np1,s1\r\nh1,s1\r\ns2,s2\r\n");
  std::string pairs;
  WritePairsCsv(batch->records, result, [&](std::string_view chunk) { pairs += chunk; });
  EXPECT_TRUE(
      pairs.starts_with("record_id_l,record_id_r,match_weight,match_probability,"
                        "blocking_rule,given_name_level,given_name_weight,"));
  EXPECT_NE(pairs.find("s1,p1,"), std::string::npos);
}

}  // namespace
}  // namespace harbour::matching
