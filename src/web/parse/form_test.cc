#include "web/parse/form.h"

#include <gtest/gtest.h>

namespace harbour::web {
namespace {

TEST(FormTest, DecodesPairsPlusAndEscapes) {
  auto form = ParseUrlEncoded("name=Zo%C3%AB+O%27Brien&age=14&empty=&flag&a%2Bb=1%2B1");
  ASSERT_TRUE(form.has_value());
  EXPECT_EQ(form->Get("name"), "Zoë O'Brien");
  EXPECT_EQ(form->Get("age"), "14");
  EXPECT_TRUE(form->Has("empty"));
  EXPECT_EQ(form->Get("empty"), "");
  EXPECT_TRUE(form->Has("flag"));
  EXPECT_EQ(form->Get("a+b"), "1+1");
  EXPECT_FALSE(form->Has("missing"));
  EXPECT_EQ(form->Get("missing"), "");
}

TEST(FormTest, KeepsRepeatedNamesInArrivalOrder) {
  auto form = ParseUrlEncoded("indicator=missing&other=x&indicator=gifts&indicator=older");
  ASSERT_TRUE(form.has_value());
  EXPECT_EQ(form->GetAll("indicator"), (std::vector<std::string>{"missing", "gifts", "older"}));
  EXPECT_EQ(form->Get("indicator"), "missing");
  EXPECT_EQ(form->Pairs().size(), 4u);
  EXPECT_TRUE(form->GetAll("absent").empty());
}

TEST(FormTest, EmptyInputAndEmptyPairsAreFine) {
  ASSERT_TRUE(ParseUrlEncoded("").has_value());
  EXPECT_TRUE(ParseUrlEncoded("")->Pairs().empty());
  auto form = ParseUrlEncoded("&&a=1&&");
  ASSERT_TRUE(form.has_value());
  EXPECT_EQ(form->Pairs().size(), 1u);
  EXPECT_EQ(ParseUrlEncoded("a=b=c")->Get("a"), "b=c");
}

TEST(FormTest, RejectsBadEscapesNulAndBadUtf8) {
  for (std::string_view bad :
       {"a=%", "a=%4", "a=%zz", "a=%G0", "%=1", "a=%00", "a%00=1", "a=%C3", "a=%FF", "a=\xC3"}) {
    auto form = ParseUrlEncoded(bad);
    ASSERT_FALSE(form.has_value()) << bad;
    EXPECT_EQ(form.error().kind, ErrorKind::kMalformed) << bad;
  }
  EXPECT_FALSE(ParseUrlEncoded(std::string_view("a=\0", 3)).has_value());
}

TEST(FormTest, LimitsTheNumberOfFields) {
  std::string body;
  for (std::size_t i = 0; i < kMaxFormFields; ++i) body += "f=1&";
  ASSERT_TRUE(ParseUrlEncoded(body).has_value());
  body += "f=1";
  auto form = ParseUrlEncoded(body);
  ASSERT_FALSE(form.has_value());
  EXPECT_EQ(form.error().kind, ErrorKind::kMalformed);
  EXPECT_EQ(form.error().code, "malformed_form");
}

TEST(PercentTest, DecodesAndKeepsPlus) {
  EXPECT_EQ(PercentDecode("a+b%20c%2f").value(), "a+b c/");
  EXPECT_EQ(PercentDecode("").value(), "");
  EXPECT_FALSE(PercentDecode("%e2%82").has_value());
  EXPECT_EQ(PercentDecode("%e2%82%ac").value(), "€");
  EXPECT_EQ(PercentDecode("%zz").error().code, "bad_encoding");
}

TEST(PercentTest, EncodesAllButUnreservedAndRoundTrips) {
  EXPECT_EQ(PercentEncode("a-b_c.d~e"), "a-b_c.d~e");
  EXPECT_EQ(PercentEncode("a b/c?d=e&f+g"), "a%20b%2Fc%3Fd%3De%26f%2Bg");
  EXPECT_EQ(PercentEncode("Zoë"), "Zo%C3%AB");
  for (std::string_view text : {"", "plain", "O'Brien & Sons", "100% / ±", "a+b c"}) {
    EXPECT_EQ(PercentDecode(PercentEncode(text)).value(), text);
    auto form = ParseUrlEncoded("k=" + PercentEncode(text));
    ASSERT_TRUE(form.has_value());
    EXPECT_EQ(form->Get("k"), text);
  }
}

}  // namespace
}  // namespace harbour::web
