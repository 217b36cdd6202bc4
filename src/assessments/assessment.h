#pragma once
// An assessment of one child with one version of a tool (issue 3): its answers, what the engine
// computed, the practitioner's judgement, and when it is next due. Also the pre-fill of answers
// from what every agency has recorded, and the review state shown on the child's page. Pure.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "assessments/engine.h"
#include "assessments/tool.h"
#include "chronology/chronology.h"
#include "common/codes.h"
#include "common/time.h"
#include "tasks/task.h"

namespace harbour::assessments {

enum class Status { kDraft, kSubmitted };
inline constexpr auto kStatusCodes = MakeCodeTable<Status>({
    {Status::kDraft, "draft"},
    {Status::kSubmitted, "submitted"},
});
static_assert(IsCompleteCodeTable<kStatusCodes>());
constexpr std::string_view ToCode(Status status) { return kStatusCodes.Code(status); }
constexpr std::optional<Status> StatusFromCode(std::string_view code) {
  return kStatusCodes.FromCode(code);
}

struct Assessment {
  std::string id;
  std::string child_id;
  std::string tool_id;
  int tool_version = 0;
  Status status = Status::kDraft;
  std::vector<Answer> answers;
  // Submitted only: the child's facts as scored, the outcome, and the judgement. Re-scoring
  // `answers` and `facts` at `submitted_at` with the same tool version gives `outcome` again.
  ChildFacts facts;
  Outcome outcome;
  std::string judged_level;
  std::string rationale;
  Plan plan;                // what happens next: PlanFor(outcome, judged_level) at submission
  std::string assessed_by;  // user id
  std::string assessed_by_agency;  // agency id
  Instant created_at{};
  Instant updated_at{};
  std::optional<Instant> submitted_at;
  // For display, filled by storage: the assessor's and agency's names.
  std::string assessed_by_name;
  std::string agency_name;
};

// One record that saw an indicator: where a pre-filled answer came from.
struct Sighting {
  std::string indicator;
  Date seen;                // the London date the indicator was observed
  std::string record_type;  // "concern"
  std::string record_id;
  std::string agency_name;
  std::string recorded_by;
};

struct Prefilled {
  Answer answer;                  // with last_seen (and earlier_seen when the dates need it)
  std::vector<Sighting> sources;  // newest first
};

// The answers the records suggest: each indicator the tool asks that some record saw on or
// before `today` and within the tool's past look-back window. last_seen is the newest sighting;
// when that is current, earlier_seen is the newest sighting in the past window (if any), so the
// engine can tell "current", "past" and "both" apart. In the tool's question order.
std::vector<Prefilled> Prefill(const ToolDefinition& tool, const std::vector<Sighting>& sightings,
                               Date today);

// Where a child stands for review, from their latest submitted assessment.
enum class ReviewState { kNone, kScheduled, kDueSoon, kOverdue };
constexpr int kDueSoonDays = 14;  // "due" this many calendar days before the review date
// kNone without a review date; kOverdue when next_review < today; kDueSoon within
// kDueSoonDays of it; else kScheduled.
ReviewState ReviewStateOf(std::optional<Date> next_review, Date today);
inline constexpr auto kReviewStateCodes = MakeCodeTable<ReviewState>({
    {ReviewState::kNone, "none"},
    {ReviewState::kScheduled, "scheduled"},
    {ReviewState::kDueSoon, "due"},
    {ReviewState::kOverdue, "overdue"},
});
static_assert(IsCompleteCodeTable<kReviewStateCodes>());
constexpr std::string_view ToCode(ReviewState state) { return kReviewStateCodes.Code(state); }

// Pre-filled answers the practitioner has neither confirmed (listed in `answers`) nor cleared:
// every one must be decided before an assessment is submitted.
std::vector<std::string> Undecided(const std::vector<Prefilled>& prefill,
                                   const std::vector<Answer>& answers,
                                   const std::vector<std::string>& cleared);

// A practitioner keeps one draft per child: the one to resume, from the child's assessments.
const Assessment* DraftToResume(const std::vector<Assessment>& assessments,
                                std::string_view assessor_id);

// One task per action of the submitted assessment's plan, for the child, assigned by
// tasks::AssignAction from the action's "who"; `new_id` makes each task's id.
std::vector<tasks::Task> TasksFor(const Assessment& assessment,
                                  const std::function<std::string()>& new_id);

// Whether a parsed tool file may be registered. `registered_fingerprint` is the fingerprint
// already stored for the same id and version, if any; `latest_version` the highest version
// stored for the id, if any. kAlreadyRegistered when the same version with the same content is
// already there (nothing to do); kConflict (field "version") when that version holds other
// content or the version is not above the latest.
enum class Registration { kNewVersion, kAlreadyRegistered };
Result<Registration> CheckRegistration(const ToolDefinition& tool,
                                       const std::optional<std::string>& registered_fingerprint,
                                       std::optional<int> latest_version);

// A submitted assessment in the child's chronology: the practitioner's judged level, with the
// tool's level beside it when they differ, credited to `by` (the assessor and their agency).
chronology::Entry ChronologyEntry(const Assessment& assessment, const ToolDefinition& tool,
                                  chronology::Attribution by);

}  // namespace harbour::assessments
