// Pseudonymised rows for analysts (issue 12; docs/profile.md "Pseudonymised rows"): one row per
// child identified in the period, codes only, each child named by a pseudonym stable within the
// analyst's project (profile/pseudonym.h). As CSV (/profile/rows.csv) and JSON
// (/api/v1/profile/rows). Audited with the project, the period and the number of rows.
#include <nlohmann/json.hpp>

#include "common/csv.h"
#include "profile/pseudonym.h"
#include "web/core/errors.h"
#include "web/profile/handlers.h"

namespace harbour::web {

Result<ProfileRows> ProfileHandlers::Rows(const Request& request, const FormData& input,
                                          const Principal& who) {
  auto project = profile::ValidateProject(input.Get("project"));
  auto labels = ReadLabels();
  if (!labels) return std::unexpected(labels.error());
  auto query = ParseQuery(input, *labels, who);
  if (!project || !query) {
    std::map<std::string, std::string> bad;
    if (!project) bad.insert(project.error().fields.begin(), project.error().fields.end());
    if (!query) bad.insert(query.error().fields.begin(), query.error().fields.end());
    return Invalid(std::move(bad));
  }
  auto key = profile_.PseudonymKey();
  if (!key) return std::unexpected(key.error());
  auto facts = store_.Facts(query->period);
  if (!facts) return std::unexpected(facts.error());
  auto children = profile::Filtered(*facts, query->filters).children;
  ProfileRows rows{
      .project = *project,
      .query = *query,
      .header = profile::PseudonymisedHeader(),
      .rows = profile::PseudonymisedRows(children, *labels, *key, who.user.id, *project)};
  if (!Audit(AuditEntry(who, request, "profile.rows", "profile", profile::PeriodCode(query->period),
                        "allowed",
                        access::Decide(who.Subject(), access::Action::kExportProfile).purpose,
                        "project " + *project + "; " + std::to_string(rows.rows.size()) +
                            " rows; " + profile::DescribeQuery(*query, *labels)))) {
    return std::unexpected(kAuditUnavailable);
  }
  return rows;
}

Response ProfileHandlers::ExportRows(Request& request, const Principal& who) {
  auto decision = access::Decide(who.Subject(), access::Action::kExportProfile);
  if (!decision.allowed) {
    return Refuse(who, request, decision, access::Action::kExportProfile,
                  "Only analysts and coordinators export the problem profile.");
  }
  auto rows = Rows(request, request.query, who);
  if (!rows && rows.error().kind == ErrorKind::kInvalid) {
    auto labels = ReadLabels();
    if (!labels) return ErrorPage(&who, request, labels.error());
    bool internal = access::Decide(who.Subject(), access::Action::kViewInternalProfile).allowed;
    return ProfileFormPage(who, request, *labels, nullptr, &rows.error(), internal);
  }
  if (!rows) return ErrorPage(&who, request, rows.error());
  std::string csv(kCsvByteOrderMark);
  csv += CsvRow(rows->header);
  for (const auto& row : rows->rows) csv += CsvRow(row);
  Response res;
  res.content_type = "text/csv; charset=utf-8";
  res.body = std::move(csv);
  res.AddHeader("Content-Disposition", "attachment; filename=\"harbour-rows-" +
                                           profile::PeriodCode(rows->query.period) + ".csv\"");
  return res;
}

Response ProfileHandlers::ApiRows(Request& request, const Principal& who) {
  auto decision = access::Decide(who.Subject(), access::Action::kExportProfile);
  if (!decision.allowed) {
    AuditRefusal(
        AuditEntry(who, request, "profile.rows", "profile", "", "refused", {}, decision.reason));
    return JsonError(Fail(ErrorKind::kForbidden, "forbidden",
                          "Only analysts and coordinators export the problem profile.")
                         .error());
  }
  auto rows = Rows(request, request.query, who);
  if (!rows) return JsonError(rows.error());
  nlohmann::json list = nlohmann::json::array();
  for (const auto& row : rows->rows) {
    nlohmann::json item;
    for (std::size_t i = 0; i < rows->header.size() && i < row.size(); ++i) {
      item[rows->header[i]] = row[i];
    }
    list.push_back(std::move(item));
  }
  nlohmann::json body = {{"project", rows->project},
                         {"period", profile::PeriodCode(rows->query.period)},
                         {"rows", list}};
  return Response::Json(200, body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

}  // namespace harbour::web
