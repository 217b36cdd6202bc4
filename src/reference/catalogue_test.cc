#include "reference/catalogue.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <string>

namespace harbour::reference {
namespace {

using ::testing::HasSubstr;

constexpr std::string_view kTwoIndicators = R"(
[[indicator]]
code = "ws.missing_school"
group = "warning_sign"
label = "Missing school"
guidance = "Regular absence."

[[indicator]]
code = "vu.in_care"
group = "vulnerability"
label = "Looked after"
guidance = "In care."
retired = true
)";

// The message of a kInvalid error, after checking the kind.
std::string InvalidMessage(const Error& error) {
  EXPECT_EQ(error.kind, ErrorKind::kInvalid);
  return error.message;
}

TEST(ParseIndicators, ReadsEveryFieldInFileOrder) {
  auto indicators = Catalogue::ParseIndicators(kTwoIndicators);
  ASSERT_TRUE(indicators.has_value()) << indicators.error().message;
  ASSERT_EQ(indicators->size(), 2u);
  const Indicator& first = (*indicators)[0];
  EXPECT_EQ(first.code, "ws.missing_school");
  EXPECT_EQ(first.group, IndicatorGroup::kWarningSign);
  EXPECT_EQ(first.label, "Missing school");
  EXPECT_EQ(first.guidance, "Regular absence.");
  EXPECT_FALSE(first.retired);
  const Indicator& second = (*indicators)[1];
  EXPECT_EQ(second.code, "vu.in_care");
  EXPECT_EQ(second.group, IndicatorGroup::kVulnerability);
  EXPECT_TRUE(second.retired);
}

TEST(ParseIndicators, SyntaxErrorIsAValueNamingTheLine) {
  auto result = Catalogue::ParseIndicators("[[indicator]]\ncode = \"ws.a\"\nlabel = = \"x\"\n");
  ASSERT_FALSE(result.has_value());
  EXPECT_THAT(InvalidMessage(result.error()), HasSubstr("Line 3"));
  EXPECT_THAT(result.error().message, HasSubstr("TOML syntax error"));
  EXPECT_TRUE(result.error().fields.contains("toml"));
}

TEST(ParseIndicators, KeyDefinedTwiceIsASyntaxError) {
  auto result = Catalogue::ParseIndicators(
      "[[indicator]]\ncode = \"ws.a\"\ncode = \"ws.b\"\ngroup = \"warning_sign\"\n");
  ASSERT_FALSE(result.has_value());
  EXPECT_THAT(InvalidMessage(result.error()), HasSubstr("Line 3"));
}

TEST(ParseIndicators, DuplicateCodeNamesTheSecondLine) {
  std::string text(kTwoIndicators);
  text += R"(
[[indicator]]
code = "ws.missing_school"
group = "warning_sign"
label = "Again"
guidance = "Again."
)";
  auto result = Catalogue::ParseIndicators(text);
  ASSERT_FALSE(result.has_value());
  EXPECT_THAT(InvalidMessage(result.error()), HasSubstr("Line 16"));
  EXPECT_THAT(result.error().message, HasSubstr("used twice"));
  EXPECT_TRUE(result.error().fields.contains("code"));
}

TEST(ParseIndicators, MissingLabelIsRejected) {
  auto result = Catalogue::ParseIndicators(
      "[[indicator]]\ncode = \"ws.a\"\ngroup = \"warning_sign\"\nguidance = \"g\"\n");
  ASSERT_FALSE(result.has_value());
  EXPECT_THAT(InvalidMessage(result.error()), HasSubstr("Line 1"));
  EXPECT_THAT(result.error().message, HasSubstr("\"label\" is missing"));
  EXPECT_TRUE(result.error().fields.contains("label"));
}

TEST(ParseIndicators, BlankGuidanceIsRejected) {
  auto result = Catalogue::ParseIndicators(
      "[[indicator]]\ncode = \"ws.a\"\ngroup = \"warning_sign\"\nlabel = \"A\"\nguidance = \"  "
      "\"\n");
  ASSERT_FALSE(result.has_value());
  EXPECT_THAT(InvalidMessage(result.error()), HasSubstr("Line 5"));
  EXPECT_TRUE(result.error().fields.contains("guidance"));
}

