#pragma once
// Electoral wards (issue 5): replacing the whole set from an import, listing them, and
// locating the ward of a point. Thread-safe.
#include <optional>
#include <string>
#include <vector>

#include "common/error.h"
#include "common/time.h"
#include "places/geo.h"
#include "places/wards.h"
#include "storage/database.h"

namespace harbour::storage {

struct WardRecord {
  std::string code;
  std::string name;
  std::string geojson;  // the ward's geometry as GeoJSON
  Instant imported_at;
  std::string imported_by;  // e.g. "cli:alice"
  std::string source;       // the file it came from
};

class WardsRepository {
 public:
  explicit WardsRepository(Database& db) : db_(db) {}

  // Replaces every ward with `wards` inside `tx` (the caller commits, with its audit entry).
  // Throws soci errors like the other ...In writers: call it inside Guard.
  void ReplaceAllIn(Transaction& tx, const std::vector<places::Ward>& wards, Instant now,
                    const std::string& imported_by, const std::string& source);
  // The same in its own transaction.
  Result<void> ReplaceAll(const std::vector<places::Ward>& wards, Instant now,
                          const std::string& imported_by, const std::string& source);
  // Every ward, by code.
  Result<std::vector<WardRecord>> All();
  Result<long long> Count();
  // The ward containing `point`, or nullopt (also when no wards are loaded). kInvalid (field
  // "coordinates") when the point is outside the UK. The built index is cached per Database
  // object in a process-wide cache guarded by a mutex, and rebuilt only when the wards table
  // has changed (count and latest imported_at, read with one cheap query per call), so an
  // import by another process is seen on the next call.
  Result<std::optional<places::WardRef>> Locate(places::LatLon point);

 private:
  Database& db_;
};

}  // namespace harbour::storage
