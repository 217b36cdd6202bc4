#pragma once
// The audit trail for auditors: who saw and changed what, filtered and exported. The handlers
// behind web/audit/audit.h; included only inside web/audit/.

#include "storage/audit_repository.h"
#include "web/core/handlers.h"

namespace harbour::web {

class AuditHandlers : public AreaHandlers {
 public:
  AuditHandlers(const Core& core) : AreaHandlers(core) {}

  Response AuditTrail(Request& request, const Principal& who);

 private:
  storage::AuditRepository audit_{db_};
};

}  // namespace harbour::web
