// Risk tools, assessments and tasks on a real SQLite file: registering versions, version
// pinning (an old assessment re-scores the same after the tool changes), drafts that cannot be
// changed once submitted, reviews due, indicator sightings, and tasks completed once.
#include "storage/assessments_repository.h"

#include <gtest/gtest.h>

#include "assessments/test_support.h"
#include "storage/concerns_repository.h"
#include "storage/storage_fixture.h"
#include "storage/tasks_repository.h"
#include "storage/tool_library.h"

namespace harbour::storage {
namespace {

using assessments::testing::ReadSource;
using assessments::testing::RealCatalogue;
using testing::StorageTest;

class AssessmentStorageTest : public StorageTest {
 protected:
  void SetUp() override {
    StorageTest::SetUp();
    library_ = std::make_unique<ToolLibrary>(*db_, RealCatalogue());
    child_ = MakeChild("Ada", "Lane");
    Insert(child_);
  }

  Result<RegisterOutcome> Register(const std::string& text) {
    return library_->Register(text, "tester", Entry("tool.register"), now_);
  }

  // A submitted assessment of child_ scored with `tool` at now_.
  assessments::Assessment Submitted(const assessments::ToolDefinition& tool,
                                    std::vector<assessments::Answer> answers, Instant at) {
    assessments::Assessment a;
    a.id = NewId();
    a.child_id = child_.id;
    a.tool_id = tool.id;
    a.tool_version = tool.version;
    a.status = assessments::Status::kSubmitted;
    a.answers = std::move(answers);
    a.facts = assessments::FactsOf(child_, LondonDate(at));
    a.outcome = *assessments::Score(tool, a.answers, a.facts, at, calendar_);
    a.judged_level = a.outcome.level;
    a.plan = assessments::PlanFor(tool, a.outcome, a.judged_level, at, calendar_);
    a.assessed_by = user_.id;
    a.assessed_by_agency = agency_.id;
    a.created_at = a.updated_at = at;
    a.submitted_at = at;
    return a;
  }

  void Save(const assessments::Assessment& a) {
    Transaction tx(*db_);
    AssessmentsRepository(*db_).InsertIn(tx, a, {}, {});
    tx.Commit();
  }

