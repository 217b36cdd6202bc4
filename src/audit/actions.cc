#include "audit/actions.h"

#include <algorithm>
#include <array>

namespace harbour::audit {
namespace {

constexpr std::string_view kAccounts = "Signing in and accounts";
constexpr std::string_view kChildren = "Children's records";
constexpr std::string_view kConcerns = "Concerns and chronology";
constexpr std::string_view kAssessments = "Risk assessments and tasks";
constexpr std::string_view kReferrals = "Referrals and messages";
constexpr std::string_view kPanel = "Panel meetings";
constexpr std::string_view kMissing = "Missing episodes";
constexpr std::string_view kIntelligence = "Intelligence and records";
constexpr std::string_view kDisruption = "Disruption and business visits";
constexpr std::string_view kProfile = "The area profile";
constexpr std::string_view kSystem = "Administration and the audit trail";

// Codes that only ever appear on refusals (the access policy's codes for a group of actions)
// are worded as what was attempted.
constexpr auto kActions = std::to_array<ActionWords>({
    {"sign-in", "Signed in", kAccounts},
    {"sign-out", "Signed out", kAccounts},
    {"csrf.check", "Sent a form without a valid form token", kAccounts},
    {"home.view", "Opened the home page", kAccounts},

    {"child.search", "Searched for a child", kChildren},
    {"child.view", "Viewed a child's record", kChildren},
    {"child.create", "Created a child's record", kChildren},
    {"team.add", "Added an agency to the team around a child", kChildren},
    {"access.request", "Asked for access to a child", kChildren},
    {"access.list", "Listed the access requests", kChildren},
    {"access.grant", "Granted access to a child", kChildren},
    {"access.refuse", "Refused an access request", kChildren},
    {"flag.add", "Added a warning flag", kChildren},
    {"flag.end", "Ended a warning flag", kChildren},
    {"flag.list", "Listed a child's warning flags", kChildren},
    {"flag.manage", "Managed a child's warning flags", kChildren},
    {"child.match", "Matched the children's records and filled the duplicate-review queue",
     kChildren},
    {"child.merge", "Merged two records of one child", kChildren},
    {"child.not_same", "Recorded that two records are not the same child", kChildren},
    {"child.unsure", "Left a pair of records for later review", kChildren},
    {"child.unmerge", "Undid a merge of two children's records", kChildren},

    {"concern.create", "Logged a concern", kConcerns},
    {"concern.addendum", "Added an addendum to a concern", kConcerns},
    {"chronology.view", "Read a child's chronology", kConcerns},
    {"alert.raise", "Raised an alert for the coordinator", kConcerns},

    {"assessment.start", "Started a risk assessment", kAssessments},
    {"assessment.save", "Saved a draft risk assessment", kAssessments},
    {"assessment.submit", "Submitted a risk assessment", kAssessments},
    {"assessment.view", "Viewed a risk assessment", kAssessments},
    {"assessment.list", "Listed a child's risk assessments", kAssessments},
    {"assessment.write", "Worked on a risk assessment", kAssessments},
    {"review.area", "Viewed the reviews due across the area", kAssessments},
    {"task.create", "Created a task", kAssessments},
    {"task.list", "Listed their tasks", kAssessments},
    {"task.complete", "Completed a task", kAssessments},

    {"referral.create", "Referred a child to the panel", kReferrals},
    {"referral.view", "Viewed a referral", kReferrals},
    {"referral.move", "Moved a referral on", kReferrals},
    {"referral.queue", "Viewed the referral queue", kReferrals},
    {"referral.mine", "Listed their own referrals", kReferrals},
    {"referral.list", "Listed referrals", kReferrals},
    {"referral.screen", "Screened referrals", kReferrals},
    {"message.list", "Listed their messages", kReferrals},
    {"message.read", "Read a message", kReferrals},

    {"panel.create", "Arranged a panel meeting", kPanel},
    {"panel.member", "Invited a panel member", kPanel},
    {"panel.attendance", "Recorded attendance at a panel meeting", kPanel},
    {"panel.agenda", "Put a child on a panel agenda", kPanel},
    {"panel.decide", "Recorded the panel's decision", kPanel},
    {"panel.correct", "Corrected the panel's decision", kPanel},
    {"panel.action", "Set a panel action", kPanel},
    {"panel.list", "Listed the panel meetings", kPanel},
    {"panel.view", "Viewed a panel meeting", kPanel},
    {"panel.item.view", "Viewed a child's discussion at a panel meeting", kPanel},
    {"panel.actions", "Followed up the panel's actions", kPanel},
    {"panel.minutes", "Read the panel minutes", kPanel},
    {"panel.minutes.export", "Exported the panel minutes", kPanel},
    {"panel.manage", "Arranged panel meetings", kPanel},
    {"panel.attend", "Took part in a panel meeting", kPanel},

    {"missing.create", "Recorded a missing episode", kMissing},
    {"missing.return", "Recorded a return from missing", kMissing},
    {"missing.view", "Viewed a missing episode", kMissing},
    {"missing.list", "Listed a child's missing episodes", kMissing},
    {"missing.record", "Recorded a missing episode, return or interview", kMissing},
    {"interview.record", "Recorded a return interview", kMissing},
    {"return_interviews.list", "Listed the return interviews due", kMissing},

    {"intelligence.submit", "Submitted intelligence", kIntelligence},
    {"intelligence.view", "Viewed intelligence", kIntelligence},
    {"intelligence.grade", "Graded intelligence", kIntelligence},
    {"intelligence.manage", "Managed intelligence", kIntelligence},
    {"intelligence.resolve", "Matched an intelligence subject to a record", kIntelligence},
    {"intelligence.mine", "Listed their own intelligence", kIntelligence},
    {"intelligence.queue", "Viewed the intelligence queue", kIntelligence},
    {"intelligence.import", "Imported legacy intelligence", kIntelligence},
    {"records.create", "Created a record of a person, vehicle, place, phone or account",
     kIntelligence},
    {"records.view", "Viewed a record of a person, vehicle, place, phone or account",
     kIntelligence},
    {"records.link", "Linked two records", kIntelligence},
    {"records.list", "Listed records", kIntelligence},
    {"records.lookup", "Looked up records", kIntelligence},
    {"records.manage", "Managed records", kIntelligence},

    {"disruption.create", "Recorded a disruption measure", kDisruption},
    {"disruption.view", "Viewed a disruption measure", kDisruption},
    {"disruption.list", "Listed disruption measures", kDisruption},
    {"disruption.expiring", "Listed the disruption measures expiring soon", kDisruption},
    {"disruption.form", "Opened the disruption form for a record", kDisruption},
    {"disruption.record", "Recorded disruption", kDisruption},
    {"business_visit.create", "Recorded a business visit", kDisruption},
    {"business_visit.list", "Listed business visits", kDisruption},
    {"business_visit.form", "Opened the business visit form for a place", kDisruption},
    {"business_visit.not_visited", "Listed premises not visited", kDisruption},
    {"business_visit.record", "Recorded business visits", kDisruption},

    {"profile.view", "Viewed the area profile", kProfile},
    {"profile.internal", "Viewed the area profile before suppression", kProfile},
    {"profile.export", "Exported the area profile", kProfile},
    {"profile.drill_down", "Listed the children behind a figure of the area profile", kProfile},
    {"profile.rows", "Exported pseudonymised rows of the area profile", kProfile},
    {"profile.publish", "Published a board report in the register", kProfile},
    {"profile.reports", "Opened the register of published board reports", kProfile},
    {"profile.report.download", "Downloaded a published board report", kProfile},
    {"population.import", "Imported the area's child population", kProfile},
    {"profile.return", "Wrote the signed regional and national return", kProfile},
    {"profile.regional", "Combined the partnerships' returns for the region", kProfile},

    {"agency.create", "Added an agency", kSystem},
    {"agency.manage", "Managed agencies", kSystem},
    {"user.create", "Added a user", kSystem},
    {"user.manage", "Managed users", kSystem},
    {"token.create", "Created an API token", kSystem},
    {"tool.register", "Registered a risk tool version", kSystem},
    {"tool.activate", "Chose the active risk tool", kSystem},
    {"tool.manage", "Managed the risk tools", kSystem},
    {"wards.import", "Imported the wards", kSystem},
    {"database.migrate", "Migrated the database", kSystem},
    {"demo-data.load", "Loaded the synthetic demo data", kSystem},
    {"audit.view", "Read the audit trail", kSystem},
    {"audit.export", "Exported the audit trail", kSystem},
});

}  // namespace

std::span<const ActionWords> Actions() { return kActions; }

std::string_view WordsFor(std::string_view code) {
  auto it = std::ranges::find(kActions, code, &ActionWords::code);
  return it == kActions.end() ? std::string_view{} : it->words;
}

}  // namespace harbour::audit
