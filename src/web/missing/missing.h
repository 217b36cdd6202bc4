#pragma once
// Missing episodes and return interviews (docs/missing.md): episodes on the child's record, the
// 72-hour interview by someone independent of the child's care, findings that raise concerns, the
// list of interviews due and the repeat-missing rule (pages and API).
#include <memory>
#include <vector>

#include "children/child.h"
#include "chronology/chronology.h"
#include "missing/episode.h"
#include "web/core/handlers.h"
#include "web/core/routes.h"

namespace harbour::reference {
class Catalogue;
}  // namespace harbour::reference

namespace harbour::web {

class MissingHandlers;

class MissingArea {
 public:
  // Everything given must outlive the area and the router it registers on.
  MissingArea(const Core& core, const reference::Catalogue& catalogue, missing::RepeatRule repeat);
  ~MissingArea();
  MissingArea(const MissingArea&) = delete;
  MissingArea& operator=(const MissingArea&) = delete;

  void Register(Routes& routes);

  // The child's episodes and return interviews as chronology entries. Reads only; the
  // chronology audits.
  Result<std::vector<chronology::Entry>> ChronologyEntries(const children::Child& child) const;

 private:
  std::unique_ptr<MissingHandlers> handlers_;
};

}  // namespace harbour::web
