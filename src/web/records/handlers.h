#pragma once
// Records of people of concern, vehicles, places, phones and online accounts, their typed links
// (each shown only through a supporting report the viewer may see) and the exact lookup offered
// before anything new is created (pages and API). The handlers behind web/records/records.h;
// included only inside web/records/.
#include <functional>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "intelligence/records.h"
#include "reference/catalogue.h"
#include "storage/children_repository.h"
#include "storage/intelligence_repository.h"
#include "storage/person_lookup.h"
#include "storage/records_repository.h"
#include "storage/wards_repository.h"
#include "web/core/handlers.h"
#include "web/disruption/disruption.h"
#include "web/records/records.h"
#include "web/records/records_json.h"

namespace harbour::web {

class RecordsHandlers : public AreaHandlers {
 public:
  RecordsHandlers(const Core& core, const reference::Catalogue& catalogue,
                  const DisruptionArea& disruption,
                  std::shared_ptr<const matching::NameVariants> variants)
      : AreaHandlers(core),
        catalogue_(catalogue),
        disruption_(disruption),
        variants_(std::move(variants)) {}

  // Converts a place's British National Grid input to WGS84, refuses points outside the UK
  // (kInvalid field "coordinates") and finds its ward.
  Result<void> LocatePlace(intelligence::Place& place);
  // The links of a record the caller may see: each through at least one supporting report
  // they may see at access::IntelligenceView::kSanitised or better.
  struct LinkedRecords {
    struct Shown {
      storage::LinkRow link;
      std::vector<intelligence::Report> supports;  // the visible ones
    };
    std::vector<Shown> links;
    std::set<std::string> report_ids;  // every visible support, for the audit entry
  };
  Result<LinkedRecords> VisibleLinks(const Principal& who, intelligence::RecordType type,
                                     std::string_view id);
  // The rows of components/linked-records: type, the other record (with its page) and the
  // visible supporting reports with their date and grade.
  static mstch::array LinkRows(const LinkedRecords& linked);

  // Records of people, vehicles, places, phones and accounts, their links and the lookup
  // (records_handlers.cc, records_api.cc; RECORDS).
  Response NewRecordForm(Request& request, const Principal& who);
  Response CreateRecord(Request& request, const Principal& who);
  Response ViewRecord(Request& request, const Principal& who);
  Response LinkRecords(Request& request, const Principal& who);
  Response ApiListRecords(Request& request, const Principal& who);
  Response ApiCreateRecord(Request& request, const Principal& who);
  Response ApiGetRecord(Request& request, const Principal& who);
  Response ApiLinkRecords(Request& request, const Principal& who);
  Response ApiLookup(Request& request, const Principal& who);
  // A record's fields for its page (rows, in order) and the API (json), its one-line label and
  // the warnings of its unverified identifiers. kNotFound when there is no such record.
  struct RecordDetail {
    struct Row {
      std::string key, label, value;
    };
    intelligence::RecordType type = intelligence::RecordType::kPerson;
    std::string id, label;
    std::vector<Row> rows;
    std::vector<std::string> warnings;
    nlohmann::json json;
  };
  Result<RecordDetail> LoadRecord(intelligence::RecordType type, std::string_view id);
  // A record the caller may open, with the links they may see; audited ("records.view" with
  // its purpose, or refused). kForbidden without kViewRecords; kNotFound when absent, or when
  // the caller does not manage records and no link is visible to them.
  struct RecordAccess {
    RecordDetail detail;
    LinkedRecords linked;
    bool manage = false;  // an intelligence officer: sees every record, creates and links
    std::string purpose;
  };
  Result<RecordAccess> FindRecordFor(const Principal& who, const Request& request,
                                     intelligence::RecordType type, std::string_view id);
  // A record with the links the caller may see, as the API answers it (records_api.cc).
  static nlohmann::json RecordJson(const RecordAccess& found);
  // Validates and creates a record with its audit entry ("records.create") — unless the exact
  // lookup finds existing records and `body.confirm` is false: then nothing is stored and the
  // result's `candidates` lists them (its id is empty). The caller checks kManageRecords.
  // `also` runs in the same transaction with the new record's id (the intelligence report
  // page matches its subject to it).
  Result<NewRecord> DoCreateRecord(
      const Principal& who, const Request& request, const RecordBody& body,
      const std::function<void(storage::Transaction&, const std::string&)>& also = {});
  // Links two records with an intelligence report as its support ("records.link"): kInvalid
  // naming link_type, from_type, from_id, to_type, to_id or report_id (which must be a report
  // the caller may see). The caller checks kManageRecords.
  Result<std::string> DoLinkRecords(const Principal& who, const Request& request,
                                    const RecordLinkBody& body);
  Response RecordFormPage(const Principal& who, const Request& request,
                          intelligence::RecordType type, const FormData& form,
                          const Error* problems, const NewRecord* offered);
  Response RecordPage(const Principal& who, const Request& request, const RecordAccess& found,
                      const FormData* form, const Error* problems, unsigned status);

 private:
  const reference::Catalogue& catalogue_;
  const DisruptionArea& disruption_;
  std::shared_ptr<const matching::NameVariants> variants_;
  storage::RecordsRepository records_{db_};
  storage::IntelligenceRepository intelligence_{db_};
  storage::ChildrenRepository children_{db_};
  storage::WardsRepository wards_{db_};
};

}  // namespace harbour::web
