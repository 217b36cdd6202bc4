#include "web/app.h"

#include "matching/names.h"
#include "storage/tool_library.h"
#include "web/assessments/assessments.h"
#include "web/audit/audit.h"
#include "web/auth/auth.h"
#include "web/children/children.h"
#include "web/concerns/concerns.h"
#include "web/core/errors.h"
#include "web/core/routes.h"
#include "web/core/services.h"
#include "web/disruption/disruption.h"
#include "web/home/home.h"
#include "web/intelligence/intelligence.h"
#include "web/matching/matching.h"
#include "web/missing/missing.h"
#include "web/panel/panel.h"
#include "web/profile/profile.h"
#include "web/records/records.h"
#include "web/referrals/referrals.h"
#include "web/tasks/tasks.h"
#include "web/tools/tools.h"

namespace harbour::web {

// Built in declaration order: the core, then each area after the areas it uses.
struct App::Wiring {
  Wiring(storage::Database& db, const reference::Catalogue& catalogue, const Clock& clock,
         const WorkingCalendar& calendar, AppOptions o)
      : options(std::move(o)),
        services(db, clock, options.demo),
        tools(db, catalogue),
        home(core, catalogue, options.panel_name),
        tools_area(core, tools, catalogue),
        tasks(core, tools, catalogue),
        records(core, catalogue, disruption, variants),
        referrals(core, tools, calendar, feedback),
        missing(core, catalogue,
                {options.missing_repeat_threshold, options.missing_repeat_window_days}),
        assessments(core, tools, catalogue, calendar),
        // The chronology lists what the other areas recorded about the child.
        concerns(core, catalogue,
                 {[this](const children::Child& c) { return referrals.ChronologyEntries(c); },
                  [this](const children::Child& c) { return assessments.ChronologyEntries(c); },
                  [this](const children::Child& c) { return panel.ChronologyEntries(c); },
                  [this](const children::Child& c) { return missing.ChronologyEntries(c); }}),
        matching(core, variants),
        children(core, catalogue, records, assessments, matching),
        profile(core, catalogue, calendar, tools, options.pdf_fonts,
                {options.trusted_keys, options.body_limit}) {}

  AppOptions options;
  // The name variants every matching area reads (none when the options give none).
  std::shared_ptr<const matching::NameVariants> variants =
      options.name_variants != nullptr ? options.name_variants
                                       : std::make_shared<const matching::NameVariants>();
  CoreServices services;
  const Core& core = services.core;
  storage::ToolLibrary tools;  // parsed tool versions, cached once for every area
  FeedbackOptions feedback{options.panel_name, options.panel_contact};
  AuthArea auth{core, services.sessions, options.secure_cookies};
  HomeArea home;
  AuditArea audit{core};
  ToolsArea tools_area;
  TasksArea tasks;
  DisruptionArea disruption{core, options.disruption_reminder_days};
  RecordsArea records;
  IntelligenceArea intelligence{core, records, options.intelligence_unit};
  ReferralsArea referrals;
  PanelArea panel{core, referrals, feedback, options.pdf_fonts};
  MissingArea missing;
  AssessmentsArea assessments;
  ConcernsArea concerns;
  MatchingArea matching;
  ChildrenArea children;
  ProfileArea profile;
};

App::App(storage::Database& db, const reference::Catalogue& catalogue, const Clock& clock,
         const WorkingCalendar& calendar, AppOptions options)
    : wiring_(std::make_unique<Wiring>(db, catalogue, clock, calendar, std::move(options))) {}

App::~App() = default;

Router App::BuildRouter() {
  Wiring& w = *wiring_;
  Router router;
  Routes routes(router, w.services.sessions, w.services.auditor, w.services.pages);
  routes.Public(Method::kGet, "/healthz", [&db = w.core.db](Request&) {
    if (!db.Ping()) {
      return Response::Json(503, R"({"status":"unavailable","database":"unavailable"})");
    }
    return Response::Json(200, R"({"status":"ok","database":"ok"})");
  });
  routes.Public(Method::kGet, "/api/v1/openapi.yaml", [&yaml = w.options.openapi_yaml](Request&) {
    Response res = Response::Text(200, yaml);
    res.content_type = "application/yaml; charset=utf-8";
    res.no_store = false;
    res.AddHeader("Cache-Control", "public, max-age=300");
    return res;
  });
  w.auth.Register(routes);
  w.home.Register(routes);
  w.audit.Register(routes);
  w.tools_area.Register(routes);
  w.tasks.Register(routes);
  w.disruption.Register(routes);
  w.records.Register(routes);
  w.intelligence.Register(routes);
  w.referrals.Register(routes);
  w.panel.Register(routes);
  w.missing.Register(routes);
  w.assessments.Register(routes);
  w.concerns.Register(routes);
  w.matching.Register(routes);
  w.children.Register(routes);
  w.profile.Register(routes);
  router.SetNotFound([&sessions = w.services.sessions, &pages = w.services.pages](Request& q) {
    if (q.path.starts_with("/api/")) {
      return JsonError(Error{ErrorKind::kNotFound, "not_found", "No such API route.", {}});
    }
    auto who = sessions.FromSession(q);
    return pages.NotFoundPage(who ? &*who : nullptr, q);
  });
  return router;
}

}  // namespace harbour::web
