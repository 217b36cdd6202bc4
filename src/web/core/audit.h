#pragma once
// Audit entries for web requests (DESIGN.md §2): who, role, agency, action, record, purpose,
// outcome, request id and the child the entry is about, appended to the hash-chained trail.
// Thread-safe: appends lease their own database session.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

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

  // An entry for `who`'s request, stamped now. Its child is the record itself when the record
  // is a child, else the one child the request was authorised for
  // (Request::authorised_child); an entry about another child names it with AboutChild.
  audit::Entry Entry(const Principal& who, const Request& request, std::string_view action,
                     std::string_view record_type, std::string_view record_id,
                     std::string_view outcome, std::string_view purpose = {},
                     std::string_view detail = {}) const;
  // Appends `entry` in its own transaction. False (and logged, naming the action and the user)
  // when it cannot: the audit gates what is shown and what is changed, so the caller then shows
  // no personal data and changes nothing (kAuditUnavailable, 503).
  [[nodiscard]] bool Record(audit::Entry entry);
  // Appends `entries` (in order) in one transaction; false as above.
  [[nodiscard]] bool Record(std::vector<audit::Entry> entries);
  // The entry of a request being refused. A refusal shows nothing and changes nothing, so it
  // stands (403, 404, or the form's own message) whether or not the entry is appended; a failed
  // append is logged as above for the operator.
  void RecordRefusal(audit::Entry entry) { static_cast<void>(Record(std::move(entry))); }
  void RecordRefusal(std::vector<audit::Entry> entries) {
    static_cast<void>(Record(std::move(entries)));
  }
  // Stages `entry` in `tx`, so that it commits or rolls back with the change it records.
  void RecordIn(storage::Transaction& tx, audit::Entry entry);
  void RecordIn(storage::Transaction& tx, std::vector<audit::Entry> entries);

 private:
  storage::AuditRepository& trail_;
  const Clock& clock_;
};

// `entry` naming `child_id` as the child it is about (for a child the request was not authorised
// through: a referral's, a panel item's, a task's). An empty id leaves the entry as it is.
audit::Entry AboutChild(audit::Entry entry, std::string_view child_id);

// An action about several children (an intelligence report naming two, the minutes of a
// meeting with five on its agenda) is recorded once per child, so that the trail of each child
// shows it: one copy of `entry` naming each of `child_ids` (duplicates and empty ids skipped),
// or `entry` alone when none is left.
std::vector<audit::Entry> PerChild(audit::Entry entry, const std::vector<std::string>& child_ids);

}  // namespace harbour::web
