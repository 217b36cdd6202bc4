#include "web/parse/json_body.h"

#include <gtest/gtest.h>

namespace harbour::web {
namespace {

TEST(JsonBodyTest, ParsesObjects) {
  auto parsed = ParseJsonObject(R"({"name": "Zoë", "age": 14, "tags": ["a", {"b": null}]})");
  ASSERT_TRUE(parsed.has_value());
  EXPECT_EQ((*parsed)["name"], "Zoë");
  EXPECT_EQ((*parsed)["age"], 14);
  EXPECT_TRUE((*parsed)["tags"][1]["b"].is_null());
  EXPECT_TRUE(ParseJsonObject(" {} \n").has_value());
}

TEST(JsonBodyTest, RejectsInvalidJsonAsMalformed) {
  for (std::string_view bad : {"", "{", "{\"a\":}", "{'a': 1}", "{\"a\": 1,}", "{} {}",
                               "{\"a\": \"\\ud800\"}", "{\"a\": NaN}"}) {
    auto parsed = ParseJsonObject(bad);
    ASSERT_FALSE(parsed.has_value()) << bad;
    EXPECT_EQ(parsed.error().kind, ErrorKind::kMalformed) << bad;
    EXPECT_EQ(parsed.error().code, "malformed_json") << bad;
  }
}

TEST(JsonBodyTest, RejectsInvalidUtf8) {
  auto parsed = ParseJsonObject("{\"a\": \"\xC3\x28\"}");
  ASSERT_FALSE(parsed.has_value());
  EXPECT_EQ(parsed.error().code, "malformed_json");
}

TEST(JsonBodyTest, NonObjectsAreInvalidNotMalformed) {
  for (std::string_view other : {"[]", "1", "\"text\"", "null", "true"}) {
    auto parsed = ParseJsonObject(other);
    ASSERT_FALSE(parsed.has_value()) << other;
    EXPECT_EQ(parsed.error().kind, ErrorKind::kInvalid) << other;
    EXPECT_EQ(parsed.error().code, "not_an_object") << other;
  }
}

std::string Nested(int depth) {
  std::string body = "{\"a\":";
  for (int i = 1; i < depth; ++i) body += "[";
  body += "1";
  for (int i = 1; i < depth; ++i) body += "]";
  return body + "}";
}

TEST(JsonBodyTest, LimitsNestingDepth) {
  EXPECT_TRUE(ParseJsonObject(Nested(kMaxJsonDepth)).has_value());
  auto too_deep = ParseJsonObject(Nested(kMaxJsonDepth + 1));
  ASSERT_FALSE(too_deep.has_value());
  EXPECT_EQ(too_deep.error().code, "malformed_json");
  EXPECT_FALSE(ParseJsonObject(std::string(1'000'000, '[')).has_value());
  // Brackets inside strings, even after escaped quotes, do not count.
  std::string quoted = "{\"a\": \"\\\"" + std::string(100, '[') + "\"}";
  EXPECT_TRUE(ParseJsonObject(quoted).has_value());
}

}  // namespace
}  // namespace harbour::web
