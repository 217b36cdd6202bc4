#include "storage/access_repository.h"

#include "common/ids.h"

namespace harbour::storage {

namespace {

constexpr const char* kSelect =
    "SELECT r.id, r.search_terms, r.child_id, c.given_name, c.family_name, r.user_id, "
    "u.display_name, a.name, r.reason, r.status, r.requested_at FROM access_requests r LEFT JOIN "
    "children c ON c.id = r.child_id JOIN users u ON u.id = r.user_id JOIN agencies a ON a.id = "
    "u.agency_id ";

AccessRequest FromRow(const soci::row& row) {
  AccessRequest r;
  r.id = GetText(row, 0);
  r.search_terms = GetText(row, 1);
  r.child_id = GetText(row, 2);
  if (!r.child_id.empty()) r.child_name = GetText(row, 3) + " " + GetText(row, 4);
  r.user_id = GetText(row, 5);
  r.user_name = GetText(row, 6);
  r.agency_name = GetText(row, 7);
  r.reason = GetText(row, 8);
  r.status = GetText(row, 9);
  r.requested_at = GetInstant(row, 10);
  return r;
}

}  // namespace

void AccessRepository::InsertRequestIn(Transaction& tx, const AccessRequest& r) {
  std::string at = FormatRfc3339(r.requested_at);
  tx.Sql() << "INSERT INTO access_requests (id, search_terms, user_id, reason, requested_at, "
              "status) VALUES (:id, :q, :u, :r, :at, 'open')",
      soci::use(r.id), soci::use(r.search_terms), soci::use(r.user_id), soci::use(r.reason),
      soci::use(at);
}

Result<std::vector<AccessRequest>> AccessRepository::OpenRequests(int limit) {
  return Guard("reading access requests", [&]() -> Result<std::vector<AccessRequest>> {
    soci::session sql(db_.Pool());
    soci::rowset<soci::row> rows = sql.prepare << kSelect
                                               << "WHERE r.status = 'open' ORDER BY "
                                                  "r.requested_at LIMIT "
                                               << limit;
    std::vector<AccessRequest> out;
    for (const auto& row : rows) out.push_back(FromRow(row));
    return out;
  });
}

Result<std::optional<AccessRequest>> AccessRepository::FindRequest(std::string_view id) {
  return Guard("reading an access request", [&]() -> Result<std::optional<AccessRequest>> {
    soci::session sql(db_.Pool());
    std::string v(id);
    soci::rowset<soci::row> rows = (sql.prepare << kSelect << "WHERE r.id = :id", soci::use(v));
    for (const auto& row : rows) return std::optional(FromRow(row));
    return std::optional<AccessRequest>{};
  });
}

void AccessRepository::RefuseIn(Transaction& tx, const AccessRequest& r,
                                std::string_view decided_by, Instant at) {
  std::string by(decided_by), when = FormatRfc3339(at);
  tx.Sql() << "UPDATE access_requests SET status = 'refused', decided_by = :b, decided_at = :t "
              "WHERE id = :id",
      soci::use(by), soci::use(when), soci::use(r.id);
}

void AccessRepository::GrantIn(Transaction& tx, const AccessRequest& r, std::string_view child_id,
                               std::string_view decided_by, Instant at,
                               std::optional<Instant> expires_at) {
  std::string child(child_id), by(decided_by), when = FormatRfc3339(at);
  tx.Sql() << "UPDATE access_requests SET status = 'granted', child_id = :c, decided_by = :b, "
              "decided_at = :t WHERE id = :id",
      soci::use(child), soci::use(by), soci::use(when), soci::use(r.id);
  std::string grant_id = NewId();
  NullableText expires(expires_at ? FormatRfc3339(*expires_at) : "");
  tx.Sql() << "INSERT INTO access_grants (id, child_id, user_id, granted_by, reason, granted_at, "
              "expires_at) VALUES (:id, :c, :u, :b, :r, :t, :e)",
      soci::use(grant_id), soci::use(child), soci::use(r.user_id), soci::use(by),
      soci::use(r.reason), soci::use(when), soci::use(expires.value, expires.indicator);
}

}  // namespace harbour::storage
