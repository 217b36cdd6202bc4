#pragma once
// The home page for each role: recent children and concerns, a lead's agency work, a coordinator's
// alerts, the panel's meetings, intelligence waiting, the administrator's agencies.
#include <memory>
#include <string>

#include "web/core/handlers.h"
#include "web/core/routes.h"

namespace harbour::reference {
class Catalogue;
}  // namespace harbour::reference

namespace harbour::web {

class HomeHandlers;

class HomeArea {
 public:
  // Everything given must outlive the area and the router it registers on.
  HomeArea(const Core& core, const reference::Catalogue& catalogue, std::string panel_name);
  ~HomeArea();
  HomeArea(const HomeArea&) = delete;
  HomeArea& operator=(const HomeArea&) = delete;

  void Register(Routes& routes);

 private:
  std::unique_ptr<HomeHandlers> handlers_;
};

}  // namespace harbour::web
