#include "missing/episode.h"

#include <gtest/gtest.h>

#include "assessments/test_support.h"
#include "common/codes_testing.h"

namespace harbour::missing {
namespace {

using std::chrono::days;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;
using std::chrono::sys_days;

Date D(int y, unsigned m, unsigned d) {
  return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}
Instant At(int y, unsigned m, unsigned d, int h, int min = 0) {
  return sys_days{D(y, m, d)} + hours{h} + minutes{min};
}

const reference::Catalogue& Catalogue() { return assessments::testing::RealCatalogue(); }

// --- the 72-hour clock ----------------------------------------------------------------------

TEST(ReturnInterviewClock, SeventyTwoHoursWhateverTheCalendar) {
  // Returned on the Thursday before Easter at 18:00 UTC: due Sunday 18:00 UTC, through Good
  // Friday and the weekend.
  Instant returned = sys_days{D(2026, 4, 2)} + hours{18};
  EXPECT_EQ(ReturnInterviewDue(returned), sys_days{D(2026, 4, 5)} + hours{18});
  // Across the spring clock change (29 March 2026): 72 real hours, not three wall-clock days.
  Instant before_change = sys_days{D(2026, 3, 28)} + hours{12};
  EXPECT_EQ(ReturnInterviewDue(before_change) - before_change, hours{72});
}

TEST(ReturnInterviewClock, RunsThroughAWeekendAndABankHoliday) {
  // Friday 22 May 2026 at 21:30 UTC, before the spring bank holiday (Monday 25 May): due on the
  // bank holiday itself, Monday 21:30 UTC, not on a working day after it.
  EXPECT_EQ(ReturnInterviewDue(At(2026, 5, 22, 21, 30)), At(2026, 5, 25, 21, 30));
  // Christmas Eve 2026 (Thursday) 20:00: through Christmas Day, the weekend and into the
  // substitute Boxing Day holiday.
  EXPECT_EQ(ReturnInterviewDue(At(2026, 12, 24, 20)), At(2026, 12, 27, 20));
}

MissingEpisode Returned(Instant started, Instant returned) {
  MissingEpisode e;
  e.id = "e1";
  e.started_at = started;
  e.returned_at = returned;
  return e;
}

TEST(ReturnInterviewClock, StatesDueOverdueAndConcluded) {
  MissingEpisode e = Returned(At(2026, 5, 22, 10), At(2026, 5, 22, 21, 30));
  const Instant due = At(2026, 5, 25, 21, 30);

  auto clock = ClockOf(e, nullptr, due - hours{5} - minutes{10});
  EXPECT_EQ(clock.state, ClockState::kDue);
  EXPECT_EQ(clock.text, "Due in 5 hours");
  EXPECT_EQ(clock.due, due);
  EXPECT_EQ(ClockOf(e, nullptr, due - minutes{20}).text, "Due in less than an hour");
  EXPECT_EQ(ClockOf(e, nullptr, due).state, ClockState::kDue) << "due at the deadline itself";
  EXPECT_EQ(ClockOf(e, nullptr, due + seconds{1}).state, ClockState::kOverdue);
  EXPECT_EQ(ClockOf(e, nullptr, due + hours{2}).text, "Overdue by 2 hours");

  ReturnInterview offered;
  offered.status = InterviewStatus::kOffered;
  EXPECT_EQ(ClockOf(e, &offered, due + hours{1}).state, ClockState::kOverdue)
      << "an offer does not stop the clock";

  ReturnInterview done;
  done.status = InterviewStatus::kCompleted;
  done.held_at = due - hours{1};
  EXPECT_EQ(ClockOf(e, &done, due + days{3}).state, ClockState::kCompletedInTime);
  EXPECT_EQ(ClockOf(e, &done, due + days{3}).text, "Completed in time");
  done.held_at = due + hours{3};
  EXPECT_EQ(ClockOf(e, &done, due + days{3}).state, ClockState::kCompletedLate);
  EXPECT_EQ(ClockOf(e, &done, due + days{3}).text, "Completed late (3 hours after the deadline)");

  ReturnInterview refused;
  refused.status = InterviewStatus::kRefused;
  EXPECT_EQ(ClockOf(e, &refused, due + days{1}).state, ClockState::kRefused);
  ReturnInterview not_done;
  not_done.status = InterviewStatus::kNotDone;
  EXPECT_EQ(ClockOf(e, &not_done, due + days{1}).state, ClockState::kNotDone);

  MissingEpisode still;
  still.started_at = At(2026, 5, 22, 10);
  EXPECT_EQ(ClockOf(still, nullptr, due).state, ClockState::kStillMissing);
  EXPECT_FALSE(ClockOf(still, nullptr, due).due.has_value());
}

// --- the repeat rule ------------------------------------------------------------------------

Instant Day(int n) { return sys_days{D(2026, 1, 1)} + days{n} + hours{20}; }

TEST(RepeatMissingRule, ThreeWithinThirtyDaysAtItsEdge) {
  // The oldest exactly 30 days before the newest: counted (both ends included).
  EXPECT_TRUE(MeetsRepeatRule({Day(0), Day(12), Day(30)}));
  EXPECT_EQ(EpisodesInWindow({Day(0), Day(12), Day(30)}), 3);
  // One second more and it falls out of the window.
  EXPECT_FALSE(MeetsRepeatRule({Day(0) - seconds{1}, Day(12), Day(30)}));
  EXPECT_FALSE(MeetsRepeatRule({Day(0), Day(12), Day(31)}));
  EXPECT_EQ(EpisodesInWindow({Day(0), Day(12), Day(31)}), 2);
  EXPECT_FALSE(MeetsRepeatRule({Day(0), Day(5)})) << "two are not enough";
  EXPECT_TRUE(MeetsRepeatRule({Day(40), Day(0), Day(35), Day(38)})) << "any order";
  EXPECT_EQ(EpisodesInWindow({}), 0);
}

TEST(RepeatMissingRule, IsConfigurable) {
  RepeatRule stricter{.threshold = 2, .window_days = 7};
  EXPECT_TRUE(MeetsRepeatRule({Day(0), Day(7)}, stricter));
  EXPECT_FALSE(MeetsRepeatRule({Day(0), Day(8)}, stricter));
  EXPECT_TRUE(MeetsRepeatRule({}, RepeatRule{.threshold = 0, .window_days = 30}));
}

TEST(RepeatMissingRule, TheCoordinatorsTaskSaysWhy) {
  EXPECT_EQ(StrategyTaskTitle(3, 30),
            "Consider a strategy discussion: 3 missing episodes in 30 days");
}

// --- episodes ---------------------------------------------------------------------------------

const Instant kNow = At(2026, 3, 5, 12);

EpisodeInput GoodEpisode() {
  EpisodeInput in;
  in.kind = "missing";
  in.started_at = "2026-03-03T22:10:00Z";
  in.returned_at = "2026-03-04T09:00:00Z";
  in.reported_by = "  Residential home manager ";
  in.police_reference = "HP-2026-0142";
  in.risk_grade = "medium";
  in.where_found = "A flat on the Eastgate estate";
  in.found_with = "Two older males";
  in.carer_name = "Pat Residential";
  return in;
}

TEST(RepeatMissingRule, GivesTheCoordinatorsOneStrategyTaskDueInADay) {
  const Instant now = std::chrono::sys_days{D(2026, 3, 20)} + std::chrono::hours(10);
  const std::vector<Instant> three = {now - std::chrono::days(20), now - std::chrono::days(5), now};
  auto task = StrategyTaskFor(three, /*open_task=*/false, {}, "child-1", "episode-3", now);
  ASSERT_TRUE(task.has_value());
  EXPECT_EQ(task->title, "Consider a strategy discussion: 3 missing episodes in 30 days");
  EXPECT_EQ(task->assigned_role, "coordinator");
  EXPECT_TRUE(task->assigned_user.empty());
  EXPECT_EQ(task->due_at, now + std::chrono::hours(24));
  EXPECT_EQ(task->source_type, "missing");
  EXPECT_EQ(task->source_id, "episode-3");
  EXPECT_EQ(task->child_id, "child-1");
  EXPECT_FALSE(StrategyTaskFor(three, /*open_task=*/true, {}, "child-1", "e", now).has_value())
      << "one open strategy task at a time";
  EXPECT_FALSE(StrategyTaskFor({now - std::chrono::days(5), now}, false, {}, "c", "e", now))
      << "two episodes do not meet the rule";
  EXPECT_TRUE(StrategyTaskFor({now - std::chrono::days(5), now}, false, {2, 7}, "c", "e", now))
      << "a local rule of two in seven days";
}

TEST(ValidateEpisode, AcceptsAndTrimsAGoodEpisode) {
  auto e = ValidateEpisode(GoodEpisode(), kNow);
  ASSERT_TRUE(e.has_value()) << e.error().message;
  EXPECT_EQ(e->kind, Kind::kMissing);
  EXPECT_EQ(e->started_at, At(2026, 3, 3, 22, 10));
  EXPECT_EQ(e->returned_at, At(2026, 3, 4, 9));
  EXPECT_EQ(e->reported_by, "Residential home manager");
  EXPECT_EQ(e->risk_grade, RiskGrade::kMedium);
  EXPECT_EQ(Headline(*e),
            "Missing from 3 March 2026 at 10:10pm to 4 March 2026 at 9am; police risk: Medium");
}

TEST(ValidateEpisode, StillMissingNeedsOnlyKindStartAndReporter) {
  EpisodeInput in;
  in.kind = "away";
  in.started_at = "2026-03-03T22:10:00Z";
  in.reported_by = "Foster carer";
  auto e = ValidateEpisode(in, kNow);
  ASSERT_TRUE(e.has_value()) << e.error().message;
  EXPECT_EQ(e->kind, Kind::kAway);
  EXPECT_FALSE(e->returned_at.has_value());
  EXPECT_FALSE(e->risk_grade.has_value());
}

TEST(ValidateEpisode, ReportsEveryProblemAtOnce) {
  EpisodeInput in;
  in.kind = "runaway";
  in.risk_grade = "severe";
  in.police_reference = std::string(201, 'x');
  in.carer_name = "Tab\there";
  auto e = ValidateEpisode(in, kNow);
  ASSERT_FALSE(e.has_value());
  const auto& f = e.error().fields;
  EXPECT_EQ(f.at("kind"), "Select whether the child was missing or away without authorisation");
  EXPECT_EQ(f.at("started_at"), "Enter the date and time the child went missing");
  EXPECT_EQ(f.at("reported_by"), "Enter who reported the child missing");
  EXPECT_EQ(f.at("risk_grade"),
            "Select the police risk grade: no apparent risk, low, medium or high");
  EXPECT_EQ(f.at("police_reference"), "The police reference must be 200 characters or fewer");
  EXPECT_TRUE(f.contains("carer_name"));
  EXPECT_FALSE(f.contains("returned_at")) << "a return is optional";
}

TEST(ValidateEpisode, StartMustBeARealPastInstant) {
  EpisodeInput in = GoodEpisode();
  in.started_at = "3 March";
  EXPECT_EQ(ValidateEpisode(in, kNow).error().fields.at("started_at"),
            "Enter a real date and time");
  in = GoodEpisode();
  in.started_at = FormatRfc3339(kNow + minutes{6});
  in.returned_at = "";
  in.where_found = in.found_with = "";
  EXPECT_EQ(ValidateEpisode(in, kNow).error().fields.at("started_at"),
            "The time the child went missing must be in the past");
  in.started_at = FormatRfc3339(kNow + minutes{4});
  EXPECT_TRUE(ValidateEpisode(in, kNow).has_value()) << "five minutes of clock skew allowed";
}

TEST(ValidateEpisode, FoundBeforeMissingIsExplained) {
  EpisodeInput in = GoodEpisode();
  in.returned_at = "2026-03-03T21:00:00Z";
  auto e = ValidateEpisode(in, kNow);
  ASSERT_FALSE(e.has_value());
  EXPECT_EQ(e.error().fields.at("returned_at"),
            "The return must be after the child went missing (went missing 3 March 2026 at "
            "10:10pm)");
  in.returned_at = in.started_at;
  EXPECT_TRUE(ValidateEpisode(in, kNow).error().fields.contains("returned_at")) << "same instant";
  in.returned_at = FormatRfc3339(kNow + hours{1});
  EXPECT_EQ(ValidateEpisode(in, kNow).error().fields.at("returned_at"),
            "The time the child returned must be in the past");
}

TEST(ValidateEpisode, WhereFoundOnlyWithAReturn) {
  EpisodeInput in = GoodEpisode();
  in.returned_at = "";
  auto e = ValidateEpisode(in, kNow);
  ASSERT_FALSE(e.has_value());
  EXPECT_TRUE(e.error().fields.contains("where_found"));
  EXPECT_TRUE(e.error().fields.contains("found_with"));
}

TEST(ValidateReturn, AfterTheStartAndOnlyOnce) {
  MissingEpisode e;
  e.started_at = At(2026, 3, 3, 22, 10);
  auto r = ValidateReturn(e, {"2026-03-04T09:00:00Z", " Bus station ", ""}, kNow);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->returned_at, At(2026, 3, 4, 9));
  EXPECT_EQ(r->where_found, "Bus station");
  auto before = ValidateReturn(e, {"2026-03-03T20:00:00Z", "", ""}, kNow);
  ASSERT_FALSE(before.has_value());
  EXPECT_EQ(before.error().fields.at("returned_at"),
            "The return must be after the child went missing (went missing 3 March 2026 at "
            "10:10pm)");
  EXPECT_EQ(ValidateReturn(e, {"", "", ""}, kNow).error().fields.at("returned_at"),
            "Enter the date and time the child returned");
  e.returned_at = At(2026, 3, 4, 9);
  auto again = ValidateReturn(e, {"2026-03-04T10:00:00Z", "", ""}, kNow);
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().kind, ErrorKind::kConflict);
  EXPECT_EQ(again.error().code, "already_returned");
}

