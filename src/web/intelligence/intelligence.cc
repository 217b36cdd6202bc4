#include "web/intelligence/intelligence.h"

#include <utility>

#include "web/intelligence/handlers.h"

namespace harbour::web {

IntelligenceArea::IntelligenceArea(const Core& core, const RecordsArea& records,
                                   std::string unit_code)
    : handlers_(std::make_unique<IntelligenceHandlers>(core, records, std::move(unit_code))) {}

IntelligenceArea::~IntelligenceArea() = default;

void IntelligenceArea::Register(Routes& routes) {
  auto* h = handlers_.get();
  routes.Page(Method::kGet, "/intelligence/new", h, &IntelligenceHandlers::NewIntelligenceForm);
  routes.Page(Method::kPost, "/intelligence", h, &IntelligenceHandlers::SubmitIntelligence);
  routes.Page(Method::kGet, "/my/intelligence", h, &IntelligenceHandlers::MyIntelligence);
  routes.Page(Method::kGet, "/intelligence/queue", h, &IntelligenceHandlers::IntelligenceQueue);
  routes.Page(Method::kGet, "/intelligence/reports/{id}", h,
              &IntelligenceHandlers::ViewIntelligenceReport);
  routes.Page(Method::kPost, "/intelligence/reports/{id}/grade", h,
              &IntelligenceHandlers::GradeIntelligence);
  routes.Page(Method::kPost, "/intelligence/reports/{id}/subjects/{subject}/use", h,
              &IntelligenceHandlers::UseRecordForSubject);
  routes.Page(Method::kPost, "/intelligence/reports/{id}/subjects/{subject}/create", h,
              &IntelligenceHandlers::CreateRecordForSubject);
  routes.Page(Method::kPost, "/intelligence/reports/{id}/links", h,
              &IntelligenceHandlers::LinkReportSubjects);
  routes.Api(Method::kPost, "/api/v1/intelligence", h,
             &IntelligenceHandlers::ApiSubmitIntelligence);
  routes.Api(Method::kGet, "/api/v1/intelligence", h, &IntelligenceHandlers::ApiListIntelligence);
  routes.Api(Method::kGet, "/api/v1/intelligence/{id}", h,
             &IntelligenceHandlers::ApiGetIntelligence);
  routes.Api(Method::kPost, "/api/v1/intelligence/{id}/grade", h,
             &IntelligenceHandlers::ApiGradeIntelligence);
  routes.Api(Method::kPost, "/api/v1/intelligence/{id}/subjects/{subject}/resolve", h,
             &IntelligenceHandlers::ApiResolveIntelligenceSubject);
  routes.Api(Method::kPost, "/api/v1/intelligence/{id}/links", h,
             &IntelligenceHandlers::ApiLinkIntelligenceSubjects);
}

}  // namespace harbour::web
