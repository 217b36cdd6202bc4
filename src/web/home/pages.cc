// The home page for each role.
#include <algorithm>
#include <cctype>

#include "common/ids.h"
#include "web/core/view_helpers.h"
#include "web/home/handlers.h"

namespace harbour::web {

namespace {

constexpr int kRecent = 10;
constexpr int kQueueCounted = 500;  // the home page counts at most this many waiting reports

}  // namespace

Response HomeHandlers::Home(Request& request, const Principal& who) {
  // Case work on children found by search; panel members reach theirs through their meetings
  // (their own section below).
  const bool case_work = access::Decide(who.Subject(), access::Action::kSearchChildren).allowed;
  mstch::map context{{"display_name", who.user.display_name},
                     {"role_label", Str(access::Label(who.user.role))},
                     {"agency_name", who.agency.name},
                     {"case_access", case_work}};
  Date today = DateOf(clock_.Now());
  if (case_work) {
    auto recent = children_.RecentForUser(who.user.id, kRecent);
    if (!recent) return ErrorPage(&who, request, recent.error());
    mstch::array children;
    for (const auto& c : *recent) children.push_back(ChildSummary(c, today));
    context["recent_children"] = children;
    context["has_recent_children"] = !children.empty();
    auto concerns = concerns_.RecentByUser(who.user.id, kRecent);
    if (!concerns) return ErrorPage(&who, request, concerns.error());
    mstch::array rows;
    for (const auto& s : *concerns) {
      rows.push_back(mstch::map{{"child_id", s.concern.child_id},
                                {"child_name", s.child_name},
                                {"category", Str(concerns::Label(s.concern.category))},
                                {"recorded_at", FormatLondonDateTime(s.concern.recorded_at)},
                                {"immediate_danger", s.concern.immediate_danger}});
    }
    context["recent_concerns"] = rows;
    context["has_recent_concerns"] = !rows.empty();
    if (who.user.role == access::Role::kSafeguardingLead) {
      // The lead sees all of their agency's work, and is never a gate that blocks it.
      auto agency = concerns_.RecentByAgency(who.agency.id, 20);
      if (!agency) return ErrorPage(&who, request, agency.error());
      mstch::array agency_rows;
      for (const auto& s : *agency) {
        agency_rows.push_back(
            mstch::map{{"child_id", s.concern.child_id},
                       {"child_name", s.child_name},
                       {"category", Str(concerns::Label(s.concern.category))},
                       {"recorded_at", FormatLondonDateTime(s.concern.recorded_at)},
                       {"immediate_danger", s.concern.immediate_danger}});
      }
      context["lead"] = true;
      context["agency_concerns"] = agency_rows;
      context["has_agency_concerns"] = !agency_rows.empty();
    }
    if (!Audit(AuditEntry(who, request, "home.view", "user", who.user.id, "allowed", {},
                          std::to_string(children.size()) + " recent children listed"))) {
      return ErrorPage(&who, request, kAuditUnavailable);
    }
  }
  if (access::Decide(who.Subject(), access::Action::kGrantAccess).allowed) {
    auto alerts = concerns_.OpenAlerts(20);
    if (!alerts) return ErrorPage(&who, request, alerts.error());
    mstch::array rows;
    for (const auto& a : *alerts) {
      std::string what = a.kind == "immediate_danger" ? "Immediate danger reported"
                         : a.kind == "judged_lower"   ? "Judged below the computed risk level"
                                                      : a.kind;
      rows.push_back(mstch::map{{"child_id", a.child_id},
                                {"child_name", a.child_name},
                                {"what", what},
                                {"detail", a.detail},
                                {"raised_by", a.raised_by_name},
                                {"agency", a.agency_name},
                                {"raised_at", FormatLondonDateTime(a.raised_at)}});
    }
    context["coordinator"] = true;
    context["alerts"] = rows;
    context["has_alerts"] = !rows.empty();
    auto requests = access_.OpenRequests(100);
    if (!requests) return ErrorPage(&who, request, requests.error());
    context["open_requests"] = static_cast<int>(requests->size());
  }
  if (access::Decide(who.Subject(), access::Action::kManageUsers).allowed) {
    auto agencies = agencies_.List();
    auto users = identity_.ListUsers();
    if (!agencies || !users)
      return ErrorPage(&who, request, agencies ? users.error() : agencies.error());
    mstch::array agency_rows;
    for (const auto& a : *agencies) {
      const auto* type = catalogue_.FindAgencyType(a.type);
      std::string sector(agencies::ToCode(a.sector));
      sector[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(sector[0])));
      agency_rows.push_back(mstch::map{{"code", a.code},
                                       {"name", a.name},
                                       {"sector", sector},
                                       {"type", type != nullptr ? type->label : a.type}});
    }
    context["administrator"] = true;
    context["agencies"] = agency_rows;
    context["user_count"] = static_cast<int>(users->size());
  }
  if (access::Decide(who.Subject(), access::Action::kViewAuditTrail).allowed) {
    context["auditor"] = true;
  }
  if (who.user.role == access::Role::kAnalyst) context["analyst"] = true;
  context["regional_analyst"] =
      access::Decide(who.Subject(), access::Action::kCombineReturns).allowed;
  context["return_interviews"] =
      access::Decide(who.Subject(), access::Action::kListReturnInterviews).allowed;
  context["submit_intelligence"] =
      access::Decide(who.Subject(), access::Action::kSubmitIntelligence).allowed;
  if (access::Decide(who.Subject(), access::Action::kGradeIntelligence).allowed) {
    auto waiting = intelligence_.Queue(who.agency.id, kQueueCounted);
    if (!waiting) return ErrorPage(&who, request, waiting.error());
    context["intelligence_waiting"] = static_cast<int>(waiting->size());
  }
  if (access::Decide(who.Subject(), access::Action::kSitOnPanel).allowed) {
    // Those who run the panel see every meeting; members the meetings they are members of.
    bool coordinator = access::Decide(who.Subject(), access::Action::kRunPanel).allowed;
    auto meetings = panel_.Meetings(coordinator ? "" : who.user.id, kRecent);
    if (!meetings) return ErrorPage(&who, request, meetings.error());
    Instant now = clock_.Now();
    mstch::array rows;
    for (const auto& s : *meetings) {
      if (!panel::IsUpcoming(s.meeting, now)) continue;
      rows.insert(rows.begin(), mstch::map{{"id", s.meeting.id},
                                           {"when", FormatLondonDateTime(s.meeting.starts_at)},
                                           {"items", s.items}});
    }
    context["panel_section"] = true;
    context["panel"] = panel_name_;
    context["meetings"] = rows;
    context["has_meetings"] = !rows.empty();
    if (coordinator) {
      auto open = tasks_.OpenOfType("panel", 500);
      if (!open) return ErrorPage(&who, request, open.error());
      context["overdue_actions"] =
          static_cast<int>(std::ranges::count_if(*open, [&](const auto& t) {
            return tasks::TimelinessOf(t, now) == tasks::Timeliness::kOverdue;
          }));
    }
  }
  return Page(&who, request, "Home", "home/home", context);
}

}  // namespace harbour::web
