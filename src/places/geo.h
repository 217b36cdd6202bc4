#pragma once
// Place coordinates (issue 5): British National Grid to WGS84 through PROJ, and the check
// that a point lies in the United Kingdom. Pure computation (no I/O beyond PROJ's own
// resource files). Thread-safe: each thread lazily creates its own PJ_CONTEXT and
// transformation, kept until the thread ends; nothing PROJ owns is shared between threads.
#include <optional>

#include "common/error.h"

namespace harbour::places {

// A point in WGS84 degrees (EPSG:4326), latitude north, longitude east.
struct LatLon {
  double lat = 0;
  double lon = 0;
};

// British National Grid (EPSG:27700) easting and northing in metres to WGS84. kInvalid with
// field "coordinates" when the easting is outside 0..700000, the northing outside 0..1300000,
// either is not finite, PROJ cannot transform the point, or the point is outside the UK
// (ValidateUkPoint). PROJ picks the most accurate transformation installed: OSTN15 when its
// grid is present, else the OSGB36 to WGS84 Helmert transformation (about 2 m; see geo.cc).
Result<LatLon> BngToWgs84(double easting, double northing);

// Returns `point` unchanged when it lies inside the United Kingdom's bounding areas (see
// geo.cc: Great Britain with Shetland and the Scilly Isles, and Northern Ireland); kInvalid
// with field "coordinates" otherwise, or when either value is not finite.
Result<LatLon> ValidateUkPoint(LatLon point);

// Where a place is, from what was entered: British National Grid (easting and northing) when
// both are given, which is how police and council systems record places; else WGS84 latitude
// and longitude when both are given; else nowhere (nullopt). The point must lie in the UK
// (kInvalid field "coordinates", as BngToWgs84 and ValidateUkPoint).
Result<std::optional<LatLon>> LocatePoint(std::optional<double> easting,
                                          std::optional<double> northing,
                                          std::optional<double> latitude,
                                          std::optional<double> longitude);

}  // namespace harbour::places