// --- return interviews -----------------------------------------------------------------------

struct InterviewFixture {
  MissingEpisode episode = [] {
    MissingEpisode e;
    e.id = "e1";
    e.started_at = At(2026, 3, 3, 22, 10);
    e.returned_at = At(2026, 3, 4, 9);
    e.carer_name = "Pat Residential";
    return e;
  }();
  InterviewContext Context(bool concluded = false) const {
    return InterviewContext{&episode, "Social Worker 12", {"SAFE", "HCSC"}, concluded};
  }
};

InterviewInput Completed() {
  InterviewInput in;
  in.status = "completed";
  in.held_at = "2026-03-05T10:00:00Z";
  in.place = "Youth centre";
  in.interviewer_name = "Sam Okafor";
  in.interviewer_agency = "SAFE";
  in.findings[static_cast<std::size_t>(Finding::kReasons)] = "Went to see friends";
  in.findings[static_cast<std::size_t>(Finding::kExploitationConcerns)] =
      "Older males gave them alcohol at a flat";
  return in;
}

TEST(ValidateInterview, ACompletedInterviewWithFindingsRaisingAConcern) {
  InterviewFixture f;
  InterviewInput in = Completed();
  in.concerns.push_back({"exploitation_concerns",
                         "sexual_exploitation",
                         {"ws.given_drugs_or_alcohol", "ws.older_relationship"}});
  auto v = ValidateInterview(in, f.Context(), Catalogue(), kNow);
  ASSERT_TRUE(v.has_value()) << v.error().message;
  EXPECT_EQ(v->interview.status, InterviewStatus::kCompleted);
  EXPECT_EQ(v->interviewer_agency_code, "SAFE");
  EXPECT_EQ(v->interview.findings[0], "Went to see friends");
  ASSERT_EQ(v->concerns.size(), 1u);
  const auto& c = v->concerns[0];
  EXPECT_EQ(c.category, concerns::Category::kSexualExploitation);
  EXPECT_EQ(c.observed_at, At(2026, 3, 5, 10));
  EXPECT_EQ(c.indicators,
            (std::vector<std::string>{"ws.given_drugs_or_alcohol", "ws.older_relationship"}));
  EXPECT_EQ(c.narrative,
            "From the return interview (Exploitation concerns): Older males gave them alcohol at "
            "a flat");
  EXPECT_EQ(Headline(v->interview), "Return interview: Completed (Sam Okafor)");
  EXPECT_EQ(FindingsText(v->interview),
            "Reasons for going: Went to see friends\nExploitation concerns: Older males gave them "
            "alcohol at a flat");
}

