#include "assessments/tool.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "assessments/test_support.h"

namespace harbour::assessments {
namespace {

using ::testing::HasSubstr;

using testing::ReadSource;
using testing::RealCatalogue;

constexpr std::string_view kSmallTool = R"(id = "small-tool"
name = "Small tool"
version = 3
scheme = "categories"

[[level]]
code = "low"
label = "Low"
colour = "green"
review_days = 30

[[level]]
code = "high"
label = "High"
colour = "red"
review_days = 7

[[level.action]]
text = "Call the panel"
who = "safeguarding-lead"
due_hours = 24

[[section]]
code = "signs"
title = "Signs"

[[section.indicator]]
code = "ws.going_missing"
question = "Has the child gone missing?"
at_least = "high"
)";

std::string ProblemText(const std::vector<ToolProblem>& problems) {
  return FormatProblems(problems);
}

TEST(ParseTool, ShippedToolsParseAgainstTheRealCatalogue) {
  for (const char* name : {"harbour-screening", "example-points", "example-rag"}) {
    std::string text = ReadSource(std::string("config/tools/") + name + ".toml");
    ASSERT_FALSE(text.empty()) << name;
    auto tool = ParseTool(text, RealCatalogue());
    ASSERT_TRUE(tool.has_value()) << name << "\n" << ProblemText(tool.error());
    EXPECT_EQ(tool->id, name);
    EXPECT_EQ(tool->version, 1);
    EXPECT_EQ(tool->fingerprint.size(), 64u);
  }
}

TEST(ParseTool, ShippedToolsUseTheirSchemes) {
  auto screening = ParseTool(ReadSource("config/tools/harbour-screening.toml"), RealCatalogue());
  ASSERT_TRUE(screening.has_value());
  EXPECT_EQ(screening->scheme, Scheme::kCategories);
  ASSERT_EQ(screening->levels.size(), 4u);
  EXPECT_EQ(screening->levels.front().code, "no_current_concern");
  EXPECT_EQ(screening->levels.back().code, "serious_risk");
  auto points = ParseTool(ReadSource("config/tools/example-points.toml"), RealCatalogue());
  ASSERT_TRUE(points.has_value());
  EXPECT_EQ(points->scheme, Scheme::kPoints);
  auto rag = ParseTool(ReadSource("config/tools/example-rag.toml"), RealCatalogue());
  ASSERT_TRUE(rag.has_value());
  EXPECT_EQ(rag->scheme, Scheme::kRag);
}

TEST(ParseTool, ReadsEveryPartOfASmallTool) {
  auto tool = ParseTool(kSmallTool, RealCatalogue());
  ASSERT_TRUE(tool.has_value()) << ProblemText(tool.error());
  EXPECT_EQ(tool->id, "small-tool");
  EXPECT_EQ(tool->version, 3);
  EXPECT_EQ(tool->look_back.current_days, 90);  // defaults outside a points tool
  ASSERT_EQ(tool->levels.size(), 2u);
  EXPECT_EQ(tool->levels[1].review_days, 7);
  ASSERT_EQ(tool->levels[1].actions.size(), 1u);
  EXPECT_EQ(tool->levels[1].actions[0].due_hours, 24);
  EXPECT_FALSE(tool->levels[1].actions[0].due_working_days.has_value());
  const ToolIndicator* missing = tool->FindIndicator("ws.going_missing");
  ASSERT_NE(missing, nullptr);
  EXPECT_EQ(missing->at_least, "high");
  // No guidance in the file: the catalogue's guidance is used.
  EXPECT_EQ(missing->guidance, RealCatalogue().FindIndicator("ws.going_missing")->guidance);
  EXPECT_EQ(tool->LevelIndex("high"), 1);
  EXPECT_EQ(tool->LevelIndex("nope"), -1);
}

TEST(ParseTool, ListsEveryProblemWithItsLineAndField) {
  std::string text = R"(id = "Bad Id"
name = "Bad"
version = 0
scheme = "categories"

[[level]]
code = "low"
label = "Low"
colour = "mauve"
review_days = 30

[[level]]
code = "high"
label = "High"
colour = "red"
review_days = 7

[[level.action]]
text = "Call"
who = "safeguarding-lead"

[[section]]
code = "signs"
title = "Signs"

[[section.indicator]]
code = "ws.no_such_sign"
question = "?"

[[section.indicator]]
code = "cf.deprivation"
question = "Deprived area?"
points = { current = 1, past = 1, both = 1 }
)";
  auto tool = ParseTool(text, RealCatalogue());
  ASSERT_FALSE(tool.has_value());
  const auto& problems = tool.error();
  std::string all = ProblemText(problems);
  EXPECT_GE(problems.size(), 6u) << all;
  EXPECT_THAT(all, HasSubstr("Line 1, id:"));
  EXPECT_THAT(all, HasSubstr("Line 3, version:"));
  EXPECT_THAT(all, HasSubstr("Line 9, level[1].colour:"));
  EXPECT_THAT(all, HasSubstr("level[2].action[1]: give exactly one of"));
  EXPECT_THAT(all, HasSubstr("Line 27, section[1].indicator[1].code:"));
  EXPECT_THAT(all, HasSubstr("section[1].indicator[2].code: \"cf.deprivation\" is a community"));
  EXPECT_THAT(all, HasSubstr("Line 33, section[1].indicator[2].points:"));
  for (std::size_t i = 1; i < problems.size(); ++i) {
    EXPECT_LE(problems[i - 1].line, problems[i].line);
  }
  Error error = ToError(problems);
  EXPECT_EQ(error.kind, ErrorKind::kInvalid);
  EXPECT_TRUE(error.fields.contains("line 9: level[1].colour"));
}

