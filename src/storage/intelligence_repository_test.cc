// Intelligence reports on a real SQLite file: the original and the source are stored apart, a
// report is graded once, and the facts access/ needs come back with the allowed agencies.
#include "storage/intelligence_repository.h"

#include <gtest/gtest.h>

#include "common/ids.h"
#include "storage/storage_fixture.h"

namespace harbour::storage {
namespace {

using testing::StorageTest;

class IntelligenceRepositoryTest : public StorageTest {
 protected:
  intelligence::Report Submit(bool danger = false) {
    intelligence::Report r;
    r.id = NewId();
    r.submitted_by = user_.id;
    r.submitted_by_agency = other_.id;
    r.submitted_at = now_;
    r.holding_agency = agency_.id;
    r.category = intelligence::Category::kSexualExploitation;
    r.immediate_danger = danger;
    intelligence::ReportSubject vehicle{NewId(), 0, "vehicle", "", {{"registration", "AB12CDE"}},
                                        {}};
    Transaction tx(*db_);
    IntelligenceRepository(*db_).InsertIn(tx, r, {"Dee", "Collects a girl", "Hotel", "", "", ""},
                                          {"Test User", "Test School", "01234", ""}, {vehicle});
    tx.Commit();
    return r;
  }
  intelligence::Grading Graded(intelligence::Handling handling) {
    intelligence::Grading g;
    g.grade.source = intelligence::Source::k2;
    g.grade.assessment = intelligence::Assessment::kB;
    g.grade.handling = handling;
    if (handling == intelligence::Handling::kC) {
      g.grade.handling_instructions = "Not to be shared with the family";
      g.grade.allowed_agencies = {other_.id};
    }
    g.sanitised_text = "A vehicle collects a young person at night.";
    g.outcome = intelligence::Outcome::kLogCreated;
    return g;
  }
};

TEST_F(IntelligenceRepositoryTest, StoresTheOriginalAndSourceApart) {
  IntelligenceRepository repo(*db_);
  auto r = Submit();
  auto found = repo.Find(r.id);
  ASSERT_TRUE(found.has_value() && found->has_value());
  EXPECT_EQ((*found)->status, intelligence::ReportStatus::kSubmitted);
  EXPECT_FALSE((*found)->grade.has_value());
  EXPECT_EQ(repo.OriginalOf(r.id)->what, "Collects a girl");
  EXPECT_EQ(repo.SourceOf(r.id)->submitter_agency_name, "Test School");
  auto subjects = repo.Subjects(r.id);
  ASSERT_TRUE(subjects.has_value());
  ASSERT_EQ(subjects->size(), 1u);
  EXPECT_EQ(subjects->front().details.at("registration"), "AB12CDE");
  EXPECT_TRUE(subjects->front().record_id.empty());
}

TEST_F(IntelligenceRepositoryTest, TheQueueShowsImmediateDangerFirstAndGradingIsOnce) {
  IntelligenceRepository repo(*db_);
  auto first = Submit();
  auto urgent = Submit(/*danger=*/true);
  auto queue = repo.Queue(agency_.id, 10);
  ASSERT_TRUE(queue.has_value());
  ASSERT_EQ(queue->size(), 2u);
  EXPECT_EQ(queue->front().id, urgent.id);
  {
    Transaction tx(*db_);
    EXPECT_TRUE(repo.GradeIn(tx, first.id, Graded(intelligence::Handling::kC), user_.id, now_));
    EXPECT_FALSE(repo.GradeIn(tx, first.id, Graded(intelligence::Handling::kP), user_.id, now_));
    tx.Commit();
  }
  EXPECT_EQ(repo.Queue(agency_.id, 10)->size(), 1u);
  auto graded = repo.Find(first.id);
  ASSERT_TRUE(graded->has_value());
  EXPECT_EQ(intelligence::GradeCode(**graded), "2/B/C");
  auto facts = repo.Facts({first.id, urgent.id, "0123456789abcdef0123456789abcdef"});
  ASSERT_TRUE(facts.has_value());
  ASSERT_EQ(facts->size(), 2u);
  EXPECT_EQ(facts->at(first.id).handling, access::ReportHandling::kC);
  EXPECT_TRUE(facts->at(first.id).allowed_agencies.contains(other_.id));
  EXPECT_FALSE(facts->at(urgent.id).handling.has_value());
  EXPECT_EQ(repo.RecentlyGraded(agency_.id, 10)->size(), 1u);
  EXPECT_EQ(repo.BySubmitter(user_.id, 10)->size(), 2u);
}

TEST_F(IntelligenceRepositoryTest, ResolvesOnlyTheReportsOwnSubjects) {
  IntelligenceRepository repo(*db_);
  auto a = Submit();
  auto b = Submit();
  auto subject = repo.Subjects(a.id)->front();
  std::string record = NewId();
  Transaction tx(*db_);
  EXPECT_FALSE(repo.ResolveSubjectIn(tx, b.id, subject.id, record));
  EXPECT_TRUE(repo.ResolveSubjectIn(tx, a.id, subject.id, record));
  tx.Commit();
  EXPECT_EQ(repo.Subjects(a.id)->front().record_id, record);
  EXPECT_EQ(repo.AboutRecord("vehicle", record, 10)->size(), 1u);
}

}  // namespace
}  // namespace harbour::storage