TEST(ParseIndicators, UnknownGroupIsRejected) {
  auto result = Catalogue::ParseIndicators(
      "[[indicator]]\ncode = \"ws.a\"\ngroup = \"sign\"\nlabel = \"A\"\nguidance = \"g\"\n");
  ASSERT_FALSE(result.has_value());
  EXPECT_THAT(InvalidMessage(result.error()), HasSubstr("Line 3"));
  EXPECT_THAT(result.error().message, HasSubstr("unknown group \"sign\""));
  EXPECT_TRUE(result.error().fields.contains("group"));
}

TEST(ParseIndicators, CodePrefixMustMatchGroup) {
  auto result = Catalogue::ParseIndicators(
      "[[indicator]]\ncode = \"vu.a\"\ngroup = \"warning_sign\"\nlabel = \"A\"\nguidance = "
      "\"g\"\n");
  ASSERT_FALSE(result.has_value());
  EXPECT_THAT(InvalidMessage(result.error()), HasSubstr("Line 2"));
  EXPECT_THAT(result.error().message, HasSubstr("\"ws.\""));
}

TEST(ParseIndicators, CodeMustBeSnakeCaseAfterThePrefix) {
  for (const char* code : {"ws.", "ws.Missing", "ws.missing school", "ws._x", "ws.a.b"}) {
    std::string text = "[[indicator]]\ncode = \"" + std::string(code) +
                       "\"\ngroup = \"warning_sign\"\nlabel = \"A\"\nguidance = \"g\"\n";
    auto result = Catalogue::ParseIndicators(text);
    EXPECT_FALSE(result.has_value()) << code;
  }
}

TEST(ParseIndicators, MisspeltFieldIsRejectedRatherThanIgnored) {
  auto result = Catalogue::ParseIndicators(
      "[[indicator]]\ncode = \"ws.a\"\ngroup = \"warning_sign\"\nlabel = \"A\"\nguidance = "
      "\"g\"\nretierd = true\n");
  ASSERT_FALSE(result.has_value());
  EXPECT_THAT(InvalidMessage(result.error()), HasSubstr("Line 6"));
  EXPECT_THAT(result.error().message, HasSubstr("unknown field \"retierd\""));
}

TEST(ParseIndicators, RetiredMustBeABoolean) {
  auto result = Catalogue::ParseIndicators(
      "[[indicator]]\ncode = \"ws.a\"\ngroup = \"warning_sign\"\nlabel = \"A\"\nguidance = "
      "\"g\"\nretired = \"yes\"\n");
  ASSERT_FALSE(result.has_value());
  EXPECT_THAT(InvalidMessage(result.error()), HasSubstr("Line 6"));
  EXPECT_TRUE(result.error().fields.contains("retired"));
}

TEST(ParseIndicators, LabelMustBeAString) {
  auto result = Catalogue::ParseIndicators(
      "[[indicator]]\ncode = \"ws.a\"\ngroup = \"warning_sign\"\nlabel = 3\nguidance = \"g\"\n");
  ASSERT_FALSE(result.has_value());
  EXPECT_THAT(InvalidMessage(result.error()), HasSubstr("must be a string"));
}

TEST(ParseIndicators, OtherTopLevelKeysAreRejected) {
  auto result = Catalogue::ParseIndicators("[[indicators]]\ncode = \"ws.a\"\n");
  ASSERT_FALSE(result.has_value());
  EXPECT_THAT(InvalidMessage(result.error()), HasSubstr("unexpected key \"indicators\""));
}

TEST(ParseIndicators, EmptyDocumentIsRejected) {
  auto result = Catalogue::ParseIndicators("# nothing here\n");
  ASSERT_FALSE(result.has_value());
  EXPECT_THAT(InvalidMessage(result.error()), HasSubstr("no [[indicator]] entries"));
}

TEST(ParseIndicators, PlainTableInsteadOfArrayIsRejected) {
  auto result = Catalogue::ParseIndicators("[indicator]\ncode = \"ws.a\"\n");
  ASSERT_FALSE(result.has_value());
  EXPECT_THAT(InvalidMessage(result.error()), HasSubstr("[[indicator]]"));
}

