#pragma once
// The problem profile's facts, fast (issue 12: a one-year profile at 100,000 children and
// 1,000,000 concerns in at most 300 ms). The children, concerns, submitted assessments and
// referrals, which are most of what a period's count reads, are held in memory
// (profile/child_index.h); the smaller tables are read as ProfileRepository reads them. The
// answers are the same as ProfileRepository's straight recount (profile_store_test.cc compares
// them on generated data, with changes in between).
//
// Keeping up to date: triggers (migration 0015) note in `profile_changes` every child whose rows
// of those four tables change, in the writing transaction. Before each answer the store reloads
// the children noted since it last looked, so an answer reflects every write committed before it
// began, from any process. The first answer loads everything (about 4 s at 1,000,000 concerns),
// as does one after more than 12 hours without a look (the log keeps a day) or a burst of changes
// to more children than a reload is worth.
//
// Thread-safe: answers share the index; a refresh takes it alone.
#include <chrono>
#include <cstdint>
#include <mutex>
#include <set>
#include <shared_mutex>
#include <string>
#include <vector>

#include "common/error.h"
#include "profile/child_index.h"
#include "profile/facts.h"
#include "profile/period.h"
#include "storage/database.h"

namespace harbour::storage {

class ProfileStore {
 public:
  explicit ProfileStore(Database& db) : db_(db) {}

  // Everything the profile counts for `period`, as ProfileRepository::Facts.
  Result<profile::AreaFacts> Facts(const profile::Period& period);
  // As ProfileRepository::Trend.
  Result<std::vector<profile::MonthCount>> Trend(const std::vector<profile::Period>& months);

  // Brings the index up to date now (Facts and Trend do it first). Fails only when the database
  // does; the index is then reloaded in full next time.
  Result<void> Refresh();

  // How the last refresh went, for tests and the log.
  struct RefreshStats {
    bool full = false;         // everything was loaded
    std::size_t reloaded = 0;  // children reloaded from the change log
  };
  RefreshStats LastRefresh() const;

 private:
  void LoadAll(soci::session& sql);
  void Reload(soci::session& sql, const std::set<std::string>& ids);
  // The children the change log names since the last look (Refresh reloads everything instead
  // when the last look is older than the log keeps).
  std::set<std::string> ChangedSince(soci::session& sql);
  // Where the change log stands now, read before a full load.
  void MarkWatermark(soci::session& sql);
  void PruneLog(soci::session& sql, std::chrono::system_clock::time_point now);

  Database& db_;
  mutable std::shared_mutex mu_;  // guards everything below
  profile::ChildIndex index_;
  bool loaded_ = false;
  // SQLite: the last sequence number read. PostgreSQL: changes of transactions from this id on
  // are read again, skipping those already applied (`applied_`): see Refresh.
  std::int64_t watermark_ = 0;
  std::set<std::int64_t> applied_;
  std::chrono::steady_clock::time_point last_look_{};
  std::chrono::system_clock::time_point last_prune_{};
  RefreshStats last_{};
};

}  // namespace harbour::storage
