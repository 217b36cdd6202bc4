// The profile's XLSX export (issue 12): the same query, access check and audit as the CSV
// export (pages.cc), the workbook made by web/profile/xlsx.h.
#include "profile/export.h"
#include "web/core/errors.h"
#include "web/profile/handlers.h"
#include "web/profile/xlsx.h"

namespace harbour::web {

Response ProfileHandlers::ExportXlsx(Request& request, const Principal& who) {
  auto decision = access::Decide(who.Subject(), access::Action::kExportProfile);
  if (!decision.allowed) {
    return Refuse(who, request, decision, access::Action::kExportProfile,
                  "Only analysts and coordinators export the problem profile.");
  }
  auto computed = ComputeRequest(request.query, who);
  if (!computed) return ProblemPage(who, request, computed.error());
  auto one = KeepOneTable(request.query, *computed);
  if (!one) return ProblemPage(who, request, one.error());
  auto xlsx = ProfileXlsx(ExportHeaderOf(*computed, clock_.Now()), computed->shown, computed->trend,
                          computed->monitoring);
  if (!xlsx) return ErrorPage(&who, request, xlsx.error());
  if (!Audit(AuditEntry(who, request, "profile.export", "profile", computed->PeriodCode(),
                        "allowed", decision.purpose,
                        "xlsx; " + computed->TablePart() + computed->Described()))) {
    return ErrorPage(&who, request, kAuditUnavailable);
  }
  Response res;
  res.status = 200;
  res.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  res.body = std::move(*xlsx);
  res.AddHeader("Content-Disposition",
                "attachment; filename=\"" + computed->FileName("xlsx") + "\"");
  return res;
}

}  // namespace harbour::web
