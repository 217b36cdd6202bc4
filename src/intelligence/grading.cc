#include "intelligence/grading.h"

#include <algorithm>
#include <array>
#include <map>
#include <utility>

namespace harbour::intelligence {
namespace {

template <class E>
struct Entry {
  E value;
  std::string_view code;
  std::string_view label;
};

template <class E, std::size_t N>
std::string_view CodeIn(const std::array<Entry<E>, N>& table, E value) {
  for (const auto& entry : table) {
    if (entry.value == value) return entry.code;
  }
  return "unknown";
}
template <class E, std::size_t N>
std::string_view LabelIn(const std::array<Entry<E>, N>& table, E value) {
  for (const auto& entry : table) {
    if (entry.value == value) return entry.label;
  }
  return "Unknown";
}
template <class E, std::size_t N>
std::optional<E> FromCodeIn(const std::array<Entry<E>, N>& table, std::string_view code) {
  for (const auto& entry : table) {
    if (entry.code == code) return entry.value;
  }
  return std::nullopt;
}

constexpr std::array<Entry<Source>, 3> kSources{{
    {Source::k1, "1", "Reliable"},
    {Source::k2, "2", "Untested"},
    {Source::k3, "3", "Not reliable"},
}};
constexpr std::array<Entry<Assessment>, 5> kAssessments{{
    {Assessment::kA, "A", "Known directly to the source"},
    {Assessment::kB, "B", "Known indirectly to the source but corroborated"},
    {Assessment::kC, "C", "Known indirectly to the source"},
    {Assessment::kD, "D", "Not known"},
    {Assessment::kE, "E", "Suspected to be false"},
}};
constexpr std::array<Entry<Handling>, 2> kHandlings{{
    {Handling::kP, "P", "Lawful sharing permitted"},
    {Handling::kC, "C", "Lawful sharing permitted with conditions"},
}};
constexpr std::array<Entry<LegacySource>, 5> kLegacySources{{
    {LegacySource::kA, "A", "Always reliable"},
    {LegacySource::kB, "B", "Mostly reliable"},
    {LegacySource::kC, "C", "Sometimes reliable"},
    {LegacySource::kD, "D", "Unreliable"},
    {LegacySource::kE, "E", "Untested source"},
}};
constexpr std::array<Entry<LegacyIntelligence>, 5> kLegacyIntelligence{{
    {LegacyIntelligence::k1, "1", "Known to be true without reservation"},
    {LegacyIntelligence::k2, "2", "Known personally to the source but not to the officer"},
    {LegacyIntelligence::k3, "3", "Not known personally to the source but corroborated"},
    {LegacyIntelligence::k4, "4", "Cannot be judged"},
    {LegacyIntelligence::k5, "5", "Suspected to be false or malicious"},
}};
constexpr std::array<Entry<LegacyHandling>, 5> kLegacyHandlings{{
    {LegacyHandling::k1, "1", "May be shared with law enforcement and prosecuting agencies"},
    {LegacyHandling::k2, "2", "May be shared with non-prosecuting partners"},
    {LegacyHandling::k3, "3", "May be shared with overseas law enforcement agencies"},
    {LegacyHandling::k4, "4", "May be shared within the originating agency only"},
    {LegacyHandling::k5, "5", "No further sharing: refer to the originator"},
}};
constexpr std::array<Entry<Category>, 7> kCategories{{
    {Category::kSexualExploitation, "sexual_exploitation", "Exploitation (sexual)"},
    {Category::kCriminalExploitation, "criminal_exploitation", "Exploitation (criminal)"},
    {Category::kMissing, "missing", "Missing"},
    {Category::kDrugs, "drugs", "Drugs"},
    {Category::kModernSlavery, "modern_slavery", "Modern slavery"},
    {Category::kOrganisedCrime, "organised_crime", "Organised crime"},
    {Category::kAntisocialBehaviour, "antisocial_behaviour", "Antisocial behaviour"},
}};
constexpr std::array<Entry<Outcome>, 4> kOutcomes{{
    {Outcome::kLogCreated, "log_created", "Intelligence log created"},
    {Outcome::kPassedToCrimeDesk, "crime_desk", "Passed to crime desk"},
    {Outcome::kSafeguardingReferral, "safeguarding_referral", "Safeguarding referral"},
    {Outcome::kNoFurtherAction, "no_further_action", "No further action"},
}};

bool IsBlank(std::string_view text) {
  return std::ranges::all_of(
      text, [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; });
}

}  // namespace

std::string_view ToCode(Source source) { return CodeIn(kSources, source); }
std::optional<Source> SourceFromCode(std::string_view code) { return FromCodeIn(kSources, code); }
std::string_view Label(Source source) { return LabelIn(kSources, source); }

std::string_view ToCode(Assessment assessment) { return CodeIn(kAssessments, assessment); }
std::optional<Assessment> AssessmentFromCode(std::string_view code) {
  return FromCodeIn(kAssessments, code);
}
std::string_view Label(Assessment assessment) { return LabelIn(kAssessments, assessment); }

std::string_view ToCode(Handling handling) { return CodeIn(kHandlings, handling); }
std::optional<Handling> HandlingFromCode(std::string_view code) {
  return FromCodeIn(kHandlings, code);
}
std::string_view Label(Handling handling) { return LabelIn(kHandlings, handling); }

std::string_view ToCode(LegacySource source) { return CodeIn(kLegacySources, source); }
std::optional<LegacySource> LegacySourceFromCode(std::string_view code) {
  return FromCodeIn(kLegacySources, code);
}
std::string_view Label(LegacySource source) { return LabelIn(kLegacySources, source); }

std::string_view ToCode(LegacyIntelligence intelligence) {
  return CodeIn(kLegacyIntelligence, intelligence);
}
std::optional<LegacyIntelligence> LegacyIntelligenceFromCode(std::string_view code) {
  return FromCodeIn(kLegacyIntelligence, code);
}
std::string_view Label(LegacyIntelligence intelligence) {
  return LabelIn(kLegacyIntelligence, intelligence);
}

std::string_view ToCode(LegacyHandling handling) { return CodeIn(kLegacyHandlings, handling); }
std::optional<LegacyHandling> LegacyHandlingFromCode(std::string_view code) {
  return FromCodeIn(kLegacyHandlings, code);
}
std::string_view Label(LegacyHandling handling) { return LabelIn(kLegacyHandlings, handling); }

std::string_view ToCode(Category category) { return CodeIn(kCategories, category); }
std::optional<Category> CategoryFromCode(std::string_view code) {
  return FromCodeIn(kCategories, code);
}
std::string_view Label(Category category) { return LabelIn(kCategories, category); }

std::string_view ToCode(Outcome outcome) { return CodeIn(kOutcomes, outcome); }
std::optional<Outcome> OutcomeFromCode(std::string_view code) {
  return FromCodeIn(kOutcomes, code);
}
std::string_view Label(Outcome outcome) { return LabelIn(kOutcomes, outcome); }

Result<Grade> ValidateGrade(const GradeInput& input) {
  std::map<std::string, std::string> errors;
  const auto source = SourceFromCode(input.source);
  if (!source) errors["source"] = "Choose the source grade: 1, 2 or 3.";
  const auto assessment = AssessmentFromCode(input.intelligence);
  if (!assessment) errors["intelligence"] = "Choose the intelligence grade: A, B, C, D or E.";
  const auto handling = HandlingFromCode(input.handling);
  if (!handling) errors["handling"] = "Choose the handling code: P or C.";

  std::vector<std::string> agencies;
  bool bad_agency = false;
  for (const std::string& id : input.allowed_agencies) {
    if (id.empty() || id.size() > kMaxAgencyId || IsBlank(id)) {
      bad_agency = true;
      continue;
    }
    agencies.push_back(id);
  }
  std::ranges::sort(agencies);
  const auto [first, last] = std::ranges::unique(agencies);
  agencies.erase(first, last);

  const bool blank_instructions = IsBlank(input.handling_instructions);
  if (input.handling_instructions.size() > kMaxInstructions) {
    errors["handling_instructions"] = "Handling instructions must be 4000 characters or fewer.";
  }
  if (bad_agency) {
    errors["allowed_agencies"] = "Each allowed agency must be a known agency.";
  } else if (agencies.size() > kMaxAllowedAgencies) {
    errors["allowed_agencies"] = "Choose 50 allowed agencies or fewer.";
  }
  if (handling == Handling::kC) {
    if (blank_instructions && !errors.contains("handling_instructions")) {
      errors["handling_instructions"] = "Enter the handling instructions for handling code C.";
    }
    if (agencies.empty() && !errors.contains("allowed_agencies")) {
      errors["allowed_agencies"] =
          "Choose at least one agency the intelligence may be shared with.";
    }
  } else if (handling == Handling::kP) {
    if (!input.handling_instructions.empty() && !errors.contains("handling_instructions")) {
      errors["handling_instructions"] =
          "Handling instructions are only given with handling code C.";
    }
    if (!input.allowed_agencies.empty() && !errors.contains("allowed_agencies")) {
      errors["allowed_agencies"] = "Allowed agencies are only given with handling code C.";
    }
  }
  if (!errors.empty()) return Invalid(std::move(errors));
  Grade grade{.source = *source,
              .assessment = *assessment,
              .handling = *handling,
              .handling_instructions = {},
              .allowed_agencies = {}};
  if (grade.handling == Handling::kC) {
    grade.handling_instructions = input.handling_instructions;
    grade.allowed_agencies = std::move(agencies);
  }
  return grade;
}

Result<LegacyGrade> ValidateLegacyGrade(const LegacyGradeInput& input) {
  std::map<std::string, std::string> errors;
  const auto source = LegacySourceFromCode(input.source);
  if (!source) errors["source"] = "The legacy source grade must be A, B, C, D or E.";
  const auto intelligence = LegacyIntelligenceFromCode(input.intelligence);
  if (!intelligence) errors["intelligence"] = "The legacy intelligence grade must be 1 to 5.";
  const auto handling = LegacyHandlingFromCode(input.handling);
  if (!handling) errors["handling"] = "The legacy handling code must be 1 to 5.";
  if (!errors.empty()) return Invalid(std::move(errors));
  return LegacyGrade{.source = *source, .intelligence = *intelligence, .handling = *handling};
}

feedback::Message FeedbackFor(Outcome outcome, std::string recipient, std::string report_id,
                              Instant at) {
  feedback::Message message{.id = {},
                            .recipient = std::move(recipient),
                            .subject_type = "intelligence",
                            .subject_id = std::move(report_id),
                            .title = {},
                            .body = {},
                            .next_steps = {},
                            .contact = "Your police intelligence unit",
                            .at = at,
                            .read_at = std::nullopt};
  switch (outcome) {
    case Outcome::kLogCreated:
      message.title = "Your intelligence has been recorded";
      message.next_steps =
          "An intelligence log has been created. You do not need to do anything more.";
      break;
    case Outcome::kPassedToCrimeDesk:
      message.title = "Your intelligence has been passed to the crime desk";
      message.next_steps = "The crime desk will decide what action to take.";
      break;
    case Outcome::kSafeguardingReferral:
      message.title = "Your intelligence has led to a safeguarding referral";
      message.next_steps =
          "A safeguarding referral has been made. Keep following your agency's safeguarding "
          "procedures.";
      break;
    case Outcome::kNoFurtherAction:
      message.title = "No further action will be taken on your intelligence";
      message.next_steps = "Submit new intelligence if anything changes.";
      break;
  }
  return message;
}

}  // namespace harbour::intelligence
