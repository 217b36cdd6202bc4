// The multi-agency panel's meetings (issue 4): the coordinator arranges a meeting, invites its
// members, records attendance and builds the agenda from accepted referrals and reviews due;
// at the meeting the panel records, for each child, the agreed category, exploitation models,
// plan, actions and next review. Minutes for attendees print and export (minutes_export.cc).
// The verbs are shared with the API.
#include <algorithm>
#include <set>

#include "common/ids.h"
#include "common/text.h"
#include "web/core/errors.h"
#include "web/core/view_helpers.h"
#include "web/panel/handlers.h"
#include "web/panel/minutes_pdf.h"

namespace harbour::web {

namespace {

constexpr int kMeetingsShown = 200;
constexpr int kActionsShown = 500;

std::string MeetingWhen(const panel::PanelMeeting& m) { return FormatLondonDateTime(m.starts_at); }

std::string MeetingWhere(const panel::PanelMeeting& m) {
  if (m.place.empty()) return "Online";
  return m.online ? m.place + " and online" : m.place;
}

mstch::map MeetingSummaryMap(const panel::PanelMeeting& m, std::string_view panel_name) {
  return mstch::map{{"id", m.id},
                    {"reference", panel::Reference(m, panel_name)},
                    {"when", MeetingWhen(m)},
                    {"where", MeetingWhere(m)},
                    {"recorded_afterwards", m.recorded_afterwards}};
}

template <typename Code, std::size_t N>
std::vector<std::pair<std::string, std::string>> CodeOptions(const Code (&codes)[N]) {
  std::vector<std::pair<std::string, std::string>> out;
  for (auto c : codes)
    out.emplace_back(std::string(panel::ToCode(c)), std::string(panel::Label(c)));
  return out;
}

std::vector<std::string> Codes(const auto& values) {
  std::vector<std::string> out;
  out.reserve(values.size());
  for (auto v : values) out.emplace_back(panel::ToCode(v));
  return out;
}

panel::DecisionInput DecisionFromForm(const FormData& f) {
  return panel::DecisionInput{f.Get("category"), f.GetAll("models"), f.GetAll("elements"),
                              f.Get("plan"), f.Get("next_review")};
}

panel::ActionInput ActionFromForm(const FormData& f) {
  return panel::ActionInput{f.Get("title"), f.Get("owner"), f.Get("due")};
}

mstch::map TaskRow(const tasks::Task& t, Instant now) {
  auto timeliness = tasks::TimelinessOf(t, now);
  return mstch::map{
      {"id", t.id},
      {"title", t.title},
      {"who", t.who},
      {"child_id", t.child_id},
      {"child_name", t.child_name},
      {"due", FormatLondonDateTime(t.due_at)},
      {"overdue", timeliness == tasks::Timeliness::kOverdue},
      {"done", timeliness == tasks::Timeliness::kDone},
      {"outcome", t.outcome},
      {"completed_by", t.completed_by_name},
      {"completed_at", t.completed_at ? FormatLondonDateTime(*t.completed_at) : std::string()}};
}

}  // namespace

// --- verbs ------------------------------------------------------------------------------

Result<PanelHandlers::MeetingView> PanelHandlers::FindMeetingFor(const Principal& who,
                                                                 const Request& request,
                                                                 std::string_view id) {
  const Error not_found{ErrorKind::kNotFound, "not_found", "There is no panel meeting here.", {}};
  if (!IsValidId(id)) return std::unexpected(not_found);
  auto refuse = [&](const access::Decision& decision) -> Result<MeetingView> {
    AuditRefusal(AuditEntry(who, request, "panel.view", "panel_meeting", id, "refused", {},
                            decision.reason));
    return std::unexpected(not_found);
  };
  // A role that would be refused even as an attending member learns nothing from the database.
  if (auto any = access::DecideMeeting(who.Subject(), {.attends = true}); !any.allowed) {
    return refuse(any);
  }
  auto meeting = panel_.FindMeeting(id);
  if (!meeting) return std::unexpected(meeting.error());
  if (!*meeting) return std::unexpected(not_found);
  auto members = panel_.Members(id);
  if (!members) return std::unexpected(members.error());
  bool attends = std::ranges::any_of(*members, [&](const panel::Member& m) {
    return m.user_id == who.user.id && panel::Attends(m);
  });
  auto decision = access::DecideMeeting(who.Subject(), {.attends = attends});
  if (!decision.allowed) return refuse(decision);
  bool coordinator = access::Decide(who.Subject(), access::Action::kRunPanel).allowed;
  auto items = panel_.Items(id);
  if (!items) return std::unexpected(items.error());
  return MeetingView{std::move(**meeting), std::move(*members), std::move(*items), coordinator};
}

std::vector<std::string> PanelHandlers::AgendaChildren(const MeetingView& view) {
  std::vector<std::string> out;
  out.reserve(view.items.size());
  for (const auto& item : view.items) out.push_back(item.child_id);
  return out;
}

Result<panel::AgendaItem> PanelHandlers::ItemOf(const MeetingView& view, std::string_view item_id) {
  for (const auto& item : view.items) {
    if (item.id == item_id) return item;
  }
  return NotFound("There is no such child on this meeting's agenda.");
}

Result<panel::PanelMeeting> PanelHandlers::DoCreateMeeting(const Principal& who,
                                                           const Request& request,
                                                           const panel::MeetingInput& input) {
  Instant now = clock_.Now();
  auto meeting = panel::ValidateMeeting(input, now);
  if (!meeting) return meeting;
  meeting->id = NewId();
  meeting->created_by = who.user.id;
  meeting->created_at = now;
  auto saved = Write("arranging a panel meeting", [&](storage::Transaction& tx) -> Result<void> {
    panel_.InsertMeetingIn(tx, *meeting);
    // The coordinator who arranges it is its first member.
    panel_.AddMemberIn(tx, meeting->id, who.user.id, who.agency.id, who.user.id, now);
    AuditIn(tx, AuditEntry(who, request, "panel.create", "panel_meeting", meeting->id, "allowed",
                           "coordination", MeetingWhen(*meeting)));
    return {};
  });
  if (!saved) return std::unexpected(saved.error());
  return meeting;
}

Result<panel::Member> PanelHandlers::DoAddMember(const Principal& who, const Request& request,
                                                 const MeetingView& view,
                                                 std::string_view user_id) {
  auto user = IsValidId(user_id) ? identity_.FindUserById(std::string(user_id))
                                 : Result<std::optional<identity::User>>(std::nullopt);
  if (!user) return std::unexpected(user.error());
  if (!*user || !(*user)->active || !access::HasCaseAccess((*user)->role)) {
    return Invalid({{"user_id", "Choose a member from the list"}});
  }
  Instant now = clock_.Now();
  bool added = false;
  auto saved = Write("inviting a panel member", [&](storage::Transaction& tx) -> Result<void> {
    added =
        panel_.AddMemberIn(tx, view.meeting.id, (*user)->id, (*user)->agency_id, who.user.id, now);
    if (!added) return {};
    AuditIn(tx, AuditEntry(who, request, "panel.member", "panel_meeting", view.meeting.id,
                           "allowed", "coordination", "invited " + (*user)->id));
    return {};
  });
  if (!saved) return std::unexpected(saved.error());
  if (!added) return Invalid({{"user_id", (*user)->display_name + " is already a member"}});
  return panel::Member{(*user)->id,
                       (*user)->agency_id,
                       panel::Attendance::kInvited,
                       (*user)->display_name,
                       "",
                       std::string(access::ToCode((*user)->role))};
}

Result<void> PanelHandlers::DoRecordAttendance(
    const Principal& who, const Request& request, const MeetingView& view,
    const std::vector<std::pair<std::string, std::string>>& marks) {
  std::map<std::string, std::string> fields;
  std::vector<std::pair<std::string, panel::Attendance>> valid;
  for (const auto& [user_id, code] : marks) {
    bool member = std::ranges::any_of(view.members,
                                      [&](const panel::Member& m) { return m.user_id == user_id; });
    auto attendance = panel::AttendanceFromCode(code);
    if (!member) {
      fields["attendance." + user_id] = "This person is not a member of the meeting";
    } else if (!attendance) {
      fields["attendance." + user_id] = "Choose present, sent apologies or invited";
    } else {
      valid.emplace_back(user_id, *attendance);
    }
  }
  if (!fields.empty()) return Invalid(std::move(fields));
  Instant now = clock_.Now();
  return Write("recording attendance", [&](storage::Transaction& tx) -> Result<void> {
    std::string detail;
    for (const auto& [user_id, attendance] : valid) {
      panel_.SetAttendanceIn(tx, view.meeting.id, user_id, attendance, who.user.id, now);
      detail +=
          (detail.empty() ? "" : ", ") + user_id + " " + std::string(panel::ToCode(attendance));
    }
    AuditIn(tx, AuditEntry(who, request, "panel.attendance", "panel_meeting", view.meeting.id,
                           "allowed", "coordination", detail));
    return {};
  });
}

Result<std::vector<panel::Proposal>> PanelHandlers::ProposalsFor(const MeetingView& view) {
  auto open = referrals_.Open(kActionsShown);
  if (!open) return std::unexpected(open.error());
  auto pending = panel_.PendingReferrals();
  if (!pending) return std::unexpected(pending.error());
  std::set<std::string> elsewhere(pending->begin(), pending->end());
  std::vector<panel::Proposal> candidates;
  for (const auto& r : *open) {
    if (r.state != referrals::State::kAccepted || elsewhere.contains(r.id)) continue;
    candidates.push_back({r.child_id, r.id, panel::ItemReason::kReferral, r.child_name,
                          "Referred by " + r.referrer_name + " (" + r.agency_name + ") on " +
                              FormatLongDate(LondonDate(r.submitted_at))});
  }
  auto reviews = panel_.ReviewsDue(LondonDate(view.meeting.starts_at));
  if (!reviews) return std::unexpected(reviews.error());
  candidates.insert(candidates.end(), reviews->begin(), reviews->end());
  return panel::ProposeAgenda(candidates, view.items);
}

Result<panel::AgendaItem> PanelHandlers::DoAddToAgenda(const Principal& who, const Request& request,
                                                       const MeetingView& view,
                                                       std::string_view child_id,
                                                       std::string_view referral_id) {
  auto proposals = ProposalsFor(view);
  if (!proposals) return std::unexpected(proposals.error());
  auto chosen = std::ranges::find_if(*proposals, [&](const panel::Proposal& p) {
    return p.child_id == child_id && p.referral_id == referral_id;
  });
  if (chosen == proposals->end()) {
    return Invalid({{"proposal", "Choose a child from the proposed agenda"}});
  }
  Instant now = clock_.Now();
  panel::AgendaItem item{NewId(),
                         view.meeting.id,
                         chosen->child_id,
                         chosen->referral_id,
                         chosen->reason,
                         0,
                         std::nullopt,
                         chosen->child_name,
                         "",
                         ""};
  std::optional<referrals::Referral> referral;
  if (!item.referral_id.empty()) {
    auto found = referrals_.Find(item.referral_id);
    if (!found) return std::unexpected(found.error());
    referral = *found;
  }
  auto saved = Write("adding to the agenda", [&](storage::Transaction& tx) -> Result<void> {
    panel_.InsertItemIn(tx, item, who.user.id, now);
    if (referral && item.reason == panel::ItemReason::kReferral) {
      feedback::Message m = panel::AgendaMessage(referral->child_name, view.meeting, Names());
      m.id = NewId();
      m.recipient = referral->referred_by;
      m.subject_type = "referral";
      m.subject_id = referral->id;
      m.at = now;
      messages_.InsertIn(tx, m);
    }
    AuditIn(tx, AboutChild(AuditEntry(who, request, "panel.agenda", "panel_meeting",
                                      view.meeting.id, "allowed", "coordination",
                                      "child " + item.child_id + " (" +
                                          std::string(panel::ToCode(item.reason)) + ")"),
                           item.child_id));
    return {};
  });
  if (!saved) return std::unexpected(saved.error());
  return item;
}

Result<panel::Decision> PanelHandlers::DoRecordDecision(const Principal& who,
                                                        const Request& request,
                                                        const MeetingView& view,
                                                        const panel::AgendaItem& item,
                                                        const panel::DecisionInput& input) {
  Instant now = clock_.Now();
  if (auto started = panel::CheckMeetingStarted(view.meeting, now); !started) {
    return std::unexpected(started.error());
  }
  auto decision = panel::ValidateDecision(input, LondonDate(view.meeting.starts_at));
  if (!decision) return decision;
  decision->recorded_by = who.user.id;
  decision->recorded_by_agency = who.user.agency_id;
  decision->recorded_at = now;
  std::optional<referrals::Referral> referral;
  if (!item.referral_id.empty()) {
    auto found = referrals_.Find(item.referral_id);
    if (!found) return std::unexpected(found.error());
    referral = *found;
  }
  bool first = !item.decision.has_value();
  auto move = referral ? referrals::MoveOnPanelDecision(referral->state, first) : std::nullopt;
  std::string purpose = view.coordinator ? "coordination" : "panel";
  auto saved =
      Write("recording the panel's decision", [&](storage::Transaction& tx) -> Result<void> {
        panel_.RecordDecisionIn(tx, item.id, *decision);
        if (move) {
          auto moved = referrals_area_.MoveReferralIn(tx, who, request, *referral, *move,
                                                      panel::DecisionSummary(*decision));
          if (!moved) return std::unexpected(moved.error());
        }
        AuditIn(tx, AboutChild(AuditEntry(who, request, first ? "panel.decide" : "panel.correct",
                                          "panel_item", item.id, "allowed", purpose,
                                          "child " + item.child_id + "; category " +
                                              std::string(panel::ToCode(decision->category))),
                               item.child_id));
        return {};
      });
  if (!saved) return std::unexpected(saved.error());
  return decision;
}

Result<std::vector<std::pair<std::string, std::string>>> PanelHandlers::ActionOwners() {
  auto users = identity_.ListUsers();
  if (!users) return std::unexpected(users.error());
  auto agencies = agencies_.List();
  if (!agencies) return std::unexpected(agencies.error());
  std::map<std::string, std::string> agency_names;
  for (const auto& a : *agencies) agency_names[a.id] = a.name;
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& u : *users) {
    if (!u.active || !access::HasCaseAccess(u.role)) continue;
    out.emplace_back(u.id, u.display_name + " (" + agency_names[u.agency_id] + ")");
  }
  std::ranges::sort(out, {}, &std::pair<std::string, std::string>::second);
  return out;
}

