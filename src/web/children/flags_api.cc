// Warning flags on a child's record in the JSON API (issue 4; docs/api/openapi.yaml, tag
// "flags"): every flag of a child, ended ones included, for whoever may open the child; adding
// and ending one for the exploitation coordinator. The same verbs, access rules and audit as the
// child's page (DoAddFlag, DoEndFlag in children_handlers.cc); request bodies are parsed by
// web/parse/flag_json.h.
#include <map>
#include <nlohmann/json.hpp>

#include "web/children/flag_json.h"
#include "web/children/flag_view.h"
#include "web/children/handlers.h"
#include "web/core/errors.h"

namespace harbour::web {

using nlohmann::json;

json FlagJson(const children::Flag& f, Date today) {
  return json{
      {"id", f.id},
      {"child_id", f.child_id},
      {"kind", children::ToCode(f.kind)},
      {"label", children::Label(f.kind)},
      {"start_date", FormatDate(f.start)},
      {"end_date", f.end ? json(FormatDate(*f.end)) : json(nullptr)},
      {"panel_reference", f.panel_reference},
      {"active", children::IsActive(f, today)},
      {"added_at", FormatRfc3339(f.added_at)},
  };
}

namespace {

// The domain names its fields after the form ("start", "end"); the API's body calls them
// "start_date" and "end_date".
Error InBodyTerms(Error error) {
  static const std::map<std::string, std::string> kRenamed = {{"start", "start_date"},
                                                              {"end", "end_date"}};
  std::map<std::string, std::string> fields;
  for (auto& [field, message] : error.fields) {
    auto it = kRenamed.find(field);
    fields[it == kRenamed.end() ? field : it->second] = std::move(message);
  }
  error.fields = std::move(fields);
  return error;
}

}  // namespace

Response ChildrenHandlers::ApiListFlags(Request& request, const Principal& who) {
  access::Decision decision;
  auto child =
      AuthoriseChild(who, request, request.Param("id"), access::Action::kViewChild, &decision);
  if (!child) return JsonError(child.error());
  auto flags = flags_.ForChild(child->id);
  if (!flags) return JsonError(flags.error());
  if (!Audit(AuditEntry(who, request, "flag.list", "child", child->id, "allowed", decision.purpose,
                        "api; " + std::to_string(flags->size()) + " flags"))) {
    return JsonError(kAuditUnavailable);
  }
  Date today = LondonDate(clock_.Now());
  json out = json::array();
  for (const auto& f : *flags) out.push_back(FlagJson(f, today));
  return Response::Json(200, json{{"child_id", child->id}, {"flags", out}}.dump());
}

Response ChildrenHandlers::ApiAddFlag(Request& request, const Principal& who) {
  access::Decision decision;
  auto child =
      AuthoriseChild(who, request, request.Param("id"), access::Action::kManageFlags, &decision);
  if (!child) return JsonError(child.error());
  if (!IsJson(request)) return JsonError(NotJson());
  auto input = ParseFlagJson(request.body);
  if (!input) return JsonError(input.error());
  auto flag = DoAddFlag(who, request, *child, *input, decision.purpose);
  if (!flag) return JsonError(InBodyTerms(flag.error()));
  return Response::Json(201, FlagJson(*flag, LondonDate(clock_.Now())).dump());
}

Response ChildrenHandlers::ApiEndFlag(Request& request, const Principal& who) {
  access::Decision decision;
  auto child =
      AuthoriseChild(who, request, request.Param("id"), access::Action::kManageFlags, &decision);
  if (!child) return JsonError(child.error());
  if (!IsJson(request)) return JsonError(NotJson());
  auto end = ParseFlagEndJson(request.body);
  if (!end) return JsonError(end.error());
  auto ended = DoEndFlag(who, request, *child, request.Param("flag_id"), *end, decision.purpose);
  if (!ended) return JsonError(InBodyTerms(ended.error()));
  return Response::Json(200, FlagJson(*ended, LondonDate(clock_.Now())).dump());
}

}  // namespace harbour::web
