#include "children/search.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <initializer_list>

#include "common/identifiers.h"

namespace harbour::children {
namespace {

using Words = std::vector<std::string>;

// Issue 11 §3: "Zoë Ńowak-O'Brien" must be found by "O'Brien", "OBrien", "Brien", "Nowak" and
// "Ńowak". As the search does: each word typed must start a key of one of the stored names
// (given name, family name, aliases), each folded on its own.
bool Finds(std::initializer_list<std::string_view> stored, std::string_view typed) {
  Words keys;
  for (std::string_view name : stored) {
    for (auto& key : FoldName(name).keys) keys.push_back(std::move(key));
  }
  Words words = FoldName(typed).words;
  if (words.empty()) return false;
  for (const auto& word : words) {
    bool matched = std::any_of(keys.begin(), keys.end(),
                               [&](const std::string& key) { return key.starts_with(word); });
    if (!matched) return false;
  }
  return true;
}

TEST(FoldName, DoubleBarrelledNameWithApostropheAndAccents) {
  FoldedName folded = FoldName("Zoë Ńowak-O'Brien");
  EXPECT_EQ(folded.words, (Words{"zoe", "nowak", "obrien"}));
  EXPECT_EQ(folded.keys, (Words{"zoe", "nowak", "obrien", "brien", "zoenowakobrien"}));
  FoldedName family = FoldName("Ńowak-O'Brien");
  EXPECT_EQ(family.words, (Words{"nowak", "obrien"}));
  EXPECT_EQ(family.keys, (Words{"nowak", "obrien", "brien", "nowakobrien"}));
}

TEST(FoldName, OBrienWithAnApostropheIsOneWord) {
  EXPECT_EQ(FoldName("O'Brien").words, (Words{"obrien"}));
  EXPECT_EQ(FoldName("O'Brien").keys, (Words{"obrien", "brien"}));
}

TEST(FoldName, OBrienWithATypographicApostropheFoldsTheSame) {
  EXPECT_EQ(FoldName("O\u2019Brien").keys, (Words{"obrien", "brien"}));  // ’
  EXPECT_EQ(FoldName("O\u2018Brien").keys, (Words{"obrien", "brien"}));  // ‘
  EXPECT_EQ(FoldName("O\u02BCBrien").keys, (Words{"obrien", "brien"}));  // ʼ
  EXPECT_EQ(FoldName("O\u00B4Brien").keys, (Words{"obrien", "brien"}));  // ´
  EXPECT_EQ(FoldName("O`Brien").keys, (Words{"obrien", "brien"}));
}

TEST(FoldName, OBrienWithoutAnApostropheIsTheJoinedWord) {
  EXPECT_EQ(FoldName("OBrien").words, (Words{"obrien"}));
  EXPECT_EQ(FoldName("OBRIEN").words, (Words{"obrien"}));
}

TEST(FoldName, BrienIsTheKeyAfterTheApostrophe) {
  EXPECT_EQ(FoldName("Brien").words, (Words{"brien"}));
  EXPECT_TRUE(Finds({"O'Brien"}, "Brien"));
  EXPECT_TRUE(Finds({"O'Brien"}, "bri"));
  EXPECT_FALSE(Finds({"OBrien"}, "Brien")) << "without an apostrophe there is no part to find";
}

TEST(FoldName, NowakWithAndWithoutTheAccentFoldsTheSame) {
  EXPECT_EQ(FoldName("Nowak").words, (Words{"nowak"}));
  EXPECT_EQ(FoldName("\u0143owak").words, (Words{"nowak"}));   // Ń precomposed
  EXPECT_EQ(FoldName("N\u0301owak").words, (Words{"nowak"}));  // N + combining acute
  EXPECT_EQ(FoldName("\u0144OWAK").words, (Words{"nowak"}));   // ń
}

TEST(FoldName, ZoeWithADiaeresisFoldsToZoe) {
  EXPECT_EQ(FoldName("Zoë").words, (Words{"zoe"}));
  EXPECT_EQ(FoldName("Zoe\u0308").words, (Words{"zoe"}));  // e + combining diaeresis
  EXPECT_EQ(FoldName("ZOË").words, (Words{"zoe"}));
}

TEST(FoldName, HyphensAndSpacesSeparateWordsAndTheWholeIsJoined) {
  EXPECT_EQ(FoldName("Smith-Jones").words, (Words{"smith", "jones"}));
  EXPECT_EQ(FoldName("Smith-Jones").keys, (Words{"smith", "jones", "smithjones"}));
  EXPECT_EQ(FoldName("Smith \u2010 Jones").words, (Words{"smith", "jones"}));  // ‐ hyphen
  EXPECT_EQ(FoldName("Smith\u2013Jones").words, (Words{"smith", "jones"}));    // – en dash
  EXPECT_EQ(FoldName("  Mary-Jane   van der Berg.").keys,
            (Words{"mary", "jane", "van", "der", "berg", "maryjanevanderberg"}));
  EXPECT_EQ(FoldName("Jordan Jordan").keys, (Words{"jordan", "jordanjordan"}));
}

TEST(FoldName, ApostrophesAtTheEdgesOfAWordAreDropped) {
  EXPECT_EQ(FoldName("'Nowak'").keys, (Words{"nowak"}));
  EXPECT_EQ(FoldName("O'' Brien").keys, (Words{"o", "brien", "obrien"}));
  EXPECT_EQ(FoldName("D'Arcy-O'Neill").keys,
            (Words{"darcy", "arcy", "oneill", "neill", "darcyoneill"}));
}

TEST(FoldName, OtherScriptsAreTransliterated) {
  EXPECT_EQ(FoldName("Дмитрий").words, (Words{"dmitrij"}));
  EXPECT_EQ(FoldName("Łukasz Straße").words, (Words{"lukasz", "strasse"}));
}

TEST(FoldName, NothingToSearchForGivesNothing) {
  EXPECT_TRUE(FoldName("").keys.empty());
  EXPECT_TRUE(FoldName(" '-.' ").keys.empty());
  EXPECT_TRUE(FoldName("Zo\xC3").words.empty()) << "invalid UTF-8";
}

TEST(FoldName, Issue11NamesWithApostrophesAndHyphensAreFound) {
  for (std::string_view typed : {"O'Brien", "O\u2019Brien", "OBrien", "Brien", "Nowak",
                                 "\u0143owak", "Zoe", "Zoë", "Nowak-O'Brien", "nowak obrien",
                                 "NowakOBrien", "zoe brien", "Zoë Ńowak-O'Brien", "o brien"}) {
    EXPECT_TRUE(Finds({"Zoë", "Ńowak-O'Brien"}, typed)) << typed;
  }
  for (std::string_view typed : {"Brian", "zoe smith", "owak", "Nowak-O'Brian"}) {
    EXPECT_FALSE(Finds({"Zoë", "Ńowak-O'Brien"}, typed)) << typed;
  }
}

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

TEST(ParseSearchQuery, NamesAreFoldedLikeStoredNames) {
  EXPECT_EQ(ParseSearchQuery("O\u2019Brien").name_keys, (Words{"obrien"}));
  EXPECT_EQ(ParseSearchQuery("\u0143owak-O'Brien").name_keys, (Words{"nowak", "obrien"}));
  EXPECT_EQ(ParseSearchQuery("Mary-Jane Smith-Jones").name_keys, (Words{"mary", "jane", "smith"}));
}

TEST(ParseSearchQuery, EmptyAndJunkAreEmpty) {
  EXPECT_TRUE(ParseSearchQuery("").Empty());
  EXPECT_TRUE(ParseSearchQuery("   ").Empty());
  EXPECT_TRUE(ParseSearchQuery("!!!").Empty());
  EXPECT_TRUE(ParseSearchQuery(std::string("\xff\xfe", 2)).Empty());
}

}  // namespace
}  // namespace harbour::children
