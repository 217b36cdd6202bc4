#include "web/app.h"

#include <spdlog/spdlog.h>

#include "common/ids.h"
#include "web/errors.h"
#include "web/parse/cookie.h"

namespace harbour::web {

namespace {

constexpr std::string_view kSessionCookie = "harbour_session";
// Re-saving last_seen_at on every request would make every page a write; a minute's
// resolution is enough for a 30-minute idle timeout.
constexpr std::chrono::seconds kTouchInterval{60};

}  // namespace

App::App(storage::Database& db, const reference::Catalogue& catalogue, const Clock& clock,
         const WorkingCalendar& calendar, AppOptions options)
    : db_(db),
      catalogue_(catalogue),
      clock_(clock),
      calendar_(calendar),
      options_(std::move(options)),
      agencies_(db),
      identity_(db),
      children_(db),
      concerns_(db),
      access_(db),
      audit_(db),
      assessments_(db),
      tasks_(db),
      tools_(db, catalogue),
      referrals_(db),
      messages_(db),
      flags_(db),
      panel_(db),
      missing_(db),
      intelligence_(db),
      records_(db) {}

Router App::BuildRouter() {
  Router r;
  auto page = [this](auto method) {
    return PageRoute(
        [this, method](Request& q, const Principal& p) { return (this->*method)(q, p); });
  };
  auto api = [this](auto method) {
    return ApiRoute(
        [this, method](Request& q, const Principal& p) { return (this->*method)(q, p); });
  };
  r.Add(Method::kGet, "/healthz", [this](Request& q) { return Health(q); });
  r.Add(Method::kGet, "/sign-in", [this](Request& q) { return SignInForm(q); });
  r.Add(Method::kPost, "/sign-in", [this](Request& q) { return SignIn(q); });
  r.Add(Method::kPost, "/sign-out", page(&App::SignOut));
  r.Add(Method::kGet, "/", page(&App::Home));
  r.Add(Method::kGet, "/children", page(&App::SearchChildren));
  r.Add(Method::kGet, "/children/new", page(&App::NewChildForm));
  r.Add(Method::kPost, "/children", page(&App::CreateChild));
  r.Add(Method::kGet, "/children/{id}", page(&App::ViewChild));
  r.Add(Method::kGet, "/children/{id}/concerns/new", page(&App::NewConcernForm));
  r.Add(Method::kPost, "/children/{id}/concerns", page(&App::CreateConcern));
  r.Add(Method::kPost, "/children/{id}/concerns/{concern_id}/addenda", page(&App::CreateAddendum));
  r.Add(Method::kGet, "/children/{id}/chronology", page(&App::Chronology));
  r.Add(Method::kPost, "/children/{id}/team", page(&App::AddToTeam));
  r.Add(Method::kPost, "/children/{id}/flags", page(&App::AddFlag));
  r.Add(Method::kPost, "/children/{id}/flags/{flag_id}/end", page(&App::EndFlag));
  r.Add(Method::kPost, "/access-requests", page(&App::RequestAccess));
  r.Add(Method::kGet, "/access-requests", page(&App::AccessRequests));
  r.Add(Method::kPost, "/access-requests/{id}", page(&App::DecideAccessRequest));
  r.Add(Method::kGet, "/audit", page(&App::AuditTrail));
  r.Add(Method::kGet, "/children/{id}/assessments", page(&App::ChildAssessments));
  r.Add(Method::kPost, "/children/{id}/assessments", page(&App::StartAssessment));
  r.Add(Method::kGet, "/children/{id}/assessments/{assessment_id}", page(&App::ViewAssessment));
  r.Add(Method::kPost, "/children/{id}/assessments/{assessment_id}", page(&App::SaveAssessment));
  r.Add(Method::kGet, "/tasks", page(&App::MyTasks));
  r.Add(Method::kPost, "/tasks/{id}", page(&App::CompleteTask));
  r.Add(Method::kGet, "/reviews", page(&App::AreaReviews));
  r.Add(Method::kGet, "/tools", page(&App::ToolsAdmin));
  r.Add(Method::kPost, "/tools", page(&App::RegisterTool));
  r.Add(Method::kPost, "/tools/active", page(&App::ActivateTool));
  r.Add(Method::kGet, "/tools/{id}/versions/{version}", page(&App::ViewToolVersion));
  r.Add(Method::kGet, "/children/{id}/referrals/new", page(&App::NewReferralForm));
  r.Add(Method::kPost, "/children/{id}/referrals", page(&App::CreateReferral));
  r.Add(Method::kGet, "/referrals", page(&App::ReferralQueue));
  r.Add(Method::kGet, "/referrals/{id}", page(&App::ViewReferral));
  r.Add(Method::kPost, "/referrals/{id}/transitions", page(&App::MoveReferral));
  r.Add(Method::kGet, "/my/referrals", page(&App::MyReferrals));
  r.Add(Method::kGet, "/panel", page(&App::PanelMeetings));
  r.Add(Method::kPost, "/panel/meetings", page(&App::CreateMeeting));
  r.Add(Method::kGet, "/panel/meetings/{id}", page(&App::ViewMeeting));
  r.Add(Method::kPost, "/panel/meetings/{id}/members", page(&App::AddPanelMember));
  r.Add(Method::kPost, "/panel/meetings/{id}/attendance", page(&App::RecordAttendance));
  r.Add(Method::kPost, "/panel/meetings/{id}/agenda", page(&App::AddToAgenda));
  r.Add(Method::kGet, "/panel/meetings/{id}/items/{item_id}", page(&App::ViewAgendaItem));
  r.Add(Method::kPost, "/panel/meetings/{id}/items/{item_id}", page(&App::RecordPanelDecision));
  r.Add(Method::kPost, "/panel/meetings/{id}/items/{item_id}/actions", page(&App::AddPanelAction));
  r.Add(Method::kGet, "/panel/meetings/{id}/minutes", page(&App::MeetingMinutes));
  r.Add(Method::kGet, "/panel/meetings/{id}/minutes.pdf", page(&App::MeetingMinutesPdf));
  r.Add(Method::kGet, "/panel/actions", page(&App::PanelActions));
  r.Add(Method::kGet, "/children/{id}/missing", page(&App::MissingEpisodes));
  r.Add(Method::kPost, "/children/{id}/missing", page(&App::RecordMissingEpisode));
  r.Add(Method::kGet, "/children/{id}/missing/{episode_id}", page(&App::ViewMissingEpisode));
  r.Add(Method::kPost, "/children/{id}/missing/{episode_id}/return",
        page(&App::RecordMissingReturn));
  r.Add(Method::kPost, "/children/{id}/missing/{episode_id}/interview",
        page(&App::RecordReturnInterview));
  r.Add(Method::kGet, "/return-interviews", page(&App::ReturnInterviewsDue));
  r.Add(Method::kGet, "/disruption", page(&App::DisruptionList));
  r.Add(Method::kPost, "/disruption", page(&App::RecordDisruption));
  r.Add(Method::kGet, "/disruption/new", page(&App::NewDisruptionForm));
  r.Add(Method::kGet, "/disruption/{id}", page(&App::ViewDisruption));
  r.Add(Method::kGet, "/business-visits", page(&App::BusinessVisits));
  r.Add(Method::kPost, "/business-visits", page(&App::RecordBusinessVisit));
  r.Add(Method::kGet, "/business-visits/new", page(&App::NewBusinessVisitForm));
  r.Add(Method::kGet, "/intelligence/new", page(&App::NewIntelligenceForm));
  r.Add(Method::kPost, "/intelligence", page(&App::SubmitIntelligence));
  r.Add(Method::kGet, "/my/intelligence", page(&App::MyIntelligence));
  r.Add(Method::kGet, "/intelligence/queue", page(&App::IntelligenceQueue));
  r.Add(Method::kGet, "/intelligence/reports/{id}", page(&App::ViewIntelligenceReport));
  r.Add(Method::kPost, "/intelligence/reports/{id}/grade", page(&App::GradeIntelligence));
  r.Add(Method::kPost, "/intelligence/reports/{id}/subjects/{subject}/use",
        page(&App::UseRecordForSubject));
  r.Add(Method::kPost, "/intelligence/reports/{id}/subjects/{subject}/create",
        page(&App::CreateRecordForSubject));
  r.Add(Method::kPost, "/intelligence/reports/{id}/links", page(&App::LinkReportSubjects));
  r.Add(Method::kPost, "/records/links", page(&App::LinkRecords));
  r.Add(Method::kGet, "/records/{kind}/new", page(&App::NewRecordForm));
  r.Add(Method::kPost, "/records/{kind}/new", page(&App::CreateRecord));
  r.Add(Method::kGet, "/records/{kind}/{id}", page(&App::ViewRecord));

  r.Add(Method::kGet, "/api/v1/openapi.yaml", [this](Request&) {
    Response res = Response::Text(200, options_.openapi_yaml);
    res.content_type = "application/yaml; charset=utf-8";
    res.no_store = false;
    res.AddHeader("Cache-Control", "public, max-age=300");
    return res;
  });
  r.Add(Method::kGet, "/api/v1/children", api(&App::ApiSearchChildren));
  r.Add(Method::kPost, "/api/v1/children", api(&App::ApiCreateChild));
  r.Add(Method::kGet, "/api/v1/children/{id}", api(&App::ApiGetChild));
  r.Add(Method::kPost, "/api/v1/children/{id}/concerns", api(&App::ApiCreateConcern));
  r.Add(Method::kGet, "/api/v1/children/{id}/chronology", api(&App::ApiChronology));
  r.Add(Method::kGet, "/api/v1/tools", api(&App::ApiListTools));
  r.Add(Method::kGet, "/api/v1/tools/{id}/versions/{version}", api(&App::ApiGetToolVersion));
  r.Add(Method::kPost, "/api/v1/children/{id}/assessments", api(&App::ApiCreateAssessment));
  r.Add(Method::kGet, "/api/v1/children/{id}/assessments", api(&App::ApiListAssessments));
  r.Add(Method::kPost, "/api/v1/children/{id}/referrals", api(&App::ApiCreateReferral));
  r.Add(Method::kGet, "/api/v1/referrals", api(&App::ApiListReferrals));
  r.Add(Method::kGet, "/api/v1/referrals/{id}", api(&App::ApiGetReferral));
  r.Add(Method::kPost, "/api/v1/referrals/{id}/transitions", api(&App::ApiMoveReferral));
  r.Add(Method::kGet, "/api/v1/children/{id}/flags", api(&App::ApiListFlags));
  r.Add(Method::kPost, "/api/v1/children/{id}/flags", api(&App::ApiAddFlag));
  r.Add(Method::kPost, "/api/v1/children/{id}/flags/{flag_id}/end", api(&App::ApiEndFlag));
  r.Add(Method::kGet, "/api/v1/messages", api(&App::ApiListMessages));
  r.Add(Method::kPost, "/api/v1/messages/{id}/read", api(&App::ApiReadMessage));
  r.Add(Method::kGet, "/api/v1/panel/meetings", api(&App::ApiListMeetings));
  r.Add(Method::kPost, "/api/v1/panel/meetings", api(&App::ApiCreateMeeting));
  r.Add(Method::kGet, "/api/v1/panel/meetings/{id}", api(&App::ApiGetMeeting));
  r.Add(Method::kPost, "/api/v1/panel/meetings/{id}/members", api(&App::ApiAddMeetingMember));
  r.Add(Method::kPost, "/api/v1/panel/meetings/{id}/attendance", api(&App::ApiRecordAttendance));
  r.Add(Method::kPost, "/api/v1/panel/meetings/{id}/agenda", api(&App::ApiAddToAgenda));
  r.Add(Method::kPost, "/api/v1/panel/meetings/{id}/items/{item_id}/decision",
        api(&App::ApiRecordPanelDecision));
  r.Add(Method::kGet, "/api/v1/panel/meetings/{id}/items/{item_id}/actions",
        api(&App::ApiListPanelItemActions));
  r.Add(Method::kPost, "/api/v1/panel/meetings/{id}/items/{item_id}/actions",
        api(&App::ApiAddPanelAction));
  r.Add(Method::kGet, "/api/v1/panel/actions", api(&App::ApiListPanelActions));
  r.Add(Method::kPost, "/api/v1/tasks/{id}/complete", api(&App::ApiCompleteTask));
  r.Add(Method::kPost, "/api/v1/children/{id}/missing-episodes",
        api(&App::ApiRecordMissingEpisode));
  r.Add(Method::kGet, "/api/v1/children/{id}/missing-episodes", api(&App::ApiListMissingEpisodes));
  r.Add(Method::kGet, "/api/v1/missing-episodes/{id}", api(&App::ApiGetMissingEpisode));
  r.Add(Method::kPost, "/api/v1/missing-episodes/{id}/return", api(&App::ApiRecordMissingReturn));
  r.Add(Method::kPost, "/api/v1/missing-episodes/{id}/interview",
        api(&App::ApiRecordReturnInterview));
  r.Add(Method::kGet, "/api/v1/return-interviews/due", api(&App::ApiReturnInterviewsDue));
  r.Add(Method::kGet, "/api/v1/disruption", api(&App::ApiListDisruption));
  r.Add(Method::kPost, "/api/v1/disruption", api(&App::ApiRecordDisruption));
  r.Add(Method::kGet, "/api/v1/disruption/expiring", api(&App::ApiExpiringDisruption));
  r.Add(Method::kGet, "/api/v1/disruption/{id}", api(&App::ApiGetDisruption));
  r.Add(Method::kGet, "/api/v1/business-visits", api(&App::ApiListBusinessVisits));
  r.Add(Method::kPost, "/api/v1/business-visits", api(&App::ApiRecordBusinessVisit));
  r.Add(Method::kGet, "/api/v1/business-visits/not-visited", api(&App::ApiNotVisited));
  r.Add(Method::kPost, "/api/v1/intelligence", api(&App::ApiSubmitIntelligence));
  r.Add(Method::kGet, "/api/v1/intelligence", api(&App::ApiListIntelligence));
  r.Add(Method::kGet, "/api/v1/intelligence/{id}", api(&App::ApiGetIntelligence));
  r.Add(Method::kPost, "/api/v1/intelligence/{id}/grade", api(&App::ApiGradeIntelligence));
  r.Add(Method::kPost, "/api/v1/intelligence/{id}/subjects/{subject}/resolve",
        api(&App::ApiResolveIntelligenceSubject));
  r.Add(Method::kPost, "/api/v1/intelligence/{id}/links", api(&App::ApiLinkIntelligenceSubjects));
  r.Add(Method::kGet, "/api/v1/records/{kind}", api(&App::ApiListRecords));
  r.Add(Method::kPost, "/api/v1/records/{kind}", api(&App::ApiCreateRecord));
  r.Add(Method::kGet, "/api/v1/records/{kind}/{id}", api(&App::ApiGetRecord));
  r.Add(Method::kPost, "/api/v1/links", api(&App::ApiLinkRecords));
  r.Add(Method::kGet, "/api/v1/lookup", api(&App::ApiLookup));

  r.SetNotFound([this](Request& q) {
    if (q.path.starts_with("/api/")) {
      return JsonError(Error{ErrorKind::kNotFound, "not_found", "No such API route.", {}});
    }
    auto who = SessionPrincipal(q);
    return NotFoundPage(who ? &*who : nullptr, q);
  });
  return r;
}

// --- authentication --------------------------------------------------------------------

std::optional<Principal> App::LoadPrincipal(const std::string& user_id) {
  auto user = identity_.FindUserById(user_id);
  if (!user || !user->has_value() || !(*user)->active) return std::nullopt;
  auto agency = agencies_.FindById((*user)->agency_id);
  if (!agency || !agency->has_value()) return std::nullopt;
  return Principal{std::move(**user), std::move(**agency), std::nullopt};
}

std::optional<Principal> App::SessionPrincipal(const Request& request) {
  auto cookies = ParseCookieHeader(request.Header("cookie"));
  auto it = cookies.find(kSessionCookie);
  if (it == cookies.end() || it->second.empty() || it->second.size() > 128) return std::nullopt;
  std::string digest = TokenDigest(it->second);
  auto session = identity_.FindSession(digest);
  if (!session || !session->has_value()) return std::nullopt;
  Instant now = clock_.Now();
  if (identity::IsSessionExpired(**session, now)) {
    (void)identity_.DeleteSession(digest);
    return std::nullopt;
  }
  auto principal = LoadPrincipal((*session)->user_id);
  if (!principal) return std::nullopt;
  if (now - (*session)->last_seen_at >= kTouchInterval) {
    (void)identity_.TouchSession(digest, now);
    (*session)->last_seen_at = now;
  }
  principal->session = std::move(**session);
  return principal;
}

std::optional<Principal> App::TokenPrincipal(const Request& request) {
  std::string header = request.Header("authorization");
  constexpr std::string_view kBearer = "Bearer ";
  if (!header.starts_with(kBearer)) return std::nullopt;
  std::string secret = header.substr(kBearer.size());
  if (secret.empty() || secret.size() > 128) return std::nullopt;
  auto token = identity_.FindToken(TokenDigest(secret));
  if (!token || !token->has_value()) return std::nullopt;
  if (!identity::IsTokenUsable(**token, clock_.Now())) return std::nullopt;
  return LoadPrincipal((*token)->user_id);
}

Handler App::PageRoute(std::function<Response(Request&, const Principal&)> handler) {
  return [this, handler = std::move(handler)](Request& request) {
    auto who = SessionPrincipal(request);
    if (!who) {
      if (request.method != Method::kGet) return Response::Redirect("/sign-in");
      std::string next = request.target.size() < 512 ? request.target : "/";
      return Response::Redirect("/sign-in?next=" + PercentEncode(next));
    }
    if (request.method == Method::kPost) {
      auto form = ParseUrlEncoded(request.body);
      if (!form || !SecretsEqual(form->Get("_csrf"), who->session->csrf_token)) {
        spdlog::warn("CSRF check failed (request {})", request.request_id);
        Audit(AuditEntry(*who, request, "csrf.check", "request", "", "refused", {},
                         "missing or wrong form token on POST " + request.path.substr(0, 200)));
        return ErrorPage(&*who, request,
                         Error{ErrorKind::kForbidden,
                               "csrf_failed",
                               "This form has expired. Go back, reload the page and try again.",
                               {}});
      }
    }
    return handler(request, *who);
  };
}

Handler App::ApiRoute(std::function<Response(Request&, const Principal&)> handler) {
  return [this, handler = std::move(handler)](Request& request) {
    auto who = TokenPrincipal(request);
    if (!who) {
      Response res = JsonError(Error{ErrorKind::kUnauthenticated,
                                     "unauthenticated",
                                     "Send a valid API token: Authorization: Bearer TOKEN.",
                                     {}});
      res.AddHeader("WWW-Authenticate", "Bearer realm=\"harbour\"");
      return res;
    }
    return handler(request, *who);
  };
}

// --- audit ---------------------------------------------------------------------------------

audit::Entry App::AuditEntry(const Principal& who, const Request& request, std::string_view action,
                             std::string_view record_type, std::string_view record_id,
                             std::string_view outcome, std::string_view purpose,
                             std::string_view detail) const {
  audit::Entry e;
  e.at = clock_.Now();
  e.user_id = who.user.id;
  e.username = who.user.username;
  e.role = std::string(access::ToCode(who.user.role));
  e.agency = who.agency.code;
  e.action = std::string(action);
  e.record_type = std::string(record_type);
  e.record_id = std::string(record_id);
  e.outcome = std::string(outcome);
  e.purpose = std::string(purpose);
  e.detail = std::string(detail);
  e.request_id = request.request_id;
  return e;
}

bool App::Audit(audit::Entry entry) {
  auto done = audit_.Append(std::move(entry));
  if (!done) spdlog::error("audit append failed: {}", done.error().message);
  return done.has_value();
}

Result<children::Child> App::AuthoriseChild(const Principal& who, const Request& request,
                                            std::string_view child_id, access::Action action,
                                            access::Decision* decision_out,
                                            access::ChildContext* context_out) {
  if (!IsValidId(child_id)) return NotFound("There is no child record at this address.");
  auto child = children_.Find(child_id);
  if (!child) return std::unexpected(child.error());
  if (!child->has_value()) return NotFound("There is no child record at this address.");
  auto context = children_.Context(child_id, who.user.id, clock_.Now());
  if (!context) return std::unexpected(context.error());
  if (who.user.role == access::Role::kPanelMember) {  // their only need to know
    auto attends = panel_.AttendsMeetingAbout(child_id, who.user.id);
    if (!attends) return std::unexpected(attends.error());
    context->on_attended_agenda = *attends;
  }
  access::Decision decision = access::Decide(who.Subject(), action, *context);
  if (decision_out != nullptr) *decision_out = decision;
  if (context_out != nullptr) *context_out = *context;
  if (!decision.allowed) {
    if (!Audit(AuditEntry(who, request, access::ToCode(action), "child", child_id, "refused", {},
                          decision.reason))) {
      return Fail(ErrorKind::kUnavailable, "audit_unavailable",
                  "The service cannot record this request. Try again later.");
    }
    if (decision.hide_existence) return NotFound("There is no child record at this address.");
    return Fail(ErrorKind::kForbidden, "forbidden", "Your role does not give access to this.");
  }
  return std::move(**child);
}

// --- rendering -----------------------------------------------------------------------------

namespace {

mstch::array Nav(const Principal& who, std::string_view path) {
  struct Item {
    std::string label, href;
  };
  std::vector<Item> items = {{"Home", "/"}};
  using access::Action;
  auto can = [&](Action a) { return access::Decide(who.Subject(), a).allowed; };
  if (can(Action::kSearchChildren)) items.push_back({"Find a child", "/children"});
  if (can(Action::kCreateChild)) items.push_back({"Add a child", "/children/new"});
  bool case_work = can(Action::kSearchChildren) || can(Action::kSitOnPanel);
  if (case_work) items.push_back({"My tasks", "/tasks"});
  if (can(Action::kViewAreaReviews)) items.push_back({"Reviews due", "/reviews"});
  if (can(Action::kScreenReferrals)) items.push_back({"Referrals", "/referrals"});
  if (can(Action::kSitOnPanel)) items.push_back({"Panel", "/panel"});
  if (case_work) items.push_back({"My referrals", "/my/referrals"});
  if (can(Action::kGradeIntelligence))
    items.push_back({"Intelligence queue", "/intelligence/queue"});
  if (can(Action::kSubmitIntelligence)) items.push_back({"My intelligence", "/my/intelligence"});
  if (can(Action::kRecordDisruption)) items.push_back({"Disruption", "/disruption"});
  if (can(Action::kRecordBusinessVisit)) items.push_back({"Business visits", "/business-visits"});
  if (can(Action::kGrantAccess)) items.push_back({"Access requests", "/access-requests"});
  if (can(Action::kManageTools)) items.push_back({"Risk tools", "/tools"});
  if (can(Action::kViewAuditTrail)) items.push_back({"Audit trail", "/audit"});
  mstch::array nav;
  for (const auto& item : items) {
    bool current = item.href == "/" ? path == "/" : path.starts_with(item.href);
    if (item.href == "/children" && path.starts_with("/children/new")) current = false;
    nav.push_back(mstch::map{{"label", item.label}, {"href", item.href}, {"current", current}});
  }
  return nav;
}

}  // namespace

Response App::Page(const Principal* who, const Request& request, std::string_view title,
                   std::string_view page, mstch::map context, unsigned status) const {
  context.emplace("csrf_token", Str(who && who->session ? who->session->csrf_token : ""));
  std::string content = templates_.Render(page, context);
  mstch::map layout{{"title", Str(title)},
                    {"content", content},
                    {"demo", options_.demo},
                    {"csrf_token", Str(who && who->session ? who->session->csrf_token : "")}};
  if (who != nullptr) {
    layout.emplace("nav", Nav(*who, request.path));
    // The feedback loop's unread count; a failure to count hides it rather than the page.
    auto unread = messages_.UnreadByType(who->user.id);
    int count = 0;
    for (const auto& [type, n] : unread ? *unread : std::map<std::string, int>{}) count += n;
    // The page that shows them: referrals' messages first, else intelligence outcomes.
    bool only_intelligence = unread && count > 0 && unread->contains("intelligence") &&
                             unread->at("intelligence") == count;
    layout.emplace(
        "user",
        mstch::map{{"display_name", who->user.display_name},
                   {"role_label", Str(access::Label(who->user.role))},
                   {"agency_name", who->agency.name},
                   {"unread", count},
                   {"unread_href", Str(only_intelligence ? "/my/intelligence" : "/my/referrals")},
                   {"unread_noun", Str(count == 1 ? "message" : "messages")}});
  }
  if (auto it = context.find("back_href"); it != context.end())
    layout.emplace("back_href", it->second);
  if (auto it = context.find("flash"); it != context.end()) layout.emplace("flash", it->second);
  return Response::Html(status, templates_.Render("core/layout", layout));
}

Response App::ErrorPage(const Principal* who, const Request& request, const Error& error) const {
  unsigned status = StatusFor(error.kind);
  if (status == 404) return NotFoundPage(who, request);
  std::string title = status == 403 ? "You do not have access to this page"
                                    : "Sorry, there is a problem with the service";
  return Page(who, request, title, status == 403 ? "core/forbidden" : "core/error",
              mstch::map{{"message", error.message}, {"error_id", request.request_id}}, status);
}

Response App::NotFoundPage(const Principal* who, const Request& request) const {
  return Page(who, request, "Page not found", "core/not-found", mstch::map{}, 404);
}

Response App::Health(Request&) {
  if (!db_.Ping())
    return Response::Json(503, R"({"status":"unavailable","database":"unavailable"})");
  return Response::Json(200, R"({"status":"ok","database":"ok"})");
}

}  // namespace harbour::web
