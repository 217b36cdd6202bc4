#pragma once
// Persistence of concerns, their indicators and addenda, and the coordinator's alerts.
// Concerns are insert-only: there is no update statement for them anywhere.
#include <optional>
#include <vector>

#include "chronology/chronology.h"
#include "common/error.h"
#include "concerns/concern.h"
#include "storage/database.h"

namespace harbour::storage {

struct ConcernSummary {
  concerns::Concern concern;
  std::string child_name;
};

struct Alert {
  std::string id;
  std::string kind;  // "immediate_danger", "judged_lower"
  std::string child_id;
  std::string child_name;
  std::string concern_id;  // empty unless a concern raised it
  std::string detail;      // a line for the coordinator
  std::string raised_by_name;
  std::string agency_name;
  Instant raised_at{};
};

class ConcernsRepository {
 public:
  explicit ConcernsRepository(Database& db) : db_(db) {}

  // Inserts the concern and its indicators; raises an alert when it reports immediate danger.
  void InsertIn(Transaction& tx, const concerns::Concern& concern);
  void InsertAddendumIn(Transaction& tx, const concerns::Addendum& addendum);
  // An alert for the coordinators that no concern raised (e.g. a judged level below the
  // computed one); kind and detail as in Alert.
  void RaiseAlertIn(Transaction& tx, std::string_view kind, std::string_view child_id,
                    std::string_view detail, std::string_view raised_by, Instant at);
  Result<std::optional<concerns::Concern>> Find(std::string_view id);

  // The child's concerns (with their indicators) and addenda, unsorted, each with who recorded
  // it and the agency they recorded it for, and who created the child's record.
  struct ChronologyRecords {
    std::vector<chronology::Attributed<concerns::Concern>> concerns;
    std::vector<chronology::Attributed<concerns::Addendum>> addenda;
    chronology::Attribution record_created_by;
  };
  Result<ChronologyRecords> ChronologyRecordsFor(std::string_view child_id);
  Result<std::vector<ConcernSummary>> RecentByUser(std::string_view user_id, int limit);
  // Concerns recorded by anyone in the agency, newest first (the safeguarding lead's view).
  Result<std::vector<ConcernSummary>> RecentByAgency(std::string_view agency_id, int limit);
  Result<std::vector<Alert>> OpenAlerts(int limit);

 private:
  Database& db_;
};

}  // namespace harbour::storage
