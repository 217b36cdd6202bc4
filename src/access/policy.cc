#include "access/policy.h"

#include <utility>

namespace harbour::access {
namespace {

enum class CaseScope {
  kPanelAgenda,  // reads the children on the agendas of meetings they attend (or was granted)
  kNeedToKnow,   // children their agency is involved with, or they were granted
  kWholeArea,    // every child, for a stated purpose
  kNone,         // no identifiable child data at all
};

// How much case data a role reaches.
// Intelligence officers will also see children linked to intelligence they handle, with the
// issue that introduces intelligence, as an extra fact in ChildContext.
CaseScope ScopeOf(Role role) {
  switch (role) {
    case Role::kPanelMember:
      return CaseScope::kPanelAgenda;
    case Role::kPractitioner:
    case Role::kSafeguardingLead:
    case Role::kIntelligenceOfficer:
      return CaseScope::kNeedToKnow;
    case Role::kCoordinator:
      return CaseScope::kWholeArea;
    case Role::kAnalyst:
    case Role::kAdministrator:
    case Role::kAuditor:
    case Role::kRegionalAnalyst:  // the region's picture only: no local record or profile
      return CaseScope::kNone;
  }
  return CaseScope::kNone;
}

constexpr std::string_view kSafeguardingPurpose = "safeguarding";
constexpr std::string_view kCoordinationPurpose = "coordination";
constexpr std::string_view kPanelPurpose = "panel";
constexpr std::string_view kIntelligencePurpose = "intelligence";
constexpr std::string_view kAnalysisPurpose = "analysis";
constexpr std::string_view kRegionalAnalysisPurpose = "regional analysis";

Decision Allow(std::string_view reason, std::string_view purpose) {
  return Decision{.allowed = true, .reason = std::string(reason), .purpose = std::string(purpose)};
}
// 403: the subject may know the resource exists.
Decision Refuse(std::string_view reason) {
  return Decision{
      .allowed = false, .hide_existence = false, .reason = std::string(reason), .purpose = {}};
}
// 404: answered as though the record did not exist.
Decision Hide(std::string_view reason) {
  return Decision{
      .allowed = false, .hide_existence = true, .reason = std::string(reason), .purpose = {}};
}

// Empty ids never match, so a subject without an agency is never "involved" by accident.
bool AgencyInvolved(const Subject& subject, const ChildContext& child) {
  return !subject.agency_id.empty() && child.involved_agencies.contains(subject.agency_id);
}
bool UserGranted(const Subject& subject, const ChildContext& child) {
  return !subject.user_id.empty() && child.granted_users.contains(subject.user_id);
}

// Actions that start case work without touching one existing child's record.
Decision DecideCaseEntry(const Subject& subject) {
  switch (ScopeOf(subject.role)) {
    case CaseScope::kNeedToKnow:
      return Allow("role has case access", kSafeguardingPurpose);
    case CaseScope::kWholeArea:
      return Allow("role has case access", kCoordinationPurpose);
    case CaseScope::kPanelAgenda:
      return Refuse("panel members reach children through their meetings");
    case CaseScope::kNone:
      break;
  }
  return Refuse("role has no case access");
}

// A panel member reads the record of a child on the agenda of a meeting they attend; writing
// to it (or reaching any other child) needs an explicit grant.
Decision DecidePanelMember(const Subject& subject, const ChildContext& child, bool reads) {
  if (UserGranted(subject, child)) return Allow("access granted to user", kSafeguardingPurpose);
  if (!child.on_attended_agenda) return Hide("not on the agenda of a meeting they attend");
  if (reads) return Allow("on the agenda of a meeting they attend", kPanelPurpose);
  return Refuse("panel members read the records of children on their agendas");
}

// Actions on one existing child's record; `reads` when the action only reads it.
Decision DecideOnChild(const Subject& subject, const ChildContext& child, bool reads) {
  switch (ScopeOf(subject.role)) {
    case CaseScope::kWholeArea:
      return Allow("coordinator sees every child", kCoordinationPurpose);
    case CaseScope::kNone:
      return Refuse("role has no case access");
    case CaseScope::kPanelAgenda:
      return DecidePanelMember(subject, child, reads);
    case CaseScope::kNeedToKnow:
      break;
  }
  if (AgencyInvolved(subject, child)) return Allow("agency involved", kSafeguardingPurpose);
  if (UserGranted(subject, child)) return Allow("access granted to user", kSafeguardingPurpose);
  return Hide("agency not involved");
}

ReportView View(IntelligenceView view, std::string_view reason) {
  return ReportView{.view = view, .reason = std::string(reason)};
}

// Graded with a code that lets this subject's agency see a shared version.
bool SharedWithAgency(const Subject& subject, const ReportFacts& report) {
  if (!report.handling) return false;
  if (*report.handling == ReportHandling::kP) return true;
  return !subject.agency_id.empty() && report.allowed_agencies.contains(subject.agency_id);
}

}  // namespace

Decision Decide(const Subject& subject, Action action, const ChildContext& child) {
  switch (action) {
    case Action::kSearchChildren:
    case Action::kCreateChild:
    case Action::kRequestAccess:
      return DecideCaseEntry(subject);
    case Action::kViewChild:
    case Action::kViewChronology:
    case Action::kViewAssessments:
      return DecideOnChild(subject, child, /*reads=*/true);
    case Action::kLogConcern:
    case Action::kAddAddendum:
    case Action::kAddToTeam:  // whoever works with the child may bring a partner in
    case Action::kAssess:
    case Action::kRefer:          // anyone working with the child; nobody can hold a referral back
    case Action::kRecordMissing:  // whoever works with the child records episodes and interviews
      return DecideOnChild(subject, child, /*reads=*/false);
    case Action::kListReturnInterviews:  // the services that conduct them; rows filtered per child
      if (subject.role == Role::kPractitioner || subject.role == Role::kSafeguardingLead ||
          subject.role == Role::kCoordinator) {
        return Allow("conducts or oversees return interviews", subject.role == Role::kCoordinator
                                                                   ? kCoordinationPurpose
                                                                   : kSafeguardingPurpose);
      }
      return Refuse(
          "only practitioners, safeguarding leads and coordinators list return interviews");
    case Action::kSubmitIntelligence:
      // Anyone doing case work, whatever their agency, including panel members. Roles with no
      // case access (analysts, administrators, auditors) work with no child and submit nothing.
      if (ScopeOf(subject.role) == CaseScope::kNone) return Refuse("role has no case access");
      return Allow("role does case work", subject.role == Role::kCoordinator
                                              ? kCoordinationPurpose
                                              : kSafeguardingPurpose);
    case Action::kGradeIntelligence:
      if (subject.role == Role::kIntelligenceOfficer) {
        return Allow("intelligence officer", kIntelligencePurpose);
      }
      return Refuse("only intelligence officers grade intelligence");
    case Action::kManageRecords:
      if (subject.role == Role::kIntelligenceOfficer) {
        return Allow("intelligence officer", kIntelligencePurpose);
      }
      return Refuse("only intelligence officers create and link intelligence records");
    case Action::kViewRecords:  // the handler shows each link only through a visible report
    case Action::kRecordDisruption:
      if (subject.role == Role::kIntelligenceOfficer) {
        return Allow("intelligence officer", kIntelligencePurpose);
      }
      if (subject.role == Role::kCoordinator) {
        return Allow("coordinator owns the area picture", kCoordinationPurpose);
      }
      return Refuse("only intelligence officers and coordinators work with intelligence records");
    case Action::kRecordBusinessVisit:
      // Business engagement is done by many agencies (police, licensing, housing, youth work).
      if (ScopeOf(subject.role) == CaseScope::kNone || subject.role == Role::kPanelMember) {
        return Refuse("only agencies doing case work or intelligence visit businesses");
      }
      return Allow("visits businesses", subject.role == Role::kCoordinator ? kCoordinationPurpose
                                        : subject.role == Role::kIntelligenceOfficer
                                            ? kIntelligencePurpose
                                            : kSafeguardingPurpose);
    case Action::kViewProfile:
    case Action::kExportProfile:
      // The area picture: aggregates and pseudonymised rows only, never a name (issue 12).
      if (subject.role == Role::kAnalyst) return Allow("analyst", kAnalysisPurpose);
      if (subject.role == Role::kCoordinator) {
        return Allow("coordinator owns the area picture", kCoordinationPurpose);
      }
      return Refuse("only analysts and coordinators see the problem profile");
    case Action::kViewInternalProfile:
    case Action::kDrillDownProfile:
      if (subject.role == Role::kCoordinator) {
        return Allow("coordinator owns the area picture", kCoordinationPurpose);
      }
      return Refuse("only coordinators see unsuppressed figures and the children behind them");
    case Action::kPublishBoardReport:
      if (subject.role == Role::kCoordinator) {
        return Allow("coordinator owns the area picture", kCoordinationPurpose);
      }
      return Refuse("only coordinators publish the board report");
    case Action::kReadBoardReports:
      // Published, suppressed figures: the one part of the area picture everyone in the
      // partnership may read. Not the regional analyst, who works on the region's returns.
      if (subject.role == Role::kRegionalAnalyst) {
        return Refuse("the board reports are the partnership's; the region reads its returns");
      }
      return Allow("published board report", "publication");
    case Action::kRunPanel:
      if (subject.role == Role::kCoordinator) {
        return Allow("coordinator runs the panel", kCoordinationPurpose);
      }
      return Refuse("only coordinators arrange panel meetings");
    case Action::kSitOnPanel:  // the handler also checks the member attends that meeting
      if (subject.role == Role::kCoordinator) {
        return Allow("coordinator runs the panel", kCoordinationPurpose);
      }
      if (subject.role == Role::kPanelMember) return Allow("panel member", kPanelPurpose);
      return Refuse("only the panel's members and coordinators see its meetings");
    case Action::kScreenReferrals:
      if (subject.role == Role::kCoordinator) {
        return Allow("coordinator screens referrals", kCoordinationPurpose);
      }
      return Refuse("only coordinators screen referrals");
    case Action::kManageFlags:
      if (subject.role == Role::kCoordinator) {
        return Allow("coordinator records the panel's flags", kCoordinationPurpose);
      }
      return Refuse("only coordinators record warning flags");
    case Action::kViewAreaReviews:
      if (subject.role == Role::kCoordinator) {
        return Allow("coordinator sees the area", kCoordinationPurpose);
      }
      return Refuse("only coordinators see the area's reviews");
    case Action::kManageTools:
      if (subject.role == Role::kAdministrator) return Allow("administrator", "administration");
      return Refuse("only administrators manage risk tools");
    case Action::kGrantAccess:
      if (subject.role == Role::kCoordinator) {
        return Allow("coordinator grants access", kCoordinationPurpose);
      }
      return Refuse("only coordinators grant access");
    case Action::kManageAgencies:
    case Action::kManageUsers:
      if (subject.role == Role::kAdministrator) return Allow("administrator", "administration");
      return Refuse("only administrators manage agencies and users");
    case Action::kViewAuditTrail:
      // Not administrators: audit entries reference case records, which they may not see.
      if (subject.role == Role::kAuditor) return Allow("auditor", "audit");
      return Refuse("only auditors read the audit trail");
    case Action::kCombineReturns:
      // The region's picture from the partnerships' signed returns (issue 12): the regional
      // analyst alone, who for the same reason sees nothing of the local partnership.
      if (subject.role == Role::kRegionalAnalyst) {
        return Allow("regional analyst", kRegionalAnalysisPurpose);
      }
      return Refuse("only regional analysts combine the partnerships' returns");
    case Action::kReviewDuplicates:
      // A merge joins two children's records for everyone who may see either: the coordinator,
      // who sees every child in the area, decides it.
      if (subject.role == Role::kCoordinator) {
        return Allow("coordinator keeps one record per child", kCoordinationPurpose);
      }
      return Refuse("only coordinators review duplicate children");
  }
  return Refuse("unknown action");
}

bool CanSeeChild(const Subject& subject, const ChildContext& child) {
  return Decide(subject, Action::kViewChild, child).allowed;
}

bool HasCaseAccess(Role role) { return ScopeOf(role) != CaseScope::kNone; }

Decision DecideMeeting(const Subject& subject, const MeetingFacts& meeting) {
  if (subject.role == Role::kCoordinator) {
    return Allow("coordinator runs the panel", kCoordinationPurpose);
  }
  if (subject.role != Role::kPanelMember) {
    return Hide("only the panel's members and coordinators see its meetings");
  }
  if (meeting.attends) return Allow("member attending this meeting", kPanelPurpose);
  return Hide("not a member attending this meeting");
}

ReportView DecideReportView(const Subject& subject, const ReportFacts& report) {
  if (ScopeOf(subject.role) == CaseScope::kNone) {
    return View(IntelligenceView::kNone, "role has no case access");
  }
  if (subject.role == Role::kIntelligenceOfficer) {
    if (!subject.agency_id.empty() && subject.agency_id == report.holding_agency) {
      return View(IntelligenceView::kOriginalWithSource, "holding intelligence unit");
    }
    if (SharedWithAgency(subject, report)) {
      return View(IntelligenceView::kOriginal, "intelligence officer of a sharing agency");
    }
  }
  if (!subject.user_id.empty() && subject.user_id == report.submitted_by) {
    return View(IntelligenceView::kOwnSubmission, "submitter");
  }
  if (!report.handling) return View(IntelligenceView::kNone, "not graded yet");
  if (subject.role == Role::kCoordinator && SharedWithAgency(subject, report)) {
    return View(IntelligenceView::kSanitised, "coordinator: shared version");
  }
  if (subject.role == Role::kCoordinator || subject.role == Role::kIntelligenceOfficer) {
    return View(IntelligenceView::kNone, "handling code C: agency not allowed");
  }
  return View(IntelligenceView::kNone, "role does not receive shared intelligence");
}

IntelligenceView ViewOfReport(const Subject& subject, const ReportFacts& report) {
  return DecideReportView(subject, report).view;
}

}  // namespace harbour::access
