#include "common/ids.h"

#include <gtest/gtest.h>

#include <set>
#include <thread>

namespace harbour {
namespace {

TEST(IdsTest, NewIdsAreValidAndDistinct) {
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) {
    std::string id = NewId();
    EXPECT_TRUE(IsValidId(id)) << id;
    seen.insert(id);
  }
  EXPECT_EQ(seen.size(), 1000u);
}

TEST(IdsTest, IsValidIdRejectsJunk) {
  EXPECT_TRUE(IsValidId("0123456789abcdef0123456789abcdef"));
  EXPECT_FALSE(IsValidId("0123456789ABCDEF0123456789abcdef"));  // upper case
  EXPECT_FALSE(IsValidId("0123456789abcdef0123456789abcde"));   // 31
  EXPECT_FALSE(IsValidId("0123456789abcdef0123456789abcdef0"));
  EXPECT_FALSE(IsValidId("0123456789abcdef0123456789abcdeg"));
  EXPECT_FALSE(IsValidId("../../etc/passwd00000000000000000"));
  EXPECT_FALSE(IsValidId(""));
}

TEST(IdsTest, RandomTokensAreUrlSafeWithoutPadding) {
  std::string token = RandomToken();
  EXPECT_EQ(token.size(), 43u);  // 32 bytes -> ceil(256 / 6) characters
  for (char c : token) {
    bool url_safe = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_';
    EXPECT_TRUE(url_safe) << token;
  }
  EXPECT_EQ(RandomToken(16).size(), 22u);
  EXPECT_EQ(RandomToken(0), "");
  EXPECT_NE(RandomToken(), RandomToken());
}

TEST(IdsTest, TokenDigestIsBlake2b256) {
  // BLAKE2b-256 of the empty string and of "abc" (RFC 7693 test vectors for 32-byte output).
  EXPECT_EQ(TokenDigest(""), "0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8");
  EXPECT_EQ(TokenDigest("abc"), "bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319");
  EXPECT_NE(TokenDigest("a"), TokenDigest("b"));
}

TEST(IdsTest, SecretsEqualComparesWholeValues) {
  EXPECT_TRUE(SecretsEqual("secret-token", "secret-token"));
  EXPECT_FALSE(SecretsEqual("secret-token", "secret-tokeN"));
  EXPECT_FALSE(SecretsEqual("secret", "secret-token"));
  EXPECT_TRUE(SecretsEqual("", ""));
  EXPECT_FALSE(SecretsEqual("", "x"));
}

TEST(IdsTest, WorksFromManyThreadsAtOnce) {
  std::vector<std::thread> threads;
  std::vector<std::string> ids(8);
  threads.reserve(ids.size());
  for (auto& id : ids) threads.emplace_back([&id] { id = NewId(); });
  for (auto& thread : threads) thread.join();
  std::set<std::string> distinct(ids.begin(), ids.end());
  EXPECT_EQ(distinct.size(), ids.size());
}

}  // namespace
}  // namespace harbour
