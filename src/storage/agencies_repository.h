#pragma once
// Persistence of partner agencies.
#include <optional>
#include <vector>

#include "agencies/agency.h"
#include "common/error.h"
#include "common/time.h"
#include "storage/database.h"

namespace harbour::storage {

class AgenciesRepository {
 public:
  explicit AgenciesRepository(Database& db) : db_(db) {}
  // kConflict ("already_exists") when the code is taken.
  Result<void> Insert(const agencies::Agency& agency, Instant at);
  Result<std::optional<agencies::Agency>> FindByCode(std::string_view code);
  Result<std::optional<agencies::Agency>> FindById(std::string_view id);
  Result<std::vector<agencies::Agency>> List();

 private:
  Database& db_;
};

}  // namespace harbour::storage