TEST(ParseCodes, ReadsCodesOfTheNamedTable) {
  auto codes = Catalogue::ParseCodes(R"(
[[agency_type]]
code = "police"
label = "Police"
group = "statutory"

[[agency_type]]
code = "voluntary"
label = "Voluntary organisation"
)",
                                     "agency_type");
  ASSERT_TRUE(codes.has_value()) << codes.error().message;
  ASSERT_EQ(codes->size(), 2u);
  EXPECT_EQ((*codes)[0].code, "police");
  EXPECT_EQ((*codes)[0].label, "Police");
  EXPECT_EQ((*codes)[0].group, "statutory");
  EXPECT_EQ((*codes)[1].code, "voluntary");
  EXPECT_EQ((*codes)[1].group, "");
}

TEST(ParseCodes, WrongTableNameIsRejected) {
  auto codes = Catalogue::ParseCodes("[[ethnicity]]\ncode = \"a\"\nlabel = \"A\"\n", "agency_type");
  ASSERT_FALSE(codes.has_value());
  EXPECT_THAT(InvalidMessage(codes.error()), HasSubstr("unexpected key \"ethnicity\""));
}

TEST(ParseCodes, DuplicateCodeIsRejected) {
  auto codes = Catalogue::ParseCodes(
      "[[ethnicity]]\ncode = \"a\"\nlabel = \"A\"\n[[ethnicity]]\ncode = \"a\"\nlabel = \"B\"\n",
      "ethnicity");
  ASSERT_FALSE(codes.has_value());
  EXPECT_THAT(InvalidMessage(codes.error()), HasSubstr("Line 5"));
  EXPECT_THAT(codes.error().message, HasSubstr("used twice"));
}

TEST(ParseCodes, CodeMustBeSnakeCase) {
  auto codes = Catalogue::ParseCodes("[[ethnicity]]\ncode = \"White British\"\nlabel = \"A\"\n",
                                     "ethnicity");
  ASSERT_FALSE(codes.has_value());
  EXPECT_THAT(InvalidMessage(codes.error()), HasSubstr("Line 2"));
}

TEST(ParseCodes, MissingLabelIsRejected) {
  auto codes = Catalogue::ParseCodes("[[ethnicity]]\ncode = \"a\"\n", "ethnicity");
  ASSERT_FALSE(codes.has_value());
  EXPECT_THAT(InvalidMessage(codes.error()), HasSubstr("\"label\" is missing"));
}

TEST(ParseCodes, SyntaxErrorIsAValue) {
  auto codes = Catalogue::ParseCodes("[[ethnicity]\ncode = \"a\"\n", "ethnicity");
  ASSERT_FALSE(codes.has_value());
  EXPECT_THAT(InvalidMessage(codes.error()), HasSubstr("Line 1"));
}

TEST(Catalogue, FindsByCodeAndReturnsNullForUnknownCodes) {
  Catalogue catalogue({{"ws.a", IndicatorGroup::kWarningSign, "A", "g", false}},
                      {{"white_irish", "White: Irish", "White"}},
                      {{"police", "Police", "statutory"}});
  ASSERT_NE(catalogue.FindIndicator("ws.a"), nullptr);
  EXPECT_EQ(catalogue.FindIndicator("ws.a")->label, "A");
  EXPECT_EQ(catalogue.FindIndicator("ws.b"), nullptr);
  ASSERT_NE(catalogue.FindEthnicity("white_irish"), nullptr);
  EXPECT_EQ(catalogue.FindEthnicity("white_irish")->group, "White");
  EXPECT_EQ(catalogue.FindEthnicity("police"), nullptr);
  ASSERT_NE(catalogue.FindAgencyType("police"), nullptr);
  EXPECT_EQ(catalogue.FindAgencyType("white_irish"), nullptr);
  EXPECT_EQ(catalogue.Indicators().size(), 1u);
}

TEST(IndicatorGroupName, IsTheFileSpelling) {
  EXPECT_EQ(IndicatorGroupName(IndicatorGroup::kWarningSign), "warning_sign");
  EXPECT_EQ(IndicatorGroupName(IndicatorGroup::kVulnerability), "vulnerability");
  EXPECT_EQ(IndicatorGroupName(IndicatorGroup::kCommunity), "community");
}

