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
  bool may_see_internal =
      access::Decide(who.Subject(), access::Action::kViewInternalProfile).allowed;
  auto labels = ReadLabels();
  if (!labels) return ErrorPage(&who, request, labels.error());
  auto query = ParseQuery(request.query, *labels, who);
  if (!query) {
    return ProfileFormPage(who, request, *labels, nullptr, &query.error(), may_see_internal);
  }
  auto computed = Compute(*query, *labels);
  if (!computed) return ErrorPage(&who, request, computed.error());
  auto xlsx = ProfileXlsx(ExportHeaderOf(*computed, clock_.Now()), computed->shown, computed->trend,
                          computed->monitoring);
  if (!xlsx) return ErrorPage(&who, request, xlsx.error());
  if (!Audit(AuditEntry(who, request, "profile.export", "profile",
                        profile::PeriodCode(query->period), "allowed", decision.purpose,
                        "xlsx; " + profile::DescribeQuery(*query, *labels)))) {
    return ErrorPage(&who, request, kAuditUnavailable);
  }
  Response res;
  res.status = 200;
  res.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  res.body = std::move(*xlsx);
  res.AddHeader("Content-Disposition",
                "attachment; filename=\"harbour-profile-" + profile::PeriodCode(query->period) +
                    (query->release == profile::Release::kInternal ? "-not-for-publication" : "") +
                    ".xlsx\"");
  return res;
}

}  // namespace harbour::web
