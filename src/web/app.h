#pragma once
// The web application: routes, authentication, authorisation and rendering. Every handler
// follows one shape (DESIGN.md §2): authenticate → authorise (access::Decide) → domain verb →
// persist → audit → render. Handlers hold no business rules. Thread-safe: handlers share only
// immutable state and the database pool.
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "access/policy.h"
#include "agencies/agency.h"
#include "audit/chain.h"
#include "common/time.h"
#include "common/working_days.h"
#include "disruption/activity.h"
#include "identity/identity.h"
#include "panel/minutes.h"
#include "reference/catalogue.h"
#include "storage/access_repository.h"
#include "storage/agencies_repository.h"
#include "storage/assessments_repository.h"
#include "storage/audit_repository.h"
#include "storage/children_repository.h"
#include "storage/concerns_repository.h"
#include "storage/database.h"
#include "storage/flags_repository.h"
#include "storage/identity_repository.h"
#include "storage/intelligence_repository.h"
#include "storage/messages_repository.h"
#include "storage/missing_repository.h"
#include "storage/panel_repository.h"
#include "storage/records_repository.h"
#include "storage/referrals_repository.h"
#include "storage/tasks_repository.h"
#include "storage/tool_library.h"
#include "web/core/handlers.h"
#include "web/core/http.h"
#include "web/core/sessions.h"
#include "web/core/templates.h"
#include "web/assessments/assessments.h"
#include "web/audit/audit.h"
#include "web/auth/auth.h"
#include "web/children/children.h"
#include "web/concerns/concerns.h"
#include "web/disruption/disruption.h"
#include "web/intelligence/intelligence.h"
#include "web/missing/missing.h"
#include "web/panel/panel.h"
#include "web/records/records.h"
#include "web/referrals/referrals.h"
#include "web/home/home.h"
#include "web/tasks/tasks.h"
#include "web/tools/tools.h"

namespace harbour::web {


struct AppOptions {
  bool demo = false;                              // shows the "synthetic demo data" banner
  bool secure_cookies = false;                    // Secure cookies (set when served behind TLS)
  std::string openapi_yaml;                       // served at /api/v1/openapi.yaml
  std::string panel_name = "exploitation panel";  // in feedback messages
  std::string panel_contact = "the exploitation coordinator, through Harbour";
  // The repeat-missing rule ([missing] in harbour.toml): this many episodes within this many
  // days prompt a coordinator's task to consider a strategy discussion.
  int missing_repeat_threshold = 3;
  int missing_repeat_window_days = 30;
  // [disruption] reminder_days: days before a measure's expiry that its recorder's task is due.
  int disruption_reminder_days = 28;
  // [intelligence] unit: the code of the agency whose intelligence officers receive partner
  // intelligence; empty = the police agency.
  std::string intelligence_unit{};
};

// The core services (web/core/) and the repositories they use, built before the handlers that
// share them (a base of App, so that it is initialised first).
struct AppServices {
  AppServices(storage::Database& db, const Clock& clock, bool demo);
  Core CoreServices(storage::Database& db, const Clock& clock);

  storage::AgenciesRepository agencies_;
  storage::IdentityRepository identity_;
  storage::ChildrenRepository children_;
  storage::AuditRepository audit_;
  storage::MessagesRepository messages_;
  storage::FlagsRepository flags_;
  storage::PanelRepository panel_;
  Pages pages_;
  Auditor auditor_;
  Authoriser authoriser_;
  ChildBanner banner_;
  Sessions sessions_;
};

class App : private AppServices, public AreaHandlers {
 public:
  App(storage::Database& db, const reference::Catalogue& catalogue, const Clock& clock,
      const WorkingCalendar& calendar, AppOptions options);

  Router BuildRouter();

 private:
  // The other areas' entries in the child's chronology.
  std::vector<ChronologySource> ChronologySources() const;

 private:

  Response Health(Request& request);

  const reference::Catalogue& catalogue_;
  const WorkingCalendar& calendar_;
  AppOptions options_;
  storage::ConcernsRepository concerns_;
  storage::AccessRepository access_;
  storage::AssessmentsRepository assessments_;
  storage::TasksRepository tasks_;
  storage::ToolLibrary tools_;
  storage::ReferralsRepository referrals_;
  storage::MissingRepository missing_;
  storage::IntelligenceRepository intelligence_;
  storage::RecordsRepository records_;
  ToolsArea tools_area_;
  AuthArea auth_area_;
  HomeArea home_area_;
  AuditArea audit_area_;
  TasksArea tasks_area_;
  DisruptionArea disruption_area_;
  RecordsArea records_area_;
  IntelligenceArea intelligence_area_;
  ReferralsArea referrals_area_;
  PanelArea panel_area_;
  MissingArea missing_area_;
  AssessmentsArea assessments_area_;
  ConcernsArea concerns_area_;
  ChildrenArea children_area_;

};

}  // namespace harbour::web
