#include "children/search.h"

#include <gtest/gtest.h>

#include "common/identifiers.h"

namespace harbour::children {
namespace {

TEST(ParseSearchQuery, RecognisesAValidNhsNumberWithSpaces) {
  std::string nhs = SyntheticNhsNumber(42);
  std::string spaced = nhs.substr(0, 3) + " " + nhs.substr(3, 3) + " " + nhs.substr(6);
  auto q = ParseSearchQuery(spaced);
  ASSERT_TRUE(q.nhs_number.has_value());
  EXPECT_EQ(*q.nhs_number, nhs);
  EXPECT_TRUE(q.name_keys.empty());
}

TEST(ParseSearchQuery, RecognisesIsoAndUkDates) {
  auto iso = ParseSearchQuery("2012-03-04");
  ASSERT_TRUE(iso.date_of_birth.has_value());
  EXPECT_EQ(FormatDate(*iso.date_of_birth), "2012-03-04");
  auto uk = ParseSearchQuery("4/3/2012");
  ASSERT_TRUE(uk.date_of_birth.has_value());
  EXPECT_EQ(FormatDate(*uk.date_of_birth), "2012-03-04");
}

TEST(ParseSearchQuery, ImpossibleDateFallsBackToNothingUseful) {
  auto q = ParseSearchQuery("31/02/2012");
  EXPECT_FALSE(q.date_of_birth.has_value());
}

TEST(ParseSearchQuery, NamesBecomeKeysOfAtMostThreeTokens) {
  auto q = ParseSearchQuery("  Zoë   O'Brien smith jones ");
  ASSERT_EQ(q.name_keys.size(), 3u);
  EXPECT_EQ(q.name_keys[0], "zoe");
  EXPECT_EQ(q.name_keys[1], "obrien");
  EXPECT_EQ(q.name_keys[2], "smith");
}

TEST(ParseSearchQuery, EmptyAndJunkAreEmpty) {
  EXPECT_TRUE(ParseSearchQuery("").Empty());
  EXPECT_TRUE(ParseSearchQuery("   ").Empty());
  EXPECT_TRUE(ParseSearchQuery("!!!").Empty());
  EXPECT_TRUE(ParseSearchQuery(std::string("\xff\xfe", 2)).Empty());
}

}  // namespace
}  // namespace harbour::children
