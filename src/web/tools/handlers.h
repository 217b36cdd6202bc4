#pragma once
// Risk tools: the administrator registers new versions and chooses the partnership's active tool;
// anyone signed in reads how a tool version asks and scores (pages and API). The handlers behind
// web/tools/tools.h; included only inside web/tools/.

#include "reference/catalogue.h"
#include "storage/tool_library.h"
#include "web/core/handlers.h"

namespace harbour::web {

class ToolsHandlers : public AreaHandlers {
 public:
  ToolsHandlers(const Core& core, storage::ToolLibrary& tools,
                const reference::Catalogue& catalogue)
      : AreaHandlers(core), tools_(tools), catalogue_(catalogue) {}

  // Risk tools (tools_handlers.cc).
  Response ToolsAdmin(Request& request, const Principal& who);
  Response RegisterTool(Request& request, const Principal& who);
  Response ActivateTool(Request& request, const Principal& who);
  Response ViewToolVersion(Request& request, const Principal& who);
  // The administrator's tools page; a refused file shows every problem and keeps the text.
  Response ToolsPage(Request& request, const Principal& who, const Error* problem,
                     const std::string& typed);
  // Risk tools and assessments (assessments_api.cc).
  Response ApiListTools(Request& request, const Principal& who);
  Response ApiGetToolVersion(Request& request, const Principal& who);

 private:
  storage::ToolLibrary& tools_;
  const reference::Catalogue& catalogue_;
};

}  // namespace harbour::web
