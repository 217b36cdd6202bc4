#include "web/core/audit.h"

#include <spdlog/spdlog.h>

#include "storage/audit_repository.h"

namespace harbour::web {

audit::Entry Auditor::Entry(const Principal& who, const Request& request, std::string_view action,
                            std::string_view record_type, std::string_view record_id,
                            std::string_view outcome, std::string_view purpose,
                            std::string_view detail) const {
  audit::Entry e;
  e.at = clock_.Now();
  e.user_id = who.user.id;
  e.username = who.user.username;
  e.role = std::string(access::ToCode(who.user.role));
  e.agency = who.agency.code;
  e.action = std::string(action);
  e.record_type = std::string(record_type);
  e.record_id = std::string(record_id);
  e.outcome = std::string(outcome);
  e.purpose = std::string(purpose);
  e.detail = std::string(detail);
  e.request_id = request.request_id;
  return e;
}

bool Auditor::Record(audit::Entry entry) {
  auto done = trail_.Append(std::move(entry));
  if (!done) spdlog::error("audit append failed: {}", done.error().message);
  return done.has_value();
}

void Auditor::RecordIn(storage::Transaction& tx, audit::Entry entry) {
  trail_.AppendIn(tx, std::move(entry));
}

}  // namespace harbour::web
