#pragma once
// Persistence of people of concern, vehicles, places, phones and online accounts, their typed
// links with the intelligence reports that support them (intelligence/records.h, migration
// 0008), and the exact-match lookup (intelligence/lookup.h).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"
#include "common/time.h"
#include "intelligence/lookup.h"
#include "intelligence/records.h"
#include "storage/database.h"

namespace harbour::storage {

// One link as seen from one of its ends.
struct LinkRow {
  std::string link_id;
  intelligence::LinkType type = intelligence::LinkType::kAssociate;
  intelligence::RecordType other_type = intelligence::RecordType::kPerson;
  std::string other_id;
  std::string other_label;
  std::vector<std::string> report_ids;  // the supporting reports, oldest support first
};

class RecordsRepository {
 public:
  explicit RecordsRepository(Database& db) : db_(db) {}

  // Each returns the new record's id (the id on the record is ignored).
  std::string InsertPersonIn(Transaction& tx, const intelligence::Person& person,
                             std::string_view by, std::string_view agency, Instant at);
  std::string InsertVehicleIn(Transaction& tx, const intelligence::Vehicle& vehicle,
                              std::string_view by, std::string_view agency, Instant at);
  // Stores latitude/longitude and ward_code as set on `place` (easting/northing are not kept).
  std::string InsertPlaceIn(Transaction& tx, const intelligence::Place& place, std::string_view by,
                            std::string_view agency, Instant at);
  std::string InsertPhoneIn(Transaction& tx, const intelligence::Phone& phone, std::string_view by,
                            std::string_view agency, Instant at);
  std::string InsertAccountIn(Transaction& tx, const intelligence::Account& account,
                              std::string_view by, std::string_view agency, Instant at);

  Result<std::optional<intelligence::Person>> FindPerson(std::string_view id);
  Result<std::optional<intelligence::Vehicle>> FindVehicle(std::string_view id);
  // ward_name is filled from the wards table when it exists and knows the code.
  Result<std::optional<intelligence::Place>> FindPlace(std::string_view id);
  Result<std::optional<intelligence::Phone>> FindPhone(std::string_view id);
  Result<std::optional<intelligence::Account>> FindAccount(std::string_view id);
  // True when a record of that type and id exists (children included).
  Result<bool> Exists(intelligence::RecordType type, std::string_view id);

  // One-line label: "Dean Marsh (b. 1990)", "AB12 CDE silver Ford Focus",
  // "Seaview Hotel, HB1 2AB", "07700 900123 (mobile)", "@dm_90 on Snapchat"; a child's name
  // from the children table. kNotFound when there is no such record.
  Result<std::string> LabelOf(intelligence::RecordType type, std::string_view id);
  // The most recently created records of a type (not children), newest first, as candidates
  // (id and label; matched_on empty).
  Result<std::vector<intelligence::Candidate>> Recent(intelligence::RecordType type, int limit);

  // Stores the link (reusing it when it already exists) and records `report_id` as a support
  // (idempotent). Returns the link id. The caller checks that both records and the report exist.
  std::string LinkIn(Transaction& tx, const intelligence::CanonicalLinkEnds& link,
                     std::string_view report_id, std::string_view by, std::string_view agency,
                     Instant at);
  // Every link of the record, with the other end's label and the supporting reports; by link
  // type then label. Visibility is the caller's job.
  Result<std::vector<LinkRow>> LinksOf(intelligence::RecordType type, std::string_view id);

 private:
  Database& db_;
};

// Exact matches (intelligence/lookup.h) over the records tables.
class ExactLookup final : public intelligence::RecordLookup {
 public:
  explicit ExactLookup(Database& db) : db_(db) {}
  Result<std::vector<intelligence::Candidate>> People(const intelligence::Person& p) override;
  Result<std::vector<intelligence::Candidate>> Vehicles(const intelligence::Vehicle& v) override;
  Result<std::vector<intelligence::Candidate>> Places(const intelligence::Place& p) override;
  Result<std::vector<intelligence::Candidate>> Phones(const intelligence::Phone& p) override;
  Result<std::vector<intelligence::Candidate>> Accounts(const intelligence::Account& a) override;

 private:
  Database& db_;
};

}  // namespace harbour::storage