Result<tasks::Task> PanelHandlers::DoAddPanelAction(const Principal& who, const Request& request,
                                                    const MeetingView& view,
                                                    const panel::AgendaItem& item,
                                                    const panel::ActionInput& input) {
  auto owners = ActionOwners();
  if (!owners) return std::unexpected(owners.error());
  std::vector<std::string> ids;
  for (const auto& [id, label] : *owners) ids.push_back(id);
  auto action = panel::ValidateAction(input, ids, LondonDate(view.meeting.starts_at));
  if (!action) return std::unexpected(action.error());
  auto owner = identity_.FindUserById(action->owner);
  if (!owner) return std::unexpected(owner.error());
  if (!*owner) return Invalid({{"owner", "Choose an owner from the list"}});
  std::string owner_label;
  for (const auto& [id, label] : *owners) {
    if (id == action->owner) owner_label = label;
  }
  Instant now = clock_.Now();
  tasks::Task task;
  task.id = NewId();
  task.child_id = item.child_id;
  task.source_type = "panel";
  task.source_id = item.id;
  task.title = action->title;
  task.who = owner_label;
  task.assigned_user = (*owner)->id;
  task.assigned_agency = (*owner)->agency_id;
  task.due_at = panel::ActionDueAt(action->due);
  task.created_by = who.user.id;
  task.created_by_agency = who.user.agency_id;
  task.created_at = now;
  task.child_name = item.child_name;
  std::optional<referrals::Referral> referral;
  if (!item.referral_id.empty()) {
    auto found = referrals_.Find(item.referral_id);
    if (!found) return std::unexpected(found.error());
    referral = *found;
  }
  auto saved = Write("recording a panel action", [&](storage::Transaction& tx) -> Result<void> {
    tasks_.InsertIn(tx, task);
    if (referral) {  // the referrer hears which agency acts, not the detail of the plan
      auto agency = agencies_.FindById((*owner)->agency_id);
      std::string agency_name = agency && *agency ? (*agency)->name : "a partner agency";
      feedback::Message m =
          panel::ActionMessage(referral->child_name, agency_name, action->due, Names());
      m.id = NewId();
      m.recipient = referral->referred_by;
      m.subject_type = "referral";
      m.subject_id = referral->id;
      m.at = now;
      messages_.InsertIn(tx, m);
    }
    AuditIn(tx, AboutChild(AuditEntry(who, request, "panel.action", "task", task.id, "allowed",
                                      view.coordinator ? "coordination" : "panel",
                                      "child " + item.child_id + "; owner " + (*owner)->id),
                           item.child_id));
    return {};
  });
  if (!saved) return std::unexpected(saved.error());
  return task;
}

