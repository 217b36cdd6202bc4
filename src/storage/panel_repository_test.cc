#include "storage/panel_repository.h"

#include <optional>

#include "storage/referrals_repository.h"
#include "storage/storage_fixture.h"

namespace harbour::storage::testing {
namespace {

class PanelRepositoryTest : public StorageTest {
 protected:
  void SetUp() override {
    StorageTest::SetUp();
    repo_.emplace(*db_);
    member_ = {NewId(), "panel.one", "Panel One",  other_.id, access::Role::kPanelMember,
               "x",     0,           std::nullopt, true};
    ASSERT_TRUE(IdentityRepository(*db_).InsertUser(member_, now_).has_value());
    child_ = MakeChild("Ada", "Quay");
    Insert(child_);
  }

  panel::PanelMeeting Meeting(std::string_view date) {
    auto m = panel::ValidateMeeting({std::string(date), "10:00", "Room 1", "", ""}, Instant{});
    EXPECT_TRUE(m.has_value());
    m->id = NewId();
    m->created_by = user_.id;
    m->created_at = now_;
    Transaction tx(*db_);
    Panel().InsertMeetingIn(tx, *m);
    tx.Commit();
    return *m;
  }

  panel::AgendaItem Add(const panel::PanelMeeting& m, const children::Child& c,
                        std::string referral_id = "") {
    panel::AgendaItem item{
        NewId(), m.id, c.id, std::move(referral_id), panel::ItemReason::kReview, 0, std::nullopt,
        "",      "",   ""};
    Transaction tx(*db_);
    Panel().InsertItemIn(tx, item, user_.id, now_);
    tx.Commit();
    return item;
  }

  void Decide(const panel::AgendaItem& item, std::string_view review, Instant at) {
    panel::Decision d;
    d.category = panel::Category::kSeriousRisk;
    d.models = {panel::ExploitationModel::kPeer, panel::ExploitationModel::kOrganised};
    d.elements = {panel::Element::kGang};
    d.plan = "Plan";
    d.next_review = *ParseDate(review);
    d.recorded_by = user_.id;
    d.recorded_at = at;
    Transaction tx(*db_);
    Panel().RecordDecisionIn(tx, item.id, d);
    tx.Commit();
  }