TEST(ParseTool, SyntaxErrorIsTheOnlyProblemAndNamesItsLine) {
  auto tool = ParseTool("id = \"x\"\nname = = \"y\"\n", RealCatalogue());
  ASSERT_FALSE(tool.has_value());
  ASSERT_EQ(tool.error().size(), 1u);
  EXPECT_EQ(tool.error()[0].field, "toml");
  EXPECT_EQ(tool.error()[0].line, 2u);
}

TEST(ParseTool, RefusesUnknownKeysAndMisplacedSchemeFields) {
  std::string text(kSmallTool);
  text += "suggested = \"low\"\ncolor = \"red\"\n";
  auto tool = ParseTool(text, RealCatalogue());
  ASSERT_FALSE(tool.has_value());
  std::string all = ProblemText(tool.error());
  EXPECT_THAT(all, HasSubstr("\"suggested\" is only for a rag tool"));
  EXPECT_THAT(all, HasSubstr("unknown key \"color\""));
}

TEST(ParseTool, PointsToolNeedsOrderedBandsAndConsistentPoints) {
  std::string text = R"(id = "p"
name = "P"
version = 1
scheme = "points"

[look_back]
current_days = 90
past_days = 60

[[level]]
code = "low"
label = "Low"
colour = "green"
review_days = 30

[[level]]
code = "high"
label = "High"
colour = "red"
review_days = 7

[[band]]
from = 1
level = "high"

[[band]]
from = 1
level = "low"

[[section]]
code = "s"
title = "S"

[[section.indicator]]
code = "ws.going_missing"
question = "Missing?"
points = { current = 5, past = 1, both = 4 }

[[section.indicator]]
code = "ws.going_missing"
question = "Missing again?"
points = { current = 1, past = 1, both = 1 }
)";
  auto tool = ParseTool(text, RealCatalogue());
  ASSERT_FALSE(tool.has_value());
  std::string all = ProblemText(tool.error());
  EXPECT_THAT(all, HasSubstr("look_back.past_days"));
  EXPECT_THAT(all, HasSubstr("band[1].from: the first band must start from 0"));
  EXPECT_THAT(all, HasSubstr("band[2].from: bands must be in order"));
  EXPECT_THAT(all, HasSubstr("band[2].level: a higher band must not map to a lower level"));
  EXPECT_THAT(all, HasSubstr("points.both"));
  EXPECT_THAT(all, HasSubstr("is asked twice"));
}

TEST(ParseTool, ImmediateActionIndicatorsNeedAnImmediateTable) {
  std::string text(kSmallTool);
  text += "immediate_action = true\n";
  auto tool = ParseTool(text, RealCatalogue());
  ASSERT_FALSE(tool.has_value());
  EXPECT_THAT(ProblemText(tool.error()), HasSubstr("immediate"));
}

TEST(ParseTool, FingerprintIgnoresLayoutButNotContent) {
  auto original = ParseTool(kSmallTool, RealCatalogue());
  ASSERT_TRUE(original.has_value());
  std::string relaid = "# a comment\n" + std::string(kSmallTool);
  const std::string header = "name = \"Small tool\"\nversion = 3";
  relaid.replace(relaid.find(header), header.size(), "version = 3\nname =    \"Small tool\"");
  auto same = ParseTool(relaid, RealCatalogue());
  ASSERT_TRUE(same.has_value()) << ProblemText(same.error());
  EXPECT_EQ(same->fingerprint, original->fingerprint);

  std::string changed(kSmallTool);
  changed.replace(changed.find("due_hours = 24"), 14, "due_hours = 48");
  auto other = ParseTool(changed, RealCatalogue());
  ASSERT_TRUE(other.has_value());
  EXPECT_EQ(other->version, original->version);
  EXPECT_NE(other->fingerprint, original->fingerprint);
}

TEST(ParseTool, RefusesUnsafeText) {
  auto tool = ParseTool("id = \"\xff\"\n", RealCatalogue());
  ASSERT_FALSE(tool.has_value());
  EXPECT_EQ(tool.error()[0].field, "toml");
}

}  // namespace
}  // namespace harbour::assessments
