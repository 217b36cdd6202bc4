#pragma once
// A referral to the multi-agency exploitation panel and its state machine (issue 4; DOMAIN.md
// §6 and §8). Domain only so far: the web pages, storage and feedback messages arrive with the
// rest of issue 4. Pure.
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

#include "common/error.h"
#include "common/time.h"
#include "common/working_days.h"

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
std::string_view ToCode(State state);  // "submitted", "screening", ..., "under_review", "closed"
std::optional<State> StateFromCode(std::string_view code);
std::string_view Label(State state);  // "Submitted", "Being screened", ...
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

// Guard clauses, in order: a move the machine does not have, or one this actor may not make,
// is kConflict (code "invalid_transition", the message naming the current state); then a
// missing or unreadable reason or signposting is kInvalid with fields "reason" and
// "signposting" (both reported together). Text is trimmed.
Result<Transition> Decide(State current, const TransitionRequest& request, std::string_view by,
                          Instant at);

// The screening decision is due by 23:59 Europe/London on the working day after submission
// (DOMAIN.md §8: one working day; weekends and bank holidays skipped).
Instant ScreeningDue(Instant submitted, const WorkingCalendar& calendar);

}  // namespace harbour::referrals
