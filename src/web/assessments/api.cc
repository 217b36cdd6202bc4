// Risk assessments in the JSON API (issue 3; docs/api/openapi.yaml). The same
// verbs, access rules and audit as the pages (assessments_handlers.cc); the request body is
// parsed by ParseAssessmentJson (web/parse/assessment_json.h).
#include <algorithm>
#include <charconv>
#include <nlohmann/json.hpp>
#include <optional>

#include "storage/assessment_codec.h"
#include "web/assessments/assessment_json.h"
#include "web/assessments/handlers.h"
#include "web/core/errors.h"

namespace harbour::web {

namespace {

using nlohmann::json;

Response JsonOk(unsigned status, const json& body) { return Response::Json(status, body.dump()); }

json OrNull(const std::string& text) { return text.empty() ? json(nullptr) : json(text); }

// An assessment; a draft has null outcome members and no contributions or actions.
json AssessmentJson(const assessments::Assessment& a, const std::string& fingerprint) {
  const bool submitted = a.status == assessments::Status::kSubmitted;
  json outcome = storage::OutcomeToJson(a.outcome);
  json plan = storage::PlanToJson(a.plan);
  return json{
      {"id", a.id},
      {"child_id", a.child_id},
      {"tool_id", a.tool_id},
      {"tool_version", a.tool_version},
      {"tool_fingerprint", fingerprint},
      {"status", assessments::ToCode(a.status)},
      {"computed_level", submitted ? json(a.outcome.level) : json(nullptr)},
      {"score", submitted ? json(a.outcome.score) : json(nullptr)},
      {"immediate_action", submitted ? json(a.outcome.immediate_action) : json(nullptr)},
      {"judged_level", OrNull(a.judged_level)},
      {"rationale", a.rationale},
      {"plan_level", submitted ? json(a.plan.level) : json(nullptr)},
      {"next_review", submitted ? json(FormatDate(a.plan.next_review)) : json(nullptr)},
      {"submitted_at", a.submitted_at ? json(FormatRfc3339(*a.submitted_at)) : json(nullptr)},
      {"assessed_by", a.assessed_by_name},
      {"agency", a.agency_name},
      {"created_at", FormatRfc3339(a.created_at)},
      {"answers", storage::AnswersToJson(a.answers)},
      {"contributions", submitted ? outcome["contributions"] : json::array()},
      {"actions", submitted ? plan["actions"] : json::array()},
  };
}

json TaskJson(const tasks::Task& t) {
  return json{{"id", t.id},
              {"title", t.title},
              {"who", t.who},
              {"due_at", FormatRfc3339(t.due_at)},
              {"status", tasks::ToCode(t.status)}};
}

}  // namespace

Response AssessmentsHandlers::ApiCreateAssessment(Request& request, const Principal& who) {
  access::Decision decision;
  auto child =
      AuthoriseChild(who, request, request.Param("id"), access::Action::kAssess, &decision);
  if (!child) return JsonError(child.error());
  if (!request.Header("content-type").starts_with("application/json")) {
    return JsonError(Error{ErrorKind::kMalformed,
                           "unsupported_media_type",
                           "Send the body as JSON with Content-Type: application/json.",
                           {}});
  }
  auto body = ParseAssessmentJson(request.body);
  if (!body) return JsonError(body.error());
  auto tool = tools_.Active();
  if (!tool) return JsonError(tool.error());
  if (body->tool_id && !body->tool_id->empty() && *body->tool_id != (*tool)->id) {
    return JsonError(Invalid({{"tool_id", "New assessments use the active tool, " + (*tool)->id +
                                              ": send that or leave tool_id out"}})
                         .error());
  }
  AssessmentInput input{body->answers, {}, body->judged_level, body->rationale};
  auto submitted =
      DoSubmitAssessment(who, request, *child, *tool, nullptr, input, decision.purpose);
  if (!submitted) return JsonError(submitted.error());
  json out = AssessmentJson(submitted->assessment, (*tool)->fingerprint);
  json task_list = json::array();
  for (const auto& t : submitted->tasks) task_list.push_back(TaskJson(t));
  out["tasks"] = std::move(task_list);
  Response res = JsonOk(201, out);
  res.AddHeader("Location", "/api/v1/children/" + child->id + "/assessments");
  return res;
}

Response AssessmentsHandlers::ApiListAssessments(Request& request, const Principal& who) {
  access::Decision decision;
  auto child = AuthoriseChild(who, request, request.Param("id"), access::Action::kViewAssessments,
                              &decision);
  if (!child) return JsonError(child.error());
  auto list = DoListAssessments(who, request, *child, decision.purpose);
  if (!list) return JsonError(list.error());
  json out = json::array();
  for (const auto& a : *list) {
    std::string fingerprint = a.outcome.tool_fingerprint;
    if (fingerprint.empty()) {  // a draft: the version it is pinned to
      auto tool = tools_.Load(a.tool_id, a.tool_version);
      if (!tool) return JsonError(tool.error());
      fingerprint = (*tool)->fingerprint;
    }
    out.push_back(AssessmentJson(a, fingerprint));
  }
  return JsonOk(200, json{{"assessments", out}});
}

}  // namespace harbour::web
