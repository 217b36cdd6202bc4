#include "referrals/referral.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <utility>

#include "common/text.h"

namespace harbour::referrals {

namespace {

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

bool NeedsReason(State to) {
  return to == State::kWithdrawn || to == State::kNotAccepted || to == State::kClosed;
}

std::string Lower(std::string_view label) {
  std::string out(label);
  if (!out.empty()) out[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(out[0])));
  return out;
}

}  // namespace

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

Result<Referral> ValidateReferral(const ReferralInput& input,
                                  const std::vector<std::string>& known_assessments) {
  std::map<std::string, std::string> fields;
  Referral r;
  r.assessment_id = Trim(input.assessment_id);
  if (!r.assessment_id.empty()) {
    if (std::ranges::find(known_assessments, r.assessment_id) == known_assessments.end()) {
      fields["assessment_id"] = "Choose one of the child's submitted risk assessments";
    }
  } else {
    auto why =
        CheckedFreeText(input.no_assessment_reason, "Say why there is no risk assessment to link",
                        "The reason there is no assessment", kMaxReason);
    if (why) r.no_assessment_reason = *why;
    if (!why) fields["no_assessment_reason"] = why.error();
  }
  auto reason = CheckedFreeText(input.reason, "Say why you are referring the child to the panel",
                                "The reason for referral", kMaxReason);
  if (reason) r.reason = *reason;
  if (!reason) fields["reason"] = reason.error();
  auto sharing = SharingFromCode(Trim(input.sharing));
  if (!sharing) {
    fields["sharing"] = "Say whether the information is shared with consent or without it";
  } else {
    r.sharing = *sharing;
  }
  if (sharing == Sharing::kWithoutConsent) {
    auto basis =
        CheckedFreeText(input.sharing_reason, "Say why the information is shared without consent",
                        "The reason for sharing without consent", kMaxReason);
    if (basis) r.sharing_reason = *basis;
    if (!basis) fields["sharing_reason"] = basis.error();
  }
  if (!fields.empty()) return Invalid(std::move(fields));
  return r;
}

feedback::Message MessageFor(const Referral& referral, const Transition& t, std::string_view panel,
                             std::string_view contact, std::string_view screening_due) {
  feedback::Message m;
  m.subject_type = "referral";
  m.subject_id = referral.id;
  m.contact = std::string(contact);
  const std::string child = referral.child_name.empty() ? "the child" : referral.child_name;
  const std::string p(panel);
  switch (t.to) {
    case State::kSubmitted:
      m.title = "Your referral of " + child + " to the " + p + " was received";
      m.next_steps = "The exploitation coordinator will screen it by " +
                     std::string(screening_due) + " and tell you the decision here.";
      break;
    case State::kScreening:
      m.title = "The coordinator is screening your referral of " + child;
      m.next_steps =
          "You will hear here whether it is accepted for a forthcoming " + p + " meeting.";
      break;
    case State::kAccepted:
      m.title = "Your referral of " + child + " was accepted for a forthcoming " + p + " meeting";
      m.next_steps =
          "The child will be on the agenda of a coming meeting. You may be invited; "
          "you will hear here what the panel decides.";
      break;
    case State::kNotAccepted:
      m.title = "Your referral of " + child + " was not accepted by the " + p;
      m.body = "Reason: " + t.reason + "\nPassed to: " + t.signposting;
      m.next_steps =
          "Follow up with the service it was passed to. If you remain worried, or "
          "things change, refer again or contact children's social care.";
      break;
    case State::kWithdrawn:
      m.title = "The referral of " + child + " was withdrawn";
      m.body = "Reason: " + t.reason;
      m.next_steps = "Nothing more happens with this referral. Refer again if you are worried.";
      break;
    case State::kDiscussed:
      m.title = "The " + p + " discussed " + child;
      m.next_steps =
          "The panel's plan and actions are being put in place; you will hear of "
          "reviews here.";
      break;
    case State::kUnderReview:
      m.title = "The " + p + " is reviewing " + child + "'s plan";
      m.next_steps = "The child stays on the panel's list until the plan is reviewed.";
      break;
    case State::kClosed:
      m.title = "The " + p + " closed the referral of " + child;
      m.body = "Reason: " + t.reason;
      m.next_steps = "Nothing more happens with this referral. Refer again if you are worried.";
      break;
  }
  return m;
}

feedback::Message LeadNotice(const Referral& referral, std::string_view panel,
                             std::string_view contact) {
  feedback::Message m;
  m.subject_type = "referral";
  m.subject_id = referral.id;
  m.contact = std::string(contact);
  m.title =
      referral.referrer_name + " referred " + referral.child_name + " to the " + std::string(panel);
  m.body = "Reason: " + referral.reason;
  m.next_steps =
      "The exploitation coordinator screens it within one working day. You can support the "
      "referrer; the referral does not wait for anyone's approval.";
  return m;
}

bool IsReferrer(const Referral& referral, std::string_view user_id) {
  return !user_id.empty() && referral.referred_by == user_id;
}

Instant ScreeningDue(Instant submitted, const WorkingCalendar& calendar) {
  Date due = calendar.AddWorkingDays(LondonDate(submitted), 1);
  return FromLondonLocal(due, 23, 59);
}

std::vector<std::string> LeadNoticeRecipients(const std::vector<identity::User>& users,
                                              std::string_view referrer,
                                              std::string_view referrer_agency) {
  std::vector<std::string> out;
  for (const auto& u : users) {
    if (u.active && u.role == access::Role::kSafeguardingLead && u.agency_id == referrer_agency &&
        u.id != referrer) {
      out.push_back(u.id);
    }
  }
  return out;
}

std::optional<TransitionRequest> MoveOnPanelDecision(State current, bool first_decision) {
  if (!first_decision || (current != State::kAccepted && current != State::kUnderReview)) {
    return std::nullopt;
  }
  return TransitionRequest{State::kDiscussed, Actor::kCoordinator, "", ""};
}

chronology::Entry ChronologyEntry(const Referral& referral, std::string_view panel_name,
                                  chronology::Attribution by) {
  chronology::Entry e;
  e.type = chronology::EntryType::kReferral;
  e.at = referral.submitted_at;
  e.id = referral.id;
  e.by = std::move(by);
  e.headline =
      "Referral to the " + std::string(panel_name) + ": " + std::string(Label(referral.state));
  e.summary = e.headline;
  e.detail = referral.reason;
  return e;
}

}  // namespace harbour::referrals