  identity::User member_;
  children::Child child_;
  PanelRepository& Panel() { return *repo_; }
  std::optional<PanelRepository> repo_;  // made in SetUp, once the database is open
};

TEST_F(PanelRepositoryTest, MembersAttendUnlessTheySendApologies) {
  auto m = Meeting("2026-12-03");
  Add(m, child_);
  EXPECT_FALSE(*Panel().AttendsMeetingAbout(child_.id, member_.id));
  {
    Transaction tx(*db_);
    EXPECT_TRUE(Panel().AddMemberIn(tx, m.id, member_.id, other_.id, user_.id, now_));
    EXPECT_FALSE(Panel().AddMemberIn(tx, m.id, member_.id, other_.id, user_.id, now_));
    tx.Commit();
  }
  EXPECT_TRUE(*Panel().AttendsMeetingAbout(child_.id, member_.id));
  auto other_child = MakeChild("Bea", "Mill");
  Insert(other_child);
  EXPECT_FALSE(*Panel().AttendsMeetingAbout(other_child.id, member_.id)) << "not on the agenda";
  {
    Transaction tx(*db_);
    EXPECT_TRUE(Panel().SetAttendanceIn(tx, m.id, member_.id, panel::Attendance::kApologies,
                                        user_.id, now_));
    EXPECT_FALSE(
        Panel().SetAttendanceIn(tx, m.id, user_.id, panel::Attendance::kPresent, user_.id, now_))
        << "not a member";
    tx.Commit();
  }
  EXPECT_FALSE(*Panel().AttendsMeetingAbout(child_.id, member_.id));
  auto members = Panel().Members(m.id);
  ASSERT_TRUE(members.has_value());
  ASSERT_EQ(members->size(), 1U);
  EXPECT_EQ((*members)[0].agency_name, "Test School");
  EXPECT_EQ((*members)[0].attendance, panel::Attendance::kApologies);
}

TEST_F(PanelRepositoryTest, ItemsArePositionedInOrderAndDecisionsRoundTrip) {
  auto m = Meeting("2026-12-03");
  auto second = MakeChild("Cy", "Rope");
  Insert(second);
  auto a = Add(m, child_);
  auto b = Add(m, second);
  Decide(b, "2027-01-14", now_);
  auto items = Panel().Items(m.id);
  ASSERT_TRUE(items.has_value());
  ASSERT_EQ(items->size(), 2U);
  EXPECT_EQ((*items)[0].id, a.id);
  EXPECT_EQ((*items)[0].position, 1);
  EXPECT_FALSE((*items)[0].decision.has_value());
  EXPECT_EQ((*items)[1].position, 2);
  ASSERT_TRUE((*items)[1].decision.has_value());
  const auto& d = *(*items)[1].decision;
  EXPECT_EQ(d.category, panel::Category::kSeriousRisk);
  EXPECT_EQ(d.models, (std::vector<panel::ExploitationModel>{
                          panel::ExploitationModel::kPeer, panel::ExploitationModel::kOrganised}));
  EXPECT_EQ(d.elements, std::vector<panel::Element>{panel::Element::kGang});
  EXPECT_EQ(FormatDate(d.next_review), "2027-01-14");
  EXPECT_EQ((*items)[1].child_name, "Cy Rope");
  auto summaries = Panel().Meetings("", 10);
  ASSERT_TRUE(summaries.has_value());
  ASSERT_EQ(summaries->size(), 1U);
  EXPECT_EQ((*summaries)[0].items, 2);
  EXPECT_EQ((*summaries)[0].discussed, 1);
  EXPECT_TRUE(Panel().Meetings(member_.id, 10)->empty()) << "not a member";
}

TEST_F(PanelRepositoryTest, ReviewsDueFollowTheLatestDecisionOnly) {
  auto first = Meeting("2026-10-01");
  auto later = Meeting("2026-11-05");
  Decide(Add(first, child_), "2026-11-01", now_);
  EXPECT_EQ(Panel().ReviewsDue(*ParseDate("2026-10-31"))->size(), 0U);
  auto due = Panel().ReviewsDue(*ParseDate("2026-11-01"));
  ASSERT_EQ(due->size(), 1U) << "due on the day";
  EXPECT_EQ((*due)[0].child_id, child_.id);
  // Once on another agenda it is not proposed again; once discussed there, its new review counts.
  auto item = Add(later, child_);
  EXPECT_EQ(Panel().ReviewsDue(*ParseDate("2026-12-31"))->size(), 0U);
  Decide(item, "2027-02-01", now_ + std::chrono::hours(1));
  EXPECT_EQ(Panel().ReviewsDue(*ParseDate("2026-12-31"))->size(), 0U);
  EXPECT_EQ(Panel().ReviewsDue(*ParseDate("2027-02-01"))->size(), 1U);
}

TEST_F(PanelRepositoryTest, AClosedReferralEndsItsReviewsAndPendingReferralsAreListed) {
  referrals::Referral r;
  r.id = NewId();
  r.child_id = child_.id;
  r.referred_by = user_.id;
  r.referrer_agency = agency_.id;
  r.no_assessment_reason = "none";
  r.reason = "reason";
  r.state = referrals::State::kDiscussed;
  r.submitted_at = r.screening_due = r.updated_at = now_;
  ReferralsRepository referrals(*db_);
  {
    Transaction tx(*db_);
    referrals.InsertIn(tx, r);
    tx.Commit();
  }
  auto m = Meeting("2026-10-01");
  auto item = Add(m, child_, r.id);
  EXPECT_EQ(*Panel().PendingReferrals(), std::vector<std::string>{r.id});
  Decide(item, "2026-11-01", now_);
  EXPECT_TRUE(Panel().PendingReferrals()->empty());
  EXPECT_EQ(Panel().ReviewsDue(*ParseDate("2026-12-01"))->size(), 1U);
  {
    Transaction tx(*db_);
    ASSERT_TRUE(referrals.MoveIn(
        tx, r.id,
        {referrals::State::kDiscussed, referrals::State::kClosed, "done", "", user_.id, now_},
        NewId()));
    tx.Commit();
  }
  EXPECT_EQ(Panel().ReviewsDue(*ParseDate("2026-12-01"))->size(), 0U);
}

}  // namespace
}  // namespace harbour::storage::testing
