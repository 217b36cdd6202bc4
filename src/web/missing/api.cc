// Missing episodes and return interviews in the JSON API (issue 4; docs/api/openapi.yaml). The
// same verbs, access rules and audit as the pages (missing_handlers.cc); request bodies are
// parsed by web/parse/missing_json.h.
#include <nlohmann/json.hpp>

#include "web/core/errors.h"
#include "web/missing/handlers.h"
#include "web/missing/missing_json.h"

namespace harbour::web {

namespace {

using nlohmann::json;

constexpr int kDueListed = 500;

json OptionalInstant(const std::optional<Instant>& at) {
  return at ? json(FormatRfc3339(*at)) : json(nullptr);
}

json InterviewJson(const missing::ReturnInterview& r) {
  json findings = json::object();
  for (missing::Finding f : missing::AllFindings()) {
    findings[std::string(missing::ToCode(f))] = r.findings[static_cast<std::size_t>(f)];
  }
  return json{
      {"id", r.id},
      {"status", missing::ToCode(r.status)},
      {"status_label", missing::Label(r.status)},
      {"offered_at", OptionalInstant(r.offered_at)},
      {"held_at", OptionalInstant(r.held_at)},
      {"place", r.place},
      {"interviewer_name", r.interviewer_name},
      {"interviewer_agency", r.interviewer_agency_name},
      {"reason", r.reason},
      {"decision_by", r.decision_by},
      {"findings", findings},
      {"concern_ids", r.concern_ids},
      {"recorded_by", r.recorder_name},
      {"recorded_at", FormatRfc3339(r.recorded_at)},
  };
}

// What every view of an episode shows, lists included; `conclusion` sets the clock.
json EpisodeJson(const missing::MissingEpisode& e, const missing::ReturnInterview* conclusion,
                 Instant now) {
  auto clock = missing::ClockOf(e, conclusion, now);
  return json{
      {"id", e.id},
      {"child_id", e.child_id},
      {"child_name", e.child_name},
      {"kind", missing::ToCode(e.kind)},
      {"started_at", FormatRfc3339(e.started_at)},
      {"returned_at", OptionalInstant(e.returned_at)},
      {"reported_by", e.reported_by},
      {"police_reference", e.police_reference},
      {"risk_grade", e.risk_grade ? json(missing::ToCode(*e.risk_grade)) : json(nullptr)},
      {"where_found", e.where_found},
      {"found_with", e.found_with},
      {"carer_name", e.carer_name},
      {"recorded_by", e.recorder_name},
      {"agency", e.agency_name},
      {"recorded_at", FormatRfc3339(e.recorded_at)},
      {"interview_due", OptionalInstant(clock.due)},
      {"interview_state", missing::ToCode(clock.state)},
      {"interview_clock", clock.text},
  };
}

const missing::ReturnInterview* ConclusionIn(const std::vector<missing::ReturnInterview>& all,
                                             std::string_view episode_id) {
  for (const auto& r : all) {
    if (r.episode_id == episode_id && missing::Concludes(r.status)) return &r;
  }
  return nullptr;
}

}  // namespace

// The episode with its interviews, as the API answers it.
static Result<json> EpisodeDetail(storage::MissingRepository& repo,
                                  const missing::MissingEpisode& episode, Instant now) {
  auto interviews = repo.Interviews(episode.id);
  if (!interviews) return std::unexpected(interviews.error());
  json out = EpisodeJson(episode, ConclusionIn(*interviews, episode.id), now);
  json list = json::array();
  for (const auto& r : *interviews) list.push_back(InterviewJson(r));
  out["interviews"] = list;
  return out;
}

Response MissingHandlers::ApiRecordMissingEpisode(Request& request, const Principal& who) {
  access::Decision decision;
  auto child =
      AuthoriseChild(who, request, request.Param("id"), access::Action::kRecordMissing, &decision);
  if (!child) return JsonError(child.error());
  if (!IsJson(request)) return JsonError(NotJson());
  auto input = ParseEpisodeJson(request.body);
  if (!input) return JsonError(input.error());
  bool task = false;
  auto episode = DoRecordEpisode(who, request, *child, *input, decision.purpose, &task);
  if (!episode) return JsonError(episode.error());
  auto body = EpisodeDetail(missing_, *episode, clock_.Now());
  if (!body) return JsonError(body.error());
  (*body)["strategy_task_created"] = task;
  Response res = Response::Json(201, body->dump());
  res.AddHeader("Location", "/api/v1/missing-episodes/" + episode->id);
  return res;
}

Response MissingHandlers::ApiListMissingEpisodes(Request& request, const Principal& who) {
  access::Decision decision;
  auto child =
      AuthoriseChild(who, request, request.Param("id"), access::Action::kViewChronology, &decision);
  if (!child) return JsonError(child.error());
  auto episodes = missing_.ForChild(child->id);
  if (!episodes) return JsonError(episodes.error());
  auto interviews = missing_.InterviewsForChild(child->id);
  if (!interviews) return JsonError(interviews.error());
  if (!Audit(AuditEntry(who, request, "missing.list", "child", child->id, "allowed",
                        decision.purpose,
                        "api; " + std::to_string(episodes->size()) + " episodes"))) {
    return JsonError(kAuditUnavailable);
  }
  Instant now = clock_.Now();
  json list = json::array();
  for (const auto& e : *episodes)
    list.push_back(EpisodeJson(e, ConclusionIn(*interviews, e.id), now));
  return Response::Json(200, json{{"child_id", child->id}, {"episodes", list}}.dump());
}

Response MissingHandlers::ApiGetMissingEpisode(Request& request, const Principal& who) {
  auto found =
      FindEpisodeFor(who, request, request.Param("id"), "", access::Action::kViewChronology);
  if (!found) return JsonError(found.error());
  auto body = EpisodeDetail(missing_, found->episode, clock_.Now());
  if (!body) return JsonError(body.error());
  if (!Audit(AuditEntry(who, request, "missing.view", "missing_episode", found->episode.id,
                        "allowed", found->decision.purpose, "api; child " + found->child.id))) {
    return JsonError(kAuditUnavailable);
  }
  return Response::Json(200, body->dump());
}

Response MissingHandlers::ApiRecordMissingReturn(Request& request, const Principal& who) {
  auto found =
      FindEpisodeFor(who, request, request.Param("id"), "", access::Action::kRecordMissing);
  if (!found) return JsonError(found.error());
  if (!IsJson(request)) return JsonError(NotJson());
  auto input = ParseReturnJson(request.body);
  if (!input) return JsonError(input.error());
  auto back = DoRecordReturn(who, request, found->episode, *input, found->decision.purpose);
  if (!back) return JsonError(back.error());
  auto after = missing_.FindEpisode(found->episode.id);
  if (!after) return JsonError(after.error());
  if (!*after) {
    return JsonError(Error{ErrorKind::kInternal, "internal_error", "The episode vanished.", {}});
  }
  auto body = EpisodeDetail(missing_, **after, clock_.Now());
  if (!body) return JsonError(body.error());
  return Response::Json(200, body->dump());
}

Response MissingHandlers::ApiRecordReturnInterview(Request& request, const Principal& who) {
  auto found =
      FindEpisodeFor(who, request, request.Param("id"), "", access::Action::kRecordMissing);
  if (!found) return JsonError(found.error());
  if (!IsJson(request)) return JsonError(NotJson());
  auto input = ParseInterviewJson(request.body);
  if (!input) return JsonError(input.error());
  auto interview = DoRecordInterview(who, request, found->child, found->episode, *input,
                                     found->decision.purpose);
  if (!interview) return JsonError(interview.error());
  json out = InterviewJson(*interview);
  out["episode_id"] = found->episode.id;
  return Response::Json(201, out.dump());
}

Response MissingHandlers::ApiReturnInterviewsDue(Request& request, const Principal& who) {
  auto decision = access::Decide(who.Subject(), access::Action::kListReturnInterviews);
  if (!decision.allowed) {
    AuditRefusal(AuditEntry(who, request, "return_interviews.list", "area", "", "refused", {},
                            decision.reason));
    return JsonError(Error{ErrorKind::kForbidden,
                           "forbidden",
                           "Practitioners, safeguarding leads and coordinators see return "
                           "interviews due.",
                           {}});
  }
  auto due = missing_.AwaitingInterview(kDueListed);
  if (!due) return JsonError(due.error());
  Instant now = clock_.Now();
  json list = json::array();
  for (const auto& e : *due) {
    auto context = children_.Context(e.child_id, who.user.id, now);
    if (!context) return JsonError(context.error());
    if (!access::CanSeeChild(who.Subject(), *context)) continue;
    list.push_back(EpisodeJson(e, nullptr, now));
  }
  if (!Audit(AuditEntry(who, request, "return_interviews.list", "area", "", "allowed",
                        decision.purpose, "api; " + std::to_string(list.size()) + " listed"))) {
    return JsonError(kAuditUnavailable);
  }
  return Response::Json(200, json{{"episodes", list}}.dump());
}

}  // namespace harbour::web
