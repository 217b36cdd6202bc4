#pragma once
// Disruption activity against people, places and vehicles (DOMAIN.md §10), with expiry reminders
// and arrests, charges and convictions moving a person's status; visits to businesses and the
// premises not visited (pages and API). The handlers behind web/disruption/disruption.h; included
// only inside web/disruption/.
#include <optional>

#include "disruption/activity.h"
#include "storage/agencies_repository.h"
#include "storage/disruption_repository.h"
#include "storage/tasks_repository.h"
#include "tasks/task.h"
#include "web/core/handlers.h"

namespace harbour::web {

class DisruptionHandlers : public AreaHandlers {
 public:
  DisruptionHandlers(const Core& core, int reminder_days)
      : AreaHandlers(core), reminder_days_(reminder_days) {}

  // Disruption activity and business visits (disruption_handlers.cc, disruption_api.cc).
  Response DisruptionList(Request& request, const Principal& who);
  Response NewDisruptionForm(Request& request, const Principal& who);
  Response RecordDisruption(Request& request, const Principal& who);
  Response ViewDisruption(Request& request, const Principal& who);
  Response BusinessVisits(Request& request, const Principal& who);
  Response NewBusinessVisitForm(Request& request, const Principal& who);
  Response RecordBusinessVisit(Request& request, const Principal& who);
  Response ApiListDisruption(Request& request, const Principal& who);
  Response ApiRecordDisruption(Request& request, const Principal& who);
  Response ApiGetDisruption(Request& request, const Principal& who);
  Response ApiExpiringDisruption(Request& request, const Principal& who);
  Response ApiListBusinessVisits(Request& request, const Principal& who);
  Response ApiRecordBusinessVisit(Request& request, const Principal& who);
  Response ApiNotVisited(Request& request, const Principal& who);
  // The forms with what was typed (`form`) and `problems` (422), or without (200).
  Response DisruptionFormPage(const Principal& who, const Request& request, const FormData& form,
                              const Error* problems);
  Response VisitFormPage(const Principal& who, const Request& request, const FormData& form,
                         const Error* problems);
  // Records a measure (kNotFound, audited, for an unknown subject; kInvalid with
  // disruption::ValidateDisruption's fields), moves a person's status on an arrest, charge or
  // conviction, and gives the recorder a reminder task when it expires — one transaction.
  struct RecordedDisruption {
    disruption::Disruption measure;
    std::optional<disruption::PersonStatus> status;  // the person's new status, when it moved
    std::optional<tasks::Task> reminder;
  };
  Result<RecordedDisruption> DoRecordDisruption(const Principal& who, const Request& request,
                                                const disruption::DisruptionInput& input,
                                                std::string_view purpose);
  // Records a business visit (kNotFound, audited, for an unknown place).
  Result<disruption::Visit> DoRecordVisit(const Principal& who, const Request& request,
                                          const disruption::VisitInput& input,
                                          std::string_view purpose);
  // For a record's page (/records/{people|places|vehicles}/{id}): the measures against it as
  // template rows (measure, date, expiry, by_agency, officer, outcome, href...), newest first.
  // The caller decides access (access::Action::kViewRecords) and audits the page view.
  Result<mstch::array> DisruptionEntries(disruption::SubjectType type, std::string_view id);

  // The measures expiring soon (disruption::Expiring) over the candidates storage finds in the
  // window's dates.
  Result<std::vector<disruption::Disruption>> ExpiringMeasures(Date today, int within_days);

 private:
  int reminder_days_ =
      28;  // [disruption] reminder_days: a reminder is due this many days before expiry
  storage::DisruptionRepository disruption_{db_};
  storage::AgenciesRepository agencies_{db_};
  storage::TasksRepository tasks_{db_};
};

}  // namespace harbour::web
