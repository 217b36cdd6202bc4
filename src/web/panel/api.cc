// The multi-agency panel's meetings in the JSON API (issue 4; docs/api/openapi.yaml, tag
// "panel"; docs/panel.md): the coordinator arranges a meeting, invites members, records
// attendance and sets the agenda; the coordinator or an attending member records the panel's
// decision on each child and its actions; anyone completes a task of theirs. The same verbs,
// access rules and audit as the pages (panel_handlers.cc, tasks_handlers.cc); request bodies
// are parsed by web/parse/panel_json.h.
#include <algorithm>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>

#include "web/core/errors.h"
#include "web/panel/handlers.h"
#include "web/panel/panel_json.h"
#include "web/tasks/tasks.h"

namespace harbour::web {

namespace {

using nlohmann::json;

constexpr int kMeetingsListed = 200;
constexpr int kActionsListed = 500;

Error Forbidden(std::string message) {
  return Error{ErrorKind::kForbidden, "forbidden", std::move(message), {}};
}

// "14:05": the London wall-clock time of an instant.
std::string LondonClock(Instant at) {
  auto local = at + LondonOffset(at);
  auto since_midnight = local - std::chrono::floor<std::chrono::days>(local);
  auto minutes = std::chrono::duration_cast<std::chrono::minutes>(since_midnight).count();
  char out[16];  // room for any int pair, though minutes of a day need only "HH:MM"
  std::snprintf(out, sizeof out, "%02d:%02d", static_cast<int>(minutes / 60),
                static_cast<int>(minutes % 60));
  return out;
}

template <typename Code>
json CodeArray(const std::vector<Code>& values) {
  json out = json::array();
  for (auto v : values) out.push_back(panel::ToCode(v));
  return out;
}

json MeetingJson(const panel::PanelMeeting& m, std::string_view panel_name) {
  return json{{"id", m.id},
              {"reference", panel::Reference(m, panel_name)},
              {"starts_at", FormatRfc3339(m.starts_at)},
              {"date", FormatDate(LondonDate(m.starts_at))},
              {"time", LondonClock(m.starts_at)},
              {"place", m.place},
              {"online", m.online},
              {"recorded_afterwards", m.recorded_afterwards},
              {"created_at", FormatRfc3339(m.created_at)}};
}

json MemberJson(const panel::Member& m) {
  return json{{"user_id", m.user_id},
              {"name", m.name},
              {"agency", m.agency_name},
              {"role", m.role},
              {"attendance", panel::ToCode(m.attendance)}};
}

json DecisionJson(const std::optional<panel::Decision>& d) {
  if (!d) return nullptr;
  return json{{"category", panel::ToCode(d->category)},
              {"category_label", panel::Label(d->category)},
              {"models", CodeArray(d->models)},
              {"elements", CodeArray(d->elements)},
              {"plan", d->plan},
              {"next_review", FormatDate(d->next_review)},
              {"recorded_at", FormatRfc3339(d->recorded_at)}};
}

json ItemJson(const panel::AgendaItem& item) {
  return json{{"id", item.id},
              {"meeting_id", item.meeting_id},
              {"position", item.position},
              {"child_id", item.child_id},
              {"child_name", item.child_name},
              {"referral_id", item.referral_id},
              {"reason", panel::ToCode(item.reason)},
              {"decision", DecisionJson(item.decision)}};
}

json ProposalJson(const panel::Proposal& p) {
  return json{{"child_id", p.child_id},
              {"referral_id", p.referral_id},
              {"reason", panel::ToCode(p.reason)},
              {"child_name", p.child_name},
              {"detail", p.detail}};
}

// The agenda verb names its one field "proposal" after the page's radio buttons; the API's
// body names the child.
Error InBodyTerms(Error error) {
  if (auto it = error.fields.find("proposal"); it != error.fields.end()) {
    std::string message = std::move(it->second);
    error.fields.erase(it);
    error.fields.emplace("child_id", std::move(message));
  }
  return error;
}

}  // namespace

Result<std::string> PanelHandlers::MeetingDetailJson(const MeetingView& view) {
  json out = MeetingJson(view.meeting, feedback_.panel_name);
  json members = json::array();
  for (const auto& m : view.members) members.push_back(MemberJson(m));
  json items = json::array();
  for (const auto& i : view.items) items.push_back(ItemJson(i));
  out["members"] = members;
  out["items"] = items;
  if (view.coordinator) {
    auto proposals = ProposalsFor(view);
    if (!proposals) return std::unexpected(proposals.error());
    json rows = json::array();
    for (const auto& p : *proposals) rows.push_back(ProposalJson(p));
    out["proposals"] = rows;
  }
  return out.dump();
}

Response PanelHandlers::ApiListMeetings(Request& request, const Principal& who) {
  auto decision = access::Decide(who.Subject(), access::Action::kSitOnPanel);
  if (!decision.allowed) {
    AuditRefusal(AuditEntry(who, request, access::ToCode(access::Action::kSitOnPanel), "", "",
                            "refused", {}, decision.reason));
    return JsonError(Forbidden("Only the panel's members and coordinators see its meetings."));
  }
  // Those who run the panel list every meeting; members the meetings they are members of.
  bool coordinator = access::Decide(who.Subject(), access::Action::kRunPanel).allowed;
  auto meetings = panel_.Meetings(coordinator ? "" : who.user.id, kMeetingsListed);
  if (!meetings) return JsonError(meetings.error());
  if (!Audit(AuditEntry(who, request, "panel.list", "area", "", "allowed", decision.purpose,
                        "api; " + std::to_string(meetings->size()) + " meetings"))) {
    return JsonError(kAuditUnavailable);
  }
  json out = json::array();
  for (const auto& s : *meetings) {
    json row = MeetingJson(s.meeting, feedback_.panel_name);
    row["items"] = s.items;
    row["discussed"] = s.discussed;
    out.push_back(std::move(row));
  }
  return Response::Json(200,
                        json{{"scope", coordinator ? "all" : "mine"}, {"meetings", out}}.dump());
}

Response PanelHandlers::ApiCreateMeeting(Request& request, const Principal& who) {
  auto decision = access::Decide(who.Subject(), access::Action::kRunPanel);
  if (!decision.allowed) {
    AuditRefusal(AuditEntry(who, request, access::ToCode(access::Action::kRunPanel), "", "",
                            "refused", {}, decision.reason));
    return JsonError(Forbidden("Only exploitation coordinators arrange panel meetings."));
  }
  if (!IsJson(request)) return JsonError(NotJson());
  auto input = ParseMeetingJson(request.body);
  if (!input) return JsonError(input.error());
  auto meeting = DoCreateMeeting(who, request, *input);
  if (!meeting) return JsonError(meeting.error());
  auto view = FindMeetingFor(who, request, meeting->id);
  if (!view) return JsonError(view.error());
  auto body = MeetingDetailJson(*view);
  if (!body) return JsonError(body.error());
  Response res = Response::Json(201, *body);
  res.AddHeader("Location", "/api/v1/panel/meetings/" + meeting->id);
  return res;
}

Response PanelHandlers::ApiGetMeeting(Request& request, const Principal& who) {
  auto view = FindMeetingFor(who, request, request.Param("id"));
  if (!view) return JsonError(view.error());
  auto body = MeetingDetailJson(*view);
  if (!body) return JsonError(body.error());
  if (!Audit(PerChild(AuditEntry(who, request, "panel.view", "panel_meeting", view->meeting.id,
                                 "allowed", view->coordinator ? "coordination" : "panel", "api"),
                      AgendaChildren(*view)))) {
    return JsonError(kAuditUnavailable);
  }
  return Response::Json(200, *body);
}

// The coordinator's changes to one meeting: checks the role (403, audited), finds the meeting
// (404) and the JSON content type.
Result<PanelHandlers::MeetingView> PanelHandlers::MeetingToRun(const Principal& who,
                                                               const Request& request,
                                                               std::string_view message) {
  auto decision = access::Decide(who.Subject(), access::Action::kRunPanel);
  if (!decision.allowed) {
    AuditRefusal(AuditEntry(who, request, access::ToCode(access::Action::kRunPanel), "", "",
                            "refused", {}, decision.reason));
    return std::unexpected(Forbidden(std::string(message)));
  }
  auto view = FindMeetingFor(who, request, request.Param("id"));
  if (!view) return view;
  if (!IsJson(request)) return std::unexpected(NotJson());
  return view;
}

Response PanelHandlers::ApiAddMeetingMember(Request& request, const Principal& who) {
  auto view =
      MeetingToRun(who, request, "Only exploitation coordinators invite the panel's members.");
  if (!view) return JsonError(view.error());
  auto user_id = ParseMemberJson(request.body);
  if (!user_id) return JsonError(user_id.error());
  auto added = DoAddMember(who, request, *view, *user_id);
  if (!added) return JsonError(added.error());
  auto after = FindMeetingFor(who, request, view->meeting.id);
  if (!after) return JsonError(after.error());
  auto body = MeetingDetailJson(*after);
  if (!body) return JsonError(body.error());
  return Response::Json(201, *body);
}

Response PanelHandlers::ApiRecordAttendance(Request& request, const Principal& who) {
  auto view = MeetingToRun(who, request, "Only exploitation coordinators record attendance.");
  if (!view) return JsonError(view.error());
  auto marks = ParseAttendanceJson(request.body);
  if (!marks) return JsonError(marks.error());
  auto done = DoRecordAttendance(who, request, *view, *marks);
  if (!done) return JsonError(done.error());
  auto after = FindMeetingFor(who, request, view->meeting.id);
  if (!after) return JsonError(after.error());
  auto body = MeetingDetailJson(*after);
  if (!body) return JsonError(body.error());
  return Response::Json(200, *body);
}

Response PanelHandlers::ApiAddToAgenda(Request& request, const Principal& who) {
  auto view = MeetingToRun(who, request, "Only exploitation coordinators set the agenda.");
  if (!view) return JsonError(view.error());
  auto proposal = ParseAgendaJson(request.body);
  if (!proposal) return JsonError(proposal.error());
  auto item = DoAddToAgenda(who, request, *view, proposal->child_id, proposal->referral_id);
  if (!item) return JsonError(InBodyTerms(item.error()));
  auto stored = panel_.FindItem(item->id);
  if (!stored) return JsonError(stored.error());
  return Response::Json(201, ItemJson(stored->value_or(*item)).dump());
}

Response PanelHandlers::ApiRecordPanelDecision(Request& request, const Principal& who) {
  auto view = FindMeetingFor(who, request, request.Param("id"));
  if (!view) return JsonError(view.error());
  auto item = ItemOf(*view, request.Param("item_id"));
  if (!item) return JsonError(item.error());
  if (!IsJson(request)) return JsonError(NotJson());
  auto input = ParseDecisionJson(request.body);
  if (!input) return JsonError(input.error());
  auto decided = DoRecordDecision(who, request, *view, *item, *input);
  if (!decided) return JsonError(decided.error());
  auto stored = panel_.FindItem(item->id);
  if (!stored) return JsonError(stored.error());
  panel::AgendaItem out = stored->value_or(*item);
  if (!out.decision) out.decision = *decided;
  return Response::Json(200, ItemJson(out).dump());
}

Response PanelHandlers::ApiListPanelItemActions(Request& request, const Principal& who) {
  auto view = FindMeetingFor(who, request, request.Param("id"));
  if (!view) return JsonError(view.error());
  auto item = ItemOf(*view, request.Param("item_id"));
  if (!item) return JsonError(item.error());
  auto actions = tasks_.ForSource("panel", item->id);
  if (!actions) return JsonError(actions.error());
  if (!Audit(AboutChild(AuditEntry(who, request, "panel.item.view", "panel_item", item->id,
                                   "allowed", view->coordinator ? "coordination" : "panel",
                                   "api; actions; child " + item->child_id),
                        item->child_id))) {
    return JsonError(kAuditUnavailable);
  }
  Instant now = clock_.Now();
  json out = json::array();
  for (const auto& t : *actions) out.push_back(TaskJson(t, now));
  return Response::Json(200, json{{"item_id", item->id}, {"actions", out}}.dump());
}

Response PanelHandlers::ApiAddPanelAction(Request& request, const Principal& who) {
  auto view = FindMeetingFor(who, request, request.Param("id"));
  if (!view) return JsonError(view.error());
  auto item = ItemOf(*view, request.Param("item_id"));
  if (!item) return JsonError(item.error());
  if (!IsJson(request)) return JsonError(NotJson());
  auto input = ParseActionJson(request.body);
  if (!input) return JsonError(input.error());
  auto task = DoAddPanelAction(who, request, *view, *item, *input);
  if (!task) return JsonError(task.error());
  auto stored = tasks_.Find(task->id);
  if (!stored) return JsonError(stored.error());
  return Response::Json(201, TaskJson(stored->value_or(*task), clock_.Now()).dump());
}

Response PanelHandlers::ApiListPanelActions(Request& request, const Principal& who) {
  auto decision = access::Decide(who.Subject(), access::Action::kRunPanel);
  if (!decision.allowed) {
    AuditRefusal(AuditEntry(who, request, access::ToCode(access::Action::kRunPanel), "", "",
                            "refused", {}, decision.reason));
    return JsonError(Forbidden("Only exploitation coordinators follow up the panel's actions."));
  }
  auto open = tasks_.OpenOfType("panel", kActionsListed);
  if (!open) return JsonError(open.error());
  Instant now = clock_.Now();
  json out = json::array();
  int overdue = 0;
  for (const auto& t : *open) {
    if (tasks::TimelinessOf(t, now) == tasks::Timeliness::kOverdue) ++overdue;
    out.push_back(TaskJson(t, now));
  }
  if (!Audit(AuditEntry(
          who, request, "panel.actions", "area", "", "allowed", decision.purpose,
          "api; " + std::to_string(overdue) + " overdue of " + std::to_string(open->size())))) {
    return JsonError(kAuditUnavailable);
  }
  return Response::Json(200, json{{"overdue", overdue}, {"actions", out}}.dump());
}

}  // namespace harbour::web
