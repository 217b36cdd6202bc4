#include "referrals/referral.h"

#include <gtest/gtest.h>

#include <array>
#include <set>
#include <utility>

#include "common/codes_testing.h"

namespace harbour::referrals {
namespace {

using std::chrono::sys_days;

Date D(int y, unsigned m, unsigned d) {
  return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

const Instant kAt = sys_days{D(2026, 3, 4)} + std::chrono::hours{10};

constexpr std::array kAll = {State::kSubmitted,   State::kScreening, State::kAccepted,
                             State::kNotAccepted, State::kWithdrawn, State::kDiscussed,
                             State::kUnderReview, State::kClosed};

TransitionRequest To(State to, Actor actor = Actor::kCoordinator) {
  TransitionRequest r;
  r.to = to;
  r.actor = actor;
  r.reason = "A reason";
  r.signposting = "Early help team";
  return r;
}

// The whole machine, as a table: every (from, to) pair the coordinator may make.
const std::set<std::pair<State, State>> kCoordinatorMoves = {
    {State::kSubmitted, State::kScreening}, {State::kSubmitted, State::kWithdrawn},
    {State::kScreening, State::kAccepted},  {State::kScreening, State::kNotAccepted},
    {State::kScreening, State::kWithdrawn}, {State::kAccepted, State::kDiscussed},
    {State::kAccepted, State::kClosed},     {State::kDiscussed, State::kUnderReview},
    {State::kDiscussed, State::kClosed},    {State::kUnderReview, State::kDiscussed},
    {State::kUnderReview, State::kClosed},
};
const std::set<std::pair<State, State>> kReferrerMoves = {
    {State::kSubmitted, State::kWithdrawn},
    {State::kScreening, State::kWithdrawn},
};

TEST(ReferralStateMachine, EveryPairIsAllowedExactlyWhenTheTableSaysSo) {
  for (State from : kAll) {
    for (State to : kAll) {
      for (Actor actor : {Actor::kCoordinator, Actor::kReferrer}) {
        const auto& table = actor == Actor::kCoordinator ? kCoordinatorMoves : kReferrerMoves;
        bool expected = table.contains({from, to});
        auto decided = Decide(from, To(to, actor), "u1", kAt);
        EXPECT_EQ(decided.has_value(), expected)
            << ToCode(from) << " -> " << ToCode(to)
            << (actor == Actor::kReferrer ? " by the referrer" : " by the coordinator");
        if (!expected) {
          EXPECT_EQ(decided.error().kind, ErrorKind::kConflict);
          EXPECT_EQ(decided.error().code, "invalid_transition");
        }
      }
    }
  }
}

TEST(ReferralStateMachine, ARefusedMoveNamesTheCurrentState) {
  auto refused = Decide(State::kClosed, To(State::kScreening), "u1", kAt);
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().message,
            "The referral is closed: it cannot become being screened. Nothing follows that.");
  auto referrer = Decide(State::kAccepted, To(State::kWithdrawn, Actor::kReferrer), "u1", kAt);
  ASSERT_FALSE(referrer.has_value());
  EXPECT_NE(referrer.error().message.find("accepted for a meeting"), std::string::npos);
  EXPECT_NE(referrer.error().message.find("only withdraw it before a decision"), std::string::npos);
}

TEST(ReferralStateMachine, FinalStatesHaveNoMoves) {
  for (State s : kAll) {
    EXPECT_EQ(IsFinal(s), NextStates(s, Actor::kCoordinator).empty()) << ToCode(s);
  }
}

TEST(ReferralGuards, WithdrawingNotAcceptingAndClosingNeedAReason) {
  for (auto [from, to] : {std::pair{State::kSubmitted, State::kWithdrawn},
                          std::pair{State::kScreening, State::kNotAccepted},
                          std::pair{State::kUnderReview, State::kClosed}}) {
    TransitionRequest r = To(to);
    r.reason = "   ";
    auto refused = Decide(from, r, "u1", kAt);
    ASSERT_FALSE(refused.has_value()) << ToCode(to);
    EXPECT_EQ(refused.error().kind, ErrorKind::kInvalid);
    EXPECT_EQ(refused.error().fields.at("reason"), "Give the reason");
  }
  TransitionRequest accept = To(State::kAccepted);
  accept.reason.clear();
  EXPECT_TRUE(Decide(State::kScreening, accept, "u1", kAt).has_value()) << "no reason needed";
}

TEST(ReferralGuards, NotAcceptedNeedsSignpostingAndReportsBothFieldsAtOnce) {
  TransitionRequest r = To(State::kNotAccepted);
  r.reason.clear();
  r.signposting.clear();
  auto refused = Decide(State::kScreening, r, "u1", kAt);
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().fields.size(), 2U);
  EXPECT_EQ(refused.error().fields.at("signposting"),
            "Say which service or team the referral was passed to");
  r.reason = std::string("bad\x01");
  r.signposting = std::string(kMaxReason + 1, 's');
  refused = Decide(State::kScreening, r, "u1", kAt);
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().fields.size(), 2U);
}

