#include "storage/board_reports_repository.h"

#include <sodium.h>

#include <array>

#include "profile/return_keys.h"

namespace harbour::storage {
namespace {

constexpr const char* kColumns =
    "id, period_code, period_first, period_last, published_at, published_by, published_by_name, "
    "agency_name, checked_against, tables, pdf_sha256";

std::string Sha256Hex(std::string_view bytes) {
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(bytes.data()),
                     bytes.size());
  std::array<char, crypto_hash_sha256_BYTES * 2 + 1> hex{};
  sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
  return std::string(hex.data(), crypto_hash_sha256_BYTES * 2);
}

BoardReportRecord FromRow(const soci::row& row) {
  BoardReportRecord r;
  r.id = GetText(row, 0);
  r.period_code = GetText(row, 1);
  r.period_first = ParseDate(GetText(row, 2)).value_or(Date{});
  r.period_last = ParseDate(GetText(row, 3)).value_or(Date{});
  r.published_at = ParseRfc3339(GetText(row, 4)).value_or(Instant{});
  r.published_by = GetText(row, 5);
  r.published_by_name = GetText(row, 6);
  r.agency_name = GetText(row, 7);
  r.checked_against = GetText(row, 8);
  r.tables = GetText(row, 9);
  r.pdf_sha256 = GetText(row, 10);
  return r;
}

std::vector<BoardReportRecord> ListFrom(soci::session& sql) {
  soci::rowset<soci::row> rows =
      sql.prepare << "SELECT " << kColumns
                  << " FROM board_reports ORDER BY period_last DESC, period_first DESC";
  std::vector<BoardReportRecord> out;
  for (const auto& row : rows) out.push_back(FromRow(row));
  return out;
}

}  // namespace

void BoardReportsRepository::InsertIn(Transaction& tx, const BoardReportRecord& report) {
  std::string first = FormatDate(report.period_first), last = FormatDate(report.period_last);
  std::string at = FormatRfc3339(report.published_at);
  std::string pdf = profile::Base64(report.pdf), digest = Sha256Hex(report.pdf);
  soci::indicator against = report.checked_against.empty() ? soci::i_null : soci::i_ok;
  tx.Sql() << "INSERT INTO board_reports (id, period_code, period_first, period_last, "
              "published_at, published_by, published_by_name, agency_name, checked_against, "
              "tables, pdf, pdf_sha256) VALUES (:id, :code, :first, :last, :at, :by, :name, "
              ":agency, :against, :tables, :pdf, :digest)",
      soci::use(report.id), soci::use(report.period_code), soci::use(first), soci::use(last),
      soci::use(at), soci::use(report.published_by), soci::use(report.published_by_name),
      soci::use(report.agency_name), soci::use(report.checked_against, against),
      soci::use(report.tables), soci::use(pdf), soci::use(digest);
}

Result<std::vector<BoardReportRecord>> BoardReportsRepository::List() {
  return Guard("listing the board reports", [&]() -> Result<std::vector<BoardReportRecord>> {
    soci::session sql(db_.Pool());
    return ListFrom(sql);
  });
}

std::vector<BoardReportRecord> BoardReportsRepository::ListLockedIn(Transaction& tx) {
  if (tx.EngineKind() == Engine::kPostgres)
    tx.Sql() << "LOCK TABLE board_reports IN EXCLUSIVE MODE";
  return ListFrom(tx.Sql());
}

Result<std::optional<BoardReportRecord>> BoardReportsRepository::Find(const std::string& id) {
  return Guard("reading a board report", [&]() -> Result<std::optional<BoardReportRecord>> {
    soci::session sql(db_.Pool());
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT " << kColumns << ", pdf FROM board_reports WHERE id = :id",
         soci::use(id));
    for (const auto& row : rows) {
      BoardReportRecord r = FromRow(row);
      auto bytes = profile::FromBase64(GetText(row, 11));
      if (!bytes || Sha256Hex(*bytes) != r.pdf_sha256) {
        return Fail(ErrorKind::kInternal, "register_corrupt",
                    "The stored board report does not match its SHA-256; it was changed after "
                    "it was published.");
      }
      r.pdf = std::move(*bytes);
      return std::optional<BoardReportRecord>(std::move(r));
    }
    return std::optional<BoardReportRecord>();
  });
}

}  // namespace harbour::storage
