#include "panel/feedback.h"

#include <gtest/gtest.h>

namespace harbour::panel {
namespace {

Date D(int y, unsigned m, unsigned d) {
  return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

const PanelNames kPanel{"CSEP", "the exploitation coordinator, through Harbour"};

TEST(PanelFeedback, TheAgendaMessageNamesTheMeetingAndWhatHappensNext) {
  PanelMeeting meeting;
  meeting.starts_at = std::chrono::sys_days{D(2026, 12, 3)} + std::chrono::hours(14);
  auto m = AgendaMessage("Ava Brook", meeting, kPanel);
  EXPECT_EQ(m.title, "Ava Brook is on the agenda of the CSEP meeting on " +
                         FormatLondonDateTime(meeting.starts_at));
  EXPECT_EQ(m.next_steps,
            "The panel will discuss your referral then; you will hear here what it decides.");
  EXPECT_EQ(m.contact, kPanel.contact);
  EXPECT_TRUE(m.recipient.empty() && m.id.empty()) << "the caller addresses it";
}

TEST(PanelFeedback, TheDecisionSummaryGivesCategoryModelsAndReview) {
  Decision d;
  d.category = Category::kSignificantRisk;
  d.models = {ExploitationModel::kBoyfriend, ExploitationModel::kPeer};
  d.next_review = D(2027, 1, 14);
  EXPECT_EQ(DecisionSummary(d), std::string(Label(Category::kSignificantRisk)) +
                                    ". Exploitation model: " + std::string(Label(d.models[0])) +
                                    "; " + std::string(Label(d.models[1])) +
                                    ". Next review by 14 January 2027.");
}

TEST(PanelFeedback, TheActionMessageNamesTheAgencyAndDateNotThePlan) {
  auto m = ActionMessage("Ava Brook", "Harbourside Police", D(2026, 12, 17), kPanel);
  EXPECT_EQ(m.title, "The CSEP agreed an action for Ava Brook");
  EXPECT_EQ(m.body, "Harbourside Police owns it; it is due by 17 December 2026.");
  EXPECT_EQ(m.next_steps, "You will hear here when the panel reviews the plan.");
}

TEST(UpcomingMeeting, StaysUpcomingForTwelveHoursAfterItStarts) {
  PanelMeeting meeting;
  meeting.starts_at = std::chrono::sys_days{D(2026, 12, 3)} + std::chrono::hours(14);
  EXPECT_TRUE(IsUpcoming(meeting, meeting.starts_at - std::chrono::days(7)));
  EXPECT_TRUE(IsUpcoming(meeting, meeting.starts_at + std::chrono::hours(12)));
  EXPECT_FALSE(
      IsUpcoming(meeting, meeting.starts_at + std::chrono::hours(12) + std::chrono::seconds(1)));
}

}  // namespace
}  // namespace harbour::panel
