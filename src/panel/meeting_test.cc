#include "panel/meeting.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "common/codes_testing.h"

namespace harbour::panel {
namespace {

using std::chrono::December;
using std::chrono::January;
using std::chrono::year;

const Date kMeetingDay{year{2026}, December, std::chrono::day{3}};

// An instant before every meeting these tests arrange: 1 January 2026.
const Instant kBefore = FromLondonLocal(Date{std::chrono::year{2026} / 1 / 1}, 0, 0);

TEST(ValidateMeeting, ReadsLondonDateAndTime) {
  auto m = ValidateMeeting({"2026-12-03", "14:00", "Room 2, Civic Centre", "", ""}, kBefore);
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(FormatRfc3339(m->starts_at), "2026-12-03T14:00:00Z");  // GMT in December
  EXPECT_FALSE(m->online);
  auto summer = ValidateMeeting({"2026-07-03", "14:00", "Room 2", "", ""}, kBefore);
  ASSERT_TRUE(summer.has_value());
  EXPECT_EQ(FormatRfc3339(summer->starts_at), "2026-07-03T13:00:00Z");  // BST
}

TEST(ValidateMeeting, APastMeetingOnlyAsRecordingAMeetingThatTookPlace) {
  Instant now = FromLondonLocal(Date{std::chrono::year{2026} / 12 / 3}, 15, 0);
  auto past = ValidateMeeting({"2026-12-03", "14:00", "Room 2", "", ""}, now);
  ASSERT_FALSE(past.has_value());
  EXPECT_THAT(past.error().fields.at("date"),
              testing::HasSubstr("Recording a meeting that took place"));
  auto recorded = ValidateMeeting({"2026-12-03", "14:00", "Room 2", "", "yes"}, now);
  ASSERT_TRUE(recorded.has_value());
  EXPECT_TRUE(recorded->recorded_afterwards);
  auto ahead = ValidateMeeting({"2026-12-03", "16:00", "Room 2", "", "yes"}, now);
  ASSERT_FALSE(ahead.has_value());
  EXPECT_TRUE(ahead.error().fields.contains("recorded_afterwards"));
  auto arranged = ValidateMeeting({"2026-12-03", "16:00", "Room 2", "", ""}, now);
  ASSERT_TRUE(arranged.has_value());
  EXPECT_FALSE(arranged->recorded_afterwards);
}

TEST(CheckMeetingStarted, RefusesADecisionBeforeTheMeetingStarts) {
  PanelMeeting meeting;
  meeting.starts_at = FromLondonLocal(Date{std::chrono::year{2026} / 12 / 3}, 14, 0);
  auto early = CheckMeetingStarted(meeting, meeting.starts_at - std::chrono::minutes(1));
  ASSERT_FALSE(early.has_value());
  EXPECT_EQ(early.error().kind, ErrorKind::kConflict);
  EXPECT_EQ(early.error().code, "meeting_not_started");
  EXPECT_THAT(early.error().message, testing::HasSubstr("starts on 3 December 2026 at 2pm"));
  EXPECT_TRUE(CheckMeetingStarted(meeting, meeting.starts_at).has_value());
  EXPECT_TRUE(CheckMeetingStarted(meeting, meeting.starts_at + std::chrono::hours(3)).has_value());
}

TEST(ValidateMeeting, OnlineNeedsNoPlace) {
  auto m = ValidateMeeting({"2026-12-03", "9:30", "", "yes", ""}, kBefore);
  ASSERT_TRUE(m.has_value());
  EXPECT_TRUE(m->online);
  EXPECT_EQ(m->place, "");
}

TEST(ValidateMeeting, ReportsEveryProblemAtOnce) {
  auto m = ValidateMeeting({"2026-02-30", "25:00", "", "", ""}, kBefore);
  ASSERT_FALSE(m.has_value());
  EXPECT_EQ(m.error().kind, ErrorKind::kInvalid);
  EXPECT_TRUE(m.error().fields.contains("date"));
  EXPECT_TRUE(m.error().fields.contains("time"));
  EXPECT_EQ(m.error().fields.at("place"), "Enter where the meeting is held, or say it is online");
  auto blank = ValidateMeeting({"", "", "Room\n2", "", ""}, kBefore);
  ASSERT_FALSE(blank.has_value());
  EXPECT_EQ(blank.error().fields.at("date"), "Enter the date of the meeting");
  EXPECT_EQ(blank.error().fields.at("time"), "Enter the time the meeting starts");
  EXPECT_EQ(blank.error().fields.at("place"), "The place must be one line");
}

TEST(Reference, IsThePanelNameAndLondonDate) {
  PanelMeeting m;
  m.starts_at = *ParseRfc3339("2026-12-03T23:30:00Z");  // still 3 December in London (GMT)
  EXPECT_EQ(Reference(m, "CSEP"), "CSEP 2026-12-03");
  m.starts_at = *ParseRfc3339("2026-07-03T23:30:00Z");  // 4 July 00:30 BST
  EXPECT_EQ(Reference(m, "MASE"), "MASE 2026-07-04");
}

TEST(Attendance, CodesRoundTripAndApologiesMeanNotAttending) {
  for (auto a : {Attendance::kInvited, Attendance::kPresent, Attendance::kApologies}) {
    EXPECT_EQ(AttendanceFromCode(ToCode(a)), a);
  }
  EXPECT_FALSE(AttendanceFromCode("maybe").has_value());
  EXPECT_TRUE(Attends(Member{.attendance = Attendance::kInvited}));
  EXPECT_TRUE(Attends(Member{.attendance = Attendance::kPresent}));
  EXPECT_FALSE(Attends(Member{.attendance = Attendance::kApologies}));
}

TEST(ByAgency, PresentWinsThenApologiesAndAgenciesAreInNameOrder) {
  std::vector<Member> members = {
      {"u1", "police", Attendance::kApologies, "Ana", "Police", ""},
      {"u2", "police", Attendance::kPresent, "Ben", "Police", ""},
      {"u3", "health", Attendance::kApologies, "Cal", "Health", ""},
      {"u4", "school", Attendance::kInvited, "Dee", "Ashby School", ""},
  };
  auto by = ByAgency(members);
  ASSERT_EQ(by.size(), 3U);
  EXPECT_EQ(by[0].agency_name, "Ashby School");
  EXPECT_EQ(by[0].attendance, Attendance::kInvited);
  EXPECT_EQ(by[1].agency_name, "Health");
  EXPECT_EQ(by[1].attendance, Attendance::kApologies);
  EXPECT_EQ(by[2].agency_name, "Police");
  EXPECT_EQ(by[2].attendance, Attendance::kPresent);
  EXPECT_EQ(by[2].names, (std::vector<std::string>{"Ana", "Ben"}));
}

TEST(Codes, EveryModelElementAndCategoryRoundTrips) {
  for (auto m : kModels) EXPECT_EQ(ExploitationModelFromCode(ToCode(m)), m);
  for (auto e : kElements) EXPECT_EQ(ElementFromCode(ToCode(e)), e);
  for (auto c : {Category::kAtRisk, Category::kSignificantRisk, Category::kSeriousRisk}) {
    EXPECT_EQ(CategoryFromCode(ToCode(c)), c);
  }
  EXPECT_FALSE(CategoryFromCode("4").has_value());
  EXPECT_FALSE(ItemReasonFromCode("other").has_value());
}

DecisionInput GoodDecision() {
  return {"2", {"boyfriend"}, {"online"}, "Disruption plan; school mentor.", "2027-01-14"};
}

TEST(ValidateDecision, AcceptsAGoodDecision) {
  DecisionInput input = GoodDecision();
  input.models = {"peer", "boyfriend", "peer"};
  auto d = ValidateDecision(input, kMeetingDay);
  ASSERT_TRUE(d.has_value()) << d.error().message;
  EXPECT_EQ(d->category, Category::kSignificantRisk);
  // Each once, in the list's order.
  EXPECT_EQ(d->models, (std::vector<ExploitationModel>{ExploitationModel::kBoyfriend,
                                                       ExploitationModel::kPeer}));
  EXPECT_EQ(d->elements, std::vector<Element>{Element::kOnline});
  EXPECT_EQ(d->next_review, (Date{year{2027}, January, std::chrono::day{14}}));
}

TEST(ValidateDecision, ModelIsRequiredOnceDiscussed) {
  DecisionInput input = GoodDecision();
  input.models.clear();
  auto d = ValidateDecision(input, kMeetingDay);
  ASSERT_FALSE(d.has_value());
  EXPECT_EQ(d.error().fields.at("models"),
            "Choose at least one exploitation model: it is required once discussed");
  input.models = {"gang"};  // an element is not a model
  EXPECT_EQ(ValidateDecision(input, kMeetingDay).error().fields.at("models"),
            "Choose exploitation models from the list");
}

TEST(ValidateDecision, ReportsEveryProblemAtOnce) {
  auto d = ValidateDecision({"", {}, {"nonsense"}, "  ", "not a date"}, kMeetingDay);
  ASSERT_FALSE(d.has_value());
  for (const char* field : {"category", "models", "elements", "plan", "next_review"}) {
    EXPECT_TRUE(d.error().fields.contains(field)) << field;
  }
}

TEST(ValidateDecision, NextReviewMustBeAfterTheMeeting) {
  DecisionInput input = GoodDecision();
  input.next_review = "2026-12-03";  // the meeting's own day
  auto d = ValidateDecision(input, kMeetingDay);
  ASSERT_FALSE(d.has_value());
  EXPECT_EQ(d.error().fields.at("next_review"),
            "The next review must be after the meeting (3 December 2026)");
  input.next_review = "2026-12-04";
  EXPECT_TRUE(ValidateDecision(input, kMeetingDay).has_value());
}

TEST(ProposeAgenda, OnePerChildReferralFirstAndNotAlreadyOnTheAgenda) {
  std::vector<Proposal> candidates = {
      {"c1", "", ItemReason::kReview, "Child One", ""},
      {"c2", "r2", ItemReason::kReferral, "Child Two", ""},
      {"c1", "r1", ItemReason::kReferral, "Child One", ""},
      {"c3", "", ItemReason::kReview, "Child Three", ""},
  };
  std::vector<AgendaItem> agenda(1);
  agenda[0].child_id = "c3";
  auto proposals = ProposeAgenda(candidates, agenda);
  ASSERT_EQ(proposals.size(), 2U);
  EXPECT_EQ(proposals[0].child_id, "c2");
  EXPECT_EQ(proposals[1].child_id, "c1");
  EXPECT_EQ(proposals[1].reason, ItemReason::kReferral);
}

TEST(ValidateAction, NeedsTitleKnownOwnerAndDueDateFromTheMeeting) {
  std::vector<std::string> owners = {"u1", "u2"};
  auto a = ValidateAction({" Visit the hotel ", "u2", "2026-12-03"}, owners, kMeetingDay);
  ASSERT_TRUE(a.has_value());
  EXPECT_EQ(a->title, "Visit the hotel");
  EXPECT_EQ(a->owner, "u2");
  auto bad = ValidateAction({"", "u9", "2026-12-02"}, owners, kMeetingDay);
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().fields.at("title"), "Enter the action");
  EXPECT_EQ(bad.error().fields.at("owner"), "Choose an owner from the list");
  EXPECT_EQ(bad.error().fields.at("due"),
            "The due date cannot be before the meeting (3 December 2026)");
  auto blank = ValidateAction({"x", "", ""}, owners, kMeetingDay);
  EXPECT_EQ(blank.error().fields.at("owner"), "Choose who owns the action");
  EXPECT_EQ(blank.error().fields.at("due"), "Enter the date the action is due");
}

TEST(ActionDueAt, IsTheEndOfTheDayInLondon) {
  EXPECT_EQ(FormatRfc3339(ActionDueAt(kMeetingDay)), "2026-12-03T23:59:00Z");
  EXPECT_EQ(FormatRfc3339(ActionDueAt(Date{year{2026}, std::chrono::June, std::chrono::day{1}})),
            "2026-06-01T22:59:00Z");
}

TEST(LatestDecision, IsTheNewestDecidedItem) {
  auto decided = [](std::string id, long seconds, Category category) {
    AgendaItem item;
    item.id = std::move(id);
    Decision d;
    d.category = category;
    d.recorded_at = Instant{std::chrono::seconds{seconds}};
    item.decision = d;
    return item;
  };
  AgendaItem waiting;
  waiting.id = "waiting";
  EXPECT_EQ(LatestDecision({}), nullptr);
  EXPECT_EQ(LatestDecision({waiting}), nullptr);
  std::vector<AgendaItem> items = {decided("new", 300, Category::kSeriousRisk), waiting,
                                   decided("old", 100, Category::kAtRisk)};
  ASSERT_NE(LatestDecision(items), nullptr);
  EXPECT_EQ(LatestDecision(items)->id, "new");
  EXPECT_EQ(LatestDecision(items)->decision->category, Category::kSeriousRisk);
}

TEST(PanelCodesTest, EveryEnumAnswersFromItsTable) {
  codes_testing::ExpectAnswersFromTable(kAttendanceCodes, AttendanceFromCode);
  codes_testing::ExpectAnswersFromTable(kItemReasonCodes, ItemReasonFromCode);
  codes_testing::ExpectAnswersFromTable(kExploitationModelCodes, ExploitationModelFromCode);
  codes_testing::ExpectAnswersFromTable(kElementCodes, ElementFromCode);
  codes_testing::ExpectAnswersFromTable(kCategoryCodes, CategoryFromCode);
}

}  // namespace
}  // namespace harbour::panel
