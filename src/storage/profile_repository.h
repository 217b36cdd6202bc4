#pragma once
// Reading what the problem profile counts (profile/facts.h) for one period, straight from the
// case tables: codes, flags and times only, never a name or free text. Read-only; thread-safe
// (each call leases its own session).
#include <string>
#include <vector>

#include "common/error.h"
#include "profile/facts.h"
#include "profile/period.h"
#include "profile/population.h"
#include "storage/database.h"

namespace harbour::storage {

class ProfileRepository {
 public:
  explicit ProfileRepository(Database& db) : db_(db) {}

  // Everything the profile counts for `period` (London dates), timeliness included.
  Result<profile::AreaFacts> Facts(const profile::Period& period);
  // Children identified, referrals made and missing episodes started per month.
  Result<std::vector<profile::MonthCount>> Trend(const std::vector<profile::Period>& months);

  // Replaces the area's child population (equality monitoring's denominators) as a whole.
  void ReplacePopulationIn(Transaction& tx, const profile::Population& population, Instant now,
                           const std::string& imported_by, const std::string& source);
  // The imported population (no cells when none has been imported).
  Result<profile::Population> Population();

  // The partnership's pseudonym key (profile/pseudonym.h), kPseudonymKeyBytes raw bytes: made
  // at random on first use and kept in the settings table ("profile.pseudonym_key", hex), never
  // replaced, so that pseudonyms stay stable. Two processes making it at once agree on one.
  Result<std::string> PseudonymKey();

 private:
  Database& db_;
};

}  // namespace harbour::storage
