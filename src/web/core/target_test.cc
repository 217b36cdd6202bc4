#include "web/core/target.h"

#include <gtest/gtest.h>

namespace harbour::web {
namespace {

TEST(TargetTest, SplitsPathAndQuery) {
  auto target = ParseTarget("/children/0123abcd?page=2&q=Zo%C3%AB");
  ASSERT_TRUE(target.has_value());
  EXPECT_EQ(target->path, "/children/0123abcd");
  EXPECT_EQ(target->query, "page=2&q=Zo%C3%AB");
  EXPECT_EQ(ParseTarget("/")->path, "/");
  EXPECT_EQ(ParseTarget("/")->query, "");
  EXPECT_EQ(ParseTarget("/a?")->query, "");
  EXPECT_EQ(ParseTarget("/a?b?c=/d")->query, "b?c=/d");
  EXPECT_EQ(ParseTarget("/children/")->path, "/children/");
}

TEST(TargetTest, DecodesPathSegments) {
  EXPECT_EQ(ParseTarget("/places/St%20Mary%27s")->path, "/places/St Mary's");
  EXPECT_EQ(ParseTarget("/people/Zo%C3%AB")->path, "/people/Zoë");
  EXPECT_EQ(ParseTarget("/a+b")->path, "/a+b");
  EXPECT_EQ(ParseTarget("/v1:x@y;z=1")->path, "/v1:x@y;z=1");
}

TEST(TargetTest, RejectsOtherFormsAndTraversal) {
  for (std::string_view bad : {"",
                               "*",
                               "http://example.test/a",
                               "example.test:443",
                               "a/b",
                               "/a/../b",
                               "/a/./b",
                               "/..",
                               "/a/%2e%2E/b",
                               "/%2E",
                               "/a%2Fb",
                               "/a%2fb",
                               "/a%00b",
                               "/a%zz",
                               "/a%C3",
                               "//evil.test/x",
                               "/a//b",
                               "/a b",
                               "/a\tb",
                               "/a#frag",
                               "/a?b#c",
                               "/a?b c",
                               "/a\\b",
                               "/Zo\xC3\xAB",
                               "/a\"b",
                               "/a<b>"}) {
    auto target = ParseTarget(bad);
    ASSERT_FALSE(target.has_value()) << bad;
    EXPECT_EQ(target.error().kind, ErrorKind::kMalformed) << bad;
    EXPECT_EQ(target.error().code, "malformed_target") << bad;
  }
}

TEST(TargetTest, DotsInsideNamesAreFine) {
  EXPECT_EQ(ParseTarget("/assets/app.min.js")->path, "/assets/app.min.js");
  EXPECT_EQ(ParseTarget("/a/...")->path, "/a/...");
  EXPECT_EQ(ParseTarget("/a/.hidden")->path, "/a/.hidden");
}

}  // namespace
}  // namespace harbour::web
