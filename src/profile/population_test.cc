#include "profile/population.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "common/codes_testing.h"

namespace harbour::profile {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Key;
using ::testing::Pair;

const EthnicityCodes kCodes = {"asian_indian", "black_african", "white_british"};

// The cell for (band, sex, ethnicity), or a count of -1 when there is none.
long CellCount(const Population& population, AgeBand band, std::string_view sex,
               std::string_view ethnicity) {
  for (const PopulationCell& cell : population.cells) {
    if (cell.band == band && cell.sex == sex && cell.ethnicity == ethnicity) return cell.count;
  }
  return -1;
}

// The refusal of `text`, which must be refused as invalid.
Error Refusal(std::string_view text, std::string_view area_code = {}) {
  auto population = ParsePopulationCsv(text, kCodes, area_code);
  EXPECT_FALSE(population.has_value());
  if (population) return {};
  EXPECT_EQ(population.error().kind, ErrorKind::kInvalid);
  EXPECT_EQ(population.error().code, "invalid_population");
  return population.error();
}

TEST(AgeBandTest, AnswersFromItsTable) {
  codes_testing::ExpectAnswersFromTable(kAgeBandCodes, AgeBandFromCode);
  EXPECT_EQ(ToCode(AgeBand::k10To13), "10_13");
  EXPECT_EQ(Label(AgeBand::k18AndOver), "18 and over");
}

TEST(AgeBandTest, BandsEveryAge) {
  static_assert(AgeBandOf(std::nullopt) == AgeBand::kNotRecorded);
  EXPECT_EQ(AgeBandOf(-1), AgeBand::kNotRecorded);
  EXPECT_EQ(AgeBandOf(0), AgeBand::kUnder10);
  EXPECT_EQ(AgeBandOf(9), AgeBand::kUnder10);
  EXPECT_EQ(AgeBandOf(10), AgeBand::k10To13);
  EXPECT_EQ(AgeBandOf(13), AgeBand::k10To13);
  EXPECT_EQ(AgeBandOf(14), AgeBand::k14To15);
  EXPECT_EQ(AgeBandOf(15), AgeBand::k14To15);
  EXPECT_EQ(AgeBandOf(16), AgeBand::k16To17);
  EXPECT_EQ(AgeBandOf(17), AgeBand::k16To17);
  EXPECT_EQ(AgeBandOf(18), AgeBand::k18AndOver);
  EXPECT_EQ(AgeBandOf(90), AgeBand::k18AndOver);
}

TEST(ParsePopulationCsvTest, SumsSingleYearsIntoBands) {
  auto population = ParsePopulationCsv(
      "area_code,sex,age,ethnicity,population\n"
      "E06999999,1,0,white_british,100\n"
      "E06999999,1,9,white_british,90\n"
      "E06999999,2,9,white_british,95\n"
      "E06999999,1,10,white_british,80\n"
      "E06999999,1,13,white_british,70\n"
      "E06999999,2,14,asian_indian,12\n"
      "E06999999,2,15,asian_indian,11\n"
      "E06999999,1,16,black_african,7\n"
      "E06999999,1,17,black_african,0\n"
      "E06999999,1,18,black_african,9\n"
      "E06999999,2,90,white_british,40\n",
      kCodes);
  ASSERT_TRUE(population.has_value()) << population.error().message;
  EXPECT_EQ(population->area_code, "E06999999");
  EXPECT_EQ(population->cells.size(), 5u);
  EXPECT_EQ(CellCount(*population, AgeBand::kUnder10, "male", "white_british"), 190);
  EXPECT_EQ(CellCount(*population, AgeBand::kUnder10, "female", "white_british"), 95);
  EXPECT_EQ(CellCount(*population, AgeBand::k10To13, "male", "white_british"), 150);
  EXPECT_EQ(CellCount(*population, AgeBand::k14To15, "female", "asian_indian"), 23);
  EXPECT_EQ(CellCount(*population, AgeBand::k16To17, "male", "black_african"), 7);
  EXPECT_EQ(CellCount(*population, AgeBand::k18AndOver, "male", "black_african"), -1);
  EXPECT_EQ(population->aged_18_and_over, 49);
  EXPECT_EQ(Total(*population), 465);
  EXPECT_EQ(CountBySex(*population, "male"), 347);
  EXPECT_EQ(CountBySex(*population, "female"), 118);
  EXPECT_EQ(CountByBand(*population, AgeBand::kUnder10), 285);
  EXPECT_EQ(CountByBand(*population, AgeBand::k18AndOver), 0);
  EXPECT_EQ(CountByBand(*population, AgeBand::kNotRecorded), 0);
  EXPECT_EQ(CountByEthnicity(*population, "white_british"), 435);
  EXPECT_EQ(CountByEthnicity(*population, "not_known"), 0);
  EXPECT_EQ(Count(*population, {.band = AgeBand::kUnder10, .sex = "male"}), 190);
  EXPECT_EQ(Count(*population, {AgeBand::k14To15, "female", "asian_indian"}), 23);
}

TEST(ParsePopulationCsvTest, CellsAreSortedByBandSexAndEthnicity) {
  auto population = ParsePopulationCsv(
      "sex,age,ethnicity,population\n"
      "male,16,white_british,1\nfemale,16,white_british,2\nmale,3,white_british,3\n"
      "male,3,asian_indian,4\n",
      kCodes);
  ASSERT_TRUE(population.has_value());
  ASSERT_EQ(population->cells.size(), 4u);
  EXPECT_EQ(population->cells[0].count, 4);  // under 10, male, asian_indian
  EXPECT_EQ(population->cells[1].count, 3);  // under 10, male, white_british
  EXPECT_EQ(population->cells[2].count, 2);  // 16 to 17, female
  EXPECT_EQ(population->cells[3].count, 1);  // 16 to 17, male
  EXPECT_EQ(population->area_code, "");
}

TEST(ParsePopulationCsvTest, ColumnsInAnyOrderAnyCaseOthersIgnored) {
  auto population = ParsePopulationCsv(
      "Population, ETHNICITY ,Age,name,Sex,Area_Code\n"
      "12,White_British,4,Harbour demo area,F,e06999999\n"
      "30,asian_indian,90+,Harbour demo area,m,e06999999\n",
      kCodes);
  ASSERT_TRUE(population.has_value()) << population.error().message;
  EXPECT_EQ(population->area_code, "E06999999");
  EXPECT_EQ(CellCount(*population, AgeBand::kUnder10, "female", "white_british"), 12);
  EXPECT_EQ(population->aged_18_and_over, 30);
}

TEST(ParsePopulationCsvTest, AcceptsByteOrderMarkAndEveryLineEnd) {
  for (std::string_view text : {
           "\xEF\xBB\xBFsex,age,ethnicity,population\r\n2,5,white_british,7\r\n",
           "sex,age,ethnicity,population\r2,5,white_british,7\r",
           "sex,age,ethnicity,population\n2,5,white_british,7",
       }) {
    auto population = ParsePopulationCsv(text, kCodes);
    ASSERT_TRUE(population.has_value()) << population.error().message;
    EXPECT_EQ(CellCount(*population, AgeBand::kUnder10, "female", "white_british"), 7);
  }
}

TEST(ParsePopulationCsvTest, ReadsQuotedCells) {
  auto population = ParsePopulationCsv(
      "name,\"sex\",age,ethnicity,population\n"
      "\"Harbour, \"\"Demo\"\" Area\",\"2\",\" 5 \",\"white_british\",\"7\"\n"
      "\"A name\non two lines\",1,5,white_british,3\n"
      "\"\",1,6,white_british,4\n",
      kCodes);
  ASSERT_TRUE(population.has_value()) << population.error().message;
  EXPECT_EQ(CellCount(*population, AgeBand::kUnder10, "female", "white_british"), 7);
  EXPECT_EQ(CellCount(*population, AgeBand::kUnder10, "male", "white_british"), 7);
}

TEST(ParsePopulationCsvTest, SkipsBlankRowsAndTrailingBlankCells) {
  auto population = ParsePopulationCsv(
      "\nsex,age,ethnicity,population\n"
      "2,5,white_british,7,\n"
      ",,,\n"
      "\n"
      "1,5,white_british,3, , \n",
      kCodes);
  ASSERT_TRUE(population.has_value()) << population.error().message;
  EXPECT_EQ(Total(*population), 10);
}

TEST(ParsePopulationCsvTest, NamesEachBadValueByLineAndColumn) {
  Error error = Refusal(
      "sex,age,ethnicity,population\n"
      "3,5,white_british,7\n"          // line 2: sex
      "1,18.5,white_british,7\n"       // line 3: age
      "1,91,white_british,7\n"         // line 4: age
      "1,5,white_brit,7\n"             // line 5: ethnicity
      "1,6,white_british,-7\n"         // line 6: population
      "1,7,white_british,\"1,234\"\n"  // line 7: population
      "1,8,white_british,\n"           // line 8: population blank
      "1,9,white_british,100000001\n"  // line 9: population too large
      ",9,white_british,1\n"           // line 10: sex blank
      "persons,10,not_known,12.0\n");  // line 11: sex, ethnicity, population
  EXPECT_EQ(error.message, "The population file has 12 problems.");
  EXPECT_THAT(
      error.fields,
      ElementsAre(
          Pair("line 10: sex", "Line 10: sex is blank."),
          Pair("line 11: ethnicity",
               "Line 11: ethnicity \"not_known\" is not one of Harbour's ethnicity codes (such "
               "as white_british)."),
          Pair("line 11: population", "Line 11: population must be a whole number of 0 or more."),
          Pair("line 11: sex",
               "Line 11: sex must be 1 or 2 (as ONS codes them), M, F, male or female."),
          Pair("line 2: sex",
               "Line 2: sex must be 1 or 2 (as ONS codes them), M, F, male or female."),
          Pair("line 3: age",
               "Line 3: age must be a whole number of years from 0 to 90 (90 or 90+ for 90 and "
               "over)."),
          Pair("line 4: age", HasSubstr("Line 4: age must be")),
          Pair("line 5: ethnicity", HasSubstr("Line 5: ethnicity \"white_brit\" is not one")),
          Pair("line 6: population", "Line 6: population must be a whole number of 0 or more."),
          Pair("line 7: population", "Line 7: population must be a whole number of 0 or more."),
          Pair("line 8: population", "Line 8: population is blank."),
          Pair("line 9: population", "Line 9: population must be at most 100000000.")));
}

TEST(ParsePopulationCsvTest, CountsLinesInsideQuotedCells) {
  Error error = Refusal(
      "name,sex,age,ethnicity,population\n"
      "\"two\r\nlines\",1,5,white_british,1\n"
      "x,1,5,white_british,x\n");
  EXPECT_THAT(error.fields, ElementsAre(Key("line 4: population")));
}

TEST(ParsePopulationCsvTest, RowsWithTheWrongNumberOfCells) {
  Error error = Refusal(
      "sex,age,ethnicity,population\n"
      "1,5,white_british\n"
      "1,6,white_british,4,5\n");
  EXPECT_THAT(error.fields, ElementsAre(Pair("line 2", "Line 2 has 3 cells; the header has 4."),
                                        Pair("line 3", "Line 3 has 5 cells; the header has 4.")));
}

TEST(ParsePopulationCsvTest, RepeatedRows) {
  Error error = Refusal(
      "area_code,sex,age,ethnicity,population\n"
      "E06999999,1,5,white_british,1\n"
      "E06999999,m,5,White_British,2\n"
      "E06999999,2,5,white_british,2\n");
  EXPECT_THAT(error.fields,
              ElementsAre(Pair("line 3",
                               "Line 3 repeats line 2 (E06999999, male, age 5, white_british).")));
  // Different single years in the same band are not repeats.
  EXPECT_TRUE(ParsePopulationCsv("sex,age,ethnicity,population\n1,5,white_british,1\n"
                                 "1,6,white_british,1\n",
                                 kCodes)
                  .has_value());
}

TEST(ParsePopulationCsvTest, HeaderProblems) {
  EXPECT_THAT(
      Refusal("Sex,ethnicity,area_code\n1,white_british,E06999999\n").fields,
      ElementsAre(Pair("line 1: age", "Line 1: the header has no age column."),
                  Pair("line 1: population", "Line 1: the header has no population column.")));
  EXPECT_THAT(Refusal("sex,age,AGE,ethnicity,population\n1,5,5,white_british,1\n").fields,
              ElementsAre(Pair("line 1: age", "Line 1: the column age appears more than once.")));
}

TEST(ParsePopulationCsvTest, EmptyFiles) {
  for (std::string_view text : {"", "\xEF\xBB\xBF", "\r\n\n", "  "}) {
    EXPECT_THAT(Refusal(text).fields, ElementsAre(Pair("file", "The population file is empty.")));
  }
  EXPECT_THAT(Refusal(",,\n").fields, ElementsAre(Pair("file", "The population file is empty.")));
  EXPECT_THAT(Refusal("sex,age,ethnicity,population\r\n\r\n").fields,
              ElementsAre(Pair("file", "The population file has a header but no rows.")));
}

TEST(ParsePopulationCsvTest, InvalidUtf8NamesItsLine) {
  EXPECT_THAT(Refusal("sex,age,ethnicity,population\n1,5,white_british,1\r\n"
                      "1,6,white\xC3(british,1\n")
                  .fields,
              ElementsAre(Pair("line 3", "Line 3 is not valid UTF-8 text.")));
  EXPECT_THAT(Refusal("\xFFsex,age\n").fields, ElementsAre(Key("line 1")));
}

TEST(ParsePopulationCsvTest, MalformedQuotes) {
  EXPECT_THAT(Refusal("sex,age,ethnicity,population\n1,5,white_british,1\n"
                      "1,6,\"white_british,1\n1,7,white_british,1\n")
                  .fields,
              ElementsAre(Pair("line 3", "Line 3 opens a quoted cell that is never closed.")));
  EXPECT_THAT(
      Refusal("sex,age,ethnicity,population\n1,\"5\"x,white_british,1\n").fields,
      ElementsAre(Pair("line 2", "Line 2 has text after the closing quote of a quoted cell.")));
  EXPECT_THAT(Refusal("\"sex,age\n").fields, ElementsAre(Key("line 1")));
}

TEST(ParsePopulationCsvTest, ListsAtMostTwentyProblems) {
  std::string text = "sex,age,ethnicity,population\n";
  for (int i = 0; i < 50; ++i) text += "1,5,white_british,bad\n";
  Error error = Refusal(text);
  EXPECT_EQ(error.fields.size(), kMaxPopulationProblems + 1);
  EXPECT_EQ(error.fields.at("more"), "Checking stopped after 20 problems.");
  EXPECT_TRUE(error.fields.contains("line 21: population"));
  EXPECT_FALSE(error.fields.contains("line 22: population"));
  EXPECT_EQ(error.message,
            "The population file has at least 20 problems (checking stopped there).");
}

TEST(ParsePopulationCsvTest, OneAreaOrTheOneAskedFor) {
  const std::string text =
      "area_code,sex,age,ethnicity,population\n"
      "E06999999,1,5,white_british,1\n"
      "E06000001,1,5,white_british,2\n"
      "E06000001,1,6,white_british,x\n"
      "E06999999,2,5,white_british,4\n";
  Error error = Refusal(text);
  EXPECT_THAT(error.fields,
              ElementsAre(Pair("area_code",
                               "The file holds more than one area (E06999999 on line 2, "
                               "E06000001 on line 3): say which one to read."),
                          Key("line 4: population")));
  auto population = ParsePopulationCsv(text, kCodes, " e06999999 ");
  ASSERT_TRUE(population.has_value()) << population.error().message;
  EXPECT_EQ(population->area_code, "E06999999");
  EXPECT_EQ(Total(*population), 5);
  EXPECT_THAT(
      Refusal(text, "E06000002").fields,
      ElementsAre(Pair("area_code", "The population file has no rows for area E06000002.")));
  // Without an area_code column the file is taken to be the area asked for.
  auto untagged = ParsePopulationCsv("sex,age,ethnicity,population\n1,5,white_british,1\n", kCodes,
                                     "E06999999");
  ASSERT_TRUE(untagged.has_value());
  EXPECT_EQ(untagged->area_code, "E06999999");
}

TEST(ParsePopulationCsvTest, BadAreaCodes) {
  Error error = Refusal(
      "area_code,sex,age,ethnicity,population\n"
      ",1,5,white_british,1\n"
      "E06-999,1,6,white_british,1\n");
  EXPECT_THAT(error.fields,
              ElementsAre(Pair("line 2: area_code", "Line 2: area_code is blank."),
                          Pair("line 3: area_code", HasSubstr("must be letters and digits"))));
}

TEST(ParsePopulationCsvTest, TooLarge) {
  std::string big(kMaxPopulationFileBytes + 1, ' ');
  auto refused = ParsePopulationCsv(big, kCodes);
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().kind, ErrorKind::kTooLarge);
  EXPECT_EQ(refused.error().code, "population_too_large");
  EXPECT_EQ(refused.error().message, "The population file is larger than 20 MB.");

  // Rows of other areas are not checked, but they count towards the limit.
  std::string rows = "area_code,sex,age,ethnicity,population\n";
  for (std::size_t i = 0; i <= kMaxPopulationRows; ++i) rows += "E1,1,5,white_british,1\n";
  auto too_many = ParsePopulationCsv(rows, kCodes, "E2");
  ASSERT_FALSE(too_many.has_value());
  EXPECT_EQ(too_many.error().kind, ErrorKind::kTooLarge);
  EXPECT_EQ(too_many.error().message, "The population file has more than 500000 rows.");
}

}  // namespace
}  // namespace harbour::profile
