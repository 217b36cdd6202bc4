#include "web/parse/cookie.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace harbour::web {
namespace {

TEST(CookieHeaderTest, ParsesPairsAndQuotedValues) {
  auto cookies = ParseCookieHeader("session=abc-123_x; csrf=\"q1w2\";theme=dark");
  EXPECT_EQ(cookies.size(), 3u);
  EXPECT_EQ(cookies.at("session"), "abc-123_x");
  EXPECT_EQ(cookies.at("csrf"), "q1w2");
  EXPECT_EQ(cookies.at("theme"), "dark");
  EXPECT_TRUE(cookies.contains(std::string_view("session")));
}

TEST(CookieHeaderTest, FirstOccurrenceWins) {
  auto cookies = ParseCookieHeader("session=first; session=second");
  EXPECT_EQ(cookies.at("session"), "first");
}

TEST(CookieHeaderTest, SkipsMalformedPairsWithoutFailing) {
  auto cookies = ParseCookieHeader(
      "; novalue; =nameless; bad name=1; sp=a b; q=\"x\"y\"; ok=1; comma=a,b; ctl=\x01; empty=");
  EXPECT_EQ(cookies.size(), 2u);
  EXPECT_EQ(cookies.at("ok"), "1");
  EXPECT_EQ(cookies.at("empty"), "");
  EXPECT_TRUE(ParseCookieHeader("").empty());
  EXPECT_TRUE(ParseCookieHeader(";;;").empty());
}

TEST(CookieHeaderTest, KeepsAtMostFiftyCookies) {
  std::string header;
  for (int i = 0; i < 80; ++i) header += "c" + std::to_string(i) + "=v; ";
  auto cookies = ParseCookieHeader(header);
  EXPECT_EQ(cookies.size(), 50u);
  EXPECT_TRUE(cookies.contains("c0"));
  EXPECT_TRUE(cookies.contains("c49"));
  EXPECT_FALSE(cookies.contains("c50"));
}

TEST(SetCookieTest, BuildsStrictSessionCookie) {
  CookieOptions options;
  EXPECT_EQ(BuildSetCookie("session", "tok_EN-1", options),
            "session=tok_EN-1; Path=/; HttpOnly; SameSite=Strict");
  options.secure = true;
  options.max_age = 3600;
  EXPECT_EQ(BuildSetCookie("session", "t", options),
            "session=t; Path=/; Max-Age=3600; HttpOnly; Secure; SameSite=Strict");
}

TEST(SetCookieTest, MaxAgeZeroDeletes) {
  CookieOptions options;
  options.max_age = 0;
  options.http_only = false;
  EXPECT_EQ(BuildSetCookie("session", "", options),
            "session=; Path=/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; "
            "SameSite=Strict");
}

TEST(SetCookieTest, RefusesValuesThatWouldInjectAttributesOrHeaders) {
  CookieOptions options;
  EXPECT_THROW(BuildSetCookie("session", "a; Domain=evil", options), std::invalid_argument);
  EXPECT_THROW(BuildSetCookie("session", "a\r\nX: y", options), std::invalid_argument);
  EXPECT_THROW(BuildSetCookie("bad name", "a", options), std::invalid_argument);
  EXPECT_THROW(BuildSetCookie("", "a", options), std::invalid_argument);
  options.path = "/x; Secure";
  EXPECT_THROW(BuildSetCookie("session", "a", options), std::invalid_argument);
}

TEST(SetCookieTest, RoundTripsThroughTheParser) {
  std::string set_cookie = BuildSetCookie("csrf", "Zm9v_YmFy-", CookieOptions{});
  std::string pair = set_cookie.substr(0, set_cookie.find(';'));
  EXPECT_EQ(ParseCookieHeader(pair).at("csrf"), "Zm9v_YmFy-");
}

}  // namespace
}  // namespace harbour::web
