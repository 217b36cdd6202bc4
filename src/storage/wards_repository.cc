#include "storage/wards_repository.h"

#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <utility>

#include "common/ids.h"

namespace harbour::storage {

namespace {

// What identifies the contents of a wards table: the row count, the latest import instant and
// the import's random id (one import can take place within the second of another).
struct Signature {
  long long count = 0;
  std::string imported_at;
  std::string import_id;
  bool operator==(const Signature&) const = default;
};

struct CacheEntry {
  Signature signature;
  std::shared_ptr<const places::WardIndex> index;
};

// The built ward indexes of this process, one per Database object (two databases never share
// one). Guarded by the mutex; an index itself is immutable and thread-safe. An entry lives as
// long as the process: a Database opened at the address of a destroyed one reuses the entry
// only while its wards table has the same signature, including the random import id.
std::mutex& CacheMutex() {
  static std::mutex mutex;
  return mutex;
}
std::map<const Database*, CacheEntry>& Cache() {
  static auto* cache = new std::map<const Database*, CacheEntry>();  // never destroyed
  return *cache;
}

Result<Signature> ReadSignature(Database& db) {
  return Guard("reading the wards' signature", [&]() -> Result<Signature> {
    soci::session sql(db.Pool());
    soci::row row;
    sql << "SELECT COUNT(*), MAX(imported_at), MAX(import_id) FROM wards", soci::into(row);
    return Signature{GetInt(row, 0), GetText(row, 1), GetText(row, 2)};
  });
}

// A stored ward as a one-feature collection for places::ParseWardsGeoJson.
std::string AsFeatureCollection(const WardRecord& w) {
  nlohmann::json geometry = nlohmann::json::parse(w.geojson, nullptr, false);
  nlohmann::json feature{{"type", "Feature"},
                         {"properties", {{"code", w.code}, {"name", w.name}}},
                         {"geometry", geometry.is_discarded() ? nlohmann::json() : geometry}};
  return nlohmann::json{{"type", "FeatureCollection"}, {"features", {feature}}}.dump();
}

}  // namespace

void WardsRepository::ReplaceAllIn(Transaction& tx, const std::vector<places::Ward>& wards,
                                   Instant now, const std::string& imported_by,
                                   const std::string& source) {
  tx.Sql() << "DELETE FROM wards";
  std::string at = FormatRfc3339(now), import_id = NewId();
  for (const auto& w : wards) {
    tx.Sql() << "INSERT INTO wards (code, name, geojson, imported_at, imported_by, source, "
                "import_id) VALUES (:code, :name, :geojson, :at, :by, :source, :import)",
        soci::use(w.code), soci::use(w.name), soci::use(w.geometry_json), soci::use(at),
        soci::use(imported_by), soci::use(source), soci::use(import_id);
  }
}

Result<void> WardsRepository::ReplaceAll(const std::vector<places::Ward>& wards, Instant now,
                                         const std::string& imported_by,
                                         const std::string& source) {
  return Guard("replacing the wards", [&]() -> Result<void> {
    Transaction tx(db_);
    ReplaceAllIn(tx, wards, now, imported_by, source);
    tx.Commit();
    return {};
  });
}

Result<std::vector<WardRecord>> WardsRepository::All() {
  return Guard("reading the wards", [&]() -> Result<std::vector<WardRecord>> {
    soci::session sql(db_.Pool());
    std::vector<WardRecord> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT code, name, geojson, imported_at, imported_by, source FROM wards "
                        "ORDER BY code");
    for (const auto& row : rows) {
      out.push_back(WardRecord{GetText(row, 0), GetText(row, 1), GetText(row, 2),
                               GetInstant(row, 3), GetText(row, 4), GetText(row, 5)});
    }
    return out;
  });
}

Result<long long> WardsRepository::Count() {
  auto signature = ReadSignature(db_);
  if (!signature) return std::unexpected(signature.error());
  return signature->count;
}

Result<std::optional<places::WardRef>> WardsRepository::Locate(places::LatLon point) {
  auto valid = places::ValidateUkPoint(point);
  if (!valid) return std::unexpected(valid.error());
  auto signature = ReadSignature(db_);
  if (!signature) return std::unexpected(signature.error());
  if (signature->count == 0) return std::optional<places::WardRef>();

  std::shared_ptr<const places::WardIndex> index;
  {
    std::lock_guard lock(CacheMutex());
    auto it = Cache().find(&db_);
    if (it != Cache().end() && it->second.signature == *signature) index = it->second.index;
  }
  if (!index) {
    // Built outside the lock: lookups on other databases go on meanwhile. Two threads may both
    // build after a change; the second store wins and both answers are right.
    auto records = All();
    if (!records) return std::unexpected(records.error());
    std::vector<places::Ward> wards;
    wards.reserve(records->size());
    for (const auto& record : *records) {
      // Each stored ward on its own, so that one unreadable row (edited by hand) costs only
      // that ward.
      auto parsed = places::ParseWardsGeoJson(AsFeatureCollection(record));
      if (parsed && parsed->size() == 1) wards.push_back(std::move(parsed->front()));
    }
    index = std::make_shared<const places::WardIndex>(std::move(wards));
    std::lock_guard lock(CacheMutex());
    Cache()[&db_] = CacheEntry{*signature, index};
  }
  return index->Find(*valid);
}

}  // namespace harbour::storage
