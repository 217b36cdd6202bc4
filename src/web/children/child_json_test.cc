#include "web/children/child_json.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

namespace harbour::web {
namespace {

using Fields = std::map<std::string, std::string>;

TEST(ChildJsonTest, ReadsEveryFieldAsTextForTheDomain) {
  auto in = ParseChildJson(R"({"given_name": " Ava ", "family_name": "Brook", "aliases": ["A", "B"],
      "date_of_birth": "2012-05-01", "estimated_age": 13, "sex": "female", "nhs_number": null,
      "postcode": "HB1 2CD", "legal_status": "looked_after"})");
  ASSERT_TRUE(in.has_value()) << in.error().message;
  EXPECT_EQ(in->given_name, " Ava ") << "trimming is ValidateChild's";
  EXPECT_EQ(in->aliases, "A\nB\n");
  EXPECT_EQ(in->estimated_age, "13");
  EXPECT_EQ(in->nhs_number, "") << "null reads as absent";
  EXPECT_EQ(in->legal_status, "looked_after");
}

TEST(ChildJsonTest, NamesEveryWrongTypeAndUnknownMemberAtOnce) {
  auto in = ParseChildJson(
      R"({"given_name": 7, "aliases": ["A", 2], "estimated_age": "13", "nickname": "x"})");
  ASSERT_FALSE(in.has_value());
  EXPECT_EQ(in.error().kind, ErrorKind::kInvalid);
  EXPECT_EQ(in.error().fields, (Fields{{"given_name", "Must be a string"},
                                       {"aliases", "Must be a list of strings"},
                                       {"estimated_age", "Must be a whole number"},
                                       {"nickname", "Is not a field of this resource"}}));
}

TEST(ChildJsonTest, MalformedJsonAndNonObjects) {
  EXPECT_EQ(ParseChildJson("{").error().code, "malformed_json");
  EXPECT_EQ(ParseChildJson("[]").error().code, "not_an_object");
}

}  // namespace
}  // namespace harbour::web
