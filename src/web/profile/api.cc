// The area picture on the API (issue 12; docs/api/openapi.yaml): the same tables as the page,
// through the same suppression, as JSON. A suppressed value is the string "c".
#include <nlohmann/json.hpp>

#include "profile/export.h"
#include "web/core/errors.h"
#include "web/profile/handlers.h"

namespace harbour::web {
namespace {

using nlohmann::json;

json Count(const std::optional<long>& count) {
  if (!count) return json(std::string(profile::CountText(count)));
  return json(*count);
}

json Percent(const std::optional<double>& percent, bool suppressed) {
  if (suppressed) return json(std::string(profile::CountText(std::nullopt)));
  if (!percent) return json(nullptr);
  return json(*percent);
}

json PeriodJson(const profile::Period& p) {
  return json{{"code", profile::PeriodCode(p)},
              {"label", profile::PeriodLabel(p)},
              {"first_day", FormatDate(p.first)},
              {"last_day", FormatDate(p.last)}};
}

json TableJson(const profile::ShownBreakdown& b) {
  json rows = json::array(), completeness = json::array();
  for (const auto& r : b.rows) {
    rows.push_back(
        json{{"code", r.code},
             {"label", r.label},
             {"count", Count(r.count)},
             {"percent", Percent(r.percent, r.percent_suppressed)},
             {"previous", Count(r.previous)},
             {"previous_percent", Percent(r.previous_percent, r.previous_percent_suppressed)},
             {"not_recorded", r.not_recorded}});
  }
  for (const auto& c : b.completeness) {
    completeness.push_back(json{{"agency_id", c.agency_id},
                                {"agency", c.agency},
                                {"counted", Count(c.counted)},
                                {"recorded", Count(c.recorded)},
                                {"percent", Percent(c.percent, !c.recorded || !c.counted)}});
  }
  return json{{"id", b.id},
              {"title", b.title},
              {"section", b.section},
              {"counting", b.counting},
              {"exclusive", b.exclusive},
              {"note", b.note},
              {"rows", rows},
              {"total", Count(b.total)},
              {"previous_total", Count(b.previous_total)},
              {"completeness", completeness}};
}

json Envelope(const ComputedProfile& c) {
  bool internal = c.query.release == profile::Release::kInternal;
  return json{{"period", PeriodJson(c.query.period)},
              {"previous_period", PeriodJson(c.previous)},
              {"filters", json{{"ward", c.query.filters.ward},
                               {"agency", c.query.filters.agency},
                               {"category", c.query.filters.category}}},
              {"release", internal ? "internal" : "published"},
              {"not_for_publication", internal},
              {"legend", json{{"c", std::string(profile::kSuppressionLegendShort)},
                              {"not_recorded", std::string(profile::kNotRecordedLabel)}}}};
}

json TrendJson(const std::vector<profile::MonthCount>& trend, profile::Release release) {
  json months = json::array();
  auto shown = [&](long n) {
    return Count(release == profile::Release::kInternal ? std::optional<long>(n)
                                                        : profile::PublishedCount(n));
  };
  for (const auto& m : trend) {
    months.push_back(json{{"month", m.month},
                          {"children", shown(m.children)},
                          {"referrals", shown(m.referrals)},
                          {"missing_episodes", shown(m.episodes)}});
  }
  return months;
}

Response Ok(const json& body) {
  return Response::Json(200, body.dump(-1, ' ', false, json::error_handler_t::replace));
}

}  // namespace

Response ProfileHandlers::RefuseApi(const Principal& who, const Request& request,
                                    const access::Decision& decision) {
  AuditRefusal(
      AuditEntry(who, request, "profile.view", "profile", "", "refused", {}, decision.reason));
  return JsonError(Fail(ErrorKind::kForbidden, "forbidden",
                        "Only analysts and coordinators see the problem profile.")
                       .error());
}

Response ProfileHandlers::ApiProfile(Request& request, const Principal& who) {
  auto decision = access::Decide(who.Subject(), access::Action::kViewProfile);
  if (!decision.allowed) return RefuseApi(who, request, decision);
  auto computed = ComputeRequest(request.query, who);
  if (!computed) return JsonError(computed.error());
  if (!Audit(AuditEntry(who, request, "profile.view", "profile", computed->PeriodCode(), "allowed",
                        decision.purpose, "api; " + computed->Described()))) {
    return JsonError(kAuditUnavailable);
  }
  json body = Envelope(*computed);
  json tables = json::array();
  for (const auto& b : computed->shown) tables.push_back(TableJson(b));
  body["tables"] = std::move(tables);
  body["trend"] = TrendJson(computed->trend, computed->query.release);
  body["monitoring"] = MonitoringJson(computed->monitoring);
  return Ok(body);
}

Response ProfileHandlers::ApiTable(Request& request, const Principal& who) {
  auto decision = access::Decide(who.Subject(), access::Action::kViewProfile);
  if (!decision.allowed) return RefuseApi(who, request, decision);
  auto computed = ComputeRequest(request.query, who);
  if (!computed) return JsonError(computed.error());
  std::string id = request.Param("table");
  const profile::ShownBreakdown* table = nullptr;
  for (const auto& b : computed->shown) {
    if (b.id == id) table = &b;
  }
  if (table == nullptr)
    return JsonError(NotFound("There is no such table in the profile.").error());
  if (!Audit(AuditEntry(who, request, "profile.view", "profile", computed->PeriodCode(), "allowed",
                        decision.purpose, "api table " + id + "; " + computed->Described()))) {
    return JsonError(kAuditUnavailable);
  }
  json body = Envelope(*computed);
  body["table"] = TableJson(*table);
  return Ok(body);
}

}  // namespace harbour::web
