#include "tasks/task.h"

#include <gtest/gtest.h>

#include "assessments/test_support.h"
#include "common/codes_testing.h"

namespace harbour::tasks {
namespace {

using access::Role;
using access::Subject;

const Instant kNow = Instant{std::chrono::seconds{1'780'000'000}};

TEST(AssignAction, LeadsAndCoordinatorsByRoleEverythingElseToTheAssessor) {
  Assignment lead = AssignAction("safeguarding-lead", "u1", "a1");
  EXPECT_EQ(lead.user, "");
  EXPECT_EQ(lead.role, "safeguarding-lead");
  EXPECT_EQ(lead.agency, "a1");
  Assignment coordinator = AssignAction("coordinator", "u1", "a1");
  EXPECT_EQ(coordinator.role, "coordinator");
  EXPECT_EQ(coordinator.agency, "") << "any coordinator in the area";
  for (std::string_view who : {"practitioner", "police", "childrens_social_care", ""}) {
    Assignment a = AssignAction(who, "u1", "a1");
    EXPECT_EQ(a.user, "u1") << who;
    EXPECT_EQ(a.role, "") << who;
  }
}

TEST(WhoLabel, RolesAndAgencyTypesByTheirLabelsAnythingElseAsWritten) {
  const auto& catalogue = assessments::testing::RealCatalogue();
  EXPECT_EQ(WhoLabel("safeguarding-lead", catalogue), "Safeguarding lead");
  EXPECT_EQ(WhoLabel("coordinator", catalogue), "Exploitation coordinator");
  EXPECT_EQ(WhoLabel("someone else", catalogue), "someone else");
}

TEST(IsAssignedTo, ByNameOrByRoleWithinTheAgency) {
  Task mine;
  mine.assigned_user = "u1";
  EXPECT_TRUE(IsAssignedTo(mine, Subject{"u1", Role::kPractitioner, "a1"}));
  EXPECT_FALSE(IsAssignedTo(mine, Subject{"u2", Role::kPractitioner, "a1"}));
  Task leads;
  leads.assigned_role = "safeguarding-lead";
  leads.assigned_agency = "a1";
  EXPECT_TRUE(IsAssignedTo(leads, Subject{"u9", Role::kSafeguardingLead, "a1"}));
  EXPECT_FALSE(IsAssignedTo(leads, Subject{"u9", Role::kSafeguardingLead, "a2"}));
  EXPECT_FALSE(IsAssignedTo(leads, Subject{"u9", Role::kPractitioner, "a1"}));
  Task area;
  area.assigned_role = "coordinator";
  EXPECT_TRUE(IsAssignedTo(area, Subject{"u3", Role::kCoordinator, "any"}));
  EXPECT_FALSE(IsAssignedTo(Task{}, Subject{"", Role::kPractitioner, ""})) << "nobody's task";
}

TEST(Timeliness, DueUntilTheMomentItIsDueThenOverdueUnlessDone) {
  Task t;
  t.due_at = kNow;
  EXPECT_EQ(TimelinessOf(t, kNow), Timeliness::kDue);
  EXPECT_EQ(TimelinessOf(t, kNow + std::chrono::seconds{1}), Timeliness::kOverdue);
  t.status = TaskStatus::kDone;
  EXPECT_EQ(TimelinessOf(t, kNow + std::chrono::days{30}), Timeliness::kDone);
  EXPECT_EQ(ToCode(Timeliness::kOverdue), "overdue");
}

TEST(ValidateOutcome, RequiresReadableTextOfBoundedLength) {
  EXPECT_EQ(ValidateOutcome("  Referred to CSC  ").value(), "Referred to CSC");
  EXPECT_EQ(ValidateOutcome("   ").error().fields.at("outcome"), "Enter what was done");
  EXPECT_FALSE(ValidateOutcome(std::string("bad\x01text")).has_value());
  EXPECT_TRUE(ValidateOutcome(std::string(kMaxOutcome, 'a')).has_value());
  EXPECT_EQ(ValidateOutcome(std::string(kMaxOutcome + 1, 'a')).error().fields.at("outcome"),
            "The outcome must be 4,000 characters or fewer");
}

TEST(TaskStatus, CodesRoundTrip) {
  for (TaskStatus s : {TaskStatus::kOpen, TaskStatus::kDone}) {
    EXPECT_EQ(TaskStatusFromCode(ToCode(s)), s);
  }
  EXPECT_EQ(TaskStatusFromCode("closed"), std::nullopt);
}

TEST(TasksCodesTest, EveryEnumAnswersFromItsTable) {
  codes_testing::ExpectAnswersFromTable(kTaskStatusCodes, TaskStatusFromCode);
  codes_testing::ExpectAnswersFromTable(kTimelinessCodes);
}

}  // namespace
}  // namespace harbour::tasks
