#include "web/concerns/concerns.h"

#include <utility>

#include "web/concerns/handlers.h"

namespace harbour::web {

ConcernsArea::ConcernsArea(const Core& core, const reference::Catalogue& catalogue,
                           std::vector<ChronologySource> sources)
    : handlers_(std::make_unique<ConcernsHandlers>(core, catalogue, std::move(sources))) {}

ConcernsArea::~ConcernsArea() = default;

void ConcernsArea::Register(Routes& routes) {
  auto* h = handlers_.get();
  routes.Page(Method::kGet, "/children/{id}/concerns/new", h, &ConcernsHandlers::NewConcernForm);
  routes.Page(Method::kPost, "/children/{id}/concerns", h, &ConcernsHandlers::CreateConcern);
  routes.Page(Method::kPost, "/children/{id}/concerns/{concern_id}/addenda", h,
              &ConcernsHandlers::CreateAddendum);
  routes.Page(Method::kGet, "/children/{id}/chronology", h, &ConcernsHandlers::Chronology);
  routes.Api(Method::kPost, "/api/v1/children/{id}/concerns", h,
             &ConcernsHandlers::ApiCreateConcern);
  routes.Api(Method::kGet, "/api/v1/children/{id}/chronology", h, &ConcernsHandlers::ApiChronology);
}

}  // namespace harbour::web
