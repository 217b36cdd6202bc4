#pragma once
// Risk assessments (docs/risk-tools.md): started from the child's page with answers pre-filled from
// every agency's records, saved as drafts, submitted with the practitioner's judgement, turned into
// tasks; the child's risk panel (pages and API).
#include <memory>
#include <vector>

#include "children/child.h"
#include "chronology/chronology.h"
#include "common/time.h"
#include "common/working_days.h"
#include "web/core/handlers.h"
#include "web/core/routes.h"

namespace harbour::reference {
class Catalogue;
}  // namespace harbour::reference
namespace harbour::storage {
class ToolLibrary;
}  // namespace harbour::storage

namespace harbour::web {

class AssessmentsHandlers;

class AssessmentsArea {
 public:
  // Everything given must outlive the area and the router it registers on.
  AssessmentsArea(const Core& core, storage::ToolLibrary& tools,
                  const reference::Catalogue& catalogue, const WorkingCalendar& calendar);
  ~AssessmentsArea();
  AssessmentsArea(const AssessmentsArea&) = delete;
  AssessmentsArea& operator=(const AssessmentsArea&) = delete;

  void Register(Routes& routes);

  // The child page's risk panel: the current level, the review marker and the history chart.
  // Reads only; the child's page audits.
  Result<mstch::map> RiskPanel(const children::Child& child, Date today) const;
  // The child's submitted assessments as chronology entries. Reads only; the chronology audits.
  Result<std::vector<chronology::Entry>> ChronologyEntries(const children::Child& child) const;

 private:
  std::unique_ptr<AssessmentsHandlers> handlers_;
};

}  // namespace harbour::web
