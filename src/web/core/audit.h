#pragma once
// Audit entries for web requests (DESIGN.md §2): who, role, agency, action, record, purpose,
// outcome and request id, appended to the hash-chained trail. Thread-safe: appends lease their
// own database session.
#include <string_view>

#include "audit/chain.h"
#include "common/time.h"
#include "web/core/http.h"
#include "web/core/principal.h"

namespace harbour::storage {
class AuditRepository;
class Transaction;
}  // namespace harbour::storage

namespace harbour::web {

class Auditor {
 public:
  // `trail` and `clock` must outlive the auditor.
  Auditor(storage::AuditRepository& trail, const Clock& clock) : trail_(trail), clock_(clock) {}

  // An entry for `who`'s request, stamped now.
  audit::Entry Entry(const Principal& who, const Request& request, std::string_view action,
                     std::string_view record_type, std::string_view record_id,
                     std::string_view outcome, std::string_view purpose = {},
                     std::string_view detail = {}) const;
  // Appends `entry` in its own transaction. False (and logged) when it cannot: the caller then
  // shows no personal data and changes nothing (kAuditUnavailable, 503).
  [[nodiscard]] bool Record(audit::Entry entry);
  // Stages `entry` in `tx`, so that it commits or rolls back with the change it records.
  void RecordIn(storage::Transaction& tx, audit::Entry entry);

 private:
  storage::AuditRepository& trail_;
  const Clock& clock_;
};

}  // namespace harbour::web
