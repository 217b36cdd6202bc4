#pragma once
// The web application's wiring (DESIGN.md §3): the core services every area shares (web/core/)
// and the practice areas (web/<area>/), each of which registers its own routes and receives only
// the services it uses. Thread-safe once built: handlers share only immutable state and the
// database pool.
#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "common/error.h"
#include "profile/return_keys.h"
#include "web/core/http.h"

namespace harbour {
class Clock;
class WorkingCalendar;
}  // namespace harbour
namespace harbour::matching {
class NameVariants;
}  // namespace harbour::matching
namespace harbour::reference {
class Catalogue;
}  // namespace harbour::reference
namespace harbour::storage {
class Database;
}  // namespace harbour::storage

namespace harbour::web {

class PdfFonts;  // web/core/pdf_document.h

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
  // [pdf]: the fonts the minutes PDF embeds, loaded and checked at start-up. Without them the
  // PDF export answers 503 and names the problem.
  std::shared_ptr<const PdfFonts> pdf_fonts{};
  // The regional analyst's page: reads [profile] trusted_keys afresh at each upload, from any
  // worker thread (unset: every upload is refused, no key being trusted); and the server's body
  // limit, which the page states.
  std::function<Result<profile::TrustedKeys>()> trusted_keys{};
  std::size_t body_limit = 1024 * 1024;
  // The partnership's name variants (config/reference/name-variants.txt), for the matcher's
  // check before a child is added and the duplicate review (issue 13). Unset: none.
  std::shared_ptr<const matching::NameVariants> name_variants{};
};

class App {
 public:
  // Everything given must outlive the App.
  App(storage::Database& db, const reference::Catalogue& catalogue, const Clock& clock,
      const WorkingCalendar& calendar, AppOptions options);
  ~App();
  App(const App&) = delete;
  App& operator=(const App&) = delete;

  // Every area's routes, /healthz and the API description; the router must not outlive the App.
  Router BuildRouter();

 private:
  struct Wiring;  // web/app.cc
  std::unique_ptr<Wiring> wiring_;
};

}  // namespace harbour::web