TEST(ValidateInterview, CompletedNeedsWhenWhereAndWho) {
  InterviewFixture f;
  InterviewInput in;
  in.status = "completed";
  auto v = ValidateInterview(in, f.Context(), Catalogue(), kNow);
  ASSERT_FALSE(v.has_value());
  const auto& e = v.error().fields;
  EXPECT_EQ(e.at("held_at"), "Enter when the interview was held");
  EXPECT_EQ(e.at("place"), "Enter where the interview was held");
  EXPECT_EQ(e.at("interviewer_name"), "Enter the name of the person who held the interview");
  EXPECT_EQ(e.at("interviewer_agency"), "Select the interviewer's agency");
}

TEST(ValidateInterview, TheInterviewerIsIndependentOfTheChildsCare) {
  InterviewFixture f;
  InterviewInput in = Completed();
  in.interviewer_name = "  social worker 12 ";
  auto worker = ValidateInterview(in, f.Context(), Catalogue(), kNow);
  ASSERT_FALSE(worker.has_value());
  EXPECT_EQ(worker.error().fields.at("interviewer_name"),
            "The interviewer must be independent of the child's care: social worker 12 is the "
            "child's allocated worker. Ask someone independent to hold the interview");
  in.interviewer_name = "PAT  RESIDENTIAL";
  auto carer = ValidateInterview(in, f.Context(), Catalogue(), kNow);
  ASSERT_FALSE(carer.has_value());
  EXPECT_NE(carer.error().fields.at("interviewer_name").find("is the child's carer"),
            std::string::npos);
  in.interviewer_name = "Pat Residentially";
  EXPECT_TRUE(ValidateInterview(in, f.Context(), Catalogue(), kNow).has_value());
  EXPECT_TRUE(SamePerson("Zoë O'Brien", " zoe obrien"));
  EXPECT_FALSE(SamePerson("", "")) << "no name is nobody";
  // An offer by the allocated worker is refused just the same.
  InterviewInput offer;
  offer.status = "offered";
  offer.offered_at = "2026-03-04T12:00:00Z";
  offer.interviewer_name = "Social Worker 12";
  EXPECT_TRUE(ValidateInterview(offer, f.Context(), Catalogue(), kNow)
                  .error()
                  .fields.contains("interviewer_name"));
}

