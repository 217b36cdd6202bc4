#pragma once
// Persistence of warning flags (children/flag.h): inserted, then ended once; never deleted.
#include <map>
#include <string>
#include <vector>

#include "children/flag.h"
#include "common/error.h"
#include "storage/database.h"

namespace harbour::storage {

class FlagsRepository {
 public:
  explicit FlagsRepository(Database& db) : db_(db) {}

  void InsertIn(Transaction& tx, const children::Flag& flag);
  // Sets the end date of a flag that has none; false when it is already ended (or absent).
  bool EndIn(Transaction& tx, std::string_view flag_id, Date end, std::string_view by, Instant at);
  // Every flag of the child, newest start first.
  Result<std::vector<children::Flag>> ForChild(std::string_view child_id);
  // The flags of these children that have no end date yet, by child id (the caller checks
  // IsActive for start dates in the future or ends already passed).
  Result<std::map<std::string, std::vector<children::Flag>>> OpenFor(
      const std::vector<std::string>& child_ids);

 private:
  Database& db_;
};

}  // namespace harbour::storage
