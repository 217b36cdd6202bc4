#pragma once
// The home page for each role: recent children and concerns, a lead's agency work, a coordinator's
// alerts, the panel's meetings, intelligence waiting, the administrator's agencies. The handlers
// behind web/home/home.h; included only inside web/home/.
#include <string>

#include "reference/catalogue.h"
#include "storage/access_repository.h"
#include "storage/agencies_repository.h"
#include "storage/children_repository.h"
#include "storage/concerns_repository.h"
#include "storage/identity_repository.h"
#include "storage/intelligence_repository.h"
#include "storage/panel_repository.h"
#include "storage/tasks_repository.h"
#include "web/core/handlers.h"

namespace harbour::web {

class HomeHandlers : public AreaHandlers {
 public:
  HomeHandlers(const Core& core, const reference::Catalogue& catalogue, std::string panel_name)
      : AreaHandlers(core), catalogue_(catalogue), panel_name_(std::move(panel_name)) {}

  Response Home(Request& request, const Principal& who);

 private:
  const reference::Catalogue& catalogue_;
  std::string panel_name_;  // the panel's name in the meetings section
  storage::ChildrenRepository children_{db_};
  storage::ConcernsRepository concerns_{db_};
  storage::AccessRepository access_{db_};
  storage::AgenciesRepository agencies_{db_};
  storage::IdentityRepository identity_{db_};
  storage::IntelligenceRepository intelligence_{db_};
  storage::PanelRepository panel_{db_};
  storage::TasksRepository tasks_{db_};
};

}  // namespace harbour::web