TEST(ValidateInterview, RefusedNeedsTheReasonAndTheOffer) {
  InterviewFixture f;
  InterviewInput in;
  in.status = "refused";
  auto v = ValidateInterview(in, f.Context(), Catalogue(), kNow);
  ASSERT_FALSE(v.has_value());
  EXPECT_EQ(v.error().fields.at("reason"), "Give the reason the child gave for refusing");
  EXPECT_EQ(v.error().fields.at("offered_at"), "Enter when the interview was offered");
  in.reason = "Did not want to talk about it";
  in.offered_at = "2026-03-04T12:00:00Z";
  auto ok = ValidateInterview(in, f.Context(), Catalogue(), kNow);
  ASSERT_TRUE(ok.has_value()) << ok.error().message;
  EXPECT_EQ(ok->interview.reason, "Did not want to talk about it");
}

TEST(ValidateInterview, NotDoneNeedsTheDecisionAndItsReason) {
  InterviewFixture f;
  InterviewInput in;
  in.status = "not_done";
  auto v = ValidateInterview(in, f.Context(), Catalogue(), kNow);
  ASSERT_FALSE(v.has_value());
  EXPECT_EQ(v.error().fields.at("decision_by"), "Enter who decided not to hold the interview");
  EXPECT_EQ(v.error().fields.at("reason"), "Give the reason the interview was not done");
  in.decision_by = "Team manager, children's social care";
  in.reason = "Moved out of area the same day; the new area's service will interview";
  EXPECT_TRUE(ValidateInterview(in, f.Context(), Catalogue(), kNow).has_value());
}

