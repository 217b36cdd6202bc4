#pragma once
// Children's records: find a child (with a request for access to matches outside one's access), add
// a child, the child's page with the team around the child, warning flags, and the coordinator's
// access requests (pages and API).
#include <memory>

#include "web/core/handlers.h"
#include "web/core/routes.h"

namespace harbour::reference {
class Catalogue;
}  // namespace harbour::reference

namespace harbour::web {

class AssessmentsArea;
class ChildrenHandlers;
class MatchingArea;
class RecordsArea;

class ChildrenArea {
 public:
  // Everything given must outlive the area and the router it registers on.
  ChildrenArea(const Core& core, const reference::Catalogue& catalogue, const RecordsArea& records,
               const AssessmentsArea& assessments, const MatchingArea& matching);
  ~ChildrenArea();
  ChildrenArea(const ChildrenArea&) = delete;
  ChildrenArea& operator=(const ChildrenArea&) = delete;

  void Register(Routes& routes);

 private:
  std::unique_ptr<ChildrenHandlers> handlers_;
};

}  // namespace harbour::web