// --- pages ------------------------------------------------------------------------------

Response PanelHandlers::PanelMeetings(Request& request, const Principal& who) {
  return MeetingsPage(who, request, nullptr, nullptr);
}

Response PanelHandlers::MeetingsPage(const Principal& who, const Request& request,
                                     const FormData* form, const Error* problems) {
  auto decision = access::Decide(who.Subject(), access::Action::kSitOnPanel);
  if (!decision.allowed) {
    return Refuse(who, request, decision, access::Action::kSitOnPanel,
                  "Only the panel's members and coordinators see its meetings.");
  }
  // Those who run the panel see every meeting; members the meetings they are members of.
  bool coordinator = access::Decide(who.Subject(), access::Action::kRunPanel).allowed;
  auto meetings = panel_.Meetings(coordinator ? "" : who.user.id, kMeetingsShown);
  if (!meetings) return ErrorPage(&who, request, meetings.error());
  Instant now = clock_.Now();
  mstch::array upcoming, past;
  for (const auto& s : *meetings) {
    mstch::map row = MeetingSummaryMap(s.meeting, feedback_.panel_name);
    row["items"] = s.items;
    row["discussed"] = s.discussed;
    (panel::IsUpcoming(s.meeting, now) ? upcoming : past).push_back(row);
  }
  std::ranges::reverse(upcoming);  // soonest first
  if (!Audit(AuditEntry(who, request, "panel.list", "area", "", "allowed", decision.purpose,
                        std::to_string(meetings->size()) + " meetings"))) {
    return ErrorPage(&who, request, kAuditUnavailable);
  }
  mstch::map context{{"panel", feedback_.panel_name},
                     {"coordinator", coordinator},
                     {"upcoming", upcoming},
                     {"has_upcoming", !upcoming.empty()},
                     {"past", past},
                     {"has_past", !past.empty()}};
  if (form != nullptr) {
    AddValues(context, *form);
    context["online_checked"] = form->Get("online") == "yes";
    context["recorded_afterwards_checked"] = form->Get("recorded_afterwards") == "yes";
  }
  if (problems != nullptr) {
    AddErrors(context, *problems, {"date", "time", "place", "recorded_afterwards"});
  }
  std::string title = feedback_.panel_name + " meetings";
  return FormPage(who, request, title, "panel/meetings", context, problems);
}

