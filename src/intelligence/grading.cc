#include "intelligence/grading.h"

#include <algorithm>
#include <array>
#include <map>
#include <utility>

namespace harbour::intelligence {
namespace {

bool IsBlank(std::string_view text) {
  return std::ranges::all_of(
      text, [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; });
}

}  // namespace

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
