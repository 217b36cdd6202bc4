#pragma once
// Appends to and reads the hash-chained audit trail (audit/chain.h). Append is serialised:
// SQLite by its single writer, PostgreSQL by a table lock held to the end of the transaction.
#include <cstdint>
#include <optional>
#include <vector>

#include "audit/chain.h"
#include "common/error.h"
#include "storage/database.h"

namespace harbour::storage {

class AuditRepository {
 public:
  explicit AuditRepository(Database& db) : db_(db) {}

  // Seals `entry` after the current last entry and inserts it inside `tx`, so that the audit
  // entry commits or rolls back with the change it records.
  void AppendIn(Transaction& tx, audit::Entry entry);
  // Its own transaction (for reads and refusals, which change nothing else).
  Result<void> Append(audit::Entry entry);

  // Entries with seq > after, in seq order, at most `limit`.
  Result<std::vector<audit::Entry>> ReadAfter(std::int64_t after, int limit);
  // Newest first, optionally only for one record.
  Result<std::vector<audit::Entry>> Recent(int limit, std::string_view record_type = {},
                                           std::string_view record_id = {});
  // Verifies the whole chain in batches; nullopt when intact.
  Result<std::optional<audit::Break>> VerifyAll(std::int64_t* checked = nullptr);

 private:
  Database& db_;
};

}  // namespace harbour::storage