Response PanelHandlers::CreateMeeting(Request& request, const Principal& who) {
  auto decision = access::Decide(who.Subject(), access::Action::kRunPanel);
  if (!decision.allowed) {
    return Refuse(who, request, decision, access::Action::kRunPanel,
                  "Only exploitation coordinators arrange panel meetings.");
  }
  auto form = ParseUrlEncoded(request.body);
  if (!form) return ErrorPage(&who, request, form.error());
  auto meeting =
      DoCreateMeeting(who, request,
                      panel::MeetingInput{form->Get("date"), form->Get("time"), form->Get("place"),
                                          form->Get("online"), form->Get("recorded_afterwards")});
  if (meeting) return Response::Redirect("/panel/meetings/" + meeting->id + "?created=1");
  if (meeting.error().kind != ErrorKind::kInvalid) {
    return ErrorPage(&who, request, meeting.error());
  }
  return MeetingsPage(who, request, &*form, &meeting.error());
}

Response PanelHandlers::ViewMeeting(Request& request, const Principal& who) {
  return MeetingPage(who, request, nullptr, nullptr);
}

Response PanelHandlers::MeetingPage(const Principal& who, const Request& request,
                                    const Error* problems, const FormData* form) {
  auto view = FindMeetingFor(who, request, request.Param("id"));
  if (!view) return ErrorPage(&who, request, view.error());
  mstch::map context = MeetingSummaryMap(view->meeting, feedback_.panel_name);
  mstch::array members;
  for (const auto& m : view->members) {
    mstch::map row{{"user_id", m.user_id},
                   {"name", m.name},
                   {"agency", m.agency_name},
                   {"attendance", Str(panel::Label(m.attendance))}};
    for (auto a : {panel::Attendance::kInvited, panel::Attendance::kPresent,
                   panel::Attendance::kApologies}) {
      row["is_" + std::string(panel::ToCode(a))] = m.attendance == a;
    }
    members.push_back(row);
  }
  mstch::array items;
  for (const auto& item : view->items) {
    items.push_back(mstch::map{
        {"id", item.id},
        {"position", item.position},
        {"child_id", item.child_id},
        {"child_name", item.child_name},
        {"reason", Str(panel::Label(item.reason))},
        {"discussed", item.decision.has_value()},
        {"category", item.decision ? Str(panel::Label(item.decision->category)) : Str("")}});
  }
  context.insert({{"coordinator", view->coordinator},
                  {"meeting_id", view->meeting.id},
                  {"members", members},
                  {"items", items},
                  {"has_items", !items.empty()},
                  {"panel", feedback_.panel_name},
                  {"created", request.query.Get("created") == "1"},
                  {"back_href", Str("/panel")}});
  if (view->coordinator) {
    auto proposals = ProposalsFor(*view);
    if (!proposals) return ErrorPage(&who, request, proposals.error());
    mstch::array rows;
    for (const auto& p : *proposals) {
      rows.push_back(mstch::map{{"child_id", p.child_id},
                                {"referral_id", p.referral_id},
                                {"child_name", p.child_name},
                                {"reason", Str(panel::Label(p.reason))},
                                {"detail", p.detail}});
    }
    context["proposals"] = rows;
    context["has_proposals"] = !rows.empty();
    auto owners = ActionOwners();
    if (!owners) return ErrorPage(&who, request, owners.error());
    std::vector<std::pair<std::string, std::string>> candidates;
    for (const auto& o : *owners) {
      bool member = std::ranges::any_of(
          view->members, [&](const panel::Member& m) { return m.user_id == o.first; });
      if (!member) candidates.push_back(o);
    }
    candidates.insert(candidates.begin(), {"", "Choose a person"});
    context["member_options"] = Options(candidates, form ? form->Get("user_id") : "");
  }
  if (problems != nullptr) AddErrors(context, *problems, {"user_id", "proposal"});
  if (!Audit(PerChild(AuditEntry(who, request, "panel.view", "panel_meeting", view->meeting.id,
                                 "allowed", view->coordinator ? "coordination" : "panel"),
                      AgendaChildren(*view)))) {
    return ErrorPage(&who, request, kAuditUnavailable);
  }
  std::string title = panel::Reference(view->meeting, feedback_.panel_name);
  return FormPage(who, request, title, "panel/meeting", context, problems);
}

