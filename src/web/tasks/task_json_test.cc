#include "web/tasks/task_json.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

#include "tasks/task.h"

namespace harbour::web {
namespace {

using Fields = std::map<std::string, std::string>;

TEST(TaskJsonTest, ParsesTheOutcomeTrimmedWithItsLineBreaks) {
  auto outcome = ParseOutcomeJson(R"({"outcome": " Met the family.\nPlan agreed. "})");
  ASSERT_TRUE(outcome.has_value());
  EXPECT_EQ(*outcome, "Met the family.\nPlan agreed.");
  auto blank = ParseOutcomeJson(R"({"outcome": "   "})");
  ASSERT_TRUE(blank.has_value());
  EXPECT_FALSE(tasks::ValidateOutcome(*blank).has_value()) << "blank is the domain's 422";
}

TEST(TaskJsonTest, RefusesMalformedJsonNonObjectsLongTextAndOtherMembers) {
  for (std::string_view bad : {"", "{", R"({"outcome": )", "{\"outcome\": \"\xC3\x28\"}"}) {
    EXPECT_EQ(ParseOutcomeJson(bad).error().code, "malformed_json") << bad;
  }
  EXPECT_EQ(ParseOutcomeJson("\"done\"").error().code, "not_an_object");
  std::string long_outcome(tasks::kMaxOutcome + 1, 'o');
  EXPECT_EQ(ParseOutcomeJson(R"({"outcome": ")" + long_outcome + R"("})").error().fields,
            (Fields{{"outcome", "Must be 4000 characters or fewer"}}));
  EXPECT_EQ(ParseOutcomeJson(R"({"outcome": "done", "status": "done"})").error().fields,
            (Fields{{"status", "Is not a field of this resource"}}));
  EXPECT_EQ(ParseOutcomeJson(R"({"outcome": 7})").error().fields,
            (Fields{{"outcome", "Must be a string"}}));
}

}  // namespace
}  // namespace harbour::web
