#include "web/audit/audit.h"

#include "web/audit/handlers.h"

namespace harbour::web {

AuditArea::AuditArea(const Core& core) : handlers_(std::make_unique<AuditHandlers>(core)) {}

AuditArea::~AuditArea() = default;

void AuditArea::Register(Routes& routes) {
  auto* h = handlers_.get();
  routes.Page(Method::kGet, "/audit", h, &AuditHandlers::AuditTrail);
  routes.Page(Method::kGet, "/audit.csv", h, &AuditHandlers::ExportTrail);
}

}  // namespace harbour::web