Response PanelHandlers::AddPanelMember(Request& request, const Principal& who) {
  auto decision = access::Decide(who.Subject(), access::Action::kRunPanel);
  if (!decision.allowed) {
    return Refuse(who, request, decision, access::Action::kRunPanel,
                  "Only exploitation coordinators invite the panel's members.");
  }
  auto view = FindMeetingFor(who, request, request.Param("id"));
  if (!view) return ErrorPage(&who, request, view.error());
  auto form = ParseUrlEncoded(request.body);
  if (!form) return ErrorPage(&who, request, form.error());
  auto added = DoAddMember(who, request, *view, form->Get("user_id"));
  if (added) return Response::Redirect("/panel/meetings/" + view->meeting.id + "#members");
  if (added.error().kind != ErrorKind::kInvalid) return ErrorPage(&who, request, added.error());
  return MeetingPage(who, request, &added.error(), &*form);
}

Response PanelHandlers::RecordAttendance(Request& request, const Principal& who) {
  auto decision = access::Decide(who.Subject(), access::Action::kRunPanel);
  if (!decision.allowed) {
    return Refuse(who, request, decision, access::Action::kRunPanel,
                  "Only exploitation coordinators record attendance.");
  }
  auto view = FindMeetingFor(who, request, request.Param("id"));
  if (!view) return ErrorPage(&who, request, view.error());
  auto form = ParseUrlEncoded(request.body);
  if (!form) return ErrorPage(&who, request, form.error());
  std::vector<std::pair<std::string, std::string>> marks;
  constexpr std::string_view kPrefix = "attendance.";
  for (const auto& [name, value] : form->Pairs()) {
    if (name.starts_with(kPrefix)) marks.emplace_back(name.substr(kPrefix.size()), value);
  }
  auto done = DoRecordAttendance(who, request, *view, marks);
  if (!done) return ErrorPage(&who, request, done.error());
  return Response::Redirect("/panel/meetings/" + view->meeting.id + "#members");
}

