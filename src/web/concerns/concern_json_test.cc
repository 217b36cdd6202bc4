#include "web/concerns/concern_json.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

namespace harbour::web {
namespace {

using Fields = std::map<std::string, std::string>;

TEST(ConcernJsonTest, ReadsTheFieldsAndTheBooleansAsYesOrNo) {
  auto in = ParseConcernJson(R"({"observed_at": "2026-11-30T17:30:00Z", "category":
      "sexual_exploitation", "indicators": ["ws.unexplained_gifts"], "narrative": "Seen in a car.",
      "first_hand": true, "immediate_danger": false})");
  ASSERT_TRUE(in.has_value()) << in.error().message;
  EXPECT_EQ(in->observed_at, "2026-11-30T17:30:00Z");
  EXPECT_EQ(in->indicators, std::vector<std::string>{"ws.unexplained_gifts"});
  EXPECT_EQ(in->first_hand, "yes");
  EXPECT_EQ(in->immediate_danger, "no");
  EXPECT_EQ(in->location, "");
}

TEST(ConcernJsonTest, NamesWrongTypesAndUnknownMembers) {
  auto in = ParseConcernJson(R"({"first_hand": "yes", "indicators": "ws.x", "seen_by": "me"})");
  ASSERT_FALSE(in.has_value());
  EXPECT_EQ(in.error().fields, (Fields{{"first_hand", "Must be true or false"},
                                       {"indicators", "Must be a list of strings"},
                                       {"seen_by", "Is not a field of this resource"}}));
  EXPECT_EQ(ParseConcernJson("").error().code, "malformed_json");
  EXPECT_EQ(ParseConcernJson("\"text\"").error().code, "not_an_object");
}

}  // namespace
}  // namespace harbour::web
