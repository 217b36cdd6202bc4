// Names for matching: folding across scripts and accents, variants from the partnership's list,
// Soundex and Jaro-Winkler against worked examples.
#include "matching/names.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace harbour::matching {
namespace {

TEST(FoldWords, FoldsCaseAccentsScriptsAndPunctuation) {
  EXPECT_EQ(FoldWords("Małgorzata").whole, "malgorzata");
  EXPECT_EQ(FoldWords("SEÁN").whole, "sean");
  EXPECT_EQ(FoldWords("Zoë").whole, "zoe");
  EXPECT_EQ(FoldWords("O'Brien").whole, "obrien");
  EXPECT_EQ(FoldWords("Smith-Jones").words, (std::vector<std::string>{"smith", "jones"}));
  EXPECT_EQ(FoldWords("Smith-Jones").whole, "smithjones");
  EXPECT_EQ(FoldWords("  Mary   Jane ").words, (std::vector<std::string>{"mary", "jane"}));
  EXPECT_FALSE(FoldWords("Дмитрий").Empty());
  EXPECT_TRUE(FoldWords(" - ").Empty());
  EXPECT_TRUE(FoldWords("\xff\xfe").Empty()) << "invalid UTF-8 folds to nothing";
}

TEST(NameVariants, ShareAGroupWhateverTheSpelling) {
  auto v = NameVariants::Parse(
      "# comment\nKatherine, Kate, Katie\n\nMohammed, Muhammad\n"
      "alex, alexander\nalex, alexandra  # two groups\n");
  ASSERT_TRUE(v) << v.error().message;
  EXPECT_EQ(v->GroupCount(), 4u);
  EXPECT_TRUE(v->AreVariants("kate", "katherine"));
  EXPECT_TRUE(v->AreVariants("katie", "kate"));
  EXPECT_TRUE(v->AreVariants("muhammad", "mohammed"));
  EXPECT_TRUE(v->AreVariants("alexandra", "alex"));
  EXPECT_FALSE(v->AreVariants("alexandra", "alexander")) << "each shares a group with alex only";
  EXPECT_FALSE(v->AreVariants("kate", "john"));
  EXPECT_EQ(v->GroupKey("katie"), "katherine");
  EXPECT_EQ(v->GroupKey("zed"), "zed");
}

TEST(NameVariants, RefusesAGroupOfOneNamingItsLine) {
  auto v = NameVariants::Parse("kate, katherine\nbob\n");
  ASSERT_FALSE(v);
  EXPECT_TRUE(v.error().fields.contains("line 2"));
  EXPECT_FALSE(NameVariants::Parse("a, b\n\xff\n"));
}

TEST(NameVariants, TheShippedListParses) {
  std::ifstream file(std::string(HARBOUR_TEST_SOURCE_DIR) + "/config/reference/name-variants.txt");
  std::stringstream text;
  text << file.rdbuf();
  auto v = NameVariants::Parse(text.str());
  ASSERT_TRUE(v) << v.error().message;
  EXPECT_GT(v->GroupCount(), 100u);
  EXPECT_TRUE(v->AreVariants("kate", "katherine"));
  EXPECT_TRUE(v->AreVariants("mohammed", "muhammad"));
  EXPECT_TRUE(v->AreVariants("yusuf", "joseph"));
}

TEST(Soundex, MatchesTheStandardExamples) {
  EXPECT_EQ(Soundex("robert"), "R163");
  EXPECT_EQ(Soundex("rupert"), "R163");
  EXPECT_EQ(Soundex("rubin"), "R150");
  EXPECT_EQ(Soundex("ashcraft"), "A261") << "h does not separate s and c";
  EXPECT_EQ(Soundex("tymczak"), "T522");
  EXPECT_EQ(Soundex("pfister"), "P236");
  EXPECT_EQ(Soundex("a"), "A000");
  EXPECT_EQ(Soundex(""), "");
}

TEST(JaroWinkler, MatchesWorkedExamples) {
  EXPECT_NEAR(JaroWinkler("martha", "marhta"), 0.9611, 1e-4);
  EXPECT_NEAR(JaroWinkler("dixon", "dicksonx"), 0.8133, 1e-4);
  EXPECT_NEAR(JaroWinkler("jellyfish", "smellyfish"), 0.8963, 1e-4);
  EXPECT_DOUBLE_EQ(JaroWinkler("same", "same"), 1.0);
  EXPECT_DOUBLE_EQ(JaroWinkler("abc", ""), 0.0);
  EXPECT_DOUBLE_EQ(JaroWinkler("abc", "xyz"), 0.0);
}

}  // namespace
}  // namespace harbour::matching
