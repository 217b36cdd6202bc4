#pragma once
// Police intelligence grading (issue 5; DOMAIN.md §4). The current 3x5x2 grade an intelligence
// officer gives a report, the legacy 5x5x5 grade still held on imported records, the categories
// and outcomes of a report, and the feedback message its submitter receives. Pure: no I/O.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/codes.h"
#include "common/error.h"
#include "common/time.h"
#include "feedback/message.h"

namespace harbour::intelligence {

inline constexpr std::size_t kMaxInstructions = 4000;  // handling instructions
inline constexpr std::size_t kMaxAgencyId = 200;       // one allowed agency id
inline constexpr std::size_t kMaxAllowedAgencies = 50;

// Each enumeration below has its codes and labels in a table beside it; ToCode and Label answer
// "unknown" and "Unknown" for a value that is in no table.

// 3x5x2: how reliable the source is.
enum class Source { k1, k2, k3 };
inline constexpr auto kSourceCodes = MakeCodeTable<Source>({
    {Source::k1, "1", "Reliable"},
    {Source::k2, "2", "Untested"},
    {Source::k3, "3", "Not reliable"},
});
static_assert(IsCompleteCodeTable<kSourceCodes>());
constexpr std::string_view ToCode(Source source) { return kSourceCodes.Code(source, "unknown"); }
constexpr std::optional<Source> SourceFromCode(std::string_view code) {
  return kSourceCodes.FromCode(code);
}
constexpr std::string_view Label(Source source) { return kSourceCodes.LabelOf(source, "Unknown"); }

// 3x5x2: how the source knows the intelligence.
enum class Assessment { kA, kB, kC, kD, kE };
inline constexpr auto kAssessmentCodes = MakeCodeTable<Assessment>({
    {Assessment::kA, "A", "Known directly to the source"},
    {Assessment::kB, "B", "Known indirectly to the source but corroborated"},
    {Assessment::kC, "C", "Known indirectly to the source"},
    {Assessment::kD, "D", "Not known"},
    {Assessment::kE, "E", "Suspected to be false"},
});
static_assert(IsCompleteCodeTable<kAssessmentCodes>());
constexpr std::string_view ToCode(Assessment assessment) {
  return kAssessmentCodes.Code(assessment, "unknown");
}
constexpr std::optional<Assessment> AssessmentFromCode(std::string_view code) {
  return kAssessmentCodes.FromCode(code);
}
constexpr std::string_view Label(Assessment assessment) {
  return kAssessmentCodes.LabelOf(assessment, "Unknown");
}

// 3x5x2: whether it may be shared. C needs handling instructions and an allowed-agency list.
enum class Handling { kP, kC };
inline constexpr auto kHandlingCodes = MakeCodeTable<Handling>({
    {Handling::kP, "P", "Lawful sharing permitted"},
    {Handling::kC, "C", "Lawful sharing permitted with conditions"},
});
static_assert(IsCompleteCodeTable<kHandlingCodes>());
constexpr std::string_view ToCode(Handling handling) {
  return kHandlingCodes.Code(handling, "unknown");
}
constexpr std::optional<Handling> HandlingFromCode(std::string_view code) {
  return kHandlingCodes.FromCode(code);
}
constexpr std::string_view Label(Handling handling) {
  return kHandlingCodes.LabelOf(handling, "Unknown");
}

// A valid 3x5x2 grade. When handling is C, instructions are non-empty and allowed_agencies
// holds at least one distinct, non-empty agency id; when P, both are empty.
struct Grade {
  Source source = Source::k3;
  Assessment assessment = Assessment::kD;
  Handling handling = Handling::kC;
  std::string handling_instructions;
  std::vector<std::string> allowed_agencies;  // sorted, distinct
};

// A grade as submitted from the form or the API. Codes are matched exactly ("1", "A", "P";
// upper case, no spaces); anything else is invalid, so a grade outside 3x5x2 never reaches
// storage (the API answers 422).
struct GradeInput {
  std::string source;
  std::string intelligence;
  std::string handling;
  std::string handling_instructions;
  std::vector<std::string> allowed_agencies;
};

// kInvalid with one message per bad field: "source", "intelligence", "handling",
// "handling_instructions", "allowed_agencies". Duplicate agency ids are merged.
Result<Grade> ValidateGrade(const GradeInput& input);

// 5x5x5 (legacy, imported records only; never given to new reports).
enum class LegacySource { kA, kB, kC, kD, kE };
inline constexpr auto kLegacySourceCodes = MakeCodeTable<LegacySource>({
    {LegacySource::kA, "A", "Always reliable"},
    {LegacySource::kB, "B", "Mostly reliable"},
    {LegacySource::kC, "C", "Sometimes reliable"},
    {LegacySource::kD, "D", "Unreliable"},
    {LegacySource::kE, "E", "Untested source"},
});
static_assert(IsCompleteCodeTable<kLegacySourceCodes>());
constexpr std::string_view ToCode(LegacySource source) {
  return kLegacySourceCodes.Code(source, "unknown");
}
constexpr std::optional<LegacySource> LegacySourceFromCode(std::string_view code) {
  return kLegacySourceCodes.FromCode(code);
}
constexpr std::string_view Label(LegacySource source) {
  return kLegacySourceCodes.LabelOf(source, "Unknown");
}

enum class LegacyIntelligence { k1, k2, k3, k4, k5 };
inline constexpr auto kLegacyIntelligenceCodes = MakeCodeTable<LegacyIntelligence>({
    {LegacyIntelligence::k1, "1", "Known to be true without reservation"},
    {LegacyIntelligence::k2, "2", "Known personally to the source but not to the officer"},
    {LegacyIntelligence::k3, "3", "Not known personally to the source but corroborated"},
    {LegacyIntelligence::k4, "4", "Cannot be judged"},
    {LegacyIntelligence::k5, "5", "Suspected to be false or malicious"},
});
static_assert(IsCompleteCodeTable<kLegacyIntelligenceCodes>());
constexpr std::string_view ToCode(LegacyIntelligence intelligence) {
  return kLegacyIntelligenceCodes.Code(intelligence, "unknown");
}
constexpr std::optional<LegacyIntelligence> LegacyIntelligenceFromCode(std::string_view code) {
  return kLegacyIntelligenceCodes.FromCode(code);
}
constexpr std::string_view Label(LegacyIntelligence intelligence) {
  return kLegacyIntelligenceCodes.LabelOf(intelligence, "Unknown");
}

enum class LegacyHandling { k1, k2, k3, k4, k5 };
inline constexpr auto kLegacyHandlingCodes = MakeCodeTable<LegacyHandling>({
    {LegacyHandling::k1, "1", "May be shared with law enforcement and prosecuting agencies"},
    {LegacyHandling::k2, "2", "May be shared with non-prosecuting partners"},
    {LegacyHandling::k3, "3", "May be shared with overseas law enforcement agencies"},
    {LegacyHandling::k4, "4", "May be shared within the originating agency only"},
    {LegacyHandling::k5, "5", "No further sharing: refer to the originator"},
});
static_assert(IsCompleteCodeTable<kLegacyHandlingCodes>());
constexpr std::string_view ToCode(LegacyHandling handling) {
  return kLegacyHandlingCodes.Code(handling, "unknown");
}
constexpr std::optional<LegacyHandling> LegacyHandlingFromCode(std::string_view code) {
  return kLegacyHandlingCodes.FromCode(code);
}
constexpr std::string_view Label(LegacyHandling handling) {
  return kLegacyHandlingCodes.LabelOf(handling, "Unknown");
}

struct LegacyGrade {
  LegacySource source = LegacySource::kE;
  LegacyIntelligence intelligence = LegacyIntelligence::k4;
  LegacyHandling handling = LegacyHandling::k5;
};
struct LegacyGradeInput {
  std::string source;
  std::string intelligence;
  std::string handling;
};
// kInvalid with one message per bad field: "source", "intelligence", "handling".
Result<LegacyGrade> ValidateLegacyGrade(const LegacyGradeInput& input);

// What a report is about (the submitter picks one).
enum class Category {
  kSexualExploitation,
  kCriminalExploitation,
  kMissing,
  kDrugs,
  kModernSlavery,
  kOrganisedCrime,
  kAntisocialBehaviour,
};
inline constexpr auto kCategoryCodes = MakeCodeTable<Category>({
    {Category::kSexualExploitation, "sexual_exploitation", "Exploitation (sexual)"},
    {Category::kCriminalExploitation, "criminal_exploitation", "Exploitation (criminal)"},
    {Category::kMissing, "missing", "Missing"},
    {Category::kDrugs, "drugs", "Drugs"},
    {Category::kModernSlavery, "modern_slavery", "Modern slavery"},
    {Category::kOrganisedCrime, "organised_crime", "Organised crime"},
    {Category::kAntisocialBehaviour, "antisocial_behaviour", "Antisocial behaviour"},
});
static_assert(IsCompleteCodeTable<kCategoryCodes>());
inline constexpr auto kAllCategories = kCategoryCodes.Values();
constexpr std::string_view ToCode(Category category) {
  return kCategoryCodes.Code(category, "unknown");
}
constexpr std::optional<Category> CategoryFromCode(std::string_view code) {
  return kCategoryCodes.FromCode(code);
}
constexpr std::string_view Label(Category category) {
  return kCategoryCodes.LabelOf(category, "Unknown");
}

// What the intelligence officer did with a report; the submitter is always told which.
enum class Outcome { kLogCreated, kPassedToCrimeDesk, kSafeguardingReferral, kNoFurtherAction };
inline constexpr auto kOutcomeCodes = MakeCodeTable<Outcome>({
    {Outcome::kLogCreated, "log_created", "Intelligence log created"},
    {Outcome::kPassedToCrimeDesk, "crime_desk", "Passed to crime desk"},
    {Outcome::kSafeguardingReferral, "safeguarding_referral", "Safeguarding referral"},
    {Outcome::kNoFurtherAction, "no_further_action", "No further action"},
});
static_assert(IsCompleteCodeTable<kOutcomeCodes>());
inline constexpr auto kAllOutcomes = kOutcomeCodes.Values();
constexpr std::string_view ToCode(Outcome outcome) {
  return kOutcomeCodes.Code(outcome, "unknown");
}
constexpr std::optional<Outcome> OutcomeFromCode(std::string_view code) {
  return kOutcomeCodes.FromCode(code);
}
constexpr std::string_view Label(Outcome outcome) {
  return kOutcomeCodes.LabelOf(outcome, "Unknown");
}

// The message to the submitter for an outcome (subject_type "intelligence"; id left empty for
// storage to assign). It takes no report content or grade, so it can never carry either: it
// says only what happened, what happens next and whom to contact.
feedback::Message FeedbackFor(Outcome outcome, std::string recipient, std::string report_id,
                              Instant at);

}  // namespace harbour::intelligence