TEST(ValidateInterview, TimesAreAfterTheReturnAndInThePast) {
  InterviewFixture f;
  InterviewInput in = Completed();
  in.held_at = "2026-03-04T08:00:00Z";
  EXPECT_EQ(ValidateInterview(in, f.Context(), Catalogue(), kNow).error().fields.at("held_at"),
            "The interview must be after the child returned (returned 4 March 2026 at 9am)");
  in.held_at = FormatRfc3339(kNow + hours{2});
  EXPECT_EQ(ValidateInterview(in, f.Context(), Catalogue(), kNow).error().fields.at("held_at"),
            "The time the interview was held must be in the past");
  in.held_at = "yesterday";
  EXPECT_EQ(ValidateInterview(in, f.Context(), Catalogue(), kNow).error().fields.at("held_at"),
            "Enter a real date and time");
}

TEST(ValidateInterview, StatusAgencyAndFindingsAreChecked) {
  InterviewFixture f;
  InterviewInput in = Completed();
  in.status = "maybe";
  EXPECT_TRUE(
      ValidateInterview(in, f.Context(), Catalogue(), kNow).error().fields.contains("status"));
  in = Completed();
  in.interviewer_agency = "NOPE";
  EXPECT_EQ(
      ValidateInterview(in, f.Context(), Catalogue(), kNow).error().fields.at("interviewer_agency"),
      "Select the interviewer's agency from the list");
  InterviewInput offer;
  offer.status = "offered";
  offer.offered_at = "2026-03-04T12:00:00Z";
  offer.findings[2] = "Threatened";
  EXPECT_EQ(ValidateInterview(offer, f.Context(), Catalogue(), kNow)
                .error()
                .fields.at("findings.harm_or_threats"),
            "Record findings only for a completed interview");
  in = Completed();
  in.findings[6] = std::string(kMaxLongText + 1, 'x');
  EXPECT_TRUE(ValidateInterview(in, f.Context(), Catalogue(), kNow)
                  .error()
                  .fields.contains("findings.disclosures"));
}

