// Partner intelligence submissions and the intelligence officer's grading (DOMAIN.md §4).
#include "intelligence/report.h"

#include <gtest/gtest.h>

namespace harbour::intelligence {
namespace {

SubmissionInput Good() {
  SubmissionInput in;
  in.what = "A man in a silver car collects a girl from the hostel most evenings.";
  in.where = "Seaview Hotel car park";
  in.when = "Most evenings this month, about 9pm";
  in.category = "sexual_exploitation";
  in.knowledge = "first_hand";
  in.immediate_danger = "no";
  return in;
}

TEST(Submission, AcceptsWhatWasTypedTrimmed) {
  auto in = Good();
  in.who = "  A man called Dee  ";
  auto s = ValidateSubmission(in);
  ASSERT_TRUE(s.has_value()) << s.error().message;
  EXPECT_EQ(s->original.who, "A man called Dee");
  EXPECT_EQ(s->category, Category::kSexualExploitation);
  EXPECT_EQ(s->knowledge, Knowledge::kFirstHand);
  EXPECT_FALSE(s->immediate_danger);
}

TEST(Submission, ListsEveryProblemAtOnce) {
  SubmissionInput in;
  in.category = "gossip";
  in.knowledge = "psychic";
  in.immediate_danger = "maybe";
  in.why = std::string(kMaxText + 1, 'x');
  auto s = ValidateSubmission(in);
  ASSERT_FALSE(s.has_value());
  EXPECT_EQ(s.error().kind, ErrorKind::kInvalid);
  for (const char* field : {"what", "category", "knowledge", "immediate_danger", "why"}) {
    EXPECT_TRUE(s.error().fields.contains(field)) << field;
  }
}

TEST(Submission, SecondHandNeedsWhoToldThem) {
  auto in = Good();
  in.knowledge = "second_hand";
  auto s = ValidateSubmission(in);
  ASSERT_FALSE(s.has_value());
  EXPECT_TRUE(s.error().fields.contains("heard_from"));
  in.heard_from = "The hotel's night receptionist";
  EXPECT_TRUE(ValidateSubmission(in).has_value());
}

TEST(Submission, SubjectsAreExistingRecordsOrNewDetails) {
  auto in = Good();
  in.subjects = {
      {"child", "0123456789abcdef0123456789abcdef", {}},
      {"person", "", {{"name", "Dee"}, {"age", "about 30"}}},
      {"vehicle", "", {{"registration", "ab12 cde"}, {"colour", "silver"}}},
      {"place", "", {{"name", "Seaview Hotel"}, {"place_type", "hotel"}, {"postcode", "HB1 2AB"}}},
  };
  auto s = ValidateSubmission(in);
  ASSERT_TRUE(s.has_value()) << s.error().message;
  ASSERT_EQ(s->subjects.size(), 4u);
  EXPECT_EQ(s->subjects[1].details.at("name"), "Dee");
  EXPECT_EQ(s->subjects[3].position, 3);
  EXPECT_TRUE(s->subjects[2].unverified.empty());
}

TEST(Submission, UnparseableIdentifiersAreKeptAndFlaggedNotRefused) {
  auto in = Good();
  in.subjects = {
      {"vehicle", "", {{"registration", "SEEN 2 LETTERS?"}}},
      {"phone", "", {{"number", "12"}}},
      {"place", "", {{"name", "Chip shop"}, {"postcode", "not a postcode"}}},
  };
  auto s = ValidateSubmission(in);
  ASSERT_TRUE(s.has_value()) << s.error().message;
  EXPECT_EQ(s->subjects[0].details.at("registration"), "SEEN 2 LETTERS?");
  EXPECT_TRUE(s->subjects[0].unverified.contains("registration"));
  EXPECT_TRUE(s->subjects[1].unverified.contains("number"));
  EXPECT_TRUE(s->subjects[2].unverified.contains("postcode"));
  EXPECT_NE(s->subjects[0].unverified.at("registration").find("kept as typed"), std::string::npos);
}

TEST(Submission, RefusesSubjectsThatCannotBeUsed) {
  auto in = Good();
  in.subjects = {
      {"child", "", {}},                                                  // a child must be chosen
      {"alien", "", {{"name", "x"}}},                                     // unknown type
      {"person", "", {{"age", "about 30"}}},                              // nothing identifying
      {"vehicle", "", {{"registration", "AB12CDE"}, {"tyres", "4"}}},     // unknown detail
      {"person", "not-an-id", {}},                                        // a bad record id
      {"person", "0123456789abcdef0123456789abcdef", {{"name", "Dee"}}},  // both
  };
  auto s = ValidateSubmission(in);
  ASSERT_FALSE(s.has_value());
  const auto& f = s.error().fields;
  EXPECT_TRUE(f.contains("subjects[0].record_id"));
  EXPECT_TRUE(f.contains("subjects[1].type"));
  EXPECT_TRUE(f.contains("subjects[2]"));
  EXPECT_TRUE(f.contains("subjects[3].tyres"));
  EXPECT_TRUE(f.contains("subjects[4].record_id"));
  EXPECT_TRUE(f.contains("subjects[5]"));
}

TEST(Submission, LimitsTheNumberOfSubjects) {
  auto in = Good();
  in.subjects.assign(kMaxSubjects + 1, SubjectInput{"phone", "", {{"number", "07700900123"}}});
  auto s = ValidateSubmission(in);
  ASSERT_FALSE(s.has_value());
  EXPECT_TRUE(s.error().fields.contains("subjects"));
}

GradingInput GoodGrading() {
  GradingInput g;
  g.grade = {"2", "B", "P", "", {}};
  g.sanitised_text = "A vehicle has been seen collecting a young person from a hostel at night.";
  g.outcome = "log_created";
  return g;
}

TEST(Grading, AcceptsA3x5x2GradeWithSanitisedTextAndOutcome) {
  auto g = ValidateGrading(GoodGrading(), {"Alex Morgan"});
  ASSERT_TRUE(g.has_value()) << g.error().message;
  EXPECT_EQ(g->grade.handling, Handling::kP);
  EXPECT_EQ(g->outcome, Outcome::kLogCreated);
}

TEST(Grading, RefusesAGradeOutside3x5x2AndAMissingOutcome) {
  auto in = GoodGrading();
  in.grade = {"4", "F", "X", "", {}};
  in.outcome = "arrested";
  in.sanitised_text = " ";
  auto g = ValidateGrading(in, {});
  ASSERT_FALSE(g.has_value());
  for (const char* field : {"source", "intelligence", "handling", "outcome", "sanitised_text"}) {
    EXPECT_TRUE(g.error().fields.contains(field)) << field;
  }
}

TEST(Grading, TheSanitisedTextMustNotNameTheSource) {
  auto in = GoodGrading();
  in.sanitised_text = "Reported by alex MORGAN of housing: a vehicle collects a young person.";
  auto g = ValidateGrading(in, {"Alex Morgan", "Harbourside Housing"});
  ASSERT_FALSE(g.has_value());
  EXPECT_NE(g.error().fields.at("sanitised_text").find("Alex Morgan"), std::string::npos);
  // Initials and blanks are too short to be checked.
  EXPECT_TRUE(ValidateGrading(GoodGrading(), {"", "Al"}).has_value());
}

TEST(Grading, HandlingCodeCNeedsInstructionsAndAgencies) {
  auto in = GoodGrading();
  in.grade.handling = "C";
  auto g = ValidateGrading(in, {});
  ASSERT_FALSE(g.has_value());
  EXPECT_TRUE(g.error().fields.contains("handling_instructions"));
  EXPECT_TRUE(g.error().fields.contains("allowed_agencies"));
}

TEST(Report, GradeCodes) {
  Report r;
  EXPECT_EQ(GradeCode(r), "");
  r.legacy_grade = LegacyGrade{LegacySource::kB, LegacyIntelligence::k2, LegacyHandling::k3};
  EXPECT_EQ(GradeCode(r), "B/2/3 (5x5x5)");
  r.grade = Grade{Source::k1, Assessment::kA, Handling::kP, "", {}};
  EXPECT_EQ(GradeCode(r), "1/A/P");
}

}  // namespace
}  // namespace harbour::intelligence
