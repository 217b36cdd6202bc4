#include "web/disruption/disruption.h"

#include "web/disruption/handlers.h"

namespace harbour::web {

DisruptionArea::DisruptionArea(const Core& core, int reminder_days)
    : handlers_(std::make_unique<DisruptionHandlers>(core, reminder_days)) {}

DisruptionArea::~DisruptionArea() = default;

void DisruptionArea::Register(Routes& routes) {
  auto* h = handlers_.get();
  routes.Page(Method::kGet, "/disruption", h, &DisruptionHandlers::DisruptionList);
  routes.Page(Method::kPost, "/disruption", h, &DisruptionHandlers::RecordDisruption);
  routes.Page(Method::kGet, "/disruption/new", h, &DisruptionHandlers::NewDisruptionForm);
  routes.Page(Method::kGet, "/disruption/{id}", h, &DisruptionHandlers::ViewDisruption);
  routes.Page(Method::kGet, "/business-visits", h, &DisruptionHandlers::BusinessVisits);
  routes.Page(Method::kPost, "/business-visits", h, &DisruptionHandlers::RecordBusinessVisit);
  routes.Page(Method::kGet, "/business-visits/new", h, &DisruptionHandlers::NewBusinessVisitForm);
  routes.Api(Method::kGet, "/api/v1/disruption", h, &DisruptionHandlers::ApiListDisruption);
  routes.Api(Method::kPost, "/api/v1/disruption", h, &DisruptionHandlers::ApiRecordDisruption);
  routes.Api(Method::kGet, "/api/v1/disruption/expiring", h,
             &DisruptionHandlers::ApiExpiringDisruption);
  routes.Api(Method::kGet, "/api/v1/disruption/{id}", h, &DisruptionHandlers::ApiGetDisruption);
  routes.Api(Method::kGet, "/api/v1/business-visits", h,
             &DisruptionHandlers::ApiListBusinessVisits);
  routes.Api(Method::kPost, "/api/v1/business-visits", h,
             &DisruptionHandlers::ApiRecordBusinessVisit);
  routes.Api(Method::kGet, "/api/v1/business-visits/not-visited", h,
             &DisruptionHandlers::ApiNotVisited);
}

Result<mstch::array> DisruptionArea::DisruptionEntries(disruption::SubjectType type,
                                                       std::string_view id) const {
  return handlers_->DisruptionEntries(type, id);
}

}  // namespace harbour::web
