#pragma once
// Police intelligence grading (issue 5; DOMAIN.md §4). The current 3x5x2 grade an intelligence
// officer gives a report, the legacy 5x5x5 grade still held on imported records, the categories
// and outcomes of a report, and the feedback message its submitter receives. Pure: no I/O.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"
#include "common/time.h"
#include "feedback/message.h"

namespace harbour::intelligence {

inline constexpr std::size_t kMaxInstructions = 4000;  // handling instructions
inline constexpr std::size_t kMaxAgencyId = 200;       // one allowed agency id
inline constexpr std::size_t kMaxAllowedAgencies = 50;

// 3x5x2: how reliable the source is.
enum class Source { k1, k2, k3 };
std::string_view ToCode(Source source);  // "1", "2", "3"
std::optional<Source> SourceFromCode(std::string_view code);
std::string_view Label(Source source);  // "Reliable", "Untested", "Not reliable"

// 3x5x2: how the source knows the intelligence.
enum class Assessment { kA, kB, kC, kD, kE };
std::string_view ToCode(Assessment assessment);  // "A" .. "E"
std::optional<Assessment> AssessmentFromCode(std::string_view code);
std::string_view Label(Assessment assessment);  // "Known directly to the source", ...

// 3x5x2: whether it may be shared. C needs handling instructions and an allowed-agency list.
enum class Handling { kP, kC };
std::string_view ToCode(Handling handling);  // "P", "C"
std::optional<Handling> HandlingFromCode(std::string_view code);
std::string_view Label(Handling handling);  // "Lawful sharing permitted", ...

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
std::string_view ToCode(LegacySource source);  // "A" .. "E"
std::optional<LegacySource> LegacySourceFromCode(std::string_view code);
std::string_view Label(LegacySource source);  // "Always reliable", ...

enum class LegacyIntelligence { k1, k2, k3, k4, k5 };
std::string_view ToCode(LegacyIntelligence intelligence);  // "1" .. "5"
std::optional<LegacyIntelligence> LegacyIntelligenceFromCode(std::string_view code);
std::string_view Label(LegacyIntelligence intelligence);  // "Known to be true without ...", ...

enum class LegacyHandling { k1, k2, k3, k4, k5 };
std::string_view ToCode(LegacyHandling handling);  // "1" .. "5"
std::optional<LegacyHandling> LegacyHandlingFromCode(std::string_view code);
std::string_view Label(LegacyHandling handling);  // "May be shared with law enforcement ...", ...

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
inline constexpr Category kAllCategories[] = {
    Category::kSexualExploitation,
    Category::kCriminalExploitation,
    Category::kMissing,
    Category::kDrugs,
    Category::kModernSlavery,
    Category::kOrganisedCrime,
    Category::kAntisocialBehaviour,
};
std::string_view ToCode(Category category);  // "sexual_exploitation", ...
std::optional<Category> CategoryFromCode(std::string_view code);
std::string_view Label(Category category);  // "Exploitation (sexual)", ...

// What the intelligence officer did with a report; the submitter is always told which.
enum class Outcome { kLogCreated, kPassedToCrimeDesk, kSafeguardingReferral, kNoFurtherAction };
inline constexpr Outcome kAllOutcomes[] = {
    Outcome::kLogCreated,
    Outcome::kPassedToCrimeDesk,
    Outcome::kSafeguardingReferral,
    Outcome::kNoFurtherAction,
};
std::string_view ToCode(Outcome outcome);  // "log_created", "crime_desk", ...
std::optional<Outcome> OutcomeFromCode(std::string_view code);
std::string_view Label(Outcome outcome);  // "Intelligence log created", ...

// The message to the submitter for an outcome (subject_type "intelligence"; id left empty for
// storage to assign). It takes no report content or grade, so it can never carry either: it
// says only what happened, what happens next and whom to contact.
feedback::Message FeedbackFor(Outcome outcome, std::string recipient, std::string report_id,
                              Instant at);

}  // namespace harbour::intelligence
