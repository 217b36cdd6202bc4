#pragma once
// The register of published board reports (issue 12; migration 0014): each entry written once,
// in the publisher's transaction, and never changed. Thread-safe (each call leases its own
// session).
#include <optional>
#include <string>
#include <vector>

#include "common/error.h"
#include "common/time.h"
#include "storage/database.h"

namespace harbour::storage {

struct BoardReportRecord {
  std::string id;
  std::string period_code;  // profile::PeriodCode
  Date period_first{};
  Date period_last{};
  Instant published_at{};
  std::string published_by;  // user id
  std::string published_by_name;
  std::string agency_name;
  std::string checked_against;  // the entry it was suppressed against, or ""
  std::string tables;           // profile::EarlierReleaseJson of its published cells
  std::string pdf;              // the document's bytes; empty in List()
  std::string pdf_sha256;       // hex
};

class BoardReportsRepository {
 public:
  explicit BoardReportsRepository(Database& db) : db_(db) {}

  // Writes `report` (its pdf as bytes; stored as base64). A second report for the same period
  // is a unique violation, kConflict through the caller's Write.
  void InsertIn(Transaction& tx, const BoardReportRecord& report);
  // Every entry, newest period first, without the document's bytes.
  Result<std::vector<BoardReportRecord>> List();
  // The same inside the publisher's transaction, with the register locked against another
  // publication until it commits (PostgreSQL: LOCK TABLE ... IN EXCLUSIVE MODE; SQLite's
  // transactions already write one at a time), so that the rules checked on it still hold when
  // the new entry is written.
  std::vector<BoardReportRecord> ListLockedIn(Transaction& tx);
  // One entry with its document; nullopt when there is none. kInternal ("register_corrupt")
  // when the stored document is not base64 or no longer has its SHA-256.
  Result<std::optional<BoardReportRecord>> Find(const std::string& id);

 private:
  Database& db_;
};

}  // namespace harbour::storage
