#include "referrals/referral.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <utility>

#include "common/text.h"

namespace harbour::referrals {

namespace {

struct StateInfo {
  State state;
  std::string_view code;
  std::string_view label;
};

constexpr std::array<StateInfo, 8> kStates{{
    {State::kSubmitted, "submitted", "Submitted"},
    {State::kScreening, "screening", "Being screened"},
    {State::kAccepted, "accepted", "Accepted for a meeting"},
    {State::kNotAccepted, "not_accepted", "Not accepted"},
    {State::kWithdrawn, "withdrawn", "Withdrawn"},
    {State::kDiscussed, "discussed", "Discussed at the panel"},
    {State::kUnderReview, "under_review", "Under review"},
    {State::kClosed, "closed", "Closed"},
}};

struct Move {
  State from;
  State to;
  bool referrer_may;  // the coordinator may make every move
};

// The machine: every allowed move, in the order pages offer them.
constexpr std::array<Move, 11> kMoves{{
    {State::kSubmitted, State::kScreening, false},
    {State::kSubmitted, State::kWithdrawn, true},
    {State::kScreening, State::kAccepted, false},
    {State::kScreening, State::kNotAccepted, false},
    {State::kScreening, State::kWithdrawn, true},
    {State::kAccepted, State::kDiscussed, false},
    {State::kDiscussed, State::kUnderReview, false},
    {State::kDiscussed, State::kClosed, false},
    {State::kUnderReview, State::kDiscussed, false},
    {State::kUnderReview, State::kClosed, false},
    {State::kAccepted, State::kClosed, false},
}};

const StateInfo& InfoOf(State state) {
  for (const auto& info : kStates) {
    if (info.state == state) return info;
  }
  return kStates.front();
}

bool NeedsReason(State to) {
  return to == State::kWithdrawn || to == State::kNotAccepted || to == State::kClosed;
}

std::string Lower(std::string_view label) {
  std::string out(label);
  if (!out.empty()) out[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(out[0])));
  return out;
}

}  // namespace

std::string_view ToCode(State state) { return InfoOf(state).code; }

std::optional<State> StateFromCode(std::string_view code) {
  for (const auto& info : kStates) {
    if (info.code == code) return info.state;
  }
  return std::nullopt;
}

std::string_view Label(State state) { return InfoOf(state).label; }

bool IsFinal(State state) {
  return state == State::kNotAccepted || state == State::kWithdrawn || state == State::kClosed;
}

std::vector<State> NextStates(State from, Actor actor) {
  std::vector<State> out;
  for (const Move& move : kMoves) {
    if (move.from != from) continue;
    if (actor == Actor::kReferrer && !move.referrer_may) continue;
    out.push_back(move.to);
  }
  return out;
}

Result<Transition> Decide(State current, const TransitionRequest& request, std::string_view by,
                          Instant at) {
  std::vector<State> allowed = NextStates(current, request.actor);
  if (std::ranges::find(allowed, request.to) == allowed.end()) {
    std::string message = "The referral is " + Lower(Label(current)) + ": it cannot become " +
                          Lower(Label(request.to)) + ".";
    if (IsFinal(current)) message += " Nothing follows that.";
    if (request.actor == Actor::kReferrer && !IsFinal(current)) {
      message += " The referrer may only withdraw it before a decision.";
    }
    return Fail(ErrorKind::kConflict, "invalid_transition", message);
  }
  std::map<std::string, std::string> fields;
  Transition t{current,         request.to, Trim(request.reason), Trim(request.signposting),
               std::string(by), at};
  if (NeedsReason(request.to)) {
    auto reason = CheckedFreeText(request.reason, "Give the reason", "The reason", kMaxReason);
    if (!reason) fields["reason"] = reason.error();
  }
  if (request.to == State::kNotAccepted) {
    auto where =
        CheckedFreeText(request.signposting, "Say which service or team the referral was passed to",
                        "The signposting", kMaxReason);
    if (!where) fields["signposting"] = where.error();
  }
  if (!fields.empty()) return Invalid(std::move(fields));
  return t;
}

Instant ScreeningDue(Instant submitted, const WorkingCalendar& calendar) {
  Date due = calendar.AddWorkingDays(LondonDate(submitted), 1);
  return FromLondonLocal(due, 23, 59);
}

}  // namespace harbour::referrals
