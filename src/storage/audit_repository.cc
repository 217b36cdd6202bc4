#include "storage/audit_repository.h"

namespace harbour::storage {

namespace {

constexpr const char* kColumns =
    "seq, at, user_id, username, role, agency, action, record_type, record_id, purpose, "
    "outcome, detail, request_id, prev_hash, hash";

audit::Entry FromRow(const soci::row& row) {
  audit::Entry e;
  e.seq = GetInt(row, 0);
  e.at = GetInstant(row, 1);
  e.user_id = GetText(row, 2);
  e.username = GetText(row, 3);
  e.role = GetText(row, 4);
  e.agency = GetText(row, 5);
  e.action = GetText(row, 6);
  e.record_type = GetText(row, 7);
  e.record_id = GetText(row, 8);
  e.purpose = GetText(row, 9);
  e.outcome = GetText(row, 10);
  e.detail = GetText(row, 11);
  e.request_id = GetText(row, 12);
  e.prev_hash = GetText(row, 13);
  e.hash = GetText(row, 14);
  return e;
}

}  // namespace

void AuditRepository::AppendIn(Transaction& tx, audit::Entry entry) {
  soci::session& sql = tx.Sql();
  if (tx.EngineKind() == Engine::kPostgres) sql << "LOCK TABLE audit_log IN EXCLUSIVE MODE";
  std::optional<audit::Entry> previous;
  long long seq = 0;
  std::string hash;
  soci::indicator ind = soci::i_null;
  sql << "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1", soci::into(seq),
      soci::into(hash, ind);
  if (sql.got_data()) {
    previous = audit::Entry{};
    previous->seq = seq;
    previous->hash = hash;
  }
  audit::Seal(entry, previous);
  std::string at = FormatRfc3339(entry.at);
  long long new_seq = entry.seq;
  sql << "INSERT INTO audit_log (" << kColumns
      << ") VALUES (:seq, :at, :user_id, :username, :role, :agency, :action, :record_type, "
         ":record_id, :purpose, :outcome, :detail, :request_id, :prev_hash, :hash)",
      soci::use(new_seq), soci::use(at), soci::use(entry.user_id), soci::use(entry.username),
      soci::use(entry.role), soci::use(entry.agency), soci::use(entry.action),
      soci::use(entry.record_type), soci::use(entry.record_id), soci::use(entry.purpose),
      soci::use(entry.outcome), soci::use(entry.detail), soci::use(entry.request_id),
      soci::use(entry.prev_hash), soci::use(entry.hash);
}

Result<void> AuditRepository::Append(audit::Entry entry) {
  return Guard("writing the audit trail", [&]() -> Result<void> {
    Transaction tx(db_);
    AppendIn(tx, std::move(entry));
    tx.Commit();
    return {};
  });
}

Result<std::vector<audit::Entry>> AuditRepository::ReadAfter(std::int64_t after, int limit) {
  return Guard("reading the audit trail", [&]() -> Result<std::vector<audit::Entry>> {
    soci::session sql(db_.Pool());
    long long from = after;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT " << kColumns
                     << " FROM audit_log WHERE seq > :after ORDER BY seq LIMIT :limit",
         soci::use(from), soci::use(limit));
    std::vector<audit::Entry> out;
    for (const auto& row : rows) out.push_back(FromRow(row));
    return out;
  });
}

Result<std::vector<audit::Entry>> AuditRepository::Recent(int limit, std::string_view record_type,
                                                          std::string_view record_id) {
  return Guard("reading the audit trail", [&]() -> Result<std::vector<audit::Entry>> {
    soci::session sql(db_.Pool());
    std::string type(record_type), id(record_id);
    std::vector<audit::Entry> out;
    if (type.empty()) {
      soci::rowset<soci::row> rows =
          (sql.prepare << "SELECT " << kColumns << " FROM audit_log ORDER BY seq DESC LIMIT :l",
           soci::use(limit));
      for (const auto& row : rows) out.push_back(FromRow(row));
      return out;
    }
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT " << kColumns
                     << " FROM audit_log WHERE record_type = :t AND record_id = :i "
                        "ORDER BY seq DESC LIMIT :l",
         soci::use(type), soci::use(id), soci::use(limit));
    for (const auto& row : rows) out.push_back(FromRow(row));
    return out;
  });
}

Result<std::optional<audit::Break>> AuditRepository::VerifyAll(std::int64_t* checked) {
  constexpr int kBatch = 5000;
  std::optional<audit::Entry> previous;
  std::int64_t count = 0;
  for (;;) {
    auto batch = ReadAfter(previous ? previous->seq : 0, kBatch);
    if (!batch) return std::unexpected(batch.error());
    if (batch->empty()) break;
    if (auto broken = audit::Verify(*batch, previous)) return broken;
    count += static_cast<std::int64_t>(batch->size());
    previous = batch->back();
  }
  if (checked != nullptr) *checked = count;
  return std::optional<audit::Break>{};
}

}  // namespace harbour::storage