  std::unique_ptr<ToolLibrary> library_;
  children::Child child_;
  WorkingCalendar calendar_{{}};
};

std::string WithVersion(std::string text, int version) {
  auto at = text.find("version = 1\n");
  text.replace(at, 12, "version = " + std::to_string(version) + "\n");
  return text;
}

TEST_F(AssessmentStorageTest, AChangedToolNeedsANewVersionAndOldAssessmentsKeepTheirs) {
  const std::string v1 = ReadSource("config/tools/example-points.toml");
  auto first = Register(v1);
  ASSERT_TRUE(first.has_value()) << first.error().message;
  EXPECT_EQ(first->registration, assessments::Registration::kNewVersion);
  auto again = Register(v1);
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(again->registration, assessments::Registration::kAlreadyRegistered);

  // Score an assessment with version 1 and store it.
  auto tool_v1 = library_->Load("example-points", 1);
  ASSERT_TRUE(tool_v1.has_value());
  auto stored =
      Submitted(**tool_v1, {assessments::testing::Present("vu.family_difficulties")}, now_);
  Save(stored);

  // The same version with other content is refused; version 2 with more points is taken.
  std::string changed = v1;
  const std::string one_point = "code = \"vu.family_difficulties\"\n";
  auto at = changed.find("points = { current = 1, past = 1, both = 1 }", changed.find(one_point));
  ASSERT_NE(at, std::string::npos);
  changed.replace(at, 44, "points = { current = 3, past = 3, both = 3 }");
  auto clash = Register(changed);
  ASSERT_FALSE(clash.has_value());
  EXPECT_EQ(clash.error().code, "tool_version_taken");
  auto second = Register(WithVersion(changed, 2));
  ASSERT_TRUE(second.has_value()) << second.error().message;
  auto latest = library_->Latest("example-points");
  ASSERT_TRUE(latest.has_value());
  EXPECT_EQ((*latest)->version, 2);
  EXPECT_NE((*latest)->fingerprint, (*tool_v1)->fingerprint);

  // The old assessment still names version 1, and re-scores with it to the same outcome.
  auto found = AssessmentsRepository(*db_).Find(stored.id);
  ASSERT_TRUE(found.has_value() && found->has_value());
  const assessments::Assessment& back = (*found)->assessment;
  EXPECT_EQ(back.tool_version, 1);
  auto pinned = library_->Load(back.tool_id, back.tool_version);
  ASSERT_TRUE(pinned.has_value());
  auto rescored =
      assessments::Score(**pinned, back.answers, back.facts, *back.submitted_at, calendar_);
  ASSERT_TRUE(rescored.has_value());
  EXPECT_EQ(rescored->score, back.outcome.score);
  EXPECT_EQ(rescored->level, back.outcome.level);
  EXPECT_EQ(rescored->tool_fingerprint, back.outcome.tool_fingerprint);
  auto with_v2 =
      assessments::Score(**latest, back.answers, back.facts, *back.submitted_at, calendar_);
  ASSERT_TRUE(with_v2.has_value());
  EXPECT_GT(with_v2->score, back.outcome.score) << "version 2 really scores differently";
}

TEST_F(AssessmentStorageTest, AnInvalidFileIsRefusedWithEveryProblemAndTheActiveToolStays) {
  ASSERT_TRUE(Register(ReadSource("config/tools/harbour-screening.toml")).has_value());
  std::string broken = ReadSource("config/tools/example-rag.toml");
  broken.replace(broken.find("colour = \""), 10, "colour = \"tartan");
  broken +=
      "\n[[section]]\ncode = \"extra\"\ntitle = \"Extra\"\n\n[[section.indicator]]\n"
      "code = \"ws.no_such_sign\"\nquestion = \"?\"\nsuggested = \"green\"\n";
  auto refused = Register(broken);
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code, "invalid_tool");
  EXPECT_GE(refused.error().fields.size(), 2U) << "every problem, not just the first";
  auto versions = library_->Versions();
  ASSERT_TRUE(versions.has_value());
  EXPECT_EQ(versions->size(), 1U);
  EXPECT_EQ(*library_->ActiveId(), "harbour-screening");
}

TEST_F(AssessmentStorageTest, TheAdministratorChoosesTheActiveTool) {
  EXPECT_EQ(*library_->ActiveId(), std::string(kDefaultTool));
  auto unknown = library_->Activate("no-such-tool", "admin", Entry("tool.activate"), now_);
  ASSERT_FALSE(unknown.has_value());
  EXPECT_EQ(unknown.error().kind, ErrorKind::kInvalid);
  ASSERT_TRUE(Register(ReadSource("config/tools/example-rag.toml")).has_value());
  ASSERT_TRUE(library_->Activate("example-rag", "admin", Entry("tool.activate"), now_));
  EXPECT_EQ(*library_->ActiveId(), "example-rag");
  auto active = library_->Active();
  ASSERT_TRUE(active.has_value());
  EXPECT_EQ((*active)->id, "example-rag");
  // Each change is audited in the same transaction.
  auto entries = AuditRepository(*db_).Recent(10);
  ASSERT_TRUE(entries.has_value());
  EXPECT_EQ(entries->front().action, "tool.activate");
  EXPECT_EQ(entries->front().record_id, "example-rag");
}

TEST_F(AssessmentStorageTest, ADraftIsUpdatedUntilSubmittedThenNeverAgain) {
  ASSERT_TRUE(Register(ReadSource("config/tools/harbour-screening.toml")).has_value());
  auto tool = library_->Load("harbour-screening", 1);
  ASSERT_TRUE(tool.has_value());
  assessments::Assessment draft;
  draft.id = NewId();
  draft.child_id = child_.id;
  draft.tool_id = "harbour-screening";
  draft.tool_version = 1;
  draft.assessed_by = user_.id;
  draft.assessed_by_agency = agency_.id;
  draft.created_at = draft.updated_at = now_;
  AssessmentsRepository repository(*db_);
  {
    Transaction tx(*db_);
    repository.InsertIn(tx, draft, {}, {});
    tx.Commit();
  }
  draft.answers = {assessments::testing::Present("ws.unexplained_gifts")};
  assessments::Sighting seen{"ws.unexplained_gifts", LondonDate(now_), "concern", "k1",
                             "Test School",          "A Tester"};
  {
    Transaction tx(*db_);
    EXPECT_TRUE(repository.UpdateDraftIn(tx, draft, {"ws.going_missing"}, {seen}));
    tx.Commit();
  }
  auto found = repository.Find(draft.id);
  ASSERT_TRUE(found.has_value() && found->has_value());
  EXPECT_EQ((*found)->assessment.answers.size(), 1U);
  EXPECT_EQ((*found)->cleared, std::vector<std::string>{"ws.going_missing"});
  ASSERT_EQ((*found)->evidence.size(), 1U);
  EXPECT_EQ((*found)->evidence[0].agency_name, "Test School");

  assessments::Assessment submitted = Submitted(**tool, draft.answers, now_);
  submitted.id = draft.id;
  {
    Transaction tx(*db_);
    EXPECT_TRUE(repository.UpdateDraftIn(tx, submitted, {}, {}));
    tx.Commit();
  }
  {
    Transaction tx(*db_);
    EXPECT_FALSE(repository.UpdateDraftIn(tx, draft, {}, {})) << "a submitted one is final";
  }
  auto final = repository.Find(draft.id);
  ASSERT_TRUE(final.has_value() && final->has_value());
  const assessments::Assessment& a = (*final)->assessment;
  EXPECT_EQ(a.status, assessments::Status::kSubmitted);
  EXPECT_EQ(a.outcome.level, submitted.outcome.level);
  EXPECT_EQ(a.outcome.contributions.size(), submitted.outcome.contributions.size());
  EXPECT_EQ(a.outcome.actions.size(), submitted.outcome.actions.size());
  EXPECT_EQ(a.outcome.next_review, submitted.outcome.next_review);
  EXPECT_EQ(a.facts.age, submitted.facts.age);
}

TEST_F(AssessmentStorageTest, ReviewsDueListOnlyEachChildsLatestAssessment) {
  ASSERT_TRUE(Register(ReadSource("config/tools/harbour-screening.toml")).has_value());
  auto tool = library_->Load("harbour-screening", 1);
  ASSERT_TRUE(tool.has_value());
  const Instant long_ago = now_ - std::chrono::days(400);
  Save(Submitted(**tool, {}, long_ago));  // its review date passed long ago
  AssessmentsRepository repository(*db_);
  auto due = repository.ReviewsDueBy(LondonDate(now_), 10);
  ASSERT_TRUE(due.has_value());
  ASSERT_EQ(due->size(), 1U);
  EXPECT_EQ(due->front().child_name, "Ada Lane");
  Save(Submitted(**tool, {}, now_));  // a fresh assessment replaces it
  due = repository.ReviewsDueBy(LondonDate(now_), 10);
  ASSERT_TRUE(due.has_value());
  EXPECT_TRUE(due->empty());
}

TEST_F(AssessmentStorageTest, SightingsComeFromConcernsSinceTheGivenInstant) {
  concerns::Concern concern;
  concern.id = NewId();
  concern.child_id = child_.id;
  concern.observed_at = now_ - std::chrono::days(3);
  concern.indicators = {"ws.unexplained_gifts", "ws.going_missing"};
  concern.narrative = "Seen with older men.";
  concern.recorded_by = user_.id;
  concern.recorded_by_agency = other_.id;
  concern.recorded_at = now_;
  {
    Transaction tx(*db_);
    ConcernsRepository(*db_).InsertIn(tx, concern);
    tx.Commit();
  }
  AssessmentsRepository repository(*db_);
  auto seen = repository.Sightings(child_.id, now_ - std::chrono::days(5));
  ASSERT_TRUE(seen.has_value());
  ASSERT_EQ(seen->size(), 2U);
  EXPECT_EQ(seen->front().agency_name, "Test School");
  EXPECT_EQ(seen->front().record_id, concern.id);
  EXPECT_EQ(seen->front().seen, LondonDate(concern.observed_at));
  auto none = repository.Sightings(child_.id, now_ - std::chrono::days(1));
  ASSERT_TRUE(none.has_value());
  EXPECT_TRUE(none->empty());
}

TEST_F(AssessmentStorageTest, TasksAreFoundByAssigneeAndCompletedOnce) {
  tasks::Task lead_task;
  lead_task.id = NewId();
  lead_task.child_id = child_.id;
  lead_task.source_type = "assessment";
  lead_task.source_id = "a1";
  lead_task.title = "Refer to the panel";
  lead_task.who = "safeguarding-lead";
  lead_task.assigned_role = "safeguarding-lead";
  lead_task.assigned_agency = agency_.id;
  lead_task.due_at = now_ + std::chrono::hours(24);
  lead_task.created_by = user_.id;
  lead_task.created_at = now_;
  tasks::Task own = lead_task;
  own.id = NewId();
  own.title = "Make a safety plan";
  own.assigned_role.clear();
  own.assigned_agency.clear();
  own.assigned_user = user_.id;
  own.due_at = now_ + std::chrono::hours(1);
  TasksRepository repository(*db_);
  {
    Transaction tx(*db_);
    repository.InsertIn(tx, lead_task);
    repository.InsertIn(tx, own);
    tx.Commit();
  }
  auto practitioner = repository.AssignedTo({user_.id, access::Role::kPractitioner, agency_.id}, 5);
  ASSERT_TRUE(practitioner.has_value());
  ASSERT_EQ(practitioner->size(), 1U);
  EXPECT_EQ(practitioner->front().title, "Make a safety plan");
  auto lead = repository.AssignedTo({"someone", access::Role::kSafeguardingLead, agency_.id}, 5);
  ASSERT_TRUE(lead.has_value());
  ASSERT_EQ(lead->size(), 1U);
  EXPECT_EQ(lead->front().child_name, "Ada Lane");
  auto other_lead = repository.AssignedTo({"x", access::Role::kSafeguardingLead, other_.id}, 5);
  ASSERT_TRUE(other_lead.has_value());
  EXPECT_TRUE(other_lead->empty()) << "another agency's lead does not get it";
  {
    Transaction tx(*db_);
    EXPECT_TRUE(repository.CompleteIn(tx, own.id, "Plan agreed with mum.", user_.id, now_));
    EXPECT_FALSE(repository.CompleteIn(tx, own.id, "Overwritten?", user_.id, now_));
    tx.Commit();
  }
  auto done = repository.Find(own.id);
  ASSERT_TRUE(done.has_value() && done->has_value());
  EXPECT_EQ((*done)->status, tasks::TaskStatus::kDone);
  EXPECT_EQ((*done)->outcome, "Plan agreed with mum.");
  EXPECT_EQ((*done)->completed_by_name, "Test User");
  auto by_source = repository.ForSource("assessment", "a1");
  ASSERT_TRUE(by_source.has_value());
  ASSERT_EQ(by_source->size(), 2U);
  EXPECT_EQ(by_source->front().id, own.id) << "soonest due first";
}

}  // namespace
}  // namespace harbour::storage
