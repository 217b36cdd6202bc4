#pragma once
// Appends to and reads the hash-chained audit trail (audit/chain.h). Append is serialised:
// SQLite by its single writer, PostgreSQL by a table lock held to the end of the transaction.
#include <cstdint>
#include <optional>
#include <vector>

#include "audit/chain.h"
#include "audit/filter.h"
#include "common/error.h"
#include "storage/database.h"

namespace harbour::storage {

// An entry as the auditor reads it: the sealed entry, and for an entry sealed before entries
// named their child (migration 10), the child inferred from what it names (outside the hash).
struct ListedEntry {
  audit::Entry entry;
  std::string inferred_child_id;
};

struct TrailPage {
  std::vector<ListedEntry> entries;  // newest first
  bool has_newer = false;            // there is a previous (newer) page
  bool has_older = false;            // there is a next (older) page
};

class AuditRepository {
 public:
  explicit AuditRepository(Database& db) : db_(db) {}

  // Seals `entry` after the current last entry and inserts it inside `tx`, so that the audit
  // entry commits or rolls back with the change it records.
  void AppendIn(Transaction& tx, audit::Entry entry);
  // Its own transaction (for reads and refusals, which change nothing else).
  Result<void> Append(audit::Entry entry);
  // Every entry in order, in one transaction.
  Result<void> Append(std::vector<audit::Entry> entries);

  // Entries with seq > after, in seq order, at most `limit`.
  Result<std::vector<audit::Entry>> ReadAfter(std::int64_t after, int limit);
  // Newest first.
  Result<std::vector<audit::Entry>> Recent(int limit);
  // One page of at most `page_size` entries matching `filter`, newest first: the newest, or
  // those older than `cursor.before`, or those just newer than `cursor.after` (a newer page
  // that would not be full is the newest page). A child matches through child_id or
  // inferred_child_id. Every condition is on an indexed column (migration 10).
  Result<TrailPage> Page(const audit::Filter& filter, const audit::PageCursor& cursor,
                         int page_size);
  // The newest `limit` entries matching `filter`, newest first (the export). `more` (when
  // given) says whether older ones matched too.
  Result<std::vector<ListedEntry>> Matching(const audit::Filter& filter, int limit,
                                            bool* more = nullptr);
  // Verifies the whole chain in batches; nullopt when intact.
  Result<std::optional<audit::Break>> VerifyAll(std::int64_t* checked = nullptr);

 private:
  Database& db_;
};

}  // namespace harbour::storage