TEST(ReferralGuards, ATransitionIsTimestampedAttributedAndTrimmed) {
  TransitionRequest r = To(State::kNotAccepted);
  r.reason = "  Below the panel's threshold  ";
  r.signposting = " Early help ";
  auto t = Decide(State::kScreening, r, "coordinator-1", kAt);
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(t->from, State::kScreening);
  EXPECT_EQ(t->to, State::kNotAccepted);
  EXPECT_EQ(t->by, "coordinator-1");
  EXPECT_EQ(t->at, kAt);
  EXPECT_EQ(t->reason, "Below the panel's threshold");
  EXPECT_EQ(t->signposting, "Early help");
}

TEST(ReferralStates, CodesAndLabelsRoundTrip) {
  std::set<std::string_view> labels;
  for (State s : kAll) {
    EXPECT_EQ(StateFromCode(ToCode(s)), s);
    labels.insert(Label(s));
  }
  EXPECT_EQ(labels.size(), kAll.size());
  EXPECT_EQ(StateFromCode("Closed"), std::nullopt);
}

const WorkingCalendar& Calendar() {
  // Good Friday 3 April and Easter Monday 6 April 2026.
  static const WorkingCalendar calendar({D(2026, 4, 3), D(2026, 4, 6)});
  return calendar;
}

TEST(ScreeningClock, OneWorkingDayAcrossWeekendsAndBankHolidays) {
  // Wednesday → Thursday 23:59 (GMT in March).
  EXPECT_EQ(ScreeningDue(kAt, Calendar()), FromLondonLocal(D(2026, 3, 5), 23, 59));
  // Friday → Monday.
  EXPECT_EQ(ScreeningDue(sys_days{D(2026, 3, 6)} + std::chrono::hours{16}, Calendar()),
            FromLondonLocal(D(2026, 3, 9), 23, 59));
  // Thursday before Easter → Tuesday after it (Good Friday, the weekend, Easter Monday).
  EXPECT_EQ(ScreeningDue(sys_days{D(2026, 4, 2)} + std::chrono::hours{9}, Calendar()),
            FromLondonLocal(D(2026, 4, 7), 23, 59));
  // Submitted at 23:30 London on a summer Wednesday (22:30 UTC): due Thursday 23:59 BST.
  EXPECT_EQ(
      ScreeningDue(sys_days{D(2026, 6, 3)} + std::chrono::hours{22} + std::chrono::minutes{30},
                   Calendar()),
      FromLondonLocal(D(2026, 6, 4), 23, 59));
}

}  // namespace
}  // namespace harbour::referrals

