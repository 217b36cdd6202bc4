#include "common/json_depth.h"

#include <gtest/gtest.h>

#include <string>

namespace harbour {
namespace {

TEST(NestsDeeperThan, CountsArraysAndObjectsTogether) {
  EXPECT_FALSE(NestsDeeperThan(R"({"a": [1, {"b": []}]})", 4));
  EXPECT_TRUE(NestsDeeperThan(R"({"a": [1, {"b": []}]})", 3));
  EXPECT_FALSE(NestsDeeperThan("", 0));
  EXPECT_FALSE(NestsDeeperThan("42", 0));
}

TEST(NestsDeeperThan, IgnoresBracketsInsideStringsAndEscapedQuotes) {
  EXPECT_FALSE(NestsDeeperThan(R"({"text": "[[[[{{{{"})", 1));
  EXPECT_FALSE(NestsDeeperThan(R"({"text": "a \" [[[[ still in the string"})", 1));
  EXPECT_TRUE(NestsDeeperThan(R"({"text": "\\", "x": [[]]})", 2)) << "an escaped backslash ends";
}

TEST(NestsDeeperThan, SiblingsDoNotAddUp) {
  std::string siblings;
  for (int i = 0; i < 1000; ++i) siblings += "[]";
  EXPECT_FALSE(NestsDeeperThan("[" + siblings + "]", 2));
  EXPECT_TRUE(NestsDeeperThan(std::string(1000, '[') + std::string(1000, ']'), 999));
  EXPECT_FALSE(NestsDeeperThan(std::string(1000, '[') + std::string(1000, ']'), 1000));
}

}  // namespace
}  // namespace harbour
