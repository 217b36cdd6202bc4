#include "common/text.h"

#include <gtest/gtest.h>

#include <thread>

namespace harbour {
namespace {

TEST(Utf8Test, AcceptsWellFormedText) {
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("plain ascii"));
  EXPECT_TRUE(IsValidUtf8("Zoë Ñandú Łukasz Σοφία Дмитрий 李"));
  EXPECT_TRUE(IsValidUtf8("\xF0\x9F\x98\x80"));  // U+1F600
  EXPECT_TRUE(IsValidUtf8("\xF4\x8F\xBF\xBF"));  // U+10FFFF
  EXPECT_TRUE(IsValidUtf8(std::string_view("a\0b", 3)));
}

TEST(Utf8Test, RejectsMalformedSequences) {
  EXPECT_FALSE(IsValidUtf8("\x80"));              // lone continuation byte
  EXPECT_FALSE(IsValidUtf8("\xC3"));              // truncated
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(IsValidUtf8("\xE0\x80\xAF"));      // overlong, three bytes
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));      // UTF-16 surrogate U+D800
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_FALSE(IsValidUtf8("\xF5\x80\x80\x80"));
  EXPECT_FALSE(IsValidUtf8("\xFF"));
  EXPECT_FALSE(IsValidUtf8("ok\xE2\x82"));  // truncated euro sign
  EXPECT_FALSE(IsValidUtf8("\xE2\x28\xA1"));
}

TEST(TrimTest, RemovesAsciiWhitespaceAtBothEnds) {
  EXPECT_EQ(Trim("  a b \t\r\n"), "a b");
  EXPECT_EQ(Trim(""), "");
  EXPECT_EQ(Trim(" \n "), "");
}

TEST(NonEmptyLinesTest, SplitsTrimsAndDropsBlankLines) {
  EXPECT_EQ(NonEmptyLines("  Ali \r\n\n  \nBo\nCy  "),
            (std::vector<std::string>{"Ali", "Bo", "Cy"}));
  EXPECT_TRUE(NonEmptyLines("\n\n").empty());
}

TEST(NameKeyTest, IgnoresCaseAccentsAndPunctuation) {
  EXPECT_EQ(NameKey("  Zoë  O'Brien "), "zoe obrien");
  EXPECT_EQ(NameKey("ZOE OBRIEN"), "zoe obrien");
  EXPECT_EQ(NameKey("Zoe\tO\u2019Brien"), "zoe obrien");
  EXPECT_EQ(NameKey("Smith-Jones"), "smithjones");
  EXPECT_EQ(NameKey("Ñandú Łukasz Straße"), "nandu lukasz strasse");
  EXPECT_EQ(NameKey("Ærin - Øst"), "aerin ost");
  EXPECT_EQ(NameKey("Flat 2"), "flat 2");
}

TEST(NameKeyTest, TransliteratesOtherScripts) {
  EXPECT_EQ(NameKey("Дмитрий"), "dmitrij");
  EXPECT_EQ(NameKey("Σοφία"), "sophia");
  EXPECT_FALSE(NameKey("李小龙").empty());
}

TEST(NameKeyTest, InvalidUtf8AndEmptyYieldEmpty) {
  EXPECT_EQ(NameKey("Zo\xC3"), "");
  EXPECT_EQ(NameKey(""), "");
  EXPECT_EQ(NameKey(" '-. "), "");
}

TEST(NameKeyTest, IsSafeFromManyThreads) {
  std::vector<std::thread> threads;
  std::vector<std::string> keys(8);
  threads.reserve(keys.size());
  for (auto& key : keys) {
    threads.emplace_back([&key] {
      for (int k = 0; k < 50; ++k) key = NameKey("Zoë O'Brien");
    });
  }
  for (auto& thread : threads) thread.join();
  for (const auto& key : keys) EXPECT_EQ(key, "zoe obrien");
}

TEST(HexEncodeTest, EncodesBytesLowerCase) {
  EXPECT_EQ(HexEncode(std::string_view("\x00\x01\xAB\xFF", 4)), "0001abff");
  EXPECT_EQ(HexEncode(""), "");
}

}  // namespace
}  // namespace harbour

namespace harbour {
namespace {

TEST(OptionalTextTest, KeepsWhatWasTypedAndNamesTheProblem) {
  std::map<std::string, std::string> problems;
  EXPECT_EQ(OptionalText("  ", "who", "Who", 10, false, problems), "");
  EXPECT_EQ(OptionalText(" Dee ", "who", "Who", 10, false, problems), "Dee");
  EXPECT_TRUE(problems.empty());
  EXPECT_EQ(OptionalText("two\nlines", "who", "Who", 10, false, problems), "two\nlines");
  EXPECT_EQ(problems.at("who"), "Who must only include letters, numbers, spaces and punctuation");
  EXPECT_EQ(OptionalText("two\nlines", "how", "How", 10, true, problems), "two\nlines");
  EXPECT_FALSE(problems.contains("how"));
  EXPECT_EQ(OptionalText(std::string(1001, 'x'), "why", "Why", 1000, true, problems),
            std::string(1001, 'x'));
  EXPECT_EQ(problems.at("why"), "Why must be 1,000 characters or fewer");
}

}  // namespace
}  // namespace harbour
