#pragma once
// The audit trail for auditors: who saw and changed what, filtered and exported.
#include <memory>

#include "web/core/handlers.h"
#include "web/core/routes.h"

namespace harbour::web {

class AuditHandlers;

class AuditArea {
 public:
  // Everything given must outlive the area and the router it registers on.
  AuditArea(const Core& core);
  ~AuditArea();
  AuditArea(const AuditArea&) = delete;
  AuditArea& operator=(const AuditArea&) = delete;

  void Register(Routes& routes);

 private:
  std::unique_ptr<AuditHandlers> handlers_;
};

}  // namespace harbour::web
