#include "web/core/audit.h"

#include <spdlog/spdlog.h>

#include <set>

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
  e.child_id = record_type == "child" && !record_id.empty()
                   ? std::string(record_id)
                   : std::string(request.authorised_child.Id());
  return e;
}

bool Auditor::Record(audit::Entry entry) {
  std::string what = entry.action + " " + entry.outcome + " for user " + entry.user_id;
  auto done = trail_.Append(std::move(entry));
  if (!done) spdlog::error("audit append failed ({}): {}", what, done.error().message);
  return done.has_value();
}

bool Auditor::Record(std::vector<audit::Entry> entries) {
  std::string what = entries.empty() ? std::string("no entries")
                                     : entries.front().action + " " + entries.front().outcome +
                                           " for user " + entries.front().user_id;
  auto done = trail_.Append(std::move(entries));
  if (!done) spdlog::error("audit append failed ({}): {}", what, done.error().message);
  return done.has_value();
}

void Auditor::RecordIn(storage::Transaction& tx, audit::Entry entry) {
  trail_.AppendIn(tx, std::move(entry));
}

void Auditor::RecordIn(storage::Transaction& tx, std::vector<audit::Entry> entries) {
  for (auto& entry : entries) trail_.AppendIn(tx, std::move(entry));
}

audit::Entry AboutChild(audit::Entry entry, std::string_view child_id) {
  if (!child_id.empty()) entry.child_id = std::string(child_id);
  return entry;
}

std::vector<audit::Entry> PerChild(audit::Entry entry, const std::vector<std::string>& child_ids) {
  std::vector<audit::Entry> out;
  std::set<std::string_view> seen;
  for (const std::string& id : child_ids) {
    if (id.empty() || !seen.insert(id).second) continue;
    out.push_back(AboutChild(entry, id));
  }
  if (out.empty()) out.push_back(std::move(entry));
  return out;
}

}  // namespace harbour::web
