#pragma once
// Disruption activity against people, places and vehicles (DOMAIN.md §10), with expiry reminders
// and arrests, charges and convictions moving a person's status; visits to businesses and the
// premises not visited (pages and API).
#include <memory>
#include <string_view>

#include "disruption/activity.h"
#include "web/core/handlers.h"
#include "web/core/routes.h"

namespace harbour::web {

class DisruptionHandlers;

class DisruptionArea {
 public:
  // Everything given must outlive the area and the router it registers on.
  DisruptionArea(const Core& core, int reminder_days);
  ~DisruptionArea();
  DisruptionArea(const DisruptionArea&) = delete;
  DisruptionArea& operator=(const DisruptionArea&) = delete;

  void Register(Routes& routes);

  // For a record's page (/records/{people|places|vehicles}/{id}): the measures against it as
  // template rows (measure, date, expiry, by_agency, officer, outcome, href...), newest first.
  // The caller decides access (access::Action::kViewRecords) and audits the page view.
  Result<mstch::array> DisruptionEntries(disruption::SubjectType type, std::string_view id) const;

 private:
  std::unique_ptr<DisruptionHandlers> handlers_;
};

}  // namespace harbour::web
