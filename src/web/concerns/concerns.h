#pragma once
// Concerns, their addenda and the child's chronology: log what was seen or heard with its
// indicators and any immediate danger, add to a concern without editing it, and read everything
// every agency recorded about the child (pages and API).
#include <functional>
#include <memory>
#include <vector>

#include "children/child.h"
#include "chronology/chronology.h"
#include "web/core/handlers.h"
#include "web/core/routes.h"

namespace harbour::reference {
class Catalogue;
}  // namespace harbour::reference

namespace harbour::web {

class ConcernsHandlers;

// Another area's records about a child as chronology entries (referrals, assessments, the
// panel's decisions and actions, missing episodes). Reads only: the chronology audits its view.
using ChronologySource =
    std::function<Result<std::vector<chronology::Entry>>(const children::Child& child)>;

class ConcernsArea {
 public:
  // Everything given must outlive the area and the router it registers on; `sources` add the
  // other areas' entries to the chronology.
  ConcernsArea(const Core& core, const reference::Catalogue& catalogue,
               std::vector<ChronologySource> sources);
  ~ConcernsArea();
  ConcernsArea(const ConcernsArea&) = delete;
  ConcernsArea& operator=(const ConcernsArea&) = delete;

  void Register(Routes& routes);

 private:
  std::unique_ptr<ConcernsHandlers> handlers_;
};

}  // namespace harbour::web
