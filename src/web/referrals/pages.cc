// Referrals to the exploitation panel and the feedback loop (issue 4): the referral form on
// the child's page, the coordinator's queue with the screening clock, a referral's page with
// the coordinator's decisions, and "My referrals" where the referrer sees every step — even
// without access to the child's record. The verbs are shared with the API.
#include <algorithm>

#include "common/ids.h"
#include "common/text.h"
#include "web/core/errors.h"
#include "web/core/view_helpers.h"
#include "web/referrals/handlers.h"

namespace harbour::web {

namespace {

constexpr int kQueueShown = 500;
constexpr int kMineShown = 100;

const std::vector<std::string> kReferralFieldOrder = {"assessment_id", "no_assessment_reason",
                                                      "reason", "sharing", "sharing_reason"};

referrals::ReferralInput InputFromForm(const FormData& f) {
  return referrals::ReferralInput{f.Get("assessment_id"), f.Get("no_assessment_reason"),
                                  f.Get("reason"), f.Get("sharing"), f.Get("sharing_reason")};
}

mstch::map ReferralSummary(const referrals::Referral& r, Instant now) {
  bool waiting = r.state == referrals::State::kSubmitted || r.state == referrals::State::kScreening;
  return mstch::map{
      {"id", r.id},
      {"child_id", r.child_id},
      {"child_name", r.child_name},
      {"referrer", r.referrer_name},
      {"agency", r.agency_name},
      {"reason", r.reason},
      {"state", Str(referrals::ToCode(r.state))},
      {"state_label", Str(referrals::Label(r.state))},
      {"final", referrals::IsFinal(r.state)},
      {"submitted_at", FormatLondonDateTime(r.submitted_at)},
      {"screening_due", FormatLondonDateTime(r.screening_due)},
      {"waiting", waiting},
      {"overdue", waiting && now > r.screening_due},
      {"with_consent", r.sharing == referrals::Sharing::kConsent},
      {"sharing_reason", r.sharing_reason},
      {"assessment_id", r.assessment_id},
      {"no_assessment_reason", r.no_assessment_reason},
  };
}

mstch::array MessageRows(const std::vector<feedback::Message>& messages) {
  mstch::array rows;
  for (const auto& m : messages) {
    rows.push_back(mstch::map{{"title", m.title},
                              {"body", m.body},
                              {"next_steps", m.next_steps},
                              {"contact", m.contact},
                              {"at", FormatRfc3339(m.at)},
                              {"at_text", FormatLondonDateTime(m.at)},
                              {"unread", !m.read_at.has_value()}});
  }
  return rows;
}

}  // namespace

// --- verbs ------------------------------------------------------------------------------

Result<referrals::Referral> ReferralsHandlers::DoRefer(const Principal& who, const Request& request,
                                                       const children::Child& child,
                                                       const referrals::ReferralInput& input,
                                                       std::string_view purpose) {
  auto assessed = assessments_.ForChild(child.id);
  if (!assessed) return std::unexpected(assessed.error());
  std::vector<std::string> known;
  for (const auto& a : *assessed) {
    if (a.status == assessments::Status::kSubmitted) known.push_back(a.id);
  }
  auto referral = referrals::ValidateReferral(input, known);
  if (!referral) return referral;
  auto users = identity_.ListUsers();
  if (!users) return std::unexpected(users.error());
  Instant now = clock_.Now();
  referral->id = NewId();
  referral->child_id = child.id;
  referral->referred_by = who.user.id;
  referral->referrer_agency = who.agency.id;
  referral->state = referrals::State::kSubmitted;
  referral->submitted_at = now;
  referral->updated_at = now;
  referral->screening_due = referrals::ScreeningDue(now, calendar_);
  referral->child_name = children::DisplayName(child);
  referral->referrer_name = who.user.display_name;
  referral->agency_name = who.agency.name;
  referrals::Transition received{
      referrals::State::kSubmitted, referrals::State::kSubmitted, "", "", who.user.id, now};
  feedback::Message to_referrer =
      referrals::MessageFor(*referral, received, feedback_.panel_name, feedback_.panel_contact,
                            FormatLondonDateTime(referral->screening_due));
  std::vector<feedback::Message> out{to_referrer};
  out.back().recipient = who.user.id;
  // The referrer's safeguarding leads are told, never asked.
  for (const auto& lead : referrals::LeadNoticeRecipients(*users, who.user.id, who.agency.id)) {
    out.push_back(referrals::LeadNotice(*referral, feedback_.panel_name, feedback_.panel_contact));
    out.back().recipient = lead;
  }
  auto saved = Write("making a referral", [&](storage::Transaction& tx) -> Result<void> {
    referrals_.InsertIn(tx, *referral);
    for (auto& m : out) {
      m.id = NewId();
      m.at = now;
      messages_.InsertIn(tx, m);
    }
    children_.AddInvolvementIn(tx, child.id, who.agency.id, "referral", who.user.id, now);
    AuditIn(tx, AuditEntry(who, request, "referral.create", "referral", referral->id, "allowed",
                           purpose,
                           "child " + child.id + "; sharing " +
                               std::string(referrals::ToCode(referral->sharing)) + "; " +
                               std::to_string(out.size() - 1) + " leads told"));
    return {};
  });
  if (!saved) return std::unexpected(saved.error());
  return referral;
}

Result<referrals::Referral> ReferralsHandlers::FindReferralFor(const Principal& who,
                                                               const Request& request,
                                                               std::string_view id,
                                                               bool* coordinator) {
  const Error not_found{ErrorKind::kNotFound, "not_found", "There is no referral here.", {}};
  if (!IsValidId(id)) return std::unexpected(not_found);
  auto found = referrals_.Find(id);
  if (!found) return std::unexpected(found.error());
  bool screens = access::Decide(who.Subject(), access::Action::kScreenReferrals).allowed;
  if (!*found || (!screens && !referrals::IsReferrer(**found, who.user.id))) {
    if (*found) {
      AuditRefusal(AboutChild(AuditEntry(who, request, "referral.view", "referral", id, "refused",
                                         {}, "neither the coordinator nor the referrer"),
                              (*found)->child_id));
    }
    return std::unexpected(not_found);
  }
  if (coordinator != nullptr) *coordinator = screens;
  return std::move(**found);
}

Result<referrals::Transition> ReferralsHandlers::MoveReferralIn(
    storage::Transaction& tx, const Principal& who, const Request& request,
    const referrals::Referral& referral, const referrals::TransitionRequest& move,
    std::string_view extra_body) {
  Instant now = clock_.Now();
  auto decided = referrals::Decide(referral.state, move, who.user.id, now);
  if (!decided) return decided;
  feedback::Message m =
      referrals::MessageFor(referral, *decided, feedback_.panel_name, feedback_.panel_contact,
                            FormatLondonDateTime(referral.screening_due));
  if (!extra_body.empty()) m.body += (m.body.empty() ? "" : "\n") + std::string(extra_body);
  m.id = NewId();
  m.recipient = referral.referred_by;
  m.at = now;
  if (!referrals_.MoveIn(tx, referral.id, *decided, NewId())) {
    return Conflict("invalid_transition",
                    "The referral was changed by someone else. Reload the page to see it.");
  }
  messages_.InsertIn(tx, m);
  AuditIn(tx,
          AboutChild(AuditEntry(who, request, "referral.move", "referral", referral.id, "allowed",
                                move.actor == referrals::Actor::kCoordinator ? "coordination"
                                                                             : "safeguarding",
                                std::string(referrals::ToCode(decided->from)) + " -> " +
                                    std::string(referrals::ToCode(decided->to))),
                     referral.child_id));
  return decided;
}

Result<referrals::Transition> ReferralsHandlers::DoMoveReferral(
    const Principal& who, const Request& request, const referrals::Referral& referral,
    const referrals::TransitionRequest& move) {
  auto moved =
      Write("moving a referral", [&](storage::Transaction& tx) -> Result<referrals::Transition> {
        return MoveReferralIn(tx, who, request, referral, move, {});
      });
  if (!moved) {
    AuditRefusal(AboutChild(
        AuditEntry(who, request, "referral.move", "referral", referral.id, "refused", {},
                   std::string(referrals::ToCode(referral.state)) + " -> " +
                       std::string(referrals::ToCode(move.to)) + ": " + moved.error().code),
        referral.child_id));
  }
  return moved;
}

// --- pages ------------------------------------------------------------------------------

Response ReferralsHandlers::NewReferralForm(Request& request, const Principal& who) {
  auto child = AuthoriseChild(who, request, request.Param("id"), access::Action::kRefer);
  if (!child) return ErrorPage(&who, request, child.error());
  return ReferralFormPage(who, request, *child, nullptr, nullptr);
}

Response ReferralsHandlers::ReferralFormPage(const Principal& who, const Request& request,
                                             const children::Child& child, const FormData* form,
                                             const Error* problems) {
  auto assessed = assessments_.ForChild(child.id);
  if (!assessed) return ErrorPage(&who, request, assessed.error());
  std::vector<std::pair<std::string, std::string>> options;
  for (const auto& a : *assessed) {
    if (a.status != assessments::Status::kSubmitted) continue;
    auto tool = tools_.Load(a.tool_id, a.tool_version);
    if (!tool) return ErrorPage(&who, request, tool.error());
    const auto* level = (*tool)->FindLevel(a.judged_level);
    options.emplace_back(a.id, FormatLongDate(LondonDate(*a.submitted_at)) + ": " +
                                   (level ? level->label : a.judged_level) + " (" +
                                   a.assessed_by_name + ", " + a.agency_name + ")");
  }
  options.emplace_back("", "There is no risk assessment to link");
  // The latest assessment is proposed until the practitioner chooses otherwise.
  std::string chosen = form != nullptr ? form->Get("assessment_id") : options.front().first;
  mstch::map context{{"child_id", child.id},
                     {"child_name", children::DisplayName(child)},
                     {"panel", feedback_.panel_name},
                     {"assessment_options", Options(options, chosen)},
                     {"has_assessment", options.size() > 1},
                     {"back_href", "/children/" + child.id}};
  AddChildFlags(context, child);
  if (form != nullptr) {
    AddValues(context, *form);
    AddChoiceFlags(context, *form, {"sharing"});
  }
  if (problems != nullptr) AddErrors(context, *problems, kReferralFieldOrder);
  std::string title = "Refer " + children::DisplayName(child) + " to the " + feedback_.panel_name;
  return FormPage(who, request, title, "referrals/new", context, problems);
}

Response ReferralsHandlers::CreateReferral(Request& request, const Principal& who) {
  access::Decision decision;
  auto child = AuthoriseChild(who, request, request.Param("id"), access::Action::kRefer, &decision);
  if (!child) return ErrorPage(&who, request, child.error());
  auto form = ParseUrlEncoded(request.body);
  if (!form) return ErrorPage(&who, request, form.error());
  auto referral = DoRefer(who, request, *child, InputFromForm(*form), decision.purpose);
  if (referral) return Response::Redirect("/referrals/" + referral->id + "?made=1");
  if (referral.error().kind != ErrorKind::kInvalid) {
    return ErrorPage(&who, request, referral.error());
  }
  return ReferralFormPage(who, request, *child, &*form, &referral.error());
}

Response ReferralsHandlers::ReferralQueue(Request& request, const Principal& who) {
  auto decision = access::Decide(who.Subject(), access::Action::kScreenReferrals);
  if (!decision.allowed) {
    return Refuse(who, request, decision, access::Action::kScreenReferrals,
                  "Only exploitation coordinators screen referrals.");
  }
  auto open = referrals_.Open(kQueueShown);
  if (!open) return ErrorPage(&who, request, open.error());
  Instant now = clock_.Now();
  mstch::array waiting, panel;
  int overdue = 0;
  for (const auto& r : *open) {
    mstch::map row = ReferralSummary(r, now);
    bool to_screen =
        r.state == referrals::State::kSubmitted || r.state == referrals::State::kScreening;
    if (to_screen && now > r.screening_due) ++overdue;
    (to_screen ? waiting : panel).push_back(row);
  }
  if (!Audit(AuditEntry(who, request, "referral.queue", "area", "", "allowed", decision.purpose,
                        std::to_string(open->size()) + " open referrals"))) {
    return ErrorPage(&who, request, kAuditUnavailable);
  }
  return Page(&who, request, "Referrals", "referrals/queue",
              mstch::map{{"waiting", waiting},
                         {"has_waiting", !waiting.empty()},
                         {"panel_list", panel},
                         {"has_panel_list", !panel.empty()},
                         {"overdue_count", overdue},
                         {"panel", feedback_.panel_name}});
}

Response ReferralsHandlers::ViewReferral(Request& request, const Principal& who) {
  bool coordinator = false;
  auto referral = FindReferralFor(who, request, request.Param("id"), &coordinator);
  if (!referral) return ErrorPage(&who, request, referral.error());
  return ReferralPage(who, request, *referral, coordinator, nullptr, nullptr, 200);
}

Response ReferralsHandlers::ReferralPage(const Principal& who, const Request& request,
                                         const referrals::Referral& referral, bool coordinator,
                                         const Error* problems, const FormData* form,
                                         unsigned status) {
  auto history = referrals_.Transitions(referral.id);
  if (!history) return ErrorPage(&who, request, history.error());
  auto messages = messages_.About(who.user.id, "referral", referral.id);
  if (!messages) return ErrorPage(&who, request, messages.error());
  if (!Audit(AboutChild(AuditEntry(who, request, "referral.view", "referral", referral.id,
                                   "allowed", coordinator ? "coordination" : "safeguarding",
                                   coordinator ? "coordinator" : "referrer"),
                        referral.child_id))) {
    return ErrorPage(&who, request, kAuditUnavailable);
  }
  (void)messages_.MarkRead(who.user.id, "referral", referral.id, clock_.Now());
  mstch::map context = ReferralSummary(referral, clock_.Now());
  mstch::array moves;
  referrals::Actor actor =
      coordinator ? referrals::Actor::kCoordinator : referrals::Actor::kReferrer;
  for (referrals::State to : referrals::NextStates(referral.state, actor)) {
    moves.push_back(
        mstch::map{{"value", Str(referrals::ToCode(to))},
                   {"label", Str(referrals::Label(to))},
                   {"selected", form != nullptr && form->Get("to") == referrals::ToCode(to)}});
  }
  mstch::array steps;
  for (const auto& t : *history) {
    steps.push_back(mstch::map{{"label", Str(referrals::Label(t.to))},
                               {"at", FormatLondonDateTime(t.at)},
                               {"reason", t.reason},
                               {"signposting", t.signposting}});
  }
  context.insert({{"coordinator", coordinator},
                  {"moves", moves},
                  {"has_moves", !moves.empty()},
                  {"steps", steps},
                  {"messages", MessageRows(*messages)},
                  {"has_messages", !messages->empty()},
                  {"made", request.query.Get("made") == "1"},
                  {"moved", request.query.Get("moved") == "1"},
                  {"panel", feedback_.panel_name},
                  {"back_href", Str(coordinator ? "/referrals" : "/my/referrals")}});
  if (form != nullptr) {
    context["typed_reason"] = form->Get("reason");
    context["typed_signposting"] = form->Get("signposting");
  }
  if (problems != nullptr) AddErrors(context, *problems, {"to", "reason", "signposting"});
  std::string title = "Referral of " + referral.child_name;
  return Page(&who, request, problems != nullptr ? "Error: " + title : title, "referrals/referral",
              context, status);
}

Response ReferralsHandlers::MoveReferral(Request& request, const Principal& who) {
  bool coordinator = false;
  auto referral = FindReferralFor(who, request, request.Param("id"), &coordinator);
  if (!referral) return ErrorPage(&who, request, referral.error());
  auto form = ParseUrlEncoded(request.body);
  if (!form) return ErrorPage(&who, request, form.error());
  auto to = referrals::StateFromCode(form->Get("to"));
  if (!to) {
    Error e{ErrorKind::kInvalid,
            "validation_failed",
            "Choose what happens next.",
            {{"to", "Choose what happens next"}}};
    return ReferralPage(who, request, *referral, coordinator, &e, &*form, StatusFor(e.kind));
  }
  referrals::TransitionRequest move{
      *to, coordinator ? referrals::Actor::kCoordinator : referrals::Actor::kReferrer,
      form->Get("reason"), form->Get("signposting")};
  auto moved = DoMoveReferral(who, request, *referral, move);
  if (moved) return Response::Redirect("/referrals/" + referral->id + "?moved=1");
  unsigned status = moved.error().kind == ErrorKind::kConflict ? 409 : 422;
  if (moved.error().kind != ErrorKind::kConflict && moved.error().kind != ErrorKind::kInvalid) {
    return ErrorPage(&who, request, moved.error());
  }
  return ReferralPage(who, request, *referral, coordinator, &moved.error(), &*form, status);
}

Response ReferralsHandlers::MyReferrals(Request& request, const Principal& who) {
  auto mine = referrals_.ByReferrer(who.user.id, kMineShown);
  if (!mine) return ErrorPage(&who, request, mine.error());
  Instant now = clock_.Now();
  mstch::array rows;
  for (const auto& r : *mine) {
    auto messages = messages_.About(who.user.id, "referral", r.id);
    if (!messages) return ErrorPage(&who, request, messages.error());
    mstch::map row = ReferralSummary(r, now);
    auto unread = std::ranges::count_if(*messages, [](const auto& m) { return !m.read_at; });
    row["messages"] = MessageRows(*messages);
    row["unread_count"] = static_cast<int>(unread);
    rows.push_back(row);
    // Shown as new this once; the header's count goes down.
    if (unread > 0) (void)messages_.MarkRead(who.user.id, "referral", r.id, now);
  }
  if (!Audit(AuditEntry(who, request, "referral.mine", "user", who.user.id, "allowed", {},
                        std::to_string(mine->size()) + " referrals"))) {
    return ErrorPage(&who, request, kAuditUnavailable);
  }
  return Page(
      &who, request, "My referrals", "referrals/mine",
      mstch::map{
          {"referrals", rows}, {"has_referrals", !rows.empty()}, {"panel", feedback_.panel_name}});
}

Result<std::vector<chronology::Entry>> ReferralsHandlers::ChronologyEntries(
    const children::Child& child) {
  auto referred = referrals_.ForChild(child.id);
  if (!referred) return std::unexpected(referred.error());
  std::vector<chronology::Entry> entries;
  for (const auto& r : *referred) {
    entries.push_back(referrals::ChronologyEntry(
        r, feedback_.panel_name, {r.referrer_name, r.referrer_agency, r.agency_name}));
  }
  return entries;
}

}  // namespace harbour::web
