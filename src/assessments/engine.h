#pragma once
// Scores one assessment against a ToolDefinition (issue 3). Pure and deterministic: the same
// tool version, answers, child facts and `now` always give the same Outcome, which is what lets
// an old assessment be re-scored with the version it used.
#include <optional>
#include <string>
#include <vector>

#include "assessments/tool.h"
#include "children/child.h"
#include "common/codes.h"
#include "common/error.h"
#include "common/time.h"
#include "common/working_days.h"

namespace harbour::assessments {

enum class Recency { kCurrent, kPast, kBoth };
inline constexpr auto kRecencyCodes = MakeCodeTable<Recency>({
    {Recency::kCurrent, "current"},
    {Recency::kPast, "past"},
    {Recency::kBoth, "both"},
});
static_assert(IsCompleteCodeTable<kRecencyCodes>());
constexpr std::string_view ToCode(Recency recency) { return kRecencyCodes.Code(recency); }
constexpr std::optional<Recency> RecencyFromCode(std::string_view code) {
  return kRecencyCodes.FromCode(code);
}

// One indicator the practitioner marked present. Indicators not listed are absent.
// When last_seen is given the recency is worked out from dates (see LookBack): last_seen inside
// the current window is current, and becomes both when earlier_seen is inside the past window
// but not the current one; last_seen beyond the look-back means the answer does not count.
// Without dates, `recency` is taken as given.
struct Answer {
  std::string indicator;  // catalogue code asked by the tool
  Recency recency = Recency::kCurrent;
  std::optional<Date> last_seen;
  std::optional<Date> earlier_seen;  // an earlier sighting, only with last_seen
  std::string amended_level;         // rag: the worker's level for this indicator, or empty
  std::string amended_reason;        // required when amended_level differs from the suggestion
};

// What the engine knows about the child (from the child record).
struct ChildFacts {
  std::optional<int> age;  // whole years; nullopt when not known
  children::Disability disability = children::Disability::kNotKnown;
  children::LegalStatus legal_status = children::LegalStatus::kNone;
  children::SpecialNeeds special_needs = children::SpecialNeeds::kNotKnown;
};
// Age from the date of birth on `today`, else the estimated age.
ChildFacts FactsOf(const children::Child& child, Date today);

// One line of the explanation: what moved the result and by how much.
struct Contribution {
  std::string source;   // an indicator code, or "band", "rule", "floor", "immediate"
  int points = 0;       // points scheme: points added (0 elsewhere)
  std::string level;    // the level this contribution asks for, or empty
  bool counted = true;  // false: shown for transparency but did not affect the result
  std::string why;      // "5 points: seen in the last 90 days"
};

struct DueAction {
  std::string level;  // the level (or "immediate") the action came from
  std::string text;
  std::string who;
  Date due_date;  // Europe/London calendar date
  Instant due;    // due_hours: now + hours; working days: 23:59 London on due_date
};

struct Outcome {
  std::string tool_id;
  int tool_version = 0;
  std::string tool_fingerprint;
  std::string level;  // computed level code
  int score = 0;      // points scheme: total; else 0
  bool immediate_action = false;
  std::vector<Contribution> contributions;
  std::vector<DueAction> actions;
  Date next_review;  // London date of now + the level's review_days
};

// Validates the answers and scores them. kInvalid (fields keyed "answers.<code>" and
// "answers.<code>.last_seen" / ".earlier_seen" / ".amended_level" / ".amended_reason") for an
// indicator the tool does not ask, a repeated indicator, a date after now's London date, an
// earlier_seen without last_seen or after it, or a rag amendment to an unknown level or without a
// reason.
Result<Outcome> Score(const ToolDefinition& tool, const std::vector<Answer>& answers,
                      const ChildFacts& child, Instant now, const WorkingCalendar& calendar);

// What happens next: the required actions and the review date of the HIGHER of the computed and
// the judged level. Professional judgement can raise what a tool asks for; it never quietly
// lowers it (a lower judgement keeps the tool's actions and alerts the coordinator instead).
struct Plan {
  std::string level;  // the level whose actions and review interval apply
  std::vector<DueAction> actions;
  Date next_review;
};
Plan PlanFor(const ToolDefinition& tool, const Outcome& outcome, std::string_view judged_level,
             Instant now, const WorkingCalendar& calendar);
// True when the judged level is a level of the tool below the computed one.
bool JudgedBelow(const ToolDefinition& tool, const Outcome& outcome, std::string_view judged_level);

inline constexpr std::size_t kMaxRationale = 4000;
inline constexpr std::size_t kMaxAmendedReason = 2000;

struct Judgement {
  std::string level;      // the practitioner's judged level (a level code of the tool)
  std::string rationale;  // trimmed; required when level differs from the computed level
  bool differs = false;
};

// Checks the practitioner's level against the outcome. kInvalid with "judged_level" (missing or
// not a level of the tool) or "rationale" (blank while the level differs; over kMaxRationale
// characters or with control characters).
Result<Judgement> ValidateJudgement(const ToolDefinition& tool, const Outcome& outcome,
                                    std::string_view judged_level, std::string_view rationale);

// What a draft may hold before scoring: a judged level that is empty or a level of the tool, and
// a rationale that is empty or valid text. Field errors as in ValidateJudgement.
Result<void> ValidateDraftJudgement(const ToolDefinition& tool, std::string_view judged_level,
                                    std::string_view rationale);

}  // namespace harbour::assessments