// ---- The reference files shipped in config/reference/ ----

std::string ReadRepoFile(const std::string& relative) {
  std::ifstream in(std::string(HARBOUR_TEST_SOURCE_DIR) + "/" + relative, std::ios::binary);
  EXPECT_TRUE(in.good()) << relative;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(ShippedIndicators, ParseWithUniqueCodes) {
  auto indicators = Catalogue::ParseIndicators(ReadRepoFile("config/reference/indicators.toml"));
  ASSERT_TRUE(indicators.has_value()) << indicators.error().message;
  std::set<std::string> codes;
  for (const Indicator& indicator : *indicators) {
    EXPECT_TRUE(codes.insert(indicator.code).second) << indicator.code;
    EXPECT_FALSE(indicator.label.empty()) << indicator.code;
    EXPECT_FALSE(indicator.guidance.empty()) << indicator.code;
  }
}

// Every indicator DOMAIN.md §2 lists, by the code it was given. Risk tools key on these codes,
// so this list must only ever grow.
TEST(ShippedIndicators, ContainEveryIndicatorOfDomainSection2) {
  auto indicators = Catalogue::ParseIndicators(ReadRepoFile("config/reference/indicators.toml"));
  ASSERT_TRUE(indicators.has_value()) << indicators.error().message;
  Catalogue catalogue(std::move(*indicators), {}, {});
  const std::pair<const char*, IndicatorGroup> expected[] = {
      {"ws.missing_school", IndicatorGroup::kWarningSign},
      {"ws.out_late_or_overnight", IndicatorGroup::kWarningSign},
      {"ws.returns_cared_for_evasive", IndicatorGroup::kWarningSign},
      {"ws.unexplained_gifts", IndicatorGroup::kWarningSign},
      {"ws.sexually_transmitted_infection", IndicatorGroup::kWarningSign},
      {"ws.mood_or_appearance_change", IndicatorGroup::kWarningSign},
      {"ws.sexual_behaviour_concern", IndicatorGroup::kWarningSign},
      {"ws.secretive_withdrawn_tired", IndicatorGroup::kWarningSign},
      {"ws.older_relationship", IndicatorGroup::kWarningSign},
      {"ws.exploitation_locations", IndicatorGroup::kWarningSign},
      {"ws.drug_alcohol_use", IndicatorGroup::kWarningSign},
      {"ws.increased_calls_messages", IndicatorGroup::kWarningSign},
      {"ws.concealed_marks", IndicatorGroup::kWarningSign},
      {"ws.self_harm", IndicatorGroup::kWarningSign},
      {"ws.cars_with_unknown_adults", IndicatorGroup::kWarningSign},
      {"ws.going_missing", IndicatorGroup::kWarningSign},
      // Named in the seeds beyond DOMAIN.md's list.
      {"ws.physical_injury", IndicatorGroup::kWarningSign},
      {"ws.pregnancy", IndicatorGroup::kWarningSign},
      {"ws.taken_to_parties", IndicatorGroup::kWarningSign},
      {"ws.taken_out_of_area", IndicatorGroup::kWarningSign},
      {"vu.family_difficulties", IndicatorGroup::kVulnerability},
      {"vu.past_abuse_or_neglect", IndicatorGroup::kVulnerability},
      {"vu.in_care", IndicatorGroup::kVulnerability},
      {"vu.educational_difficulty", IndicatorGroup::kVulnerability},
      {"vu.running_away", IndicatorGroup::kVulnerability},
      {"vu.substance_misuse", IndicatorGroup::kVulnerability},
      {"vu.offending_or_gangs", IndicatorGroup::kVulnerability},
      {"vu.low_self_esteem", IndicatorGroup::kVulnerability},
      {"vu.isolated_from_peers", IndicatorGroup::kVulnerability},
      {"vu.disability_or_learning_difficulty", IndicatorGroup::kVulnerability},
      {"vu.no_trusted_adult", IndicatorGroup::kVulnerability},
      {"vu.unsuitable_accommodation", IndicatorGroup::kVulnerability},
      {"cf.houses_in_multiple_occupation", IndicatorGroup::kCommunity},
      {"cf.deprivation", IndicatorGroup::kCommunity},
      {"cf.drug_offences", IndicatorGroup::kCommunity},
      {"cf.low_cost_hotels", IndicatorGroup::kCommunity},
      {"cf.low_surveillance_places", IndicatorGroup::kCommunity},
      {"cf.children_in_social_care", IndicatorGroup::kCommunity},
      {"cf.teenage_pregnancy", IndicatorGroup::kCommunity},
      {"cf.self_harm_admissions", IndicatorGroup::kCommunity},
      {"cf.persistent_absence", IndicatorGroup::kCommunity},
      {"cf.exclusions", IndicatorGroup::kCommunity},
  };
  for (const auto& [code, group] : expected) {
    const Indicator* indicator = catalogue.FindIndicator(code);
    ASSERT_NE(indicator, nullptr) << code;
    EXPECT_EQ(indicator->group, group) << code;
    EXPECT_FALSE(indicator->retired) << code;
  }
}

// Seed 000: indicators about dress or appearance are culture-bound; they must describe
// behaviour instead.
TEST(ShippedIndicators, AvoidCultureBoundWording) {
  const std::string text = ReadRepoFile("config/reference/indicators.toml");
  auto indicators = Catalogue::ParseIndicators(text);
  ASSERT_TRUE(indicators.has_value());
  for (const Indicator& indicator : *indicators) {
    EXPECT_THAT(indicator.label, ::testing::Not(HasSubstr("dress"))) << indicator.code;
    EXPECT_THAT(indicator.label, ::testing::Not(HasSubstr("sexualised"))) << indicator.code;
  }
}

TEST(ShippedEthnicities, AreTheOns2021CategoriesPlusNotKnownAndNotStated) {
  auto codes = Catalogue::ParseCodes(ReadRepoFile("config/reference/ethnicity.toml"), "ethnicity");
  ASSERT_TRUE(codes.has_value()) << codes.error().message;
  ASSERT_EQ(codes->size(), 21u);
  const std::set<std::string> kOnsGroups = {
      "Asian, Asian British or Asian Welsh",
      "Black, Black British, Black Welsh, Caribbean or African", "Mixed or Multiple ethnic groups",
      "White", "Other ethnic group"};
  int ons_categories = 0;
  for (const Code& code : *codes) {
    if (!kOnsGroups.contains(code.group)) continue;
    ++ons_categories;
    EXPECT_TRUE(code.label.starts_with(code.group + ": ")) << code.code;
  }
  EXPECT_EQ(ons_categories, 19);
  Catalogue catalogue({}, std::move(*codes), {});
  ASSERT_NE(catalogue.FindEthnicity("white_british"), nullptr);
  EXPECT_EQ(catalogue.FindEthnicity("white_british")->label,
            "White: English, Welsh, Scottish, Northern Irish or British");
  EXPECT_NE(catalogue.FindEthnicity("white_roma"), nullptr);
  EXPECT_NE(catalogue.FindEthnicity("other_arab"), nullptr);
  EXPECT_NE(catalogue.FindEthnicity("not_known"), nullptr);
  EXPECT_NE(catalogue.FindEthnicity("not_stated"), nullptr);
}

TEST(ShippedAgencyTypes, CoverEveryPartnerSector) {
  auto codes =
      Catalogue::ParseCodes(ReadRepoFile("config/reference/agency-types.toml"), "agency_type");
  ASSERT_TRUE(codes.has_value()) << codes.error().message;
  Catalogue catalogue({}, {}, std::move(*codes));
  for (const char* code : {"police", "childrens_social_care", "health", "education", "housing",
                           "youth_offending", "youth_service", "voluntary", "sexual_health",
                           "substance_misuse", "local_authority_other", "private_provider"}) {
    const Code* type = catalogue.FindAgencyType(code);
    ASSERT_NE(type, nullptr) << code;
    const std::set<std::string> kSectors = {"statutory", "voluntary", "private"};
    EXPECT_TRUE(kSectors.contains(type->group)) << code << " " << type->group;
  }
  EXPECT_EQ(catalogue.FindAgencyType("voluntary")->group, "voluntary");
  EXPECT_EQ(catalogue.FindAgencyType("private_provider")->group, "private");
}

}  // namespace
}  // namespace harbour::reference
