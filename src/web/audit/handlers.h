#pragma once
// The audit trail for auditors: who saw and changed what, filtered and exported. The handlers
// behind web/audit/audit.h; included only inside web/audit/.
#include <string_view>

#include "audit/filter.h"
#include "storage/audit_repository.h"
#include "web/core/handlers.h"

namespace harbour::web {

class AuditHandlers : public AreaHandlers {
 public:
  // Entries on one page of the trail, and at most in one export (newest first).
  static constexpr int kPageSize = 50;
  static constexpr int kExportLimit = 50000;
  static constexpr std::string_view kExportLimitText = "50,000";  // as the page says it

  AuditHandlers(const Core& core) : AreaHandlers(core) {}

  // GET /audit: the filter form and one page of entries (auditors only; audited).
  Response AuditTrail(Request& request, const Principal& who);
  // GET /audit.csv: the entries the same filter matches, as CSV (auditors only; audited as
  // "audit.export" with the filter, refusals too).
  Response ExportTrail(Request& request, const Principal& who);

 private:
  // The page for `query`, or with `problems` (422, what was typed kept) and no entries.
  Response TrailPage(const Principal& who, const Request& request, std::string_view purpose,
                     const audit::Query* query, const Error* problems);

  storage::AuditRepository audit_{db_};
};

}  // namespace harbour::web
