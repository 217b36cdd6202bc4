#include "places/geo.h"

#include <proj.h>

#include <array>
#include <cmath>
#include <map>
#include <string>

namespace harbour::places {
namespace {

constexpr double kMaxEasting = 700000;
constexpr double kMaxNorthing = 1300000;

std::unexpected<Error> BadCoordinates(std::string message) {
  std::map<std::string, std::string> fields{{"coordinates", message}};
  return Invalid(std::move(fields), std::move(message));
}

// One PROJ context and the EPSG:27700 -> EPSG:4326 transformation, normalised so that the
// output is longitude, latitude. Owned by one thread (thread_local below): a PJ_CONTEXT and the
// PJ objects made in it must not be used by two threads at once.
class Transformer {
 public:
  Transformer() {
    context_ = proj_context_create();
    if (context_ == nullptr) return;
    proj_context_set_enable_network(context_, 0);
    proj_log_level(context_, PJ_LOG_NONE);
    PJ* raw = proj_create_crs_to_crs(context_, "EPSG:27700", "EPSG:4326", nullptr);
    if (raw == nullptr) return;
    transform_ = proj_normalize_for_visualization(context_, raw);
    proj_destroy(raw);
  }
  ~Transformer() {
    if (transform_ != nullptr) proj_destroy(transform_);
    if (context_ != nullptr) proj_context_destroy(context_);
  }
  Transformer(const Transformer&) = delete;
  Transformer& operator=(const Transformer&) = delete;

  // Longitude and latitude of a grid point, or false.
  bool Transform(double easting, double northing, double& lon, double& lat) {
    if (transform_ == nullptr) return false;
    PJ_COORD in = proj_coord(easting, northing, 0, 0);
    PJ_COORD out = proj_trans(transform_, PJ_FWD, in);
    if (proj_errno(transform_) != 0) {
      proj_errno_reset(transform_);
      return false;
    }
    lon = out.lp.lam;
    lat = out.lp.phi;
    return std::isfinite(lon) && std::isfinite(lat);
  }

 private:
  PJ_CONTEXT* context_ = nullptr;
  PJ* transform_ = nullptr;
};

// The United Kingdom as a union of latitude/longitude boxes (degrees), drawn so that the
// coasts of France, the Channel Islands and the east coast of Ireland (Dublin, Wicklow,
// Wexford) fall outside. A box cannot follow the land border in Ireland: the Northern Ireland
// box also takes in parts of Donegal, Monaghan, Cavan, Leitrim and Louth (Dundalk), and the
// boxes contain the Isle of Man and sea. Points there are accepted; points clearly outside the
// UK are refused.
struct Box {
  double min_lat, max_lat, min_lon, max_lon;
};
constexpr std::array<Box, 6> kUkBoxes = {{
    {49.85, 50.55, -6.50, 0.00},   // Scilly, Cornwall, Devon, Dorset, Isle of Wight
    {50.55, 51.30, -6.50, 1.45},   // southern England to Kent (Cap Gris Nez is at 1.58 E)
    {51.30, 54.05, -5.70, 1.80},   // Wales, the Midlands, East Anglia, northern England
    {54.05, 55.40, -6.10, 1.80},   // Cumbria, Galloway, the Borders, Kintyre's Mull
    {54.00, 55.40, -8.20, -5.40},  // Northern Ireland (with parts of the Republic: see above)
    {55.40, 61.00, -8.70, -0.50},  // Scotland with the Hebrides, St Kilda, Orkney and Shetland
}};

}  // namespace

Result<LatLon> ValidateUkPoint(LatLon point) {
  if (!std::isfinite(point.lat) || !std::isfinite(point.lon)) {
    return BadCoordinates("Enter coordinates as numbers.");
  }
  for (const Box& box : kUkBoxes) {
    if (point.lat >= box.min_lat && point.lat <= box.max_lat && point.lon >= box.min_lon &&
        point.lon <= box.max_lon) {
      return point;
    }
  }
  return BadCoordinates("Enter a location in the United Kingdom.");
}

Result<LatLon> BngToWgs84(double easting, double northing) {
  if (!std::isfinite(easting) || !std::isfinite(northing)) {
    return BadCoordinates("Enter the easting and northing as numbers.");
  }
  if (easting < 0 || easting > kMaxEasting) {
    return BadCoordinates("Enter an easting between 0 and 700000 metres.");
  }
  if (northing < 0 || northing > kMaxNorthing) {
    return BadCoordinates("Enter a northing between 0 and 1300000 metres.");
  }
  thread_local Transformer transformer;
  LatLon point;
  if (!transformer.Transform(easting, northing, point.lon, point.lat)) {
    return BadCoordinates("These grid coordinates could not be converted.");
  }
  return ValidateUkPoint(point);
}

Result<std::optional<LatLon>> LocatePoint(std::optional<double> easting,
                                          std::optional<double> northing,
                                          std::optional<double> latitude,
                                          std::optional<double> longitude) {
  if (easting && northing) {
    auto converted = BngToWgs84(*easting, *northing);
    if (!converted) return std::unexpected(converted.error());
    return std::optional<LatLon>(*converted);
  }
  if (!latitude || !longitude) return std::optional<LatLon>();
  auto inside = ValidateUkPoint(LatLon{*latitude, *longitude});
  if (!inside) return std::unexpected(inside.error());
  return std::optional<LatLon>(*inside);
}

}  // namespace harbour::places