TEST(ValidateInterview, ARaisedConcernNeedsItsFindingACategoryAndKnownIndicators) {
  InterviewFixture f;
  InterviewInput in = Completed();
  in.concerns = {{"disclosures", "sexual_exploitation", {}},
                 {"reasons", "nonsense", {"ws.no_such_thing"}},
                 {"", "missing", {}},
                 {"reasons", "missing", {"cf.deprivation"}}};
  auto v = ValidateInterview(in, f.Context(), Catalogue(), kNow);
  ASSERT_FALSE(v.has_value());
  const auto& e = v.error().fields;
  EXPECT_EQ(e.at("concerns[0].finding"),
            "Write the finding 'Disclosures' before raising a concern from it");
  EXPECT_EQ(e.at("concerns[1].category"), "Select the type of concern");
  EXPECT_EQ(e.at("concerns[1].indicators"), "Select indicators from the list");
  EXPECT_EQ(e.at("concerns[2].finding"), "Select the finding that raises the concern");
  EXPECT_NE(e.at("concerns[3].indicators").find("describes an area"), std::string::npos);
}

TEST(ValidateInterview, GuardsComeFirst) {
  InterviewFixture f;
  f.episode.returned_at.reset();
  auto v = ValidateInterview(Completed(), f.Context(), Catalogue(), kNow);
  ASSERT_FALSE(v.has_value());
  EXPECT_EQ(v.error().kind, ErrorKind::kConflict);
  EXPECT_EQ(v.error().code, "not_returned");
  InterviewFixture g;
  auto done = ValidateInterview(Completed(), g.Context(/*concluded=*/true), Catalogue(), kNow);
  ASSERT_FALSE(done.has_value());
  EXPECT_EQ(done.error().code, "interview_concluded");
  InterviewInput offer;
  offer.status = "offered";
  offer.offered_at = "2026-03-04T12:00:00Z";
  EXPECT_TRUE(ValidateInterview(offer, g.Context(), Catalogue(), kNow).has_value());
}

