#include "intelligence/grading.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "common/codes_testing.h"
#include "intelligence/records.h"
#include "intelligence/report.h"

namespace harbour::intelligence {
namespace {

GradeInput ValidP() {
  return GradeInput{.source = "1",
                    .intelligence = "A",
                    .handling = "P",
                    .handling_instructions = {},
                    .allowed_agencies = {}};
}
GradeInput ValidC() {
  return GradeInput{.source = "2",
                    .intelligence = "B",
                    .handling = "C",
                    .handling_instructions = "Share with the children's services team only.",
                    .allowed_agencies = {"agency-b", "agency-a", "agency-b"}};
}

std::set<std::string> FieldsOf(const Error& error) {
  std::set<std::string> fields;
  for (const auto& [field, message] : error.fields) {
    EXPECT_FALSE(message.empty()) << field;
    fields.insert(field);
  }
  return fields;
}

TEST(Grade, EveryCombinationOf3x5x2IsValid) {
  int valid = 0;
  for (std::string_view s : {"1", "2", "3"}) {
    for (std::string_view i : {"A", "B", "C", "D", "E"}) {
      for (std::string_view h : {"P", "C"}) {
        GradeInput input = h == "P" ? ValidP() : ValidC();
        input.source = s;
        input.intelligence = i;
        const auto grade = ValidateGrade(input);
        ASSERT_TRUE(grade.has_value()) << s << i << h;
        EXPECT_EQ(ToCode(grade->source), s);
        EXPECT_EQ(ToCode(grade->assessment), i);
        EXPECT_EQ(ToCode(grade->handling), h);
        ++valid;
      }
    }
  }
  EXPECT_EQ(valid, 30);
}

TEST(Grade, CodesOutside3x5x2AreInvalidFieldByField) {
  for (std::string_view bad : {"", "0", "4", "A", " 1", "1 ", "one", "11"}) {
    GradeInput input = ValidP();
    input.source = bad;
    const auto grade = ValidateGrade(input);
    ASSERT_FALSE(grade.has_value()) << "'" << bad << "'";
    EXPECT_EQ(grade.error().kind, ErrorKind::kInvalid);
    EXPECT_EQ(FieldsOf(grade.error()), std::set<std::string>{"source"});
  }
  for (std::string_view bad : {"", "a", "F", "1", "AB", "E "}) {
    GradeInput input = ValidP();
    input.intelligence = bad;
    const auto grade = ValidateGrade(input);
    ASSERT_FALSE(grade.has_value()) << "'" << bad << "'";
    EXPECT_EQ(FieldsOf(grade.error()), std::set<std::string>{"intelligence"});
  }
  for (std::string_view bad : {"", "p", "c", "X", "1", "PC"}) {
    GradeInput input = ValidP();
    input.handling = bad;
    const auto grade = ValidateGrade(input);
    ASSERT_FALSE(grade.has_value()) << "'" << bad << "'";
    EXPECT_EQ(FieldsOf(grade.error()), std::set<std::string>{"handling"});
  }
}

TEST(Grade, AllBadFieldsAreReportedTogether) {
  const auto grade = ValidateGrade(GradeInput{.source = "9",
                                              .intelligence = "Z",
                                              .handling = "",
                                              .handling_instructions = {},
                                              .allowed_agencies = {}});
  ASSERT_FALSE(grade.has_value());
  EXPECT_EQ(FieldsOf(grade.error()), (std::set<std::string>{"source", "intelligence", "handling"}));
}

TEST(Grade, HandlingCNeedsInstructionsAndAtLeastOneAgency) {
  GradeInput input = ValidC();
  input.handling_instructions = " \n ";
  input.allowed_agencies.clear();
  const auto grade = ValidateGrade(input);
  ASSERT_FALSE(grade.has_value());
  EXPECT_EQ(FieldsOf(grade.error()),
            (std::set<std::string>{"handling_instructions", "allowed_agencies"}));
}

TEST(Grade, HandlingCKeepsInstructionsAndSortedDistinctAgencies) {
  const auto grade = ValidateGrade(ValidC());
  ASSERT_TRUE(grade.has_value());
  EXPECT_EQ(grade->handling, Handling::kC);
  EXPECT_EQ(grade->handling_instructions, "Share with the children's services team only.");
  EXPECT_EQ(grade->allowed_agencies, (std::vector<std::string>{"agency-a", "agency-b"}));
}

TEST(Grade, BlankOrOverlongAgencyIdsAreInvalid) {
  for (const std::string& bad : {std::string(), std::string("  "), std::string(201, 'a')}) {
    GradeInput input = ValidC();
    input.allowed_agencies.push_back(bad);
    const auto grade = ValidateGrade(input);
    ASSERT_FALSE(grade.has_value());
    EXPECT_EQ(FieldsOf(grade.error()), std::set<std::string>{"allowed_agencies"});
  }
  GradeInput many = ValidC();
  many.allowed_agencies.clear();
  for (int i = 0; i < 51; ++i) many.allowed_agencies.push_back("agency-" + std::to_string(i));
  EXPECT_FALSE(ValidateGrade(many).has_value());
}

TEST(Grade, OverlongInstructionsAreInvalid) {
  GradeInput input = ValidC();
  input.handling_instructions = std::string(kMaxInstructions + 1, 'x');
  const auto grade = ValidateGrade(input);
  ASSERT_FALSE(grade.has_value());
  EXPECT_EQ(FieldsOf(grade.error()), std::set<std::string>{"handling_instructions"});
  input.handling_instructions = std::string(kMaxInstructions, 'x');
  EXPECT_TRUE(ValidateGrade(input).has_value());
}

TEST(Grade, HandlingPMustNotCarryConditions) {
  GradeInput input = ValidP();
  input.handling_instructions = "Do not share.";
  input.allowed_agencies = {"agency-a"};
  const auto grade = ValidateGrade(input);
  ASSERT_FALSE(grade.has_value());
  EXPECT_EQ(FieldsOf(grade.error()),
            (std::set<std::string>{"handling_instructions", "allowed_agencies"}));
  const auto plain = ValidateGrade(ValidP());
  ASSERT_TRUE(plain.has_value());
  EXPECT_TRUE(plain->handling_instructions.empty());
  EXPECT_TRUE(plain->allowed_agencies.empty());
}

TEST(GradeLabels, FollowDomainWording) {
  EXPECT_EQ(Label(Source::k1), "Reliable");
  EXPECT_EQ(Label(Source::k2), "Untested");
  EXPECT_EQ(Label(Source::k3), "Not reliable");
  EXPECT_EQ(Label(Assessment::kA), "Known directly to the source");
  EXPECT_EQ(Label(Assessment::kB), "Known indirectly to the source but corroborated");
  EXPECT_EQ(Label(Assessment::kC), "Known indirectly to the source");
  EXPECT_EQ(Label(Assessment::kD), "Not known");
  EXPECT_EQ(Label(Assessment::kE), "Suspected to be false");
  EXPECT_EQ(Label(Handling::kP), "Lawful sharing permitted");
  EXPECT_EQ(Label(Handling::kC), "Lawful sharing permitted with conditions");
}

TEST(LegacyGrade, Every5x5x5CombinationIsValidAndLabelled) {
  std::set<std::string_view> labels;
  int valid = 0;
  for (std::string_view s : {"A", "B", "C", "D", "E"}) {
    for (std::string_view i : {"1", "2", "3", "4", "5"}) {
      for (std::string_view h : {"1", "2", "3", "4", "5"}) {
        const auto grade = ValidateLegacyGrade(LegacyGradeInput{
            .source = std::string(s), .intelligence = std::string(i), .handling = std::string(h)});
        ASSERT_TRUE(grade.has_value()) << s << i << h;
        EXPECT_EQ(ToCode(grade->source), s);
        EXPECT_EQ(ToCode(grade->intelligence), i);
        EXPECT_EQ(ToCode(grade->handling), h);
        labels.insert(Label(grade->source));
        labels.insert(Label(grade->intelligence));
        labels.insert(Label(grade->handling));
        ++valid;
      }
    }
  }
  EXPECT_EQ(valid, 125);
  EXPECT_EQ(labels.size(), 15U);  // every code has its own label
}

TEST(LegacyGrade, CodesOutside5x5x5AreInvalidFieldByField) {
  const auto grade =
      ValidateLegacyGrade(LegacyGradeInput{.source = "1", .intelligence = "A", .handling = "6"});
  ASSERT_FALSE(grade.has_value());
  EXPECT_EQ(grade.error().kind, ErrorKind::kInvalid);
  EXPECT_EQ(FieldsOf(grade.error()), (std::set<std::string>{"source", "intelligence", "handling"}));
  EXPECT_FALSE(ValidateLegacyGrade(LegacyGradeInput{}).has_value());
  EXPECT_FALSE(
      ValidateLegacyGrade(LegacyGradeInput{.source = "a", .intelligence = "1", .handling = "1"})
          .has_value());
}

TEST(Categories, RoundTripWithDistinctLabels) {
  std::set<std::string_view> codes;
  std::set<std::string_view> labels;
  for (Category category : kAllCategories) {
    EXPECT_EQ(CategoryFromCode(ToCode(category)), category);
    codes.insert(ToCode(category));
    labels.insert(Label(category));
  }
  EXPECT_EQ(codes.size(), 7U);
  EXPECT_EQ(labels.size(), 7U);
  EXPECT_EQ(ToCode(Category::kSexualExploitation), "sexual_exploitation");
  EXPECT_EQ(Label(Category::kCriminalExploitation), "Exploitation (criminal)");
  EXPECT_EQ(CategoryFromCode("Drugs"), std::nullopt);
  EXPECT_EQ(CategoryFromCode(""), std::nullopt);
}

TEST(Outcomes, RoundTripWithDomainLabels) {
  for (Outcome outcome : kAllOutcomes) EXPECT_EQ(OutcomeFromCode(ToCode(outcome)), outcome);
  EXPECT_EQ(Label(Outcome::kLogCreated), "Intelligence log created");
  EXPECT_EQ(Label(Outcome::kPassedToCrimeDesk), "Passed to crime desk");
  EXPECT_EQ(Label(Outcome::kSafeguardingReferral), "Safeguarding referral");
  EXPECT_EQ(Label(Outcome::kNoFurtherAction), "No further action");
  EXPECT_EQ(OutcomeFromCode("nfa"), std::nullopt);
}

TEST(IntelligenceFeedback, EachOutcomeTellsTheSubmitterWhatHappenedAndWhatNext) {
  const Instant at{};
  std::set<std::string> titles;
  for (Outcome outcome : kAllOutcomes) {
    const feedback::Message message = FeedbackFor(outcome, "user-7", "intel-42", at);
    EXPECT_TRUE(message.id.empty()) << "storage assigns the id";
    EXPECT_EQ(message.recipient, "user-7");
    EXPECT_EQ(message.subject_type, "intelligence");
    EXPECT_EQ(message.subject_id, "intel-42");
    EXPECT_FALSE(message.title.empty());
    EXPECT_FALSE(message.next_steps.empty());
    EXPECT_FALSE(message.contact.empty());
    EXPECT_TRUE(message.body.empty()) << "no graded content ever reaches the submitter";
    EXPECT_FALSE(message.read_at.has_value());
    titles.insert(message.title);
    // Nothing in the message names a grade or handling code.
    for (const std::string* text : {&message.title, &message.next_steps, &message.contact}) {
      for (std::string_view word : {"grade", "Grade", "handling", "Handling", "source", "3x5x2"}) {
        EXPECT_EQ(text->find(word), std::string::npos) << *text;
      }
    }
  }
  EXPECT_EQ(titles.size(), 4U);
}

TEST(IntelligenceCodesTest, EveryEnumAnswersFromItsTable) {
  codes_testing::ExpectAnswersFromTable(kSourceCodes, SourceFromCode);
  codes_testing::ExpectAnswersFromTable(kAssessmentCodes, AssessmentFromCode);
  codes_testing::ExpectAnswersFromTable(kHandlingCodes, HandlingFromCode);
  codes_testing::ExpectAnswersFromTable(kLegacySourceCodes, LegacySourceFromCode);
  codes_testing::ExpectAnswersFromTable(kLegacyIntelligenceCodes, LegacyIntelligenceFromCode);
  codes_testing::ExpectAnswersFromTable(kLegacyHandlingCodes, LegacyHandlingFromCode);
  codes_testing::ExpectAnswersFromTable(kCategoryCodes, CategoryFromCode);
  codes_testing::ExpectAnswersFromTable(kOutcomeCodes, OutcomeFromCode);
  codes_testing::ExpectAnswersFromTable(kKnowledgeCodes, KnowledgeFromCode);
  codes_testing::ExpectAnswersFromTable(kReportStatusCodes, ReportStatusFromCode);
  codes_testing::ExpectAnswersFromTable(kRecordTypeCodes, RecordTypeFromCode);
  codes_testing::ExpectAnswersFromTable(kPersonStatusCodes, PersonStatusFromCode);
  codes_testing::ExpectAnswersFromTable(kPlaceTypeCodes, PlaceTypeFromCode);
  codes_testing::ExpectAnswersFromTable(kPlatformCodes, PlatformFromCode);
  codes_testing::ExpectAnswersFromTable(kLinkTypeCodes, LinkTypeFromCode);
  for (const auto& segment : kRecordTypePathSegments) {
    EXPECT_EQ(PathSegment(segment.value), segment.code);
    EXPECT_EQ(RecordTypeFromPathSegment(segment.code), segment.value);
  }
}

}  // namespace
}  // namespace harbour::intelligence
