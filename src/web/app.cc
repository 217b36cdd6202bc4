#include "web/app.h"

#include <spdlog/spdlog.h>

#include "common/ids.h"
#include "web/core/errors.h"
#include "web/core/routes.h"

namespace harbour::web {

AppServices::AppServices(storage::Database& db, const Clock& clock, bool demo)
    : agencies_(db),
      identity_(db),
      children_(db),
      audit_(db),
      messages_(db),
      flags_(db),
      panel_(db),
      pages_(messages_, demo),
      auditor_(audit_, clock),
      authoriser_(children_, panel_, auditor_, pages_, clock),
      banner_(flags_, clock),
      sessions_(identity_, agencies_, clock) {}

Core AppServices::CoreServices(storage::Database& db, const Clock& clock) {
  return Core{db, clock, pages_, auditor_, authoriser_, banner_};
}

App::App(storage::Database& db, const reference::Catalogue& catalogue, const Clock& clock,
         const WorkingCalendar& calendar, AppOptions options)
    : AppServices(db, clock, options.demo),
      AreaHandlers(CoreServices(db, clock)),
      catalogue_(catalogue),
      calendar_(calendar),
      options_(std::move(options)),
      concerns_(db),
      access_(db),
      assessments_(db),
      tasks_(db),
      tools_(db, catalogue),
      referrals_(db),
      missing_(db),
      intelligence_(db),
      records_(db),
      tools_area_(CoreServices(db, clock), tools_, catalogue),
      auth_area_(CoreServices(db, clock), sessions_, options_.secure_cookies),
      home_area_(CoreServices(db, clock), catalogue, options_.panel_name),
      audit_area_(CoreServices(db, clock)),
      tasks_area_(CoreServices(db, clock), tools_, catalogue),
      disruption_area_(CoreServices(db, clock), options_.disruption_reminder_days),
      records_area_(CoreServices(db, clock), catalogue, disruption_area_),
      intelligence_area_(CoreServices(db, clock), records_area_, options_.intelligence_unit),
      referrals_area_(CoreServices(db, clock), tools_, calendar,
                      FeedbackOptions{options_.panel_name, options_.panel_contact}),
      panel_area_(CoreServices(db, clock), referrals_area_,
                  FeedbackOptions{options_.panel_name, options_.panel_contact}),
      missing_area_(CoreServices(db, clock), catalogue,
                    missing::RepeatRule{options_.missing_repeat_threshold,
                                        options_.missing_repeat_window_days}),
      assessments_area_(CoreServices(db, clock), tools_, catalogue, calendar),
      concerns_area_(CoreServices(db, clock), catalogue, ChronologySources()),
      children_area_(CoreServices(db, clock), catalogue, records_area_, assessments_area_) {}

std::vector<ChronologySource> App::ChronologySources() const {
  auto from = [](const auto& area) {
    return [&area](const children::Child& child) { return area.ChronologyEntries(child); };
  };
  return {from(referrals_area_), from(assessments_area_), from(panel_area_), from(missing_area_)};
}

Router App::BuildRouter() {
  Router router;
  Routes r(router, sessions_, auditor_, pages_);
  auto page = [this](auto method) {
    return [this, method](Request& q, const Principal& p) { return (this->*method)(q, p); };
  };
  auto api = page;
  r.Public(Method::kGet, "/healthz", [this](Request& q) { return Health(q); });
  auth_area_.Register(r);
  home_area_.Register(r);
  audit_area_.Register(r);
  tasks_area_.Register(r);
  disruption_area_.Register(r);
  records_area_.Register(r);
  intelligence_area_.Register(r);
  referrals_area_.Register(r);
  panel_area_.Register(r);
  missing_area_.Register(r);
  assessments_area_.Register(r);
  concerns_area_.Register(r);
  children_area_.Register(r);
  tools_area_.Register(r);

  r.Public(Method::kGet, "/api/v1/openapi.yaml", [this](Request&) {
    Response res = Response::Text(200, options_.openapi_yaml);
    res.content_type = "application/yaml; charset=utf-8";
    res.no_store = false;
    res.AddHeader("Cache-Control", "public, max-age=300");
    return res;
  });

  router.SetNotFound([this](Request& q) {
    if (q.path.starts_with("/api/")) {
      return JsonError(Error{ErrorKind::kNotFound, "not_found", "No such API route.", {}});
    }
    auto who = sessions_.FromSession(q);
    return NotFoundPage(who ? &*who : nullptr, q);
  });
  return router;
}

Response App::Health(Request&) {
  if (!db_.Ping())
    return Response::Json(503, R"({"status":"unavailable","database":"unavailable"})");
  return Response::Json(200, R"({"status":"ok","database":"ok"})");
}

}  // namespace harbour::web