Response PanelHandlers::AddToAgenda(Request& request, const Principal& who) {
  auto decision = access::Decide(who.Subject(), access::Action::kRunPanel);
  if (!decision.allowed) {
    return Refuse(who, request, decision, access::Action::kRunPanel,
                  "Only exploitation coordinators set the agenda.");
  }
  auto view = FindMeetingFor(who, request, request.Param("id"));
  if (!view) return ErrorPage(&who, request, view.error());
  auto form = ParseUrlEncoded(request.body);
  if (!form) return ErrorPage(&who, request, form.error());
  auto item = DoAddToAgenda(who, request, *view, form->Get("child_id"), form->Get("referral_id"));
  if (item) return Response::Redirect("/panel/meetings/" + view->meeting.id + "#agenda");
  if (item.error().kind != ErrorKind::kInvalid) return ErrorPage(&who, request, item.error());
  return MeetingPage(who, request, &item.error(), &*form);
}

Response PanelHandlers::ViewAgendaItem(Request& request, const Principal& who) {
  return AgendaItemPage(who, request, "", nullptr, nullptr);
}

Response PanelHandlers::AgendaItemPage(const Principal& who, const Request& request,
                                       std::string_view which, const Error* problems,
                                       const FormData* form) {
  auto view = FindMeetingFor(who, request, request.Param("id"));
  if (!view) return ErrorPage(&who, request, view.error());
  auto item = ItemOf(*view, request.Param("item_id"));
  if (!item) return ErrorPage(&who, request, item.error());
  auto child = children_.Find(item->child_id);
  if (!child) return ErrorPage(&who, request, child.error());
  if (!*child) return NotFoundPage(&who, request);
  auto actions = tasks_.ForSource("panel", item->id);
  if (!actions) return ErrorPage(&who, request, actions.error());
  auto owners = ActionOwners();
  if (!owners) return ErrorPage(&who, request, owners.error());
  Instant now = clock_.Now();
  mstch::map context = MeetingSummaryMap(view->meeting, feedback_.panel_name);
  context.insert({{"meeting_id", view->meeting.id},
                  {"item_id", item->id},
                  {"child_id", item->child_id},
                  {"child_name", item->child_name},
                  {"reason", Str(panel::Label(item->reason))},
                  {"discussed", item->decision.has_value()},
                  {"not_started", !panel::CheckMeetingStarted(view->meeting, now).has_value()},
                  {"panel", feedback_.panel_name},
                  {"back_href", "/panel/meetings/" + view->meeting.id}});
  AddChildFlags(context, **child);
  if (!item->referral_id.empty()) {
    auto referral = referrals_.Find(item->referral_id);
    if (!referral) return ErrorPage(&who, request, referral.error());
    if (*referral) {
      context["referral_reason"] = (*referral)->reason;
      context["referrer"] = (*referral)->referrer_name + " (" + (*referral)->agency_name + ")";
      context["referral_state"] = Str(referrals::Label((*referral)->state));
    }
  }
  // The decision form: what was typed after a refusal, else the recorded decision.
  bool typed = form != nullptr && which == "decision";
  std::string category =
      typed ? form->Get("category")
            : (item->decision ? std::string(panel::ToCode(item->decision->category)) : "");
  std::vector<std::string> models =
      typed ? form->GetAll("models")
            : (item->decision ? Codes(item->decision->models) : std::vector<std::string>{});
  std::vector<std::string> elements =
      typed ? form->GetAll("elements")
            : (item->decision ? Codes(item->decision->elements) : std::vector<std::string>{});
  context["category_options"] =
      Options({{"1", std::string(panel::Label(panel::Category::kAtRisk))},
               {"2", std::string(panel::Label(panel::Category::kSignificantRisk))},
               {"3", std::string(panel::Label(panel::Category::kSeriousRisk))}},
              category);
  context["model_options"] = CheckedOptions(CodeOptions(panel::kModels), models);
  context["element_options"] = CheckedOptions(CodeOptions(panel::kElements), elements);
  context["plan"] = typed ? form->Get("plan") : (item->decision ? item->decision->plan : "");
  context["next_review"] = typed ? form->Get("next_review")
                                 : (item->decision ? FormatDate(item->decision->next_review) : "");
  if (item->decision) {
    context["decision_category"] = Str(panel::Label(item->decision->category));
    context["decision_models"] = panel::ModelsText(*item->decision);
    context["decision_elements"] = panel::ElementsText(*item->decision);
    context["decision_review"] = FormatLongDate(item->decision->next_review);
  }
  // The action form.
  bool typed_action = form != nullptr && which == "action";
  auto owner_options = *owners;
  owner_options.insert(owner_options.begin(), {"", "Choose who owns it"});
  context["owner_options"] = Options(owner_options, typed_action ? form->Get("owner") : "");
  context["action_title"] = typed_action ? form->Get("title") : "";
  context["action_due"] = typed_action ? form->Get("due") : "";
  mstch::array rows;
  for (const auto& t : *actions) rows.push_back(TaskRow(t, now));
  context["actions"] = rows;
  context["has_actions"] = !rows.empty();
  if (problems != nullptr) {
    AddErrors(context, *problems,
              {"category", "models", "elements", "plan", "next_review", "title", "owner", "due"});
  }
  if (!Audit(AboutChild(
          AuditEntry(who, request, "panel.item.view", "panel_item", item->id, "allowed",
                     view->coordinator ? "coordination" : "panel", "child " + item->child_id),
          item->child_id))) {
    return ErrorPage(&who, request, kAuditUnavailable);
  }
  std::string title =
      item->child_name + " at the " + panel::Reference(view->meeting, feedback_.panel_name);
  return FormPage(who, request, title, "panel/item", context, problems);
}

