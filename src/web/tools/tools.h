#pragma once
// Risk tools: the administrator registers new versions and chooses the partnership's active tool; anyone signed in reads how a tool version asks and scores (pages and API).
#include <memory>

#include "web/core/handlers.h"
#include "web/core/routes.h"

namespace harbour::reference {
class Catalogue;
}  // namespace harbour::reference
namespace harbour::storage {
class ToolLibrary;
}  // namespace harbour::storage

namespace harbour::web {

class ToolsHandlers;

class ToolsArea {
 public:
  // Everything given must outlive the area and the router it registers on.
  ToolsArea(const Core& core, storage::ToolLibrary& tools, const reference::Catalogue& catalogue);
  ~ToolsArea();
  ToolsArea(const ToolsArea&) = delete;
  ToolsArea& operator=(const ToolsArea&) = delete;

  void Register(Routes& routes);

 private:
  std::unique_ptr<ToolsHandlers> handlers_;
};

}  // namespace harbour::web
