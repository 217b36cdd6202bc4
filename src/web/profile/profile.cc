#include "web/profile/profile.h"

#include "web/profile/handlers.h"

namespace harbour::web {

ProfileArea::ProfileArea(const Core& core, const reference::Catalogue& catalogue,
                         const WorkingCalendar& calendar, storage::ToolLibrary& tools,
                         std::shared_ptr<const PdfFonts> pdf_fonts, RegionalOptions regional)
    : handlers_(std::make_unique<ProfileHandlers>(core, catalogue, calendar, tools,
                                                  std::move(pdf_fonts), std::move(regional))) {}

ProfileArea::~ProfileArea() = default;

void ProfileArea::Register(Routes& routes) {
  auto* h = handlers_.get();
  routes.Page(Method::kGet, "/profile", h, &ProfileHandlers::ProfilePage);
  routes.Page(Method::kGet, "/profile/export.csv", h, &ProfileHandlers::ExportCsv);
  routes.Page(Method::kGet, "/profile/export.xlsx", h, &ProfileHandlers::ExportXlsx);
  routes.Page(Method::kGet, "/profile/report.pdf", h, &ProfileHandlers::ReportPdf);
  routes.Page(Method::kGet, "/profile/reports", h, &ProfileHandlers::BoardReports);
  routes.Page(Method::kPost, "/profile/reports", h, &ProfileHandlers::PublishBoardReport);
  routes.Page(Method::kGet, "/profile/reports/{id}/report.pdf", h,
              &ProfileHandlers::BoardReportDownload);
  routes.Page(Method::kGet, "/profile/rows.csv", h, &ProfileHandlers::ExportRows);
  routes.Page(Method::kGet, "/profile/children", h, &ProfileHandlers::DrillDownForm);
  routes.Page(Method::kPost, "/profile/children", h, &ProfileHandlers::DrillDown);
  routes.Page(Method::kGet, "/profile/regional", h, &ProfileHandlers::RegionalForm);
  routes.Page(Method::kPost, "/profile/regional", h, &ProfileHandlers::CombineReturns);
  routes.Api(Method::kGet, "/api/v1/profile", h, &ProfileHandlers::ApiProfile);
  routes.Api(Method::kGet, "/api/v1/profile/tables/{table}", h, &ProfileHandlers::ApiTable);
  routes.Api(Method::kGet, "/api/v1/profile/rows", h, &ProfileHandlers::ApiRows);
}

}  // namespace harbour::web