TEST(MissingChronology, AnInterviewIsCreditedToTheAgencyThatHeldIt) {
  ReturnInterview r;
  r.id = "r1";
  r.recorder_name = "Casey Lewis";
  r.recorded_by_agency = "csc";
  r.recorder_agency_name = "Children's Social Care";
  EXPECT_EQ(chronology::Byline(CreditOf(r)), "Casey Lewis, Children's Social Care");
  r.interviewer_agency = "safe";
  r.interviewer_agency_name = "Safe Harbour Project";
  auto e = ChronologyEntry(r, CreditOf(r));
  EXPECT_EQ(e.type, chronology::EntryType::kReturnInterview);
  EXPECT_EQ(e.by.agency_id, "safe");
  EXPECT_EQ(chronology::Byline(e.by), "Casey Lewis, Safe Harbour Project");
}

TEST(MissingChronology, AnEpisodeSaysWhereTheChildWasFound) {
  MissingEpisode episode;
  episode.id = "m1";
  episode.reported_by = "Carer";
  episode.police_reference = "PR-1";
  episode.where_found = "Town centre";
  auto e = ChronologyEntry(episode, {"Alex Morgan", "school", "Harbourside Academy"});
  EXPECT_EQ(e.type, chronology::EntryType::kMissing);
  EXPECT_EQ(e.detail, "Reported by Carer. Police reference PR-1.\nFound: Town centre");
  EXPECT_EQ(e.by.agency_name, "Harbourside Academy");
}

TEST(MissingCodes, RoundTrip) {
  for (auto k : {Kind::kMissing, Kind::kAway}) EXPECT_EQ(KindFromCode(ToCode(k)), k);
  for (auto g : {RiskGrade::kNoApparentRisk, RiskGrade::kLow, RiskGrade::kMedium, RiskGrade::kHigh})
    EXPECT_EQ(RiskGradeFromCode(ToCode(g)), g);
  for (auto s : {InterviewStatus::kOffered, InterviewStatus::kCompleted, InterviewStatus::kRefused,
                 InterviewStatus::kNotDone})
    EXPECT_EQ(InterviewStatusFromCode(ToCode(s)), s);
  for (auto f : AllFindings()) EXPECT_EQ(FindingFromCode(ToCode(f)), f);
  EXPECT_EQ(AllFindings().size(), kFindingCount);
  EXPECT_FALSE(KindFromCode("runaway").has_value());
  EXPECT_EQ(ToCode(RiskGrade::kNoApparentRisk), "no_apparent_risk");
}

TEST(MissingCodesTest, EveryEnumAnswersFromItsTable) {
  codes_testing::ExpectAnswersFromTable(kKindCodes, KindFromCode);
  codes_testing::ExpectAnswersFromTable(kRiskGradeCodes, RiskGradeFromCode);
  codes_testing::ExpectAnswersFromTable(kInterviewStatusCodes, InterviewStatusFromCode);
  codes_testing::ExpectAnswersFromTable(kFindingCodes, FindingFromCode);
  codes_testing::ExpectAnswersFromTable(kClockStateCodes);
}

}  // namespace
}  // namespace harbour::missing
