#pragma once
// Records of people of concern, vehicles, places, phones and online accounts, their typed links
// (each shown only through a supporting report the viewer may see) and the exact lookup offered
// before anything new is created (pages and API). Other areas use it for the records linked to a
// child and to create a record from an intelligence report's subject.
#include <functional>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "intelligence/lookup.h"
#include "intelligence/records.h"
#include "web/core/handlers.h"
#include "web/core/routes.h"
#include "web/records/records_json.h"

namespace harbour::reference {
class Catalogue;
}  // namespace harbour::reference

namespace harbour::matching {
class NameVariants;
}  // namespace harbour::matching

namespace harbour::web {

class DisruptionArea;
class RecordsHandlers;

// A record's page ("/records/people/ID"), or a child's page for kChild.
std::string RecordHref(intelligence::RecordType type, std::string_view id);
// A record as the creation forms post it (the intelligence report page's too).
RecordBody RecordBodyFromForm(intelligence::RecordType type, const FormData& form);

// What creating a record did: its id, or (empty id) the existing records the exact lookup
// found, to offer before anything new is created.
struct NewRecord {
  std::string id;
  std::vector<intelligence::Candidate> candidates;
};

// The records linked to one record or child, as components/linked-records shows them, and the
// intelligence reports that made them visible (for the caller's audit entry).
struct LinkedRecordRows {
  mstch::array rows;
  std::set<std::string> report_ids;
};

class RecordsArea {
 public:
  // Everything given must outlive the area and the router it registers on.
  // `variants`: the partnership's name variants, for the likely people offered before a person
  // of concern is created (storage::LikelyLookup).
  RecordsArea(const Core& core, const reference::Catalogue& catalogue,
              const DisruptionArea& disruption,
              std::shared_ptr<const matching::NameVariants> variants);
  ~RecordsArea();
  RecordsArea(const RecordsArea&) = delete;
  RecordsArea& operator=(const RecordsArea&) = delete;

  void Register(Routes& routes);

  // The links of `type` `id` that `who` may see, each through at least one supporting report
  // they may see sanitised or better. Reads only: the caller decides access and audits.
  Result<LinkedRecordRows> LinkedRows(const Principal& who, intelligence::RecordType type,
                                      std::string_view id) const;
  // Validates and creates a record with its audit entry ("records.create"), unless the exact
  // lookup finds existing records and `body.confirm` is false (then nothing is stored). `also`
  // runs in the same transaction with the new record's id. The caller checks kManageRecords.
  Result<NewRecord> CreateRecord(
      const Principal& who, const Request& request, const RecordBody& body,
      const std::function<void(storage::Transaction&, const std::string&)>& also) const;

 private:
  std::unique_ptr<RecordsHandlers> handlers_;
};

}  // namespace harbour::web