Response PanelHandlers::PostToAgendaItem(Request& request, const Principal& who,
                                         std::string_view which) {
  auto view = FindMeetingFor(who, request, request.Param("id"));
  if (!view) return ErrorPage(&who, request, view.error());
  auto item = ItemOf(*view, request.Param("item_id"));
  if (!item) return ErrorPage(&who, request, item.error());
  auto form = ParseUrlEncoded(request.body);
  if (!form) return ErrorPage(&who, request, form.error());
  auto outcome = [](const auto& result) -> Result<void> {
    if (!result) return std::unexpected(result.error());
    return {};
  };
  Result<void> done =
      which == "decision"
          ? outcome(DoRecordDecision(who, request, *view, *item, DecisionFromForm(*form)))
          : outcome(DoAddPanelAction(who, request, *view, *item, ActionFromForm(*form)));
  if (done) {
    return Response::Redirect("/panel/meetings/" + view->meeting.id + "/items/" + item->id +
                              "#actions");
  }
  // A problem with what was typed, or a decision on a meeting not yet started: the page again,
  // with the message and everything typed kept.
  bool shown_on_page =
      done.error().kind == ErrorKind::kInvalid || done.error().code == "meeting_not_started";
  if (!shown_on_page) return ErrorPage(&who, request, done.error());
  return AgendaItemPage(who, request, which, &done.error(), &*form);
}

Response PanelHandlers::RecordPanelDecision(Request& request, const Principal& who) {
  return PostToAgendaItem(request, who, "decision");
}

Response PanelHandlers::AddPanelAction(Request& request, const Principal& who) {
  return PostToAgendaItem(request, who, "action");
}

Response PanelHandlers::PanelActions(Request& request, const Principal& who) {
  auto decision = access::Decide(who.Subject(), access::Action::kRunPanel);
  if (!decision.allowed) {
    return Refuse(who, request, decision, access::Action::kRunPanel,
                  "Only exploitation coordinators follow up the panel's actions.");
  }
  auto open = tasks_.OpenOfType("panel", kActionsShown);
  if (!open) return ErrorPage(&who, request, open.error());
  Instant now = clock_.Now();
  mstch::array overdue, due;
  for (const auto& t : *open) {
    (tasks::TimelinessOf(t, now) == tasks::Timeliness::kOverdue ? overdue : due)
        .push_back(TaskRow(t, now));
  }
  if (!Audit(AuditEntry(
          who, request, "panel.actions", "area", "", "allowed", decision.purpose,
          std::to_string(overdue.size()) + " overdue of " + std::to_string(open->size())))) {
    return ErrorPage(&who, request, kAuditUnavailable);
  }
  return Page(&who, request, "The panel's actions", "panel/actions",
              mstch::map{{"overdue", overdue},
                         {"has_overdue", !overdue.empty()},
                         {"overdue_count", static_cast<int>(overdue.size())},
                         {"due", due},
                         {"has_due", !due.empty()},
                         {"panel", feedback_.panel_name},
                         {"back_href", Str("/panel")}});
}

}  // namespace harbour::web

// --- minutes ----------------------------------------------------------------------------

