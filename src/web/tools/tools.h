#pragma once
// Risk tools: the administrator registers new versions and chooses the partnership's active tool;
// anyone signed in reads how a tool version asks and scores (pages and API).
#include <memory>
#include <string_view>

#include "assessments/tool.h"
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

// A GOV.UK tag for one of a tool's levels: {"label", "colour"} (grey for an unknown level).
mstch::map LevelTag(const assessments::ToolDefinition& tool, std::string_view level);

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
