#include "access/policy.h"

#include <gtest/gtest.h>

#include <array>
#include <optional>
#include <set>
#include <string>
#include <utility>

#include "common/codes_testing.h"

namespace harbour::access {
namespace {

constexpr std::array kAllRoles = {
    Role::kPractitioner,        Role::kSafeguardingLead, Role::kCoordinator,   Role::kPanelMember,
    Role::kIntelligenceOfficer, Role::kAnalyst,          Role::kAdministrator, Role::kAuditor,
    Role::kRegionalAnalyst,
};
constexpr std::array kAllActions = {
    Action::kSearchChildren,
    Action::kViewChild,
    Action::kCreateChild,
    Action::kLogConcern,
    Action::kAddAddendum,
    Action::kViewChronology,
    Action::kAddToTeam,
    Action::kRequestAccess,
    Action::kGrantAccess,
    Action::kManageAgencies,
    Action::kManageUsers,
    Action::kViewAuditTrail,
    Action::kAssess,
    Action::kViewAssessments,
    Action::kViewAreaReviews,
    Action::kManageTools,
    Action::kRefer,
    Action::kScreenReferrals,
    Action::kManageFlags,
    Action::kRunPanel,
    Action::kSitOnPanel,
    Action::kRecordMissing,
    Action::kListReturnInterviews,
    Action::kSubmitIntelligence,
    Action::kGradeIntelligence,
    Action::kManageRecords,
    Action::kViewRecords,
    Action::kRecordDisruption,
    Action::kRecordBusinessVisit,
    Action::kViewProfile,
    Action::kViewInternalProfile,
    Action::kDrillDownProfile,
    Action::kExportProfile,
    Action::kPublishBoardReport,
    Action::kReadBoardReports,
    Action::kCombineReturns,
    Action::kReviewDuplicates,
};

// What the web layer does with a decision: go ahead (kAllow), answer as though the record did
// not exist (kHide, 404), or refuse openly (kDeny, 403).
enum class Expect { kAllow, kHide, kDeny };
using enum Expect;

// One row per role and action; the three columns are the subject's relation to the child:
// their agency is involved, they personally were granted access, or neither.
struct Row {
  Role role;
  Action action;
  Expect involved;
  Expect granted;
  Expect neither;
};

// clang-format off
constexpr Row kTable[] = {
    // practitioner: need-to-know
    {Role::kPractitioner, Action::kSearchChildren,        kAllow, kAllow, kAllow},
    {Role::kPractitioner, Action::kViewChild,             kAllow, kAllow, kHide},
    {Role::kPractitioner, Action::kCreateChild,           kAllow, kAllow, kAllow},
    {Role::kPractitioner, Action::kLogConcern,            kAllow, kAllow, kHide},
    {Role::kPractitioner, Action::kAddAddendum,           kAllow, kAllow, kHide},
    {Role::kPractitioner, Action::kViewChronology,        kAllow, kAllow, kHide},
    {Role::kPractitioner, Action::kAddToTeam,             kAllow, kAllow, kHide},
    {Role::kPractitioner, Action::kRequestAccess,         kAllow, kAllow, kAllow},
    {Role::kPractitioner, Action::kGrantAccess,           kDeny,  kDeny,  kDeny},
    {Role::kPractitioner, Action::kManageAgencies,        kDeny,  kDeny,  kDeny},
    {Role::kPractitioner, Action::kManageUsers,           kDeny,  kDeny,  kDeny},
    {Role::kPractitioner, Action::kViewAuditTrail,        kDeny,  kDeny,  kDeny},
    {Role::kPractitioner, Action::kAssess, kAllow, kAllow, kHide},
    {Role::kPractitioner, Action::kViewAssessments, kAllow, kAllow, kHide},
    {Role::kPractitioner, Action::kViewAreaReviews, kDeny,  kDeny,  kDeny},
    {Role::kPractitioner, Action::kManageTools, kDeny,  kDeny,  kDeny},
    {Role::kPractitioner, Action::kRefer, kAllow, kAllow, kHide},
    {Role::kPractitioner, Action::kScreenReferrals, kDeny,  kDeny,  kDeny},
    {Role::kPractitioner, Action::kManageFlags, kDeny,  kDeny,  kDeny},
    {Role::kPractitioner, Action::kRunPanel, kDeny,  kDeny,  kDeny},
    {Role::kPractitioner, Action::kSitOnPanel, kDeny,  kDeny,  kDeny},
    {Role::kPractitioner, Action::kRecordMissing, kAllow, kAllow, kHide},
    {Role::kPractitioner, Action::kListReturnInterviews, kAllow, kAllow, kAllow},
    {Role::kPractitioner, Action::kSubmitIntelligence, kAllow, kAllow, kAllow},
    {Role::kPractitioner, Action::kGradeIntelligence, kDeny , kDeny , kDeny },
    {Role::kPractitioner, Action::kManageRecords, kDeny , kDeny , kDeny },
    {Role::kPractitioner, Action::kViewRecords, kDeny , kDeny , kDeny },
    {Role::kPractitioner, Action::kRecordDisruption, kDeny , kDeny , kDeny },
    {Role::kPractitioner, Action::kRecordBusinessVisit, kAllow, kAllow, kAllow},
    {Role::kPractitioner, Action::kViewProfile, kDeny , kDeny , kDeny },
    {Role::kPractitioner, Action::kViewInternalProfile, kDeny , kDeny , kDeny },
    {Role::kPractitioner, Action::kDrillDownProfile, kDeny , kDeny , kDeny },
    {Role::kPractitioner, Action::kExportProfile, kDeny , kDeny , kDeny },
    {Role::kPractitioner, Action::kPublishBoardReport, kDeny , kDeny , kDeny },
    {Role::kPractitioner, Action::kReadBoardReports, kAllow, kAllow, kAllow},
    {Role::kPractitioner, Action::kCombineReturns, kDeny , kDeny , kDeny },
    {Role::kPractitioner, Action::kReviewDuplicates, kDeny , kDeny , kDeny },
    // safeguarding lead: need-to-know
    {Role::kSafeguardingLead, Action::kSearchChildren,    kAllow, kAllow, kAllow},
    {Role::kSafeguardingLead, Action::kViewChild,         kAllow, kAllow, kHide},
    {Role::kSafeguardingLead, Action::kCreateChild,       kAllow, kAllow, kAllow},
    {Role::kSafeguardingLead, Action::kLogConcern,        kAllow, kAllow, kHide},
    {Role::kSafeguardingLead, Action::kAddAddendum,       kAllow, kAllow, kHide},
    {Role::kSafeguardingLead, Action::kViewChronology,    kAllow, kAllow, kHide},
    {Role::kSafeguardingLead, Action::kAddToTeam,         kAllow, kAllow, kHide},
    {Role::kSafeguardingLead, Action::kRequestAccess,     kAllow, kAllow, kAllow},
    {Role::kSafeguardingLead, Action::kGrantAccess,       kDeny,  kDeny,  kDeny},
    {Role::kSafeguardingLead, Action::kManageAgencies,    kDeny,  kDeny,  kDeny},
    {Role::kSafeguardingLead, Action::kManageUsers,       kDeny,  kDeny,  kDeny},
    {Role::kSafeguardingLead, Action::kViewAuditTrail,    kDeny,  kDeny,  kDeny},
    {Role::kSafeguardingLead, Action::kAssess, kAllow, kAllow, kHide},
    {Role::kSafeguardingLead, Action::kViewAssessments, kAllow, kAllow, kHide},
    {Role::kSafeguardingLead, Action::kViewAreaReviews, kDeny,  kDeny,  kDeny},
    {Role::kSafeguardingLead, Action::kManageTools, kDeny,  kDeny,  kDeny},
    {Role::kSafeguardingLead, Action::kRefer, kAllow, kAllow, kHide},
    {Role::kSafeguardingLead, Action::kScreenReferrals, kDeny,  kDeny,  kDeny},
    {Role::kSafeguardingLead, Action::kManageFlags, kDeny,  kDeny,  kDeny},
    {Role::kSafeguardingLead, Action::kRunPanel, kDeny,  kDeny,  kDeny},
    {Role::kSafeguardingLead, Action::kSitOnPanel, kDeny,  kDeny,  kDeny},
    {Role::kSafeguardingLead, Action::kRecordMissing, kAllow, kAllow, kHide},
    {Role::kSafeguardingLead, Action::kListReturnInterviews, kAllow, kAllow, kAllow},
    {Role::kSafeguardingLead, Action::kSubmitIntelligence, kAllow, kAllow, kAllow},
    {Role::kSafeguardingLead, Action::kGradeIntelligence, kDeny , kDeny , kDeny },
    {Role::kSafeguardingLead, Action::kManageRecords, kDeny , kDeny , kDeny },
    {Role::kSafeguardingLead, Action::kViewRecords, kDeny , kDeny , kDeny },
    {Role::kSafeguardingLead, Action::kRecordDisruption, kDeny , kDeny , kDeny },
    {Role::kSafeguardingLead, Action::kRecordBusinessVisit, kAllow, kAllow, kAllow},
    {Role::kSafeguardingLead, Action::kViewProfile, kDeny , kDeny , kDeny },
    {Role::kSafeguardingLead, Action::kViewInternalProfile, kDeny , kDeny , kDeny },
    {Role::kSafeguardingLead, Action::kDrillDownProfile, kDeny , kDeny , kDeny },
    {Role::kSafeguardingLead, Action::kExportProfile, kDeny , kDeny , kDeny },
    {Role::kSafeguardingLead, Action::kPublishBoardReport, kDeny , kDeny , kDeny },
    {Role::kSafeguardingLead, Action::kReadBoardReports, kAllow, kAllow, kAllow},
    {Role::kSafeguardingLead, Action::kCombineReturns, kDeny , kDeny , kDeny },
    {Role::kSafeguardingLead, Action::kReviewDuplicates, kDeny , kDeny , kDeny },
    // coordinator: the whole area
    {Role::kCoordinator, Action::kSearchChildren,         kAllow, kAllow, kAllow},
    {Role::kCoordinator, Action::kViewChild,              kAllow, kAllow, kAllow},
    {Role::kCoordinator, Action::kCreateChild,            kAllow, kAllow, kAllow},
    {Role::kCoordinator, Action::kLogConcern,             kAllow, kAllow, kAllow},
    {Role::kCoordinator, Action::kAddAddendum,            kAllow, kAllow, kAllow},
    {Role::kCoordinator, Action::kViewChronology,         kAllow, kAllow, kAllow},
    {Role::kCoordinator, Action::kAddToTeam,              kAllow, kAllow, kAllow},
    {Role::kCoordinator, Action::kRequestAccess,          kAllow, kAllow, kAllow},
    {Role::kCoordinator, Action::kGrantAccess,            kAllow, kAllow, kAllow},
    {Role::kCoordinator, Action::kManageAgencies,         kDeny,  kDeny,  kDeny},
    {Role::kCoordinator, Action::kManageUsers,            kDeny,  kDeny,  kDeny},
    {Role::kCoordinator, Action::kViewAuditTrail,         kDeny,  kDeny,  kDeny},
    {Role::kCoordinator, Action::kAssess, kAllow, kAllow, kAllow},
    {Role::kCoordinator, Action::kViewAssessments, kAllow, kAllow, kAllow},
    {Role::kCoordinator, Action::kViewAreaReviews, kAllow, kAllow, kAllow},
    {Role::kCoordinator, Action::kManageTools, kDeny,  kDeny,  kDeny},
    {Role::kCoordinator, Action::kRefer, kAllow, kAllow, kAllow},
    {Role::kCoordinator, Action::kScreenReferrals, kAllow, kAllow, kAllow},
    {Role::kCoordinator, Action::kManageFlags, kAllow, kAllow, kAllow},
    {Role::kCoordinator, Action::kRunPanel, kAllow,  kAllow,  kAllow},
    {Role::kCoordinator, Action::kSitOnPanel, kAllow,  kAllow,  kAllow},
    {Role::kCoordinator, Action::kRecordMissing, kAllow, kAllow, kAllow},
    {Role::kCoordinator, Action::kListReturnInterviews, kAllow, kAllow, kAllow},
    {Role::kCoordinator, Action::kSubmitIntelligence, kAllow, kAllow, kAllow},
    {Role::kCoordinator, Action::kGradeIntelligence, kDeny , kDeny , kDeny },
    {Role::kCoordinator, Action::kManageRecords, kDeny , kDeny , kDeny },
    {Role::kCoordinator, Action::kViewRecords, kAllow, kAllow, kAllow},
    {Role::kCoordinator, Action::kRecordDisruption, kAllow, kAllow, kAllow},
    {Role::kCoordinator, Action::kRecordBusinessVisit, kAllow, kAllow, kAllow},
    {Role::kCoordinator, Action::kViewProfile, kAllow, kAllow, kAllow},
    {Role::kCoordinator, Action::kViewInternalProfile, kAllow, kAllow, kAllow},
    {Role::kCoordinator, Action::kDrillDownProfile, kAllow, kAllow, kAllow},
    {Role::kCoordinator, Action::kExportProfile, kAllow, kAllow, kAllow},
    {Role::kCoordinator, Action::kPublishBoardReport, kAllow, kAllow, kAllow},
    {Role::kCoordinator, Action::kReadBoardReports, kAllow, kAllow, kAllow},
    {Role::kCoordinator, Action::kCombineReturns, kDeny , kDeny , kDeny },
    {Role::kCoordinator, Action::kReviewDuplicates, kAllow, kAllow, kAllow},
    // panel member: the children on the agendas of meetings they attend (see below), or an
    // explicit grant; their agency's involvement alone gives nothing
    {Role::kPanelMember, Action::kSearchChildren,         kDeny,  kDeny,  kDeny},
    {Role::kPanelMember, Action::kViewChild,              kHide,  kAllow, kHide},
    {Role::kPanelMember, Action::kCreateChild,            kDeny,  kDeny,  kDeny},
    {Role::kPanelMember, Action::kLogConcern,             kHide,  kAllow, kHide},
    {Role::kPanelMember, Action::kAddAddendum,            kHide,  kAllow, kHide},
    {Role::kPanelMember, Action::kViewChronology,         kHide,  kAllow, kHide},
    {Role::kPanelMember, Action::kAddToTeam,              kHide,  kAllow, kHide},
    {Role::kPanelMember, Action::kRequestAccess,          kDeny,  kDeny,  kDeny},
    {Role::kPanelMember, Action::kGrantAccess,            kDeny,  kDeny,  kDeny},
    {Role::kPanelMember, Action::kManageAgencies,         kDeny,  kDeny,  kDeny},
    {Role::kPanelMember, Action::kManageUsers,            kDeny,  kDeny,  kDeny},
    {Role::kPanelMember, Action::kViewAuditTrail,         kDeny,  kDeny,  kDeny},
    {Role::kPanelMember, Action::kAssess, kHide,  kAllow, kHide},
    {Role::kPanelMember, Action::kViewAssessments, kHide,  kAllow, kHide},
    {Role::kPanelMember, Action::kViewAreaReviews, kDeny,  kDeny,  kDeny},
    {Role::kPanelMember, Action::kManageTools, kDeny,  kDeny,  kDeny},
    {Role::kPanelMember, Action::kRefer, kHide,  kAllow, kHide},
    {Role::kPanelMember, Action::kScreenReferrals, kDeny,  kDeny,  kDeny},
    {Role::kPanelMember, Action::kManageFlags, kDeny,  kDeny,  kDeny},
    {Role::kPanelMember, Action::kRunPanel, kDeny,  kDeny,  kDeny},
    {Role::kPanelMember, Action::kSitOnPanel, kAllow, kAllow, kAllow},
    {Role::kPanelMember, Action::kRecordMissing, kHide,  kAllow, kHide},
    {Role::kPanelMember, Action::kListReturnInterviews, kDeny,  kDeny,  kDeny},
    {Role::kPanelMember, Action::kSubmitIntelligence, kAllow, kAllow, kAllow},
    {Role::kPanelMember, Action::kGradeIntelligence, kDeny , kDeny , kDeny },
    {Role::kPanelMember, Action::kManageRecords, kDeny , kDeny , kDeny },
    {Role::kPanelMember, Action::kViewRecords, kDeny , kDeny , kDeny },
    {Role::kPanelMember, Action::kRecordDisruption, kDeny , kDeny , kDeny },
    {Role::kPanelMember, Action::kRecordBusinessVisit, kDeny , kDeny , kDeny },
    {Role::kPanelMember, Action::kViewProfile, kDeny , kDeny , kDeny },
    {Role::kPanelMember, Action::kViewInternalProfile, kDeny , kDeny , kDeny },
    {Role::kPanelMember, Action::kDrillDownProfile, kDeny , kDeny , kDeny },
    {Role::kPanelMember, Action::kExportProfile, kDeny , kDeny , kDeny },
    {Role::kPanelMember, Action::kPublishBoardReport, kDeny , kDeny , kDeny },
    {Role::kPanelMember, Action::kReadBoardReports, kAllow, kAllow, kAllow},
    {Role::kPanelMember, Action::kCombineReturns, kDeny , kDeny , kDeny },
    {Role::kPanelMember, Action::kReviewDuplicates, kDeny , kDeny , kDeny },
    // intelligence officer: need-to-know (intelligence links come later)
    {Role::kIntelligenceOfficer, Action::kSearchChildren, kAllow, kAllow, kAllow},
    {Role::kIntelligenceOfficer, Action::kViewChild,      kAllow, kAllow, kHide},
    {Role::kIntelligenceOfficer, Action::kCreateChild,    kAllow, kAllow, kAllow},
    {Role::kIntelligenceOfficer, Action::kLogConcern,     kAllow, kAllow, kHide},
    {Role::kIntelligenceOfficer, Action::kAddAddendum,    kAllow, kAllow, kHide},
    {Role::kIntelligenceOfficer, Action::kViewChronology, kAllow, kAllow, kHide},
    {Role::kIntelligenceOfficer, Action::kAddToTeam,      kAllow, kAllow, kHide},
    {Role::kIntelligenceOfficer, Action::kRequestAccess,  kAllow, kAllow, kAllow},
    {Role::kIntelligenceOfficer, Action::kGrantAccess,    kDeny,  kDeny,  kDeny},
    {Role::kIntelligenceOfficer, Action::kManageAgencies, kDeny,  kDeny,  kDeny},
    {Role::kIntelligenceOfficer, Action::kManageUsers,    kDeny,  kDeny,  kDeny},
    {Role::kIntelligenceOfficer, Action::kViewAuditTrail, kDeny,  kDeny,  kDeny},
    {Role::kIntelligenceOfficer, Action::kAssess, kAllow, kAllow, kHide},
    {Role::kIntelligenceOfficer, Action::kViewAssessments, kAllow, kAllow, kHide},
    {Role::kIntelligenceOfficer, Action::kViewAreaReviews, kDeny,  kDeny,  kDeny},
    {Role::kIntelligenceOfficer, Action::kManageTools, kDeny,  kDeny,  kDeny},
    {Role::kIntelligenceOfficer, Action::kRefer, kAllow, kAllow, kHide},
    {Role::kIntelligenceOfficer, Action::kScreenReferrals, kDeny,  kDeny,  kDeny},
    {Role::kIntelligenceOfficer, Action::kManageFlags, kDeny,  kDeny,  kDeny},
    {Role::kIntelligenceOfficer, Action::kRunPanel, kDeny,  kDeny,  kDeny},
    {Role::kIntelligenceOfficer, Action::kSitOnPanel, kDeny,  kDeny,  kDeny},
    {Role::kIntelligenceOfficer, Action::kRecordMissing, kAllow, kAllow, kHide},
    {Role::kIntelligenceOfficer, Action::kListReturnInterviews, kDeny,  kDeny,  kDeny},
    {Role::kIntelligenceOfficer, Action::kSubmitIntelligence, kAllow, kAllow, kAllow},
    {Role::kIntelligenceOfficer, Action::kGradeIntelligence, kAllow, kAllow, kAllow},
    {Role::kIntelligenceOfficer, Action::kManageRecords, kAllow, kAllow, kAllow},
    {Role::kIntelligenceOfficer, Action::kViewRecords, kAllow, kAllow, kAllow},
    {Role::kIntelligenceOfficer, Action::kRecordDisruption, kAllow, kAllow, kAllow},
    {Role::kIntelligenceOfficer, Action::kRecordBusinessVisit, kAllow, kAllow, kAllow},
    {Role::kIntelligenceOfficer, Action::kViewProfile, kDeny , kDeny , kDeny },
    {Role::kIntelligenceOfficer, Action::kViewInternalProfile, kDeny , kDeny , kDeny },
    {Role::kIntelligenceOfficer, Action::kDrillDownProfile, kDeny , kDeny , kDeny },
    {Role::kIntelligenceOfficer, Action::kExportProfile, kDeny , kDeny , kDeny },
    {Role::kIntelligenceOfficer, Action::kPublishBoardReport, kDeny , kDeny , kDeny },
    {Role::kIntelligenceOfficer, Action::kReadBoardReports, kAllow, kAllow, kAllow},
    {Role::kIntelligenceOfficer, Action::kCombineReturns, kDeny , kDeny , kDeny },
    {Role::kIntelligenceOfficer, Action::kReviewDuplicates, kDeny , kDeny , kDeny },
    // analyst: aggregates only, never an identifiable child, even an involved one
    {Role::kAnalyst, Action::kSearchChildren,             kDeny,  kDeny,  kDeny},
    {Role::kAnalyst, Action::kViewChild,                  kDeny,  kDeny,  kDeny},
    {Role::kAnalyst, Action::kCreateChild,                kDeny,  kDeny,  kDeny},
    {Role::kAnalyst, Action::kLogConcern,                 kDeny,  kDeny,  kDeny},
    {Role::kAnalyst, Action::kAddAddendum,                kDeny,  kDeny,  kDeny},
    {Role::kAnalyst, Action::kViewChronology,             kDeny,  kDeny,  kDeny},
    {Role::kAnalyst, Action::kAddToTeam,                  kDeny,  kDeny,  kDeny},
    {Role::kAnalyst, Action::kRequestAccess,              kDeny,  kDeny,  kDeny},
    {Role::kAnalyst, Action::kGrantAccess,                kDeny,  kDeny,  kDeny},
    {Role::kAnalyst, Action::kManageAgencies,             kDeny,  kDeny,  kDeny},
    {Role::kAnalyst, Action::kManageUsers,                kDeny,  kDeny,  kDeny},
    {Role::kAnalyst, Action::kViewAuditTrail,             kDeny,  kDeny,  kDeny},
    {Role::kAnalyst, Action::kAssess, kDeny,  kDeny,  kDeny},
    {Role::kAnalyst, Action::kViewAssessments, kDeny,  kDeny,  kDeny},
    {Role::kAnalyst, Action::kViewAreaReviews, kDeny,  kDeny,  kDeny},
    {Role::kAnalyst, Action::kManageTools, kDeny,  kDeny,  kDeny},
    {Role::kAnalyst, Action::kRefer, kDeny,  kDeny,  kDeny},
    {Role::kAnalyst, Action::kScreenReferrals, kDeny,  kDeny,  kDeny},
    {Role::kAnalyst, Action::kManageFlags, kDeny,  kDeny,  kDeny},
    {Role::kAnalyst, Action::kRunPanel, kDeny,  kDeny,  kDeny},
    {Role::kAnalyst, Action::kSitOnPanel, kDeny,  kDeny,  kDeny},
    {Role::kAnalyst, Action::kRecordMissing, kDeny,  kDeny,  kDeny},
    {Role::kAnalyst, Action::kListReturnInterviews, kDeny,  kDeny,  kDeny},
    {Role::kAnalyst, Action::kSubmitIntelligence, kDeny , kDeny , kDeny },
    {Role::kAnalyst, Action::kGradeIntelligence, kDeny , kDeny , kDeny },
    {Role::kAnalyst, Action::kManageRecords, kDeny , kDeny , kDeny },
    {Role::kAnalyst, Action::kViewRecords, kDeny , kDeny , kDeny },
    {Role::kAnalyst, Action::kRecordDisruption, kDeny , kDeny , kDeny },
    {Role::kAnalyst, Action::kRecordBusinessVisit, kDeny , kDeny , kDeny },
    {Role::kAnalyst, Action::kViewProfile, kAllow, kAllow, kAllow},
    {Role::kAnalyst, Action::kViewInternalProfile, kDeny , kDeny , kDeny },
    {Role::kAnalyst, Action::kDrillDownProfile, kDeny , kDeny , kDeny },
    {Role::kAnalyst, Action::kExportProfile, kAllow, kAllow, kAllow},
    {Role::kAnalyst, Action::kPublishBoardReport, kDeny , kDeny , kDeny },
    {Role::kAnalyst, Action::kReadBoardReports, kAllow, kAllow, kAllow},
    {Role::kAnalyst, Action::kCombineReturns, kDeny , kDeny , kDeny },
    {Role::kAnalyst, Action::kReviewDuplicates, kDeny , kDeny , kDeny },
    // administrator: agencies and users, no case data
    {Role::kAdministrator, Action::kSearchChildren,       kDeny,  kDeny,  kDeny},
    {Role::kAdministrator, Action::kViewChild,            kDeny,  kDeny,  kDeny},
    {Role::kAdministrator, Action::kCreateChild,          kDeny,  kDeny,  kDeny},
    {Role::kAdministrator, Action::kLogConcern,           kDeny,  kDeny,  kDeny},
    {Role::kAdministrator, Action::kAddAddendum,          kDeny,  kDeny,  kDeny},
    {Role::kAdministrator, Action::kViewChronology,       kDeny,  kDeny,  kDeny},
    {Role::kAdministrator, Action::kAddToTeam,            kDeny,  kDeny,  kDeny},
    {Role::kAdministrator, Action::kRequestAccess,        kDeny,  kDeny,  kDeny},
    {Role::kAdministrator, Action::kGrantAccess,          kDeny,  kDeny,  kDeny},
    {Role::kAdministrator, Action::kManageAgencies,       kAllow, kAllow, kAllow},
    {Role::kAdministrator, Action::kManageUsers,          kAllow, kAllow, kAllow},
    {Role::kAdministrator, Action::kViewAuditTrail,       kDeny,  kDeny,  kDeny},
    {Role::kAdministrator, Action::kAssess, kDeny,  kDeny,  kDeny},
    {Role::kAdministrator, Action::kViewAssessments, kDeny,  kDeny,  kDeny},
    {Role::kAdministrator, Action::kViewAreaReviews, kDeny,  kDeny,  kDeny},
    {Role::kAdministrator, Action::kManageTools, kAllow, kAllow, kAllow},
    {Role::kAdministrator, Action::kRefer, kDeny,  kDeny,  kDeny},
    {Role::kAdministrator, Action::kScreenReferrals, kDeny,  kDeny,  kDeny},
    {Role::kAdministrator, Action::kManageFlags, kDeny,  kDeny,  kDeny},
    {Role::kAdministrator, Action::kRunPanel, kDeny,  kDeny,  kDeny},
    {Role::kAdministrator, Action::kSitOnPanel, kDeny,  kDeny,  kDeny},
    {Role::kAdministrator, Action::kRecordMissing, kDeny,  kDeny,  kDeny},
    {Role::kAdministrator, Action::kListReturnInterviews, kDeny,  kDeny,  kDeny},
    {Role::kAdministrator, Action::kSubmitIntelligence, kDeny , kDeny , kDeny },
    {Role::kAdministrator, Action::kGradeIntelligence, kDeny , kDeny , kDeny },
    {Role::kAdministrator, Action::kManageRecords, kDeny , kDeny , kDeny },
    {Role::kAdministrator, Action::kViewRecords, kDeny , kDeny , kDeny },
    {Role::kAdministrator, Action::kRecordDisruption, kDeny , kDeny , kDeny },
    {Role::kAdministrator, Action::kRecordBusinessVisit, kDeny , kDeny , kDeny },
    {Role::kAdministrator, Action::kViewProfile, kDeny , kDeny , kDeny },
    {Role::kAdministrator, Action::kViewInternalProfile, kDeny , kDeny , kDeny },
    {Role::kAdministrator, Action::kDrillDownProfile, kDeny , kDeny , kDeny },
    {Role::kAdministrator, Action::kExportProfile, kDeny , kDeny , kDeny },
    {Role::kAdministrator, Action::kPublishBoardReport, kDeny , kDeny , kDeny },
    {Role::kAdministrator, Action::kReadBoardReports, kAllow, kAllow, kAllow},
    {Role::kAdministrator, Action::kCombineReturns, kDeny , kDeny , kDeny },
    {Role::kAdministrator, Action::kReviewDuplicates, kDeny , kDeny , kDeny },
    // auditor: the audit trail, no case data
    {Role::kAuditor, Action::kSearchChildren,             kDeny,  kDeny,  kDeny},
    {Role::kAuditor, Action::kViewChild,                  kDeny,  kDeny,  kDeny},
    {Role::kAuditor, Action::kCreateChild,                kDeny,  kDeny,  kDeny},
    {Role::kAuditor, Action::kLogConcern,                 kDeny,  kDeny,  kDeny},
    {Role::kAuditor, Action::kAddAddendum,                kDeny,  kDeny,  kDeny},
    {Role::kAuditor, Action::kViewChronology,             kDeny,  kDeny,  kDeny},
    {Role::kAuditor, Action::kAddToTeam,                  kDeny,  kDeny,  kDeny},
    {Role::kAuditor, Action::kRequestAccess,              kDeny,  kDeny,  kDeny},
    {Role::kAuditor, Action::kGrantAccess,                kDeny,  kDeny,  kDeny},
    {Role::kAuditor, Action::kManageAgencies,             kDeny,  kDeny,  kDeny},
    {Role::kAuditor, Action::kManageUsers,                kDeny,  kDeny,  kDeny},
    {Role::kAuditor, Action::kViewAuditTrail,             kAllow, kAllow, kAllow},
    {Role::kAuditor, Action::kAssess, kDeny,  kDeny,  kDeny},
    {Role::kAuditor, Action::kViewAssessments, kDeny,  kDeny,  kDeny},
    {Role::kAuditor, Action::kViewAreaReviews, kDeny,  kDeny,  kDeny},
    {Role::kAuditor, Action::kManageTools, kDeny,  kDeny,  kDeny},
    {Role::kAuditor, Action::kRefer, kDeny,  kDeny,  kDeny},
    {Role::kAuditor, Action::kScreenReferrals, kDeny,  kDeny,  kDeny},
    {Role::kAuditor, Action::kManageFlags, kDeny,  kDeny,  kDeny},
    {Role::kAuditor, Action::kRunPanel, kDeny,  kDeny,  kDeny},
    {Role::kAuditor, Action::kSitOnPanel, kDeny,  kDeny,  kDeny},
    {Role::kAuditor, Action::kRecordMissing, kDeny,  kDeny,  kDeny},
    {Role::kAuditor, Action::kListReturnInterviews, kDeny,  kDeny,  kDeny},
    {Role::kAuditor, Action::kSubmitIntelligence, kDeny , kDeny , kDeny },
    {Role::kAuditor, Action::kGradeIntelligence, kDeny , kDeny , kDeny },
    {Role::kAuditor, Action::kManageRecords, kDeny , kDeny , kDeny },
    {Role::kAuditor, Action::kViewRecords, kDeny , kDeny , kDeny },
    {Role::kAuditor, Action::kRecordDisruption, kDeny , kDeny , kDeny },
    {Role::kAuditor, Action::kRecordBusinessVisit, kDeny , kDeny , kDeny },
    {Role::kAuditor, Action::kViewProfile, kDeny , kDeny , kDeny },
    {Role::kAuditor, Action::kViewInternalProfile, kDeny , kDeny , kDeny },
    {Role::kAuditor, Action::kDrillDownProfile, kDeny , kDeny , kDeny },
    {Role::kAuditor, Action::kExportProfile, kDeny , kDeny , kDeny },
    {Role::kAuditor, Action::kPublishBoardReport, kDeny , kDeny , kDeny },
    {Role::kAuditor, Action::kReadBoardReports, kAllow, kAllow, kAllow},
    {Role::kAuditor, Action::kCombineReturns, kDeny , kDeny , kDeny },
    {Role::kAuditor, Action::kReviewDuplicates, kDeny , kDeny , kDeny },
    {Role::kRegionalAnalyst, Action::kSearchChildren, kDeny , kDeny , kDeny },
    {Role::kRegionalAnalyst, Action::kViewChild, kDeny , kDeny , kDeny },
    {Role::kRegionalAnalyst, Action::kCreateChild, kDeny , kDeny , kDeny },
    {Role::kRegionalAnalyst, Action::kLogConcern, kDeny , kDeny , kDeny },
    {Role::kRegionalAnalyst, Action::kAddAddendum, kDeny , kDeny , kDeny },
    {Role::kRegionalAnalyst, Action::kViewChronology, kDeny , kDeny , kDeny },
    {Role::kRegionalAnalyst, Action::kAddToTeam, kDeny , kDeny , kDeny },
    {Role::kRegionalAnalyst, Action::kRequestAccess, kDeny , kDeny , kDeny },
    {Role::kRegionalAnalyst, Action::kGrantAccess, kDeny , kDeny , kDeny },
    {Role::kRegionalAnalyst, Action::kManageAgencies, kDeny , kDeny , kDeny },
    {Role::kRegionalAnalyst, Action::kManageUsers, kDeny , kDeny , kDeny },
    {Role::kRegionalAnalyst, Action::kViewAuditTrail, kDeny , kDeny , kDeny },
    {Role::kRegionalAnalyst, Action::kAssess, kDeny , kDeny , kDeny },
    {Role::kRegionalAnalyst, Action::kViewAssessments, kDeny , kDeny , kDeny },
    {Role::kRegionalAnalyst, Action::kViewAreaReviews, kDeny , kDeny , kDeny },
    {Role::kRegionalAnalyst, Action::kManageTools, kDeny , kDeny , kDeny },
    {Role::kRegionalAnalyst, Action::kRefer, kDeny , kDeny , kDeny },
    {Role::kRegionalAnalyst, Action::kScreenReferrals, kDeny , kDeny , kDeny },
    {Role::kRegionalAnalyst, Action::kManageFlags, kDeny , kDeny , kDeny },
    {Role::kRegionalAnalyst, Action::kRunPanel, kDeny , kDeny , kDeny },
    {Role::kRegionalAnalyst, Action::kSitOnPanel, kDeny , kDeny , kDeny },
    {Role::kRegionalAnalyst, Action::kRecordMissing, kDeny , kDeny , kDeny },
    {Role::kRegionalAnalyst, Action::kListReturnInterviews, kDeny , kDeny , kDeny },
    {Role::kRegionalAnalyst, Action::kSubmitIntelligence, kDeny , kDeny , kDeny },
    {Role::kRegionalAnalyst, Action::kGradeIntelligence, kDeny , kDeny , kDeny },
    {Role::kRegionalAnalyst, Action::kManageRecords, kDeny , kDeny , kDeny },
    {Role::kRegionalAnalyst, Action::kViewRecords, kDeny , kDeny , kDeny },
    {Role::kRegionalAnalyst, Action::kRecordDisruption, kDeny , kDeny , kDeny },
    {Role::kRegionalAnalyst, Action::kRecordBusinessVisit, kDeny , kDeny , kDeny },
    {Role::kRegionalAnalyst, Action::kViewProfile, kDeny , kDeny , kDeny },
    {Role::kRegionalAnalyst, Action::kViewInternalProfile, kDeny , kDeny , kDeny },
    {Role::kRegionalAnalyst, Action::kDrillDownProfile, kDeny , kDeny , kDeny },
    {Role::kRegionalAnalyst, Action::kExportProfile, kDeny , kDeny , kDeny },
    {Role::kRegionalAnalyst, Action::kPublishBoardReport, kDeny , kDeny , kDeny },
    {Role::kRegionalAnalyst, Action::kReadBoardReports, kDeny , kDeny , kDeny },
    {Role::kRegionalAnalyst, Action::kCombineReturns, kAllow, kAllow, kAllow},
    {Role::kRegionalAnalyst, Action::kReviewDuplicates, kDeny , kDeny , kDeny },
};
// clang-format on

Subject SubjectWith(Role role) {
  return Subject{.user_id = "user-1", .role = role, .agency_id = "agency-a"};
}

// The subject's agency is one of several involved; someone else holds a grant.
ChildContext Involved() {
  return ChildContext{.involved_agencies = {"agency-a", "agency-x"}, .granted_users = {"user-9"}};
}
// Only other agencies are involved, but this user personally holds a grant.
ChildContext Granted() {
  return ChildContext{.involved_agencies = {"agency-x"}, .granted_users = {"user-1", "user-9"}};
}
// Other agencies are involved and other users hold grants.
ChildContext Neither() {
  return ChildContext{.involved_agencies = {"agency-x", "agency-y"}, .granted_users = {"user-9"}};
}

std::string Describe(const Row& row, std::string_view column) {
  return std::string(ToCode(row.role)) + " " + std::string(ToCode(row.action)) + " " +
         std::string(column);
}

void ExpectDecision(const Decision& decision, Expect expected, const std::string& where) {
  SCOPED_TRACE(where);
  switch (expected) {
    case kAllow:
      EXPECT_TRUE(decision.allowed);
      EXPECT_FALSE(decision.hide_existence);
      EXPECT_FALSE(decision.purpose.empty()) << "an allowed decision states its purpose";
      break;
    case kHide:
      EXPECT_FALSE(decision.allowed);
      EXPECT_TRUE(decision.hide_existence);
      EXPECT_TRUE(decision.purpose.empty());
      break;
    case kDeny:
      EXPECT_FALSE(decision.allowed);
      EXPECT_FALSE(decision.hide_existence);
      EXPECT_TRUE(decision.purpose.empty());
      break;
  }
  EXPECT_FALSE(decision.reason.empty()) << "every decision carries a reason for the audit trail";
}

TEST(PolicyTable, CoversEveryRoleAndActionExactlyOnce) {
  std::set<std::pair<Role, Action>> seen;
  for (const Row& row : kTable) {
    EXPECT_TRUE(seen.emplace(row.role, row.action).second) << Describe(row, "duplicated");
  }
  EXPECT_EQ(seen.size(), kAllRoles.size() * kAllActions.size());
}

TEST(PolicyTable, EveryRoleActionAndRelationDecidesAsTabled) {
  for (const Row& row : kTable) {
    const Subject subject = SubjectWith(row.role);
    ExpectDecision(Decide(subject, row.action, Involved()), row.involved,
                   Describe(row, "involved"));
    ExpectDecision(Decide(subject, row.action, Granted()), row.granted, Describe(row, "granted"));
    ExpectDecision(Decide(subject, row.action, Neither()), row.neither, Describe(row, "neither"));
  }
}

TEST(PolicyTable, CanSeeChildFollowsTheViewChildRow) {
  for (const Row& row : kTable) {
    if (row.action != Action::kViewChild) continue;
    const Subject subject = SubjectWith(row.role);
    EXPECT_EQ(CanSeeChild(subject, Involved()), row.involved == kAllow) << Describe(row, "");
    EXPECT_EQ(CanSeeChild(subject, Granted()), row.granted == kAllow) << Describe(row, "");
    EXPECT_EQ(CanSeeChild(subject, Neither()), row.neither == kAllow) << Describe(row, "");
  }
}

TEST(Policy, ReasonsNameWhyAPractitionerMaySeeAChild) {
  const Subject subject = SubjectWith(Role::kPractitioner);
  EXPECT_EQ(Decide(subject, Action::kViewChild, Involved()).reason, "agency involved");
  EXPECT_EQ(Decide(subject, Action::kViewChild, Granted()).reason, "access granted to user");
  EXPECT_EQ(Decide(subject, Action::kViewChild, Neither()).reason, "agency not involved");
  EXPECT_EQ(Decide(subject, Action::kViewChild, Involved()).purpose, "safeguarding");
}

TEST(Policy, AgencyInvolvementIsReportedBeforeAPersonalGrant) {
  const ChildContext both{.involved_agencies = {"agency-a"}, .granted_users = {"user-1"}};
  EXPECT_EQ(Decide(SubjectWith(Role::kSafeguardingLead), Action::kLogConcern, both).reason,
            "agency involved");
}

TEST(Policy, ChildWithNoKnownRelationsIsHiddenFromNeedToKnowRoles) {
  const Decision decision = Decide(SubjectWith(Role::kPractitioner), Action::kViewChild);
  EXPECT_FALSE(decision.allowed);
  EXPECT_TRUE(decision.hide_existence);
}

TEST(Policy, EmptyIdsNeverMatch) {
  const ChildContext junk{.involved_agencies = {""}, .granted_users = {""}};
  const Subject no_ids{.user_id = "", .role = Role::kPractitioner, .agency_id = ""};
  const Decision decision = Decide(no_ids, Action::kViewChild, junk);
  EXPECT_FALSE(decision.allowed);
  EXPECT_TRUE(decision.hide_existence);
}

TEST(Policy, GrantToAnotherUserInTheSameAgencyDoesNotExtendToColleagues) {
  const ChildContext child{.involved_agencies = {"agency-x"}, .granted_users = {"user-2"}};
  EXPECT_FALSE(CanSeeChild(SubjectWith(Role::kPractitioner), child));
  const Subject colleague{
      .user_id = "user-2", .role = Role::kPractitioner, .agency_id = "agency-a"};
  EXPECT_TRUE(CanSeeChild(colleague, child));
}

TEST(Policy, IdsMatchExactlyNotByPrefixOrCase) {
  const ChildContext child{.involved_agencies = {"agency-ab", "AGENCY-A"},
                           .granted_users = {"user-10", "USER-1"}};
  EXPECT_FALSE(CanSeeChild(SubjectWith(Role::kPractitioner), child));
}

TEST(Policy, CoordinatorSeesEveryChildForCoordination) {
  const Decision decision = Decide(SubjectWith(Role::kCoordinator), Action::kViewChild, Neither());
  EXPECT_TRUE(decision.allowed);
  EXPECT_EQ(decision.purpose, "coordination");
  EXPECT_EQ(Decide(SubjectWith(Role::kCoordinator), Action::kGrantAccess).purpose, "coordination");
}

TEST(Policy, PanelMemberReadsOnlyTheChildrenOnAgendasOfMeetingsTheyAttend) {
  const ChildContext on_agenda{.on_attended_agenda = true};
  const Subject member = SubjectWith(Role::kPanelMember);
  for (Action read : {Action::kViewChild, Action::kViewChronology, Action::kViewAssessments}) {
    const Decision decision = Decide(member, read, on_agenda);
    EXPECT_TRUE(decision.allowed) << ToCode(read);
    EXPECT_EQ(decision.purpose, "panel") << ToCode(read);
  }
  // Reading is all the agenda gives: writing is refused openly, as they know the child exists.
  for (Action write : {Action::kLogConcern, Action::kAssess, Action::kRefer, Action::kAddToTeam}) {
    const Decision decision = Decide(member, write, on_agenda);
    EXPECT_FALSE(decision.allowed) << ToCode(write);
    EXPECT_FALSE(decision.hide_existence) << ToCode(write);
  }
  // Off the agenda, even their own agency's child is hidden.
  const Decision off = Decide(member, Action::kViewChild, Involved());
  EXPECT_TRUE(off.hide_existence);
  EXPECT_EQ(off.reason, "not on the agenda of a meeting they attend");
}

TEST(Policy, AnAgendaGivesOtherNeedToKnowRolesNothing) {
  const ChildContext on_agenda{.on_attended_agenda = true};
  for (Role role : {Role::kPractitioner, Role::kSafeguardingLead, Role::kIntelligenceOfficer}) {
    EXPECT_FALSE(CanSeeChild(SubjectWith(role), on_agenda)) << ToCode(role);
  }
}

TEST(Policy, RolesWithoutCaseAccessAreToldSoEvenWhenTheirAgencyIsInvolved) {
  for (Role role : {Role::kAnalyst, Role::kAdministrator, Role::kAuditor, Role::kRegionalAnalyst}) {
    const Decision decision = Decide(SubjectWith(role), Action::kViewChild, Involved());
    EXPECT_EQ(decision.reason, "role has no case access") << ToCode(role);
    EXPECT_FALSE(decision.hide_existence) << ToCode(role);
  }
}

TEST(Policy, OnlyRegionalAnalystsCombineReturnsAndTheySeeNothingLocal) {
  const Decision allowed = Decide(SubjectWith(Role::kRegionalAnalyst), Action::kCombineReturns);
  EXPECT_TRUE(allowed.allowed);
  EXPECT_EQ(allowed.purpose, "regional analysis");
  EXPECT_EQ(Decide(SubjectWith(Role::kAnalyst), Action::kCombineReturns).reason,
            "only regional analysts combine the partnerships' returns");
  EXPECT_EQ(Decide(SubjectWith(Role::kRegionalAnalyst), Action::kViewProfile).reason,
            "only analysts and coordinators see the problem profile");
  EXPECT_FALSE(HasCaseAccess(Role::kRegionalAnalyst));
}

TEST(Policy, RefusalsOfPrivilegedActionsSayWhoMay) {
  const Subject practitioner = SubjectWith(Role::kPractitioner);
  EXPECT_EQ(Decide(practitioner, Action::kGrantAccess).reason, "only coordinators grant access");
  EXPECT_EQ(Decide(practitioner, Action::kManageUsers).reason,
            "only administrators manage agencies and users");
  EXPECT_EQ(Decide(SubjectWith(Role::kAdministrator), Action::kViewAuditTrail).reason,
            "only auditors read the audit trail");
}

TEST(RoleCodes, RoundTripForEveryRole) {
  const std::pair<Role, std::string_view> expected[] = {
      {Role::kPractitioner, "practitioner"},
      {Role::kSafeguardingLead, "safeguarding-lead"},
      {Role::kCoordinator, "coordinator"},
      {Role::kPanelMember, "panel-member"},
      {Role::kIntelligenceOfficer, "intelligence-officer"},
      {Role::kAnalyst, "analyst"},
      {Role::kAdministrator, "administrator"},
      {Role::kAuditor, "auditor"},
      {Role::kRegionalAnalyst, "regional-analyst"},
  };
  for (const auto& [role, code] : expected) {
    EXPECT_EQ(ToCode(role), code);
    EXPECT_EQ(RoleFromCode(code), role) << code;
  }
}

TEST(RoleCodes, UnknownOrMisspelledCodesAreRejected) {
  for (std::string_view code :
       {"", "Practitioner", "admin", "safeguarding_lead", " coordinator", "auditor ", "root"}) {
    EXPECT_EQ(RoleFromCode(code), std::nullopt) << "'" << code << "'";
  }
}

TEST(RoleLabels, AreDistinctSentenceCaseNames) {
  EXPECT_EQ(Label(Role::kSafeguardingLead), "Safeguarding lead");
  EXPECT_EQ(Label(Role::kPractitioner), "Practitioner");
  std::set<std::string_view> labels;
  for (Role role : kAllRoles) labels.insert(Label(role));
  EXPECT_EQ(labels.size(), kAllRoles.size());
}

TEST(ActionCodes, AreTheStableAuditNames) {
  const std::pair<Action, std::string_view> expected[] = {
      {Action::kSearchChildren, "child.search"},
      {Action::kViewChild, "child.view"},
      {Action::kCreateChild, "child.create"},
      {Action::kLogConcern, "concern.create"},
      {Action::kAddAddendum, "concern.addendum"},
      {Action::kViewChronology, "chronology.view"},
      {Action::kAddToTeam, "team.add"},
      {Action::kAssess, "assessment.write"},
      {Action::kViewAssessments, "assessment.view"},
      {Action::kViewAreaReviews, "review.area"},
      {Action::kManageTools, "tool.manage"},
      {Action::kRefer, "referral.create"},
      {Action::kManageFlags, "flag.manage"},
      {Action::kRunPanel, "panel.manage"},
      {Action::kSitOnPanel, "panel.attend"},
      {Action::kRecordMissing, "missing.record"},
      {Action::kListReturnInterviews, "return_interviews.list"},
      {Action::kScreenReferrals, "referral.screen"},
      {Action::kRequestAccess, "access.request"},
      {Action::kGrantAccess, "access.grant"},
      {Action::kManageAgencies, "agency.manage"},
      {Action::kManageUsers, "user.manage"},
      {Action::kViewAuditTrail, "audit.view"},
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
  };
  std::set<std::string_view> codes;
  for (const auto& [action, code] : expected) {
    EXPECT_EQ(ToCode(action), code);
    codes.insert(ToCode(action));
  }
  EXPECT_EQ(codes.size(), kAllActions.size());
}

// Who sees what of one intelligence report. One row per role and relation; the three columns
// are the report's state: not graded yet, graded P, graded C (with some agencies allowed).
using enum IntelligenceView;
enum class Relation { kSubmitter, kHoldingUnit, kAllowedAgency, kOther };

struct ViewRow {
  Role role;
  Relation relation;
  IntelligenceView ungraded;
  IntelligenceView graded_p;
  IntelligenceView graded_c;
};

// clang-format off
constexpr ViewRow kViewTable[] = {
    {Role::kPractitioner, Relation::kSubmitter,            kOwnSubmission, kOwnSubmission, kOwnSubmission},
    {Role::kPractitioner, Relation::kHoldingUnit,          kNone,          kNone,          kNone},
    {Role::kPractitioner, Relation::kAllowedAgency,        kNone,          kNone,          kNone},
    {Role::kPractitioner, Relation::kOther,                kNone,          kNone,          kNone},
    {Role::kSafeguardingLead, Relation::kSubmitter,        kOwnSubmission, kOwnSubmission, kOwnSubmission},
    {Role::kSafeguardingLead, Relation::kHoldingUnit,      kNone,          kNone,          kNone},
    {Role::kSafeguardingLead, Relation::kAllowedAgency,    kNone,          kNone,          kNone},
    {Role::kSafeguardingLead, Relation::kOther,            kNone,          kNone,          kNone},
    {Role::kCoordinator, Relation::kSubmitter,             kOwnSubmission, kOwnSubmission, kOwnSubmission},
    {Role::kCoordinator, Relation::kHoldingUnit,           kNone,          kSanitised,     kNone},
    {Role::kCoordinator, Relation::kAllowedAgency,         kNone,          kSanitised,     kSanitised},
    {Role::kCoordinator, Relation::kOther,                 kNone,          kSanitised,     kNone},
    {Role::kPanelMember, Relation::kSubmitter,             kOwnSubmission, kOwnSubmission, kOwnSubmission},
    {Role::kPanelMember, Relation::kHoldingUnit,           kNone,          kNone,          kNone},
    {Role::kPanelMember, Relation::kAllowedAgency,         kNone,          kNone,          kNone},
    {Role::kPanelMember, Relation::kOther,                 kNone,          kNone,          kNone},
    {Role::kIntelligenceOfficer, Relation::kSubmitter,     kOwnSubmission, kOriginal,      kOwnSubmission},
    {Role::kIntelligenceOfficer, Relation::kHoldingUnit,   kOriginalWithSource, kOriginalWithSource, kOriginalWithSource},
    {Role::kIntelligenceOfficer, Relation::kAllowedAgency, kNone,          kOriginal,      kOriginal},
    {Role::kIntelligenceOfficer, Relation::kOther,         kNone,          kOriginal,      kNone},
    {Role::kAnalyst, Relation::kSubmitter,                 kNone,          kNone,          kNone},
    {Role::kAnalyst, Relation::kHoldingUnit,               kNone,          kNone,          kNone},
    {Role::kAnalyst, Relation::kAllowedAgency,             kNone,          kNone,          kNone},
    {Role::kAnalyst, Relation::kOther,                     kNone,          kNone,          kNone},
    {Role::kAdministrator, Relation::kSubmitter,           kNone,          kNone,          kNone},
    {Role::kAdministrator, Relation::kHoldingUnit,         kNone,          kNone,          kNone},
    {Role::kAdministrator, Relation::kAllowedAgency,       kNone,          kNone,          kNone},
    {Role::kAdministrator, Relation::kOther,               kNone,          kNone,          kNone},
    {Role::kAuditor, Relation::kSubmitter,                 kNone,          kNone,          kNone},
    {Role::kAuditor, Relation::kHoldingUnit,               kNone,          kNone,          kNone},
    {Role::kAuditor, Relation::kAllowedAgency,             kNone,          kNone,          kNone},
    {Role::kAuditor, Relation::kOther,                     kNone,          kNone,          kNone},
    {Role::kRegionalAnalyst, Relation::kSubmitter, kNone, kNone, kNone},
    {Role::kRegionalAnalyst, Relation::kHoldingUnit, kNone, kNone, kNone},
    {Role::kRegionalAnalyst, Relation::kAllowedAgency, kNone, kNone, kNone},
    {Role::kRegionalAnalyst, Relation::kOther, kNone, kNone, kNone},
};
// clang-format on

// The subject is user-1 of agency-a (SubjectWith). Other parties: submitter user-9, holding
// unit agency-p, allowed agency (for C) agency-x.
ReportFacts ReportFor(Relation relation, std::optional<ReportHandling> handling) {
  ReportFacts report{.submitted_by = "user-9",
                     .holding_agency = "agency-p",
                     .handling = handling,
                     .allowed_agencies = {"agency-x"}};
  switch (relation) {
    case Relation::kSubmitter:
      report.submitted_by = "user-1";
      break;
    case Relation::kHoldingUnit:
      report.holding_agency = "agency-a";
      break;
    case Relation::kAllowedAgency:
      report.allowed_agencies.insert("agency-a");
      break;
    case Relation::kOther:
      break;
  }
  return report;
}

constexpr std::string_view RelationName(Relation relation) {
  switch (relation) {
    case Relation::kSubmitter:
      return "submitter";
    case Relation::kHoldingUnit:
      return "holding unit";
    case Relation::kAllowedAgency:
      return "allowed agency";
    case Relation::kOther:
      return "other";
  }
  return "?";
}

TEST(ReportViewTable, CoversEveryRoleAndRelationExactlyOnce) {
  std::set<std::pair<Role, Relation>> seen;
  for (const ViewRow& row : kViewTable) {
    EXPECT_TRUE(seen.emplace(row.role, row.relation).second) << ToCode(row.role);
  }
  EXPECT_EQ(seen.size(), kAllRoles.size() * 4);
}

TEST(ReportViewTable, EveryRoleRelationAndHandlingDecidesAsTabled) {
  const std::pair<std::optional<ReportHandling>, std::string_view> states[] = {
      {std::nullopt, "ungraded"}, {ReportHandling::kP, "P"}, {ReportHandling::kC, "C"}};
  for (const ViewRow& row : kViewTable) {
    const IntelligenceView expected[] = {row.ungraded, row.graded_p, row.graded_c};
    for (std::size_t i = 0; i < 3; ++i) {
      const ReportView decided =
          DecideReportView(SubjectWith(row.role), ReportFor(row.relation, states[i].first));
      EXPECT_EQ(ToCode(decided.view), ToCode(expected[i]))
          << ToCode(row.role) << " " << RelationName(row.relation) << " " << states[i].second;
      EXPECT_FALSE(decided.reason.empty()) << "every view carries a reason for the audit trail";
      EXPECT_EQ(ViewOfReport(SubjectWith(row.role), ReportFor(row.relation, states[i].first)),
                decided.view);
    }
  }
}

TEST(ReportView, OnlyTheHoldingUnitSeesTheSource) {
  for (const ViewRow& row : kViewTable) {
    for (IntelligenceView view : {row.ungraded, row.graded_p, row.graded_c}) {
      if (view == kOriginalWithSource) {
        EXPECT_EQ(row.role, Role::kIntelligenceOfficer);
        EXPECT_EQ(row.relation, Relation::kHoldingUnit);
      }
    }
  }
}

TEST(ReportView, UngradedReportsReachOnlyTheSubmitterAndIntelligenceOfficers) {
  for (const ViewRow& row : kViewTable) {
    if (row.ungraded == kNone) continue;
    EXPECT_TRUE(row.relation == Relation::kSubmitter || row.role == Role::kIntelligenceOfficer)
        << ToCode(row.role);
  }
}

TEST(ReportView, ReasonsNameWhy) {
  const ReportFacts c = ReportFor(Relation::kOther, ReportHandling::kC);
  EXPECT_EQ(DecideReportView(SubjectWith(Role::kCoordinator), c).reason,
            "handling code C: agency not allowed");
  EXPECT_EQ(DecideReportView(SubjectWith(Role::kAuditor), c).reason, "role has no case access");
  EXPECT_EQ(
      DecideReportView(SubjectWith(Role::kCoordinator), ReportFor(Relation::kOther, std::nullopt))
          .reason,
      "not graded yet");
  EXPECT_EQ(DecideReportView(SubjectWith(Role::kPractitioner),
                             ReportFor(Relation::kSubmitter, ReportHandling::kP))
                .reason,
            "submitter");
}

TEST(ReportView, EmptyIdsNeverMatch) {
  const Subject no_ids{.user_id = "", .role = Role::kIntelligenceOfficer, .agency_id = ""};
  const ReportFacts junk{.submitted_by = "",
                         .holding_agency = "",
                         .handling = ReportHandling::kC,
                         .allowed_agencies = {""}};
  EXPECT_EQ(ViewOfReport(no_ids, junk), kNone);
  const Subject coordinator{.user_id = "", .role = Role::kCoordinator, .agency_id = ""};
  EXPECT_EQ(ViewOfReport(coordinator, junk), kNone);
}

TEST(ReportView, CodesAreDistinct) {
  std::set<std::string_view> codes;
  for (IntelligenceView view :
       {kNone, kOwnSubmission, kSanitised, kOriginal, kOriginalWithSource}) {
    codes.insert(ToCode(view));
  }
  EXPECT_EQ(codes.size(), 5U);
  EXPECT_EQ(ToCode(kOriginalWithSource), "original_with_source");
}

TEST(Policy, IntelligenceSubmissionAndGrading) {
  EXPECT_EQ(Decide(SubjectWith(Role::kPanelMember), Action::kSubmitIntelligence).purpose,
            "safeguarding");
  EXPECT_EQ(Decide(SubjectWith(Role::kIntelligenceOfficer), Action::kGradeIntelligence).purpose,
            "intelligence");
  EXPECT_EQ(Decide(SubjectWith(Role::kCoordinator), Action::kGradeIntelligence).reason,
            "only intelligence officers grade intelligence");
  EXPECT_EQ(Decide(SubjectWith(Role::kAdministrator), Action::kSubmitIntelligence).reason,
            "role has no case access");
}

TEST(CaseAccess, TheRolesThatWorkOnCasesAndNoOthers) {
  for (Role role : kAllRoles) {
    bool expected = role != Role::kAnalyst && role != Role::kAdministrator &&
                    role != Role::kAuditor && role != Role::kRegionalAnalyst;
    EXPECT_EQ(HasCaseAccess(role), expected) << ToCode(role);
  }
}

TEST(CaseAccess, IsWhatTheHomePageAndThePanelAgreeOn) {
  // The regression this rule fixes: the home page excluded panel members from case work and the
  // panel included them. A panel member has case access (they may own a panel action) but
  // reaches children only through their meetings, so they cannot search.
  EXPECT_TRUE(HasCaseAccess(Role::kPanelMember));
  EXPECT_FALSE(Decide({"u", Role::kPanelMember, "a"}, Action::kSearchChildren).allowed);
}

TEST(MeetingAccess, CoordinatorsSeeEveryMeetingPanelMembersOnlyThoseTheyAttend) {
  const Subject coordinator{"c", Role::kCoordinator, "csc"};
  const Subject member{"m", Role::kPanelMember, "nhs"};
  EXPECT_TRUE(DecideMeeting(coordinator, {.attends = false}).allowed);
  EXPECT_EQ(DecideMeeting(coordinator, {}).purpose, "coordination");
  auto attends = DecideMeeting(member, {.attends = true});
  EXPECT_TRUE(attends.allowed);
  EXPECT_EQ(attends.purpose, "panel");
  auto apologies = DecideMeeting(member, {.attends = false});
  EXPECT_FALSE(apologies.allowed);
  EXPECT_TRUE(apologies.hide_existence);
  EXPECT_EQ(apologies.reason, "not a member attending this meeting");
  for (Role role : kAllRoles) {
    if (role == Role::kCoordinator || role == Role::kPanelMember) continue;
    auto refused = DecideMeeting({"u", role, "a"}, {.attends = true});
    EXPECT_FALSE(refused.allowed) << ToCode(role);
    EXPECT_TRUE(refused.hide_existence) << ToCode(role);
  }
}

TEST(AccessCodesTest, EveryEnumAnswersFromItsTable) {
  codes_testing::ExpectAnswersFromTable(kRoleCodes, RoleFromCode);
  codes_testing::ExpectAnswersFromTable(kActionCodes);
  codes_testing::ExpectAnswersFromTable(kIntelligenceViewCodes);
}

}  // namespace
}  // namespace harbour::access
