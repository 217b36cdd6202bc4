#include "web/home/home.h"

#include <utility>

#include "web/home/handlers.h"

namespace harbour::web {

HomeArea::HomeArea(const Core& core, const reference::Catalogue& catalogue, std::string panel_name)
    : handlers_(std::make_unique<HomeHandlers>(core, catalogue, std::move(panel_name))) {}

HomeArea::~HomeArea() = default;

void HomeArea::Register(Routes& routes) {
  auto* h = handlers_.get();
  routes.Page(Method::kGet, "/", h, &HomeHandlers::Home);
}

}  // namespace harbour::web
