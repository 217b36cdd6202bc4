// Partner intelligence in the JSON API (issue 5; docs/api/openapi.yaml): partner systems submit
// intelligence and read what happened to it; intelligence officers read their queue, grade,
// match subjects to records and link them. The same verbs, access rules and audit as the pages
// (intelligence_handlers.cc); each caller sees exactly the version of a report
// access::DecideReportView allows. Bodies are parsed by web/parse/intelligence_json.h.
#include <nlohmann/json.hpp>

#include "web/core/errors.h"
#include "web/intelligence/handlers.h"
#include "web/intelligence/intelligence_json.h"

namespace harbour::web {

namespace {

using access::IntelligenceView;
using nlohmann::json;

constexpr int kListed = 200;

// What every listing shows of a report: never content, grade or source.
json SummaryJson(const intelligence::Report& r) {
  return json{{"id", r.id},
              {"submitted_at", FormatRfc3339(r.submitted_at)},
              {"category", intelligence::ToCode(r.category)},
              {"immediate_danger", r.immediate_danger},
              {"status", intelligence::ToCode(r.status)},
              {"outcome", r.outcome ? json(intelligence::ToCode(*r.outcome)) : json(nullptr)}};
}

json GradeJson(const intelligence::Report& r) {
  if (!r.grade) return nullptr;
  return json{{"source", intelligence::ToCode(r.grade->source)},
              {"intelligence", intelligence::ToCode(r.grade->assessment)},
              {"handling", intelligence::ToCode(r.grade->handling)},
              {"handling_instructions", r.grade->handling_instructions},
              {"allowed_agencies", r.grade->allowed_agencies},
              {"code", intelligence::GradeCode(r)}};
}

// The report in the caller's view, reading the original and the source only for views that
// include them.
Result<json> DetailJson(storage::IntelligenceRepository& repo, const intelligence::Report& r,
                        IntelligenceView view) {
  json out = SummaryJson(r);
  out["view"] = access::ToCode(view);
  if (view == IntelligenceView::kSanitised || view >= IntelligenceView::kOriginal) {
    out["grade"] = GradeJson(r);
    out["sanitised_text"] = r.sanitised_text;
    if (r.legacy_grade) out["legacy_grade"] = intelligence::GradeCode(*r.legacy_grade);
  }
  if (view == IntelligenceView::kSanitised) return out;
  auto original = repo.OriginalOf(r.id);
  if (!original) return std::unexpected(original.error());
  out["original"] =
      json{{"who", original->who},   {"what", original->what}, {"where", original->where},
           {"when", original->when}, {"why", original->why},   {"how", original->how}};
  out["knowledge"] = intelligence::ToCode(r.knowledge);
  auto subjects = repo.Subjects(r.id);
  if (!subjects) return std::unexpected(subjects.error());
  json list = json::array();
  for (const auto& s : *subjects) {
    json unverified = json::object();
    for (const auto& [k, why] : intelligence::UnverifiedDetails(s.type, s.details)) {
      unverified[k] = why;
    }
    list.push_back(json{{"id", s.id},
                        {"type", s.type},
                        {"record_id", s.record_id.empty() ? json(nullptr) : json(s.record_id)},
                        {"details", s.details},
                        {"unverified", unverified}});
  }
  out["subjects"] = list;
  if (view == IntelligenceView::kOriginalWithSource) {
    auto source = repo.SourceOf(r.id);
    if (!source) return std::unexpected(source.error());
    out["source"] = json{{"submitter_name", source->submitter_name},
                         {"submitter_agency", source->submitter_agency_name},
                         {"submitter_contact", source->submitter_contact},
                         {"heard_from", source->heard_from}};
  }
  return out;
}

}  // namespace

Response IntelligenceHandlers::ApiSubmitIntelligence(Request& request, const Principal& who) {
  auto decision = access::Decide(who.Subject(), access::Action::kSubmitIntelligence);
  if (!decision.allowed) {
    AuditRefusal(AuditEntry(who, request, "intelligence.submit", "intelligence", "", "refused", {},
                            decision.reason));
    return JsonError(
        Error{ErrorKind::kForbidden, "forbidden", "Your role does not submit intelligence.", {}});
  }
  if (!IsJson(request)) return JsonError(NotJson());
  auto input = ParseSubmissionJson(request.body);
  if (!input) return JsonError(input.error());
  auto report = DoSubmitIntelligence(who, request, *input, decision.purpose);
  if (!report) return JsonError(report.error());
  auto body = DetailJson(intelligence_, *report, IntelligenceView::kOwnSubmission);
  if (!body) return JsonError(body.error());
  Response res = Response::Json(201, body->dump());
  res.AddHeader("Location", "/api/v1/intelligence/" + report->id);
  return res;
}

Response IntelligenceHandlers::ApiListIntelligence(Request& request, const Principal& who) {
  std::string scope = request.query.Get("scope");
  if (scope.empty()) scope = "mine";
  if (scope != "mine" && scope != "queue") {
    return JsonError(Error{ErrorKind::kInvalid,
                           "validation_failed",
                           "Check the query.",
                           {{"scope", "Must be mine or queue"}}});
  }
  std::vector<intelligence::Report> reports;
  if (scope == "queue") {
    auto decision = access::Decide(who.Subject(), access::Action::kGradeIntelligence);
    if (!decision.allowed) {
      AuditRefusal(AuditEntry(who, request, "intelligence.queue", "agency", who.agency.id,
                              "refused", {}, decision.reason));
      return JsonError(Error{ErrorKind::kForbidden,
                             "forbidden",
                             "Only intelligence officers see the intelligence queue.",
                             {}});
    }
    auto waiting = intelligence_.Queue(who.agency.id, kListed);
    if (!waiting) return JsonError(waiting.error());
    reports = std::move(*waiting);
  } else {
    auto mine = intelligence_.BySubmitter(who.user.id, kListed);
    if (!mine) return JsonError(mine.error());
    reports = std::move(*mine);
  }
  if (!Audit(AuditEntry(who, request, "intelligence." + scope, "user", who.user.id, "allowed",
                        scope == "queue" ? "intelligence" : "own submission",
                        "api; " + std::to_string(reports.size()) + " reports"))) {
    return JsonError(kAuditUnavailable);
  }
  json list = json::array();
  for (const auto& r : reports) list.push_back(SummaryJson(r));
  return Response::Json(200, json{{"scope", scope}, {"reports", list}}.dump());
}

Response IntelligenceHandlers::ApiGetIntelligence(Request& request, const Principal& who) {
  auto found = FindReportFor(who, request, request.Param("id"));
  if (!found) return JsonError(found.error());
  auto body = DetailJson(intelligence_, found->report, found->view.view);
  if (!body) return JsonError(body.error());
  if (!Audit(PerChild(AuditEntry(who, request, "intelligence.view", "intelligence",
                                 found->report.id, "allowed", ReportPurpose(*found),
                                 "api; " + std::string(access::ToCode(found->view.view)) + "; " +
                                     found->view.reason),
                      found->children))) {
    return JsonError(kAuditUnavailable);
  }
  return Response::Json(200, body->dump());
}

Response IntelligenceHandlers::ApiGradeIntelligence(Request& request, const Principal& who) {
  auto found = FindReportFor(who, request, request.Param("id"));
  if (!found) return JsonError(found.error());
  if (!IsJson(request)) return JsonError(NotJson());
  auto input = ParseGradingJson(request.body);
  if (!input) return JsonError(input.error());
  auto graded = DoGradeIntelligence(who, request, *found, *input);
  if (!graded) return JsonError(graded.error());
  auto body = DetailJson(intelligence_, *graded, found->view.view);
  if (!body) return JsonError(body.error());
  return Response::Json(200, body->dump());
}

Response IntelligenceHandlers::ApiResolveIntelligenceSubject(Request& request,
                                                             const Principal& who) {
  auto found = FindHoldingReportFor(who, request, request.Param("id"), "matches subjects");
  if (!found) return JsonError(found.error());
  if (!IsJson(request)) return JsonError(NotJson());
  auto record = ParseResolveJson(request.body);
  if (!record) return JsonError(record.error());
  auto used = DoResolveSubject(who, request, *found, request.Param("subject"), *record);
  if (!used) return JsonError(used.error());
  return Response::Json(
      200, json{{"subject_id", request.Param("subject")}, {"record_id", *used}}.dump());
}

Response IntelligenceHandlers::ApiLinkIntelligenceSubjects(Request& request, const Principal& who) {
  auto found = FindHoldingReportFor(who, request, request.Param("id"), "links records");
  if (!found) return JsonError(found.error());
  if (!IsJson(request)) return JsonError(NotJson());
  auto link = ParseReportLinkJson(request.body);
  if (!link) return JsonError(link.error());
  auto linked = DoLinkSubjects(who, request, *found, link->from, link->to, link->link_type);
  if (!linked) return JsonError(linked.error());
  return Response::Json(201, json{{"link_id", *linked}, {"report_id", found->report.id}}.dump());
}

}  // namespace harbour::web
