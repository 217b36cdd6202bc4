#pragma once
// A referral to the multi-agency exploitation panel and its state machine (issue 4; DOMAIN.md
// §6 and §8); stored by storage/referrals_repository.h, moved by the pages, the API and the
// panel's first decision (web/). Pure.
//
//   submitted    → screening, withdrawn
//   screening    → accepted (for a meeting), not accepted, withdrawn
//   accepted     → discussed, closed (e.g. the child moved away before the meeting)
//   discussed    → under review, closed
//   under review → discussed (at a later meeting), closed
//   not accepted, withdrawn, closed: final
//
// Every move is made by the coordinator, except that the referrer (or the coordinator) may
// withdraw a referral that has not been decided yet. No state waits for anyone's approval: a
// manager cannot hold a referral back.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "chronology/chronology.h"
#include "common/codes.h"
#include "common/error.h"
#include "common/time.h"
#include "common/working_days.h"
#include "feedback/message.h"
#include "identity/identity.h"

namespace harbour::referrals {

enum class State {
  kSubmitted,
  kScreening,
  kAccepted,
  kNotAccepted,
  kWithdrawn,
  kDiscussed,
  kUnderReview,
  kClosed,
};
inline constexpr auto kStateCodes = MakeCodeTable<State>({
    {State::kSubmitted, "submitted", "Submitted"},
    {State::kScreening, "screening", "Being screened"},
    {State::kAccepted, "accepted", "Accepted for a meeting"},
    {State::kNotAccepted, "not_accepted", "Not accepted"},
    {State::kWithdrawn, "withdrawn", "Withdrawn"},
    {State::kDiscussed, "discussed", "Discussed at the panel"},
    {State::kUnderReview, "under_review", "Under review"},
    {State::kClosed, "closed", "Closed"},
});
static_assert(IsCompleteCodeTable<kStateCodes>());
constexpr std::string_view ToCode(State state) { return kStateCodes.Code(state); }
constexpr std::optional<State> StateFromCode(std::string_view code) {
  return kStateCodes.FromCode(code);
}
constexpr std::string_view Label(State state) { return kStateCodes.LabelOf(state); }
// Not accepted, withdrawn and closed: nothing follows.
bool IsFinal(State state);

// Who asks for a move.
enum class Actor { kReferrer, kCoordinator };

struct TransitionRequest {
  State to = State::kScreening;
  Actor actor = Actor::kCoordinator;
  std::string reason;       // required to withdraw, not accept or close
  std::string signposting;  // required to not accept: the service or team it was passed to
};

// One recorded move: timestamped and attributed.
struct Transition {
  State from = State::kSubmitted;
  State to = State::kSubmitted;
  std::string reason;
  std::string signposting;
  std::string by;  // user id
  Instant at{};
};

inline constexpr std::size_t kMaxReason = 4000;

// The moves `actor` may make from `from`, in the order a page offers them.
std::vector<State> NextStates(State from, Actor actor);

// The information-sharing decision recorded with every referral (DOMAIN.md §6): shared with
// the child's or family's consent, or without it for a stated reason (e.g. "DPA 2018 Schedule 1
// paragraph 18: safeguarding of children at risk").
enum class Sharing { kConsent, kWithoutConsent };
inline constexpr auto kSharingCodes = MakeCodeTable<Sharing>({
    {Sharing::kConsent, "consent"},
    {Sharing::kWithoutConsent, "without_consent"},
});
static_assert(IsCompleteCodeTable<kSharingCodes>());
constexpr std::string_view ToCode(Sharing sharing) { return kSharingCodes.Code(sharing); }
constexpr std::optional<Sharing> SharingFromCode(std::string_view code) {
  return kSharingCodes.FromCode(code);
}

// A referral as submitted from a form or the API: raw text.
struct ReferralInput {
  std::string assessment_id;         // the assessment it relies on, or empty
  std::string no_assessment_reason;  // why there is none (required without an assessment)
  std::string reason;                // why the child is referred
  std::string sharing;               // "consent" or "without_consent"
  std::string sharing_reason;        // required without consent
};

struct Referral {
  std::string id;
  std::string child_id;
  std::string referred_by;      // user id
  std::string referrer_agency;  // agency id
  std::string assessment_id;
  std::string no_assessment_reason;
  std::string reason;
  Sharing sharing = Sharing::kConsent;
  std::string sharing_reason;
  State state = State::kSubmitted;
  Instant submitted_at{};
  Instant screening_due{};
  Instant updated_at{};
  // For display, filled by storage.
  std::string child_name;
  std::string referrer_name;
  std::string agency_name;
};

// Checks and normalises a referral. `known_assessments` are the ids of the child's submitted
// assessments: a named assessment must be one of them. kInvalid with fields "assessment_id",
// "no_assessment_reason", "reason", "sharing", "sharing_reason" (every problem at once).
Result<Referral> ValidateReferral(const ReferralInput& input,
                                  const std::vector<std::string>& known_assessments);

// Guard clauses, in order: a move the machine does not have, or one this actor may not make,
// is kConflict (code "invalid_transition", the message naming the current state); then a
// missing or unreadable reason or signposting is kInvalid with fields "reason" and
// "signposting" (both reported together). Text is trimmed.
Result<Transition> Decide(State current, const TransitionRequest& request, std::string_view by,
                          Instant at);

// The message to the referrer about one move of their referral: what happened, what happens
// next and whom to contact. `panel` is the panel's local name (CSEP, SERAC, MASE...), `contact`
// how to reach the coordinators, `screening_due` the screening deadline as people read it.
// The id, recipient and time are left to the caller.
feedback::Message MessageFor(const Referral& referral, const Transition& transition,
                             std::string_view panel, std::string_view contact,
                             std::string_view screening_due);

// The message to the referrer's safeguarding leads when a referral is made: they are told, and
// can support it, but nothing waits for them.
feedback::Message LeadNotice(const Referral& referral, std::string_view panel,
                             std::string_view contact);

// Who receives LeadNotice when `referrer` (a user of agency `referrer_agency`) makes a referral:
// every active safeguarding lead of that agency but the referrer, by user id, in `users`' order.
std::vector<std::string> LeadNoticeRecipients(const std::vector<identity::User>& users,
                                              std::string_view referrer,
                                              std::string_view referrer_agency);

// The move the panel's decision on the child makes: the first decision on a referral that is
// accepted or under review moves it to "discussed" (made as the coordinator, who runs the
// panel); any other decision, or a correction, moves nothing.
std::optional<TransitionRequest> MoveOnPanelDecision(State current, bool first_decision);

// True when `user_id` made the referral: they follow it through its messages even without
// access to the child's record.
bool IsReferrer(const Referral& referral, std::string_view user_id);

// The screening decision is due by 23:59 Europe/London on the working day after submission
// (DOMAIN.md §8: one working day; weekends and bank holidays skipped).
Instant ScreeningDue(Instant submitted, const WorkingCalendar& calendar);

// A referral in the child's chronology: "Referral to the <panel>: <state>" and its reason,
// credited to `by` (the referrer and their agency).
chronology::Entry ChronologyEntry(const Referral& referral, std::string_view panel_name,
                                  chronology::Attribution by);

}  // namespace harbour::referrals
