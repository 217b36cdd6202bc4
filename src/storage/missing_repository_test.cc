// Missing episodes, returns and return interviews on a real SQLite file.
#include "storage/missing_repository.h"

#include <gtest/gtest.h>

#include "common/ids.h"
#include "storage/concerns_repository.h"
#include "storage/storage_fixture.h"
#include "storage/tasks_repository.h"

namespace harbour::storage {
namespace {

using std::chrono::hours;
using testing::StorageTest;

class MissingRepositoryTest : public StorageTest {
 protected:
  missing::MissingEpisode Episode(const children::Child& c, Instant started,
                                  std::optional<Instant> returned = std::nullopt) {
    missing::MissingEpisode e;
    e.id = NewId();
    e.child_id = c.id;
    e.kind = missing::Kind::kAway;
    e.started_at = started;
    e.returned_at = returned;
    e.reported_by = "Foster carer";
    e.police_reference = "HP-1";
    e.risk_grade = missing::RiskGrade::kHigh;
    e.carer_name = "Pat Carer";
    e.recorded_by = user_.id;
    e.recorded_by_agency = agency_.id;
    e.recorded_at = now_;
    return e;
  }
  void Store(const missing::MissingEpisode& e) {
    Transaction tx(*db_);
    MissingRepository(*db_).InsertEpisodeIn(tx, e);
    tx.Commit();
  }
  missing::ReturnInterview Interview(const missing::MissingEpisode& e,
                                     missing::InterviewStatus status) {
    missing::ReturnInterview r;
    r.id = NewId();
    r.episode_id = e.id;
    r.status = status;
    r.held_at = now_;
    r.interviewer_name = "Sam Independent";
    r.interviewer_agency = other_.id;
    r.findings[0] = "Went to a party";
    r.recorded_by = user_.id;
    r.recorded_by_agency = agency_.id;
    r.recorded_at = now_;
    return r;
  }
};

TEST_F(MissingRepositoryTest, EpisodesRoundTripNewestFirst) {
  auto child = MakeChild("Ava", "Missingham");
  Insert(child);
  auto older = Episode(child, now_ - hours{200}, now_ - hours{190});
  older.where_found = "Bus station";
  auto newer = Episode(child, now_ - hours{10});
  newer.risk_grade.reset();
  Store(older);
  Store(newer);
  MissingRepository repo(*db_);
  auto listed = repo.ForChild(child.id);
  ASSERT_TRUE(listed.has_value()) << listed.error().message;
  ASSERT_EQ(listed->size(), 2u);
  EXPECT_EQ((*listed)[0].id, newer.id);
  EXPECT_FALSE((*listed)[0].returned_at.has_value());
  EXPECT_FALSE((*listed)[0].risk_grade.has_value());
  const auto& o = (*listed)[1];
  EXPECT_EQ(o.kind, missing::Kind::kAway);
  EXPECT_EQ(o.started_at, older.started_at);
  EXPECT_EQ(o.returned_at, older.returned_at);
  EXPECT_EQ(o.risk_grade, missing::RiskGrade::kHigh);
  EXPECT_EQ(o.where_found, "Bus station");
  EXPECT_EQ(o.carer_name, "Pat Carer");
  EXPECT_EQ(o.child_name, "Ava Missingham");
  EXPECT_EQ(o.recorder_name, "Test User");
  EXPECT_EQ(o.agency_name, "Test Police");
  auto found = repo.FindEpisode(newer.id);
  ASSERT_TRUE(found.has_value() && found->has_value());
  EXPECT_EQ((*found)->reported_by, "Foster carer");
  EXPECT_FALSE(repo.FindEpisode(NewId())->has_value());
}

TEST_F(MissingRepositoryTest, AReturnIsRecordedOnceAndStartsTheClock) {
  auto child = MakeChild("Leo", "Returner");
  Insert(child);
  auto e = Episode(child, now_ - hours{30});
  Store(e);
  MissingRepository repo(*db_);
  EXPECT_TRUE(repo.AwaitingInterview(10)->empty()) << "still missing: nothing due";
  missing::ReturnRecord back{now_ - hours{20}, "Railway station", "Older males"};
  {
    Transaction tx(*db_);
    EXPECT_TRUE(repo.RecordReturnIn(tx, e.id, back, user_.id, now_));
    EXPECT_FALSE(repo.RecordReturnIn(tx, e.id, back, user_.id, now_)) << "only once";
    tx.Commit();
  }
  auto after = repo.FindEpisode(e.id);
  EXPECT_EQ((*after)->returned_at, now_ - hours{20});
  EXPECT_EQ((*after)->found_with, "Older males");
  auto due = repo.AwaitingInterview(10);
  ASSERT_TRUE(due.has_value());
  ASSERT_EQ(due->size(), 1u);
  EXPECT_EQ((*due)[0].id, e.id);
  soci::session sql(db_->Pool());
  std::string interview_due;
  sql << "SELECT interview_due FROM missing_episodes WHERE id = :id", soci::use(e.id),
      soci::into(interview_due);
  EXPECT_EQ(interview_due, FormatRfc3339(now_ - hours{20} + hours{72}));
}

TEST_F(MissingRepositoryTest, OffersKeepItDueAConclusionEndsItOnlyOnce) {
  auto child = MakeChild("Mia", "Interviewed");
  Insert(child);
  auto soon = Episode(child, now_ - hours{50}, now_ - hours{40});
  auto later = Episode(child, now_ - hours{20}, now_ - hours{10});
  Store(later);
  Store(soon);
  MissingRepository repo(*db_);
  auto due = repo.AwaitingInterview(10);
  ASSERT_EQ(due->size(), 2u);
  EXPECT_EQ((*due)[0].id, soon.id) << "the soonest due first";

  concerns::Concern concern;
  concern.id = NewId();
  concern.child_id = child.id;
  concern.observed_at = now_;
  concern.category = concerns::Category::kSexualExploitation;
  concern.indicators = {"ws.older_relationship"};
  concern.narrative = "From the return interview";
  concern.recorded_by = user_.id;
  concern.recorded_by_agency = other_.id;
  concern.recorded_at = now_;
  auto offered = Interview(soon, missing::InterviewStatus::kOffered);
  auto done = Interview(soon, missing::InterviewStatus::kCompleted);
  done.concern_ids = {concern.id};
  done.recorded_at = now_ + hours{1};
  {
    Transaction tx(*db_);
    repo.InsertInterviewIn(tx, offered);
    tx.Commit();
  }
  EXPECT_EQ(repo.AwaitingInterview(10)->size(), 2u) << "an offer does not conclude";
  {
    Transaction tx(*db_);
    ConcernsRepository(*db_).InsertIn(tx, concern);
    repo.InsertInterviewIn(tx, done);
    tx.Commit();
  }
  auto still = repo.AwaitingInterview(10);
  ASSERT_EQ(still->size(), 1u);
  EXPECT_EQ((*still)[0].id, later.id);

  auto second = Guard("test", [&]() -> Result<void> {
    Transaction tx(*db_);
    repo.InsertInterviewIn(tx, Interview(soon, missing::InterviewStatus::kRefused));
    tx.Commit();
    return {};
  });
  ASSERT_FALSE(second.has_value());
  EXPECT_EQ(second.error().kind, ErrorKind::kConflict) << "one conclusion per episode";

  auto interviews = repo.Interviews(soon.id);
  ASSERT_TRUE(interviews.has_value()) << interviews.error().message;
  ASSERT_EQ(interviews->size(), 2u);
  EXPECT_EQ((*interviews)[0].status, missing::InterviewStatus::kOffered);
  const auto& d = (*interviews)[1];
  EXPECT_EQ(d.status, missing::InterviewStatus::kCompleted);
  EXPECT_EQ(d.held_at, now_);
  EXPECT_EQ(d.findings[0], "Went to a party");
  EXPECT_EQ(d.interviewer_agency_name, "Test School");
  EXPECT_EQ(d.concern_ids, std::vector<std::string>{concern.id});
  EXPECT_EQ(repo.InterviewsForChild(child.id)->size(), 2u);
}

TEST_F(MissingRepositoryTest, StartsAndTheOpenStrategyTask) {
  auto child = MakeChild("Kai", "Repeat");
  Insert(child);
  Store(Episode(child, now_ - hours{100}));
  Store(Episode(child, now_ - hours{50}));
  MissingRepository repo(*db_);
  Transaction tx(*db_);
  EXPECT_EQ(repo.StartsIn(tx, child.id).size(), 2u);
  EXPECT_FALSE(repo.HasOpenStrategyTaskIn(tx, child.id));
  tasks::Task t;
  t.id = NewId();
  t.child_id = child.id;
  t.source_type = "missing";
  t.source_id = NewId();
  t.title = missing::StrategyTaskTitle(3, 30);
  t.who = "coordinator";
  t.assigned_role = "coordinator";
  t.due_at = now_ + hours{24};
  t.created_by = user_.id;
  t.created_at = now_;
  TasksRepository(*db_).InsertIn(tx, t);
  EXPECT_TRUE(repo.HasOpenStrategyTaskIn(tx, child.id));
  EXPECT_TRUE(TasksRepository(*db_).CompleteIn(tx, t.id, "Held", user_.id, now_));
  EXPECT_FALSE(repo.HasOpenStrategyTaskIn(tx, child.id)) << "a done task no longer counts";
}

}  // namespace
}  // namespace harbour::storage