namespace harbour::referrals {
namespace {

ReferralInput GoodInput() {
  return ReferralInput{"a1", "", "Seen with older men near the station.", "consent", ""};
}

TEST(ValidateReferral, AcceptsALinkedAssessmentOrAReasonThereIsNone) {
  auto linked = ValidateReferral(GoodInput(), {"a1", "a2"});
  ASSERT_TRUE(linked.has_value());
  EXPECT_EQ(linked->assessment_id, "a1");
  EXPECT_EQ(linked->sharing, Sharing::kConsent);
  ReferralInput none = GoodInput();
  none.assessment_id.clear();
  none.no_assessment_reason = "  Seen for the first time today  ";
  auto without = ValidateReferral(none, {});
  ASSERT_TRUE(without.has_value());
  EXPECT_EQ(without->no_assessment_reason, "Seen for the first time today");
}

TEST(ValidateReferral, ReportsEveryProblemAtOnce) {
  ReferralInput bad{"a9", "", "  ", "maybe", ""};
  auto refused = ValidateReferral(bad, {"a1"});
  ASSERT_FALSE(refused.has_value());
  const auto& f = refused.error().fields;
  EXPECT_EQ(f.at("assessment_id"), "Choose one of the child's submitted risk assessments");
  EXPECT_EQ(f.at("reason"), "Say why you are referring the child to the panel");
  EXPECT_TRUE(f.contains("sharing"));
  ReferralInput no_link{"", " ", "Reason", "without_consent", ""};
  refused = ValidateReferral(no_link, {});
  ASSERT_FALSE(refused.has_value());
  EXPECT_TRUE(refused.error().fields.contains("no_assessment_reason"));
  EXPECT_EQ(refused.error().fields.at("sharing_reason"),
            "Say why the information is shared without consent");
}

TEST(Feedback, EachMoveSaysWhatHappenedWhatNextAndWhomToContact) {
  Referral r;
  r.id = "r1";
  r.child_name = "Ada Lane";
  r.referrer_name = "Sam Reed";
  r.reason = "Missing overnight";
  for (State to : kAll) {
    Transition t{State::kScreening, to, "Below threshold", "Early help", "c1", kAt};
    feedback::Message m =
        MessageFor(r, t, "CSEP", "the CSE coordinator, 01234 567890", "5 March 2026 at 11:59pm");
    EXPECT_FALSE(m.title.empty()) << ToCode(to);
    EXPECT_FALSE(m.next_steps.empty()) << ToCode(to);
    EXPECT_EQ(m.contact, "the CSE coordinator, 01234 567890");
    EXPECT_EQ(m.subject_type, "referral");
    EXPECT_EQ(m.subject_id, "r1");
  }
  Transition refused{
      State::kScreening, State::kNotAccepted, "Below threshold", "Early help", "c1", kAt};
  feedback::Message m = MessageFor(r, refused, "CSEP", "x", "");
  EXPECT_EQ(m.title, "Your referral of Ada Lane was not accepted by the CSEP");
  EXPECT_EQ(m.body, "Reason: Below threshold\nPassed to: Early help");
  Transition received{State::kSubmitted, State::kSubmitted, "", "", "u1", kAt};
  EXPECT_NE(MessageFor(r, received, "CSEP", "x", "5 March 2026 at 11:59pm")
                .next_steps.find("5 March 2026 at 11:59pm"),
            std::string::npos);
  feedback::Message lead = LeadNotice(r, "CSEP", "x");
  EXPECT_EQ(lead.title, "Sam Reed referred Ada Lane to the CSEP");
  EXPECT_NE(lead.next_steps.find("does not wait for anyone's approval"), std::string::npos);
}

// Regression: the panel's name was put after "a" ("accepted for a exploitation panel meeting").
TEST(Feedback, AcceptanceReadsWellWhateverThePanelIsCalled) {
  Referral r;
  r.child_name = "Ada Lane";
  Transition screening{State::kSubmitted, State::kScreening, "", "", "c1", kAt};
  Transition accepted{State::kScreening, State::kAccepted, "", "", "c1", kAt};
  EXPECT_EQ(MessageFor(r, accepted, "exploitation panel", "x", "").title,
            "Your referral of Ada Lane was accepted for a forthcoming exploitation panel meeting");
  EXPECT_EQ(MessageFor(r, screening, "MASE", "x", "").next_steps,
            "You will hear here whether it is accepted for a forthcoming MASE meeting.");
}

TEST(Feedback, OnlyTheReferrerFollowsTheirReferral) {
  Referral r;
  r.referred_by = "u1";
  EXPECT_TRUE(IsReferrer(r, "u1"));
  EXPECT_FALSE(IsReferrer(r, "u2"));
  EXPECT_FALSE(IsReferrer(Referral{}, ""));
}

TEST(LeadNotice, GoesToEveryActiveLeadOfTheReferrersAgencyButTheReferrer) {
  auto user = [](std::string id, std::string agency, access::Role role, bool active = true) {
    identity::User u;
    u.id = std::move(id);
    u.agency_id = std::move(agency);
    u.role = role;
    u.active = active;
    return u;
  };
  const std::vector<identity::User> users = {
      user("lead-1", "school", access::Role::kSafeguardingLead),
      user("lead-2", "school", access::Role::kSafeguardingLead, /*active=*/false),
      user("lead-3", "police", access::Role::kSafeguardingLead),
      user("worker", "school", access::Role::kPractitioner),
      user("lead-4", "school", access::Role::kSafeguardingLead),
  };
  EXPECT_EQ(LeadNoticeRecipients(users, "worker", "school"),
            (std::vector<std::string>{"lead-1", "lead-4"}));
  EXPECT_EQ(LeadNoticeRecipients(users, "lead-1", "school"), (std::vector<std::string>{"lead-4"}))
      << "a lead who refers is not told of their own referral";
  EXPECT_TRUE(LeadNoticeRecipients(users, "worker", "housing").empty());
}

TEST(PanelDecision, TheFirstDecisionOnAnAcceptedReferralMovesItToDiscussed) {
  for (State state : {State::kAccepted, State::kUnderReview}) {
    auto move = MoveOnPanelDecision(state, /*first_decision=*/true);
    ASSERT_TRUE(move.has_value()) << ToCode(state);
    EXPECT_EQ(move->to, State::kDiscussed);
    EXPECT_EQ(move->actor, Actor::kCoordinator);
    EXPECT_FALSE(MoveOnPanelDecision(state, /*first_decision=*/false).has_value())
        << "a correction moves nothing";
  }
  for (State state : {State::kSubmitted, State::kScreening, State::kNotAccepted, State::kDiscussed,
                      State::kClosed}) {
    EXPECT_FALSE(MoveOnPanelDecision(state, true).has_value()) << ToCode(state);
  }
}

TEST(ReferralsCodesTest, EveryEnumAnswersFromItsTable) {
  codes_testing::ExpectAnswersFromTable(kStateCodes, StateFromCode);
  codes_testing::ExpectAnswersFromTable(kSharingCodes, SharingFromCode);
}

}  // namespace
}  // namespace harbour::referrals
