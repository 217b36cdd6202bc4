#include "web/tools/tools.h"

#include "web/tools/handlers.h"

namespace harbour::web {

ToolsArea::ToolsArea(const Core& core, storage::ToolLibrary& tools,
                     const reference::Catalogue& catalogue)
    : handlers_(std::make_unique<ToolsHandlers>(core, tools, catalogue)) {}

ToolsArea::~ToolsArea() = default;

mstch::map LevelTag(const assessments::ToolDefinition& tool, std::string_view level) {
  const auto* found = tool.FindLevel(level);
  if (found == nullptr) return mstch::map{{"label", Str(level)}, {"colour", Str("grey")}};
  return mstch::map{{"label", found->label}, {"colour", found->colour}};
}

void ToolsArea::Register(Routes& routes) {
  auto* h = handlers_.get();
  routes.Page(Method::kGet, "/tools", h, &ToolsHandlers::ToolsAdmin);
  routes.Page(Method::kPost, "/tools", h, &ToolsHandlers::RegisterTool);
  routes.Page(Method::kPost, "/tools/active", h, &ToolsHandlers::ActivateTool);
  routes.Page(Method::kGet, "/tools/{id}/versions/{version}", h, &ToolsHandlers::ViewToolVersion);
  routes.Api(Method::kGet, "/api/v1/tools", h, &ToolsHandlers::ApiListTools);
  routes.Api(Method::kGet, "/api/v1/tools/{id}/versions/{version}", h,
             &ToolsHandlers::ApiGetToolVersion);
}

}  // namespace harbour::web
