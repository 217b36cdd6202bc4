#pragma once
// Who may do what (DESIGN.md §2, §6). A pure function of the subject, the action and what is
// known about the resource; every handler asks it before touching data. No I/O.
#include <chrono>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "common/codes.h"

namespace harbour::access {

enum class Role {
  kPractitioner,
  kSafeguardingLead,
  kCoordinator,
  kPanelMember,
  kIntelligenceOfficer,
  kAnalyst,
  kAdministrator,
  kAuditor,
  kRegionalAnalyst,
};
inline constexpr auto kRoleCodes = MakeCodeTable<Role>({
    {Role::kPractitioner, "practitioner", "Practitioner"},
    {Role::kSafeguardingLead, "safeguarding-lead", "Safeguarding lead"},
    {Role::kCoordinator, "coordinator", "Exploitation coordinator"},
    {Role::kPanelMember, "panel-member", "Panel member"},
    {Role::kIntelligenceOfficer, "intelligence-officer", "Intelligence officer"},
    {Role::kAnalyst, "analyst", "Analyst"},
    {Role::kAdministrator, "administrator", "Administrator"},
    {Role::kAuditor, "auditor", "Auditor"},
    {Role::kRegionalAnalyst, "regional-analyst", "Regional analyst"},
});
static_assert(IsCompleteCodeTable<kRoleCodes>());
// A value outside the table has the code "unknown" and the label "Unknown role".
constexpr std::string_view ToCode(Role role) { return kRoleCodes.Code(role, "unknown"); }
constexpr std::optional<Role> RoleFromCode(std::string_view code) {
  return kRoleCodes.FromCode(code);
}
constexpr std::string_view Label(Role role) { return kRoleCodes.LabelOf(role, "Unknown role"); }

enum class Action {
  kSearchChildren,        // run a child search (results are then filtered per child)
  kViewChild,             // open a child's record
  kCreateChild,           // create a new child record
  kLogConcern,            // log a concern about an existing child
  kAddAddendum,           // add an addendum to a concern
  kViewChronology,        // read a child's chronology
  kAddToTeam,             // add a partner agency to the team around the child
  kRequestAccess,         // ask the coordinator for access to a child outside one's access
  kGrantAccess,           // grant a user access to a child
  kManageAgencies,        // add or change agencies
  kManageUsers,           // add or change users
  kViewAuditTrail,        // read audit entries and access reports
  kAssess,                // start, save or submit a risk assessment of a child
  kViewAssessments,       // read a child's risk assessments
  kViewAreaReviews,       // the area-wide list of overdue reviews (coordinators)
  kManageTools,           // register tool versions and choose the active tool (administrators)
  kRefer,                 // refer a child to the exploitation panel
  kScreenReferrals,       // the referral queue: screen, accept, decide and close referrals
  kManageFlags,           // add and end a child's warning flags (the panel's decision, recorded)
  kRunPanel,              // create panel meetings, set their agendas, members and attendance
  kSitOnPanel,            // see a meeting one attends and record the panel's decisions and actions
  kRecordMissing,         // record a child's missing episodes, returns and return interviews
  kListReturnInterviews,  // the list of return interviews due, for the children one can see
  kSubmitIntelligence,    // submit intelligence (not about one child's record; anyone in case work)
  kGradeIntelligence,     // the intelligence officer's queue: read, sanitise, grade, give outcome
  kManageRecords,         // create people of concern, vehicles, places, phones, accounts and links
  kViewRecords,           // open those records (each link shown only through a report one may see)
  kRecordDisruption,      // record disruption, arrests, charges, convictions against a record
  kRecordBusinessVisit,   // record visits to businesses and list premises not visited
  kViewProfile,           // the problem profile: aggregate tables, published (suppressed)
  kViewInternalProfile,   // the same tables unsuppressed, marked "not for publication"
  kDrillDownProfile,      // the named children behind one cell of the profile, for a purpose
  kExportProfile,         // the profile's tables as CSV (suppressed), and pseudonymised rows
  kPublishBoardReport,    // put the period's board report in the register, for everyone to read
  kReadBoardReports,      // the register of published (suppressed) board reports
  kCombineReturns,        // upload partnerships' signed returns and read the region's combined
                          // tables (regional analysts only; they see no local record or profile)
  kReviewDuplicates,      // the duplicate-review queue of children: merge, not the same, unsure,
                          // and undo a merge (coordinators; issue 13)
};
inline constexpr auto kActionCodes = MakeCodeTable<Action>({
    {Action::kSearchChildren, "child.search"},
    {Action::kViewChild, "child.view"},
    {Action::kCreateChild, "child.create"},
    {Action::kLogConcern, "concern.create"},
    {Action::kAddAddendum, "concern.addendum"},
    {Action::kViewChronology, "chronology.view"},
    {Action::kAddToTeam, "team.add"},
    {Action::kRequestAccess, "access.request"},
    {Action::kGrantAccess, "access.grant"},
    {Action::kManageAgencies, "agency.manage"},
    {Action::kManageUsers, "user.manage"},
    {Action::kViewAuditTrail, "audit.view"},
    {Action::kAssess, "assessment.write"},
    {Action::kViewAssessments, "assessment.view"},
    {Action::kViewAreaReviews, "review.area"},
    {Action::kManageTools, "tool.manage"},
    {Action::kRefer, "referral.create"},
    {Action::kScreenReferrals, "referral.screen"},
    {Action::kManageFlags, "flag.manage"},
    {Action::kRunPanel, "panel.manage"},
    {Action::kSitOnPanel, "panel.attend"},
    {Action::kRecordMissing, "missing.record"},
    {Action::kListReturnInterviews, "return_interviews.list"},
    {Action::kSubmitIntelligence, "intelligence.submit"},
    {Action::kGradeIntelligence, "intelligence.grade"},
    {Action::kManageRecords, "records.manage"},
    {Action::kViewRecords, "records.view"},
    {Action::kRecordDisruption, "disruption.record"},
    {Action::kRecordBusinessVisit, "business_visit.record"},
    {Action::kViewProfile, "profile.view"},
    {Action::kViewInternalProfile, "profile.internal"},
    {Action::kDrillDownProfile, "profile.drill_down"},
    {Action::kExportProfile, "profile.export"},
    {Action::kPublishBoardReport, "profile.publish"},
    {Action::kReadBoardReports, "profile.reports"},
    {Action::kCombineReturns, "profile.regional"},
    {Action::kReviewDuplicates, "child.merge"},
});
static_assert(IsCompleteCodeTable<kActionCodes>());
// A value outside the table has the code "unknown".
constexpr std::string_view ToCode(Action action) { return kActionCodes.Code(action, "unknown"); }

struct Subject {
  std::string user_id;
  Role role = Role::kPractitioner;
  std::string agency_id;
};

// What the caller knows about the child the action is on (empty for actions on no child).
struct ChildContext {
  std::set<std::string> involved_agencies;  // created the record, logged a concern, or team
  std::set<std::string> granted_users;      // explicit, unexpired access grants
  // The subject attends (has not sent apologies to) a panel meeting with the child on its
  // agenda: a panel member's only need to know, for reading the record.
  bool on_attended_agenda = false;
};

struct Decision {
  bool allowed = false;
  // When refused: true means answer as though the record did not exist (404), false means
  // a plain refusal (403). Always audited by the caller.
  bool hide_existence = false;
  std::string reason;   // for the audit trail: why allowed ("agency involved") or refused
  std::string purpose;  // the stated purpose of a permitted wider view, e.g. "coordination"
};

Decision Decide(const Subject& subject, Action action, const ChildContext& child = {});

// True when `subject` can see the child at all (the search filter), same rule as kViewChild.
bool CanSeeChild(const Subject& subject, const ChildContext& child);

// True for the roles that work on children's cases (practitioners, safeguarding leads,
// coordinators, panel members, intelligence officers): those who may be invited to the panel and
// own its actions. Analysts, regional analysts, administrators and auditors see no case data.
bool HasCaseAccess(Role role);

// How long the coordinator's grant of access to one child lasts (docs/security.md §1).
inline constexpr std::chrono::days kGrantDuration{90};

// What is known about one panel meeting.
struct MeetingFacts {
  // The subject is one of its members and has not sent apologies.
  bool attends = false;
};

// Who may see a panel meeting, its agenda, its items and its minutes, and record the panel's
// decisions and actions there: coordinators every meeting (they run the panel, purpose
// "coordination"); a panel member only a meeting they attend ("panel"); everyone else nothing,
// answered as though the meeting did not exist (404). Other invitees attend in person.
Decision DecideMeeting(const Subject& subject, const MeetingFacts& meeting);

// Intelligence reports (issue 5; DOMAIN.md §4; DESIGN.md §6). How a report may be shared, as
// the access layer needs it: not graded yet, or graded with handling code P or C. (Its own
// enum so access/ does not depend on intelligence/.)
enum class ReportHandling { kP, kC };

// What is known about one intelligence report.
struct ReportFacts {
  std::string submitted_by;                // user id of the submitter
  std::string holding_agency;              // the agency whose intelligence unit holds it
  std::optional<ReportHandling> handling;  // empty until an intelligence officer grades it
  std::set<std::string> allowed_agencies;  // handling C only: who may see the sanitised text
};

// How much of one report a subject may see; each view is exactly what the web layer shows.
enum class IntelligenceView {
  kNone,                // nothing: answered as though the report did not exist (404)
  kOwnSubmission,       // the submitter: what they wrote and the outcome; never grade or sanitised
  kSanitised,           // the sanitised text, grade and handling code; nothing naming the source
  kOriginal,            // the original text and the grade, but not the source's identity
  kOriginalWithSource,  // the original text, the grade and the source's identity
};
inline constexpr auto kIntelligenceViewCodes = MakeCodeTable<IntelligenceView>({
    {IntelligenceView::kNone, "none"},
    {IntelligenceView::kOwnSubmission, "own_submission"},
    {IntelligenceView::kSanitised, "sanitised"},
    {IntelligenceView::kOriginal, "original"},
    {IntelligenceView::kOriginalWithSource, "original_with_source"},
});
static_assert(IsCompleteCodeTable<kIntelligenceViewCodes>());
// A value outside the table has the code "unknown".
constexpr std::string_view ToCode(IntelligenceView view) {
  return kIntelligenceViewCodes.Code(view, "unknown");
}

struct ReportView {
  IntelligenceView view = IntelligenceView::kNone;
  std::string reason;  // for the audit trail, e.g. "holding intelligence unit"
};

// The rules, first match wins (empty ids never match):
// 1. analysts, administrators and auditors: kNone (no case access).
// 2. intelligence officers of the holding agency: kOriginalWithSource (they grade it; the
//    source's identity stays within that unit).
// 3. intelligence officers elsewhere: kOriginal once graded P, or graded C with their agency
//    allowed; otherwise as any other role below.
// 4. the submitter: kOwnSubmission (even once graded: the grade and the sanitised text are
//    never shown back to them).
// 5. coordinators (the partnership's safeguarding role): kSanitised once graded P, or graded C
//    with their agency allowed.
// 6. everyone else, and every ungraded report: kNone.
ReportView DecideReportView(const Subject& subject, const ReportFacts& report);
IntelligenceView ViewOfReport(const Subject& subject, const ReportFacts& report);

}  // namespace harbour::access
