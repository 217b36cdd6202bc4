#pragma once
// Persistence of disruption measures and business visits (disruption/activity.h). A measure is
// recorded against an existing person of concern, place or vehicle (the 0008 tables); recording
// an arrest, charge or conviction moves the person's status forward in the same transaction.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"
#include "disruption/activity.h"
#include "storage/database.h"

namespace harbour::storage {

class DisruptionRepository {
 public:
  explicit DisruptionRepository(Database& db) : db_(db) {}

  // True when the person of concern, place or vehicle exists.
  Result<bool> SubjectExists(disruption::SubjectType type, std::string_view id);
  // What the subject is called (the person's or place's name, the vehicle's registration), or
  // nullopt when there is no such record.
  Result<std::optional<std::string>> SubjectLabel(disruption::SubjectType type,
                                                  std::string_view id);
  // The place's type, or nullopt when there is no such place.
  Result<std::optional<std::string>> PlaceType(std::string_view place_id);
  // The person's status code ("suspected", ...), or nullopt when there is no such person.
  Result<std::optional<std::string>> PersonStatus(std::string_view person_id);

  // Inserts the measure. For an arrest, charge or conviction against a person, also sets
  // people_of_concern.status to disruption::NextStatus of the stored one (and updated_at to the
  // measure's recorded_at); returns the new status when it changed.
  std::optional<disruption::PersonStatus> InsertIn(Transaction& tx,
                                                   const disruption::Disruption& measure);
  Result<std::optional<disruption::Disruption>> Find(std::string_view id);
  // The measures against one subject, the newest date first.
  Result<std::vector<disruption::Disruption>> ForSubject(disruption::SubjectType type,
                                                         std::string_view id);
  // Measures whose expiry falls between `first` and `last` (both included), soonest first.
  Result<std::vector<disruption::Disruption>> WithExpiryBetween(Date first, Date last);
  // The most recently recorded measures, at most `limit`.
  Result<std::vector<disruption::Disruption>> Recent(int limit);

  // Inserts a visit and its visiting agencies (in the order given).
  void InsertVisitIn(Transaction& tx, const disruption::Visit& visit);
  Result<std::optional<disruption::Visit>> FindVisit(std::string_view id);
  // One place's visits, the newest first.
  Result<std::vector<disruption::Visit>> VisitsForPlace(std::string_view place_id);
  // The most recent visits across the area, newest date first, at most `limit`.
  Result<std::vector<disruption::Visit>> RecentVisits(int limit);
  // Every business premises place (disruption::IsBusinessPremises types) with its last visit.
  Result<std::vector<disruption::PremisesVisit>> BusinessPremises();
  // disruption::NotVisitedSince over BusinessPremises().
  Result<std::vector<disruption::PremisesGroup>> NotVisited(Date today, int months);

 private:
  Database& db_;
};

}  // namespace harbour::storage