namespace harbour::web {

namespace {

mstch::map MinutesContext(const panel::Minutes& m) {
  mstch::array attendance;
  for (const auto& a : m.attendance) {
    std::string names;
    for (const auto& n : a.names) names += (names.empty() ? "" : ", ") + n;
    attendance.push_back(mstch::map{{"agency", a.agency_name},
                                    {"attendance", Str(panel::Label(a.attendance))},
                                    {"names", names}});
  }
  mstch::array items;
  for (const auto& i : m.items) {
    mstch::array actions;
    for (const auto& a : i.actions) {
      actions.push_back(
          mstch::map{{"title", a.title}, {"owner", a.owner}, {"due", a.due}, {"status", a.status}});
    }
    items.push_back(mstch::map{{"position", i.position},
                               {"child_name", i.child_name},
                               {"reason", i.reason},
                               {"discussed", i.discussed},
                               {"category", i.category},
                               {"models", i.models},
                               {"elements", i.elements},
                               {"plan", i.plan},
                               {"next_review", i.next_review},
                               {"actions", actions},
                               {"has_actions", !actions.empty()}});
  }
  return mstch::map{{"panel", m.panel},
                    {"reference", m.reference},
                    {"when", m.when},
                    {"where", m.where},
                    {"attendance", attendance},
                    {"items", items},
                    {"has_items", !items.empty()},
                    {"produced", m.produced}};
}

}  // namespace

Result<panel::Minutes> PanelHandlers::BuildMinutes(const Principal& who, const MeetingView& view) {
  panel::Minutes m;
  m.panel = feedback_.panel_name;
  m.reference = panel::Reference(view.meeting, feedback_.panel_name);
  m.when = MeetingWhen(view.meeting);
  m.where = MeetingWhere(view.meeting);
  m.attendance = panel::ByAgency(view.members);
  Instant now = clock_.Now();
  for (const auto& item : view.items) {
    panel::MinutesItem row;
    row.position = item.position;
    row.child_name = item.child_name;
    row.reason = panel::Label(item.reason);
    row.discussed = item.decision.has_value();
    if (item.decision) {
      row.category = panel::Label(item.decision->category);
      row.models = panel::ModelsText(*item.decision);
      row.elements = panel::ElementsText(*item.decision);
      row.plan = item.decision->plan;
      row.next_review = FormatLongDate(item.decision->next_review);
    }
    auto actions = tasks_.ForSource("panel", item.id);
    if (!actions) return std::unexpected(actions.error());
    for (const auto& t : *actions) {
      auto timeliness = tasks::TimelinessOf(t, now);
      std::string status = timeliness == tasks::Timeliness::kDone      ? "Done: " + t.outcome
                           : timeliness == tasks::Timeliness::kOverdue ? "Overdue"
                                                                       : "Open";
      row.actions.push_back({t.title, t.who, FormatLongDate(LondonDate(t.due_at)), status});
    }
    m.items.push_back(std::move(row));
  }
  m.produced = "Produced " + FormatLondonDateTime(now) + " by " + who.user.display_name +
               ". OFFICIAL-SENSITIVE: for the panel's members only; do not forward.";
  return m;
}

Response PanelHandlers::MeetingMinutes(Request& request, const Principal& who) {
  auto view = FindMeetingFor(who, request, request.Param("id"));
  if (!view) return ErrorPage(&who, request, view.error());
  auto minutes = BuildMinutes(who, *view);
  if (!minutes) return ErrorPage(&who, request, minutes.error());
  bool download = request.query.Get("format") == "html";
  if (!Audit(PerChild(
          AuditEntry(who, request, download ? "panel.minutes.export" : "panel.minutes",
                     "panel_meeting", view->meeting.id, "allowed",
                     view->coordinator ? "coordination" : "panel", download ? "html" : "page"),
          AgendaChildren(*view)))) {
    return ErrorPage(&who, request, kAuditUnavailable);
  }
  mstch::map context = MinutesContext(*minutes);
  if (!download) {
    context["meeting_id"] = view->meeting.id;
    context["back_href"] = "/panel/meetings/" + view->meeting.id;
    return Page(&who, request, "Minutes: " + minutes->reference, "panel/minutes", context);
  }
  Response res = Response::Html(200, Render("panel/minutes-export", context));
  res.AddHeader("Content-Disposition", "attachment; filename=\"minutes-" +
                                           FormatDate(LondonDate(view->meeting.starts_at)) +
                                           ".html\"");
  return res;
}

Response PanelHandlers::MeetingMinutesPdf(Request& request, const Principal& who) {
  auto view = FindMeetingFor(who, request, request.Param("id"));
  if (!view) return ErrorPage(&who, request, view.error());
  auto minutes = BuildMinutes(who, *view);
  if (!minutes) return ErrorPage(&who, request, minutes.error());
  if (!pdf_fonts_) {
    return ErrorPage(&who, request,
                     Error{ErrorKind::kUnavailable,
                           "pdf_fonts_missing",
                           "The PDF export has no fonts set up. Use the HTML export.",
                           {}});
  }
  auto pdf = MinutesPdf(*minutes, *pdf_fonts_);
  if (!pdf) return ErrorPage(&who, request, pdf.error());
  if (!Audit(PerChild(
          AuditEntry(who, request, "panel.minutes.export", "panel_meeting", view->meeting.id,
                     "allowed", view->coordinator ? "coordination" : "panel", "pdf"),
          AgendaChildren(*view)))) {
    return ErrorPage(&who, request, kAuditUnavailable);
  }
  Response res;
  res.status = 200;
  res.content_type = "application/pdf";
  res.body = std::move(*pdf);
  res.AddHeader("Content-Disposition", "attachment; filename=\"minutes-" +
                                           FormatDate(LondonDate(view->meeting.starts_at)) +
                                           ".pdf\"");
  return res;
}

}  // namespace harbour::web

// --- the child's chronology ------------------------------------------------------------

namespace harbour::web {

Result<std::vector<chronology::Entry>> PanelHandlers::PanelEntries(const children::Child& child) {
  auto decided = panel_.DecisionsFor(child.id);
  if (!decided) return std::unexpected(decided.error());
  auto actions = tasks_.ForChild(child.id, "panel");
  if (!actions) return std::unexpected(actions.error());
  std::vector<chronology::Entry> out;
  for (const auto& item : *decided) {
    out.push_back(panel::DecisionEntry(
        item, feedback_.panel_name,
        {item.recorded_by_name, item.decision->recorded_by_agency, item.recorded_by_agency_name}));
  }
  for (const auto& t : *actions) {
    out.push_back(
        panel::ActionEntry(t, {t.created_by_name, t.created_by_agency, t.created_by_agency_name}));
  }
  return out;
}

}  // namespace harbour::web
