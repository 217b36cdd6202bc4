#pragma once
// Equality and calibration monitoring (profile/monitoring.h) as the page and the API show them.
// Included only inside web/profile/.
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "profile/monitoring.h"
#include "web/core/templates.h"

namespace harbour::web {

// What the profile shows of equality and calibration for one release.
using Monitoring = profile::ReleasedMonitoring;

// A group's rate per 10,000 with one decimal, "c" when its count is suppressed, "" when it has
// no population; and its 95% interval, "LOW to HIGH", the same way.
std::string RateText(const profile::GroupRateRow& row);
std::string IntervalText(const profile::GroupRateRow& row);

// Template context: "equality" (tables of rows with rate and interval text and a flag),
// "level_grids", "confusion", "judgement" (grids: columns, rows of cells, totals), "kappa",
// "has_kappa", "compared".
mstch::map MonitoringContext(const Monitoring& monitoring);
nlohmann::json MonitoringJson(const Monitoring& monitoring);
// The same for the CSV file, appended after the profile's tables.
std::string MonitoringCsv(const Monitoring& monitoring);

}  // namespace harbour::web
