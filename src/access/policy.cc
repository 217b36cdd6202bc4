#include "access/policy.h"

#include <array>
#include <utility>

namespace harbour::access {
namespace {

constexpr std::array<std::pair<Role, std::string_view>, 8> kRoleCodes{{
    {Role::kPractitioner, "practitioner"},
    {Role::kSafeguardingLead, "safeguarding-lead"},
    {Role::kCoordinator, "coordinator"},
    {Role::kPanelMember, "panel-member"},
    {Role::kIntelligenceOfficer, "intelligence-officer"},
    {Role::kAnalyst, "analyst"},
    {Role::kAdministrator, "administrator"},
    {Role::kAuditor, "auditor"},
}};

// How much case data a role reaches.
enum class CaseScope {
  kNeedToKnow,  // children their agency is involved with, or they were granted
  kWholeArea,   // every child, for a stated purpose
  kNone,        // no identifiable child data at all
};

// Panel members will also see the children on the agendas of meetings they attend, and
// intelligence officers children linked to intelligence they handle; both arrive with the
// issues that introduce meetings and intelligence, as extra facts in ChildContext.
CaseScope ScopeOf(Role role) {
  switch (role) {
    case Role::kPractitioner:
    case Role::kSafeguardingLead:
    case Role::kPanelMember:
    case Role::kIntelligenceOfficer:
      return CaseScope::kNeedToKnow;
    case Role::kCoordinator:
      return CaseScope::kWholeArea;
    case Role::kAnalyst:
    case Role::kAdministrator:
    case Role::kAuditor:
      return CaseScope::kNone;
  }
  return CaseScope::kNone;
}

constexpr std::string_view kSafeguardingPurpose = "safeguarding";
constexpr std::string_view kCoordinationPurpose = "coordination";

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
    case CaseScope::kNone:
      break;
  }
  return Refuse("role has no case access");
}

// Actions on one existing child's record.
Decision DecideOnChild(const Subject& subject, const ChildContext& child) {
  switch (ScopeOf(subject.role)) {
    case CaseScope::kWholeArea:
      return Allow("coordinator sees every child", kCoordinationPurpose);
    case CaseScope::kNone:
      return Refuse("role has no case access");
    case CaseScope::kNeedToKnow:
      break;
  }
  if (AgencyInvolved(subject, child)) return Allow("agency involved", kSafeguardingPurpose);
  if (UserGranted(subject, child)) return Allow("access granted to user", kSafeguardingPurpose);
  return Hide("agency not involved");
}

}  // namespace

std::string_view ToCode(Role role) {
  for (const auto& [r, code] : kRoleCodes) {
    if (r == role) return code;
  }
  return "unknown";
}

std::optional<Role> RoleFromCode(std::string_view code) {
  for (const auto& [role, c] : kRoleCodes) {
    if (c == code) return role;
  }
  return std::nullopt;
}

std::string_view Label(Role role) {
  switch (role) {
    case Role::kPractitioner:
      return "Practitioner";
    case Role::kSafeguardingLead:
      return "Safeguarding lead";
    case Role::kCoordinator:
      return "Exploitation coordinator";
    case Role::kPanelMember:
      return "Panel member";
    case Role::kIntelligenceOfficer:
      return "Intelligence officer";
    case Role::kAnalyst:
      return "Analyst";
    case Role::kAdministrator:
      return "Administrator";
    case Role::kAuditor:
      return "Auditor";
  }
  return "Unknown role";
}

std::string_view ToCode(Action action) {
  switch (action) {
    case Action::kSearchChildren:
      return "child.search";
    case Action::kViewChild:
      return "child.view";
    case Action::kCreateChild:
      return "child.create";
    case Action::kLogConcern:
      return "concern.create";
    case Action::kAddAddendum:
      return "concern.addendum";
    case Action::kViewChronology:
      return "chronology.view";
    case Action::kAddToTeam:
      return "team.add";
    case Action::kRequestAccess:
      return "access.request";
    case Action::kGrantAccess:
      return "access.grant";
    case Action::kManageAgencies:
      return "agency.manage";
    case Action::kManageUsers:
      return "user.manage";
    case Action::kViewAuditTrail:
      return "audit.view";
    case Action::kAssess:
      return "assessment.write";
    case Action::kViewAssessments:
      return "assessment.view";
    case Action::kViewAreaReviews:
      return "review.area";
    case Action::kManageTools:
      return "tool.manage";
    case Action::kRefer:
      return "referral.create";
    case Action::kScreenReferrals:
      return "referral.screen";
    case Action::kManageFlags:
      return "flag.manage";
  }
  return "unknown";
}

Decision Decide(const Subject& subject, Action action, const ChildContext& child) {
  switch (action) {
    case Action::kSearchChildren:
    case Action::kCreateChild:
    case Action::kRequestAccess:
      return DecideCaseEntry(subject);
    case Action::kViewChild:
    case Action::kLogConcern:
    case Action::kAddAddendum:
    case Action::kViewChronology:
    case Action::kAddToTeam:  // whoever works with the child may bring a partner in
    case Action::kAssess:
    case Action::kViewAssessments:
    case Action::kRefer:  // anyone working with the child; nobody can hold a referral back
      return DecideOnChild(subject, child);
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
  }
  return Refuse("unknown action");
}

bool CanSeeChild(const Subject& subject, const ChildContext& child) {
  return Decide(subject, Action::kViewChild, child).allowed;
}

}  // namespace harbour::access
