#pragma once
// Missing episodes and return interviews (issue 4; DOMAIN.md §5 and §8). An episode is recorded
// when a child goes missing or is away without authorisation, and its return when they come
// back; the return interview is due within 72 hours of the return, by someone independent of the
// child's care, and any of its findings can raise a concern. Three or more episodes in 30 days
// (configurable) prompt the coordinator to consider a strategy discussion. Pure.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "chronology/chronology.h"
#include "common/codes.h"
#include "common/error.h"
#include "common/time.h"
#include "concerns/concern.h"
#include "reference/catalogue.h"
#include "tasks/task.h"

namespace harbour::missing {

// A return interview is due within 72 hours of the child's return: calendar hours, so weekends
// and bank holidays do not stop the clock.
inline constexpr std::chrono::hours kReturnInterviewWithin{72};
Instant ReturnInterviewDue(Instant returned_at);

// The local repeat-missing rule: `threshold` or more episodes starting within `window` days
// (counting back from the newest start, both ends included) prompt the coordinator to consider
// a strategy discussion. Configurable; DOMAIN.md's common rule is 3 in 30 days.
struct RepeatRule {
  int threshold = 3;
  int window_days = 30;
};
// True when the episodes (their start instants, in any order) meet the rule.
bool MeetsRepeatRule(std::vector<Instant> starts, const RepeatRule& rule = {});
// How many of the starts fall within the rule's window ending at the newest one (0 when empty).
int EpisodesInWindow(std::vector<Instant> starts, const RepeatRule& rule = {});
// The coordinator's task: "Consider a strategy discussion: 3 missing episodes in 30 days".
std::string StrategyTaskTitle(int episodes, int window_days);
// The task recording an episode gives the coordinators when the child's episodes (`starts`,
// this one included) meet `rule` and no strategy-discussion task of theirs is open yet
// (`open_task`): consider a strategy discussion, due within 24 hours (DOMAIN.md §8), sourced from
// the episode. nullopt otherwise. The caller gives it an id and its creator.
std::optional<tasks::Task> StrategyTaskFor(std::vector<Instant> starts, bool open_task,
                                           const RepeatRule& rule, std::string_view child_id,
                                           std::string_view episode_id, Instant now);
// The time a strategy discussion is held within once decided on (DOMAIN.md §8).
inline constexpr std::chrono::hours kStrategyDiscussionWithin{24};

// DfE 2014: missing (whereabouts unknown) or away from placement without authorisation
// (whereabouts known).
enum class Kind { kMissing, kAway };
inline constexpr auto kKindCodes = MakeCodeTable<Kind>({
    {Kind::kMissing, "missing", "Missing"},
    {Kind::kAway, "away", "Away without authorisation"},
});
static_assert(IsCompleteCodeTable<kKindCodes>());
constexpr std::string_view ToCode(Kind kind) { return kKindCodes.Code(kind); }
constexpr std::optional<Kind> KindFromCode(std::string_view code) {
  return kKindCodes.FromCode(code);
}
constexpr std::string_view Label(Kind kind) { return kKindCodes.LabelOf(kind); }

// The police's risk grade of the episode.
enum class RiskGrade { kNoApparentRisk, kLow, kMedium, kHigh };
inline constexpr auto kRiskGradeCodes = MakeCodeTable<RiskGrade>({
    {RiskGrade::kNoApparentRisk, "no_apparent_risk", "No apparent risk"},
    {RiskGrade::kLow, "low", "Low"},
    {RiskGrade::kMedium, "medium", "Medium"},
    {RiskGrade::kHigh, "high", "High"},
});
static_assert(IsCompleteCodeTable<kRiskGradeCodes>());
constexpr std::string_view ToCode(RiskGrade grade) { return kRiskGradeCodes.Code(grade); }
constexpr std::optional<RiskGrade> RiskGradeFromCode(std::string_view code) {
  return kRiskGradeCodes.FromCode(code);
}
constexpr std::string_view Label(RiskGrade grade) { return kRiskGradeCodes.LabelOf(grade); }

inline constexpr std::size_t kMaxShortText = 200;  // names, references
inline constexpr std::size_t kMaxLongText = 4000;  // where found, findings, reasons

// An episode as submitted from a form or the API: raw text. Instants are RFC 3339 (the web form
// builds them from date and time boxes in Europe/London).
struct EpisodeInput {
  std::string kind;
  std::string started_at;
  std::string returned_at;  // empty while the child is still missing
  std::string reported_by;
  std::string police_reference;
  std::string risk_grade;  // empty: not graded (yet)
  std::string where_found;
  std::string found_with;
  std::string carer_name;  // who cares for the child (the interviewer must not be them)
};

struct MissingEpisode {
  std::string id;
  std::string child_id;
  Kind kind = Kind::kMissing;
  Instant started_at{};
  std::optional<Instant> returned_at;
  std::string reported_by;
  std::string police_reference;
  std::optional<RiskGrade> risk_grade;
  std::string where_found;
  std::string found_with;
  std::string carer_name;
  std::string recorded_by;         // user id
  std::string recorded_by_agency;  // agency id
  Instant recorded_at{};
  // For display, filled by storage.
  std::string child_name;
  std::string recorder_name;
  std::string agency_name;
};

// Checks and normalises an episode. kInvalid with messages keyed by EpisodeInput member names,
// every problem at once: kind unknown; started_at missing, unreadable or in the future (more
// than 5 minutes after `now`); returned_at unreadable, in the future, or not after started_at
// (the message names when the child went missing); text with control characters or too long.
// Does not set id, child_id or recorded_*.
Result<MissingEpisode> ValidateEpisode(const EpisodeInput& input, Instant now);

// The return, recorded later than the episode.
struct ReturnInput {
  std::string returned_at;
  std::string where_found;
  std::string found_with;
};
struct ReturnRecord {
  Instant returned_at{};
  std::string where_found;
  std::string found_with;
};
// kConflict "already_returned" when the episode already has its return; else kInvalid with
// fields "returned_at" (required, not in the future, after the start), "where_found",
// "found_with".
Result<ReturnRecord> ValidateReturn(const MissingEpisode& episode, const ReturnInput& input,
                                    Instant now);

// What became of the return interview. Offered does not stop the clock; completed, refused (by
// the child, with the reason) and not done (a decision, by whom and why) conclude it.
enum class InterviewStatus { kOffered, kCompleted, kRefused, kNotDone };
inline constexpr auto kInterviewStatusCodes = MakeCodeTable<InterviewStatus>({
    {InterviewStatus::kOffered, "offered", "Offered"},
    {InterviewStatus::kCompleted, "completed", "Completed"},
    {InterviewStatus::kRefused, "refused", "Refused by the child"},
    {InterviewStatus::kNotDone, "not_done", "Not done"},
});
static_assert(IsCompleteCodeTable<kInterviewStatusCodes>());
constexpr std::string_view ToCode(InterviewStatus status) {
  return kInterviewStatusCodes.Code(status);
}
constexpr std::optional<InterviewStatus> InterviewStatusFromCode(std::string_view code) {
  return kInterviewStatusCodes.FromCode(code);
}
constexpr std::string_view Label(InterviewStatus status) {
  return kInterviewStatusCodes.LabelOf(status);
}
bool Concludes(InterviewStatus status);

// The interview's findings (DOMAIN.md §5), each free text, each optional.
enum class Finding {
  kReasons,
  kWhereAndWithWhom,
  kHarmOrThreats,
  kPushFactors,
  kPullFactors,
  kExploitationConcerns,
  kDisclosures,
};
inline constexpr auto kFindingCodes = MakeCodeTable<Finding>({
    {Finding::kReasons, "reasons", "Reasons for going"},
    {Finding::kWhereAndWithWhom, "where_and_with_whom", "Where and with whom"},
    {Finding::kHarmOrThreats, "harm_or_threats", "Harm or threats"},
    {Finding::kPushFactors, "push_factors", "Push factors"},
    {Finding::kPullFactors, "pull_factors", "Pull factors"},
    {Finding::kExploitationConcerns, "exploitation_concerns", "Exploitation concerns"},
    {Finding::kDisclosures, "disclosures", "Disclosures"},
});
static_assert(IsCompleteCodeTable<kFindingCodes>());
inline constexpr std::size_t kFindingCount = kFindingCodes.Size();
constexpr std::string_view ToCode(Finding finding) { return kFindingCodes.Code(finding); }
constexpr std::optional<Finding> FindingFromCode(std::string_view code) {
  return kFindingCodes.FromCode(code);
}
constexpr std::string_view Label(Finding finding) { return kFindingCodes.LabelOf(finding); }
// Every finding, in kFindingCodes' order.
const std::vector<Finding>& AllFindings();

// A finding that raises a concern: its category and the indicators the interviewer picked.
struct ConcernRequest {
  std::string finding;  // a Finding code
  std::string category;
  std::vector<std::string> indicators;
};

struct InterviewInput {
  std::string status;
  std::string offered_at;  // RFC 3339
  std::string held_at;     // RFC 3339
  std::string place;
  std::string interviewer_name;
  std::string interviewer_agency;  // agency code
  std::string reason;              // why refused, or why not done
  std::string decision_by;         // who decided not to interview
  std::vector<std::string> findings = std::vector<std::string>(kFindingCount);  // by Finding
  std::vector<ConcernRequest> concerns;
};

struct ReturnInterview {
  std::string id;
  std::string episode_id;
  InterviewStatus status = InterviewStatus::kOffered;
  std::optional<Instant> offered_at;
  std::optional<Instant> held_at;
  std::string place;
  std::string interviewer_name;
  std::string interviewer_agency;  // agency id (the web layer resolves the code)
  std::string reason;
  std::string decision_by;
  std::vector<std::string> findings = std::vector<std::string>(kFindingCount);
  std::string recorded_by;
  std::string recorded_by_agency;
  Instant recorded_at{};
  std::vector<std::string> concern_ids;  // concerns raised from its findings
  // For display, filled by storage.
  std::string interviewer_agency_name;
  std::string recorder_name;
  std::string recorder_agency_name;
};

// What the interview is checked against.
struct InterviewContext {
  const MissingEpisode* episode = nullptr;
  std::string allocated_worker;             // the child's allocated worker, as the record has it
  std::vector<std::string> known_agencies;  // agency codes the interviewer may come from
  bool concluded = false;                   // the episode already has a concluding interview
};

// The interview and the concerns its findings raise (not yet given ids or recorders).
struct ValidInterview {
  ReturnInterview interview;
  std::string interviewer_agency_code;
  std::vector<concerns::Concern> concerns;
};

// Guard clauses in order: an episode without its return is kConflict "not_returned"; one whose
// interview is already concluded is kConflict "interview_concluded". Then kInvalid with every
// field problem at once, keyed by InterviewInput member names ("findings.<code>" for findings,
// "concerns[i].<member>" for raised concerns): status unknown; offered: offered_at; completed:
// held_at, place, interviewer_name and interviewer_agency; refused: reason (and offered_at);
// not done: decision_by and reason; instants unreadable, in the future or before the return
// (the message names the return); the interviewer the child's carer or allocated worker (names
// compared trimmed and case-insensitively); findings only on a completed interview; a raised
// concern names a finding that is empty, an unknown category, or indicators outside the
// catalogue.
Result<ValidInterview> ValidateInterview(const InterviewInput& input,
                                         const InterviewContext& context,
                                         const reference::Catalogue& catalogue, Instant now);

// True when `name` is the same person's name as `other` (trimmed, case- and accent-insensitive);
// empty names never match.
bool SamePerson(std::string_view name, std::string_view other);

// Where an episode stands against the 72-hour clock.
enum class ClockState {
  kStillMissing,     // no return yet: no clock
  kDue,              // returned, not concluded, before the deadline
  kOverdue,          // returned, not concluded, past the deadline
  kCompletedInTime,  // completed by the deadline
  kCompletedLate,
  kRefused,
  kNotDone,
};
inline constexpr auto kClockStateCodes = MakeCodeTable<ClockState>({
    {ClockState::kStillMissing, "still_missing"},
    {ClockState::kDue, "due"},
    {ClockState::kOverdue, "overdue"},
    {ClockState::kCompletedInTime, "completed_in_time"},
    {ClockState::kCompletedLate, "completed_late"},
    {ClockState::kRefused, "refused"},
    {ClockState::kNotDone, "not_done"},
});
static_assert(IsCompleteCodeTable<kClockStateCodes>());
constexpr std::string_view ToCode(ClockState state) { return kClockStateCodes.Code(state); }
struct InterviewClock {
  ClockState state = ClockState::kStillMissing;
  std::optional<Instant> due;
  std::string text;  // "Due in 5 hours", "Overdue by 2 hours", "Completed in time", ...
};
// `conclusion` is the episode's concluding interview, if any.
InterviewClock ClockOf(const MissingEpisode& episode, const ReturnInterview* conclusion,
                       Instant now);

// For the chronology: "Missing: 3 March 2026 at 10:10pm to 4 March 2026 at 9am" and the like.
std::string Headline(const MissingEpisode& episode);
std::string Headline(const ReturnInterview& interview);
// The interview's findings as text for the chronology ("Reasons for going: ...\n...").
std::string FindingsText(const ReturnInterview& interview);

// A missing episode in the child's chronology: its headline, who reported it and where the
// child was found, credited to `by` (who recorded the episode, for which agency).
chronology::Entry ChronologyEntry(const MissingEpisode& episode, chronology::Attribution by);
// Who a return interview is credited to: the person who recorded it, for the interviewer's
// agency when one is named (the agency that held it, which the concerns it raises are recorded
// for too), else for the recorder's own agency.
chronology::Attribution CreditOf(const ReturnInterview& interview);
// A return interview in the child's chronology, dated when it was held (or offered, or
// recorded), credited to `by` (CreditOf).
chronology::Entry ChronologyEntry(const ReturnInterview& interview, chronology::Attribution by);

}  // namespace harbour::missing
