#pragma once
// Electoral wards (issue 5): parsing a GeoJSON FeatureCollection of ward boundaries and
// finding the ward that contains a point. Uses the reentrant GEOS C API.
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"
#include "places/geo.h"

namespace harbour::places {

// A ward's identity: its ONS code ("E05" and six digits) and name.
struct WardRef {
  std::string code;
  std::string name;
};

// A GEOS geometry owned through its context (see wards.cc). Opaque here.
class Geometry;

// One ward parsed from GeoJSON: its code, name and boundary (a valid Polygon or MultiPolygon
// in WGS84 longitude/latitude), and the feature's geometry re-serialised as GeoJSON text.
struct Ward {
  std::string code;
  std::string name;
  std::shared_ptr<const Geometry> geometry;
  std::string geometry_json;
};

// The largest wards file accepted (bytes).
inline constexpr std::size_t kMaxWardsFileBytes = 64 * 1024 * 1024;

// The longest ward name accepted, in characters.
inline constexpr std::size_t kMaxWardNameChars = 200;
// The most features, and the most coordinates over all features, in one file.
inline constexpr std::size_t kMaxWards = 20000;
inline constexpr std::size_t kMaxWardCoordinates = 5000000;

// True for an ONS code of an English electoral ward: "E05" followed by six digits.
bool IsWardCode(std::string_view code);

// True when the ward's geometry is a non-empty, valid (OGC) Polygon or MultiPolygon.
bool IsValidGeometry(const Ward& ward);

// Parses a GeoJSON FeatureCollection whose features have properties "code" and "name" (or
// the ONS boundary files' "WDyyCD" and "WDyyNM") and a Polygon or MultiPolygon geometry in
// WGS84 longitude/latitude (RFC 7946). kInvalid (code "invalid_wards") lists every problem in
// `fields`, keyed "features[i]" (or "file"; "more" after 100 problems), each naming the
// feature index: not JSON, not a FeatureCollection, no features, a feature without code or
// name, a bad or repeated code, an unsupported geometry type, an invalid or self-intersecting
// polygon, or coordinates outside the UK.
Result<std::vector<Ward>> ParseWardsGeoJson(std::string_view text);

// Point-in-ward lookup over a fixed set of wards: a GEOS STRtree of the wards' envelopes and a
// prepared geometry per ward, all in the index's own GEOS context (the wards' geometries are
// cloned into it). Thread-safe: GEOS prepared geometries and the STRtree build internal state
// lazily on first use, and a context handle must not be used by two threads at once, so Find
// holds a mutex (a lookup takes microseconds).
class WardIndex {
 public:
  explicit WardIndex(std::vector<Ward> wards);
  ~WardIndex();
  WardIndex(const WardIndex&) = delete;
  WardIndex& operator=(const WardIndex&) = delete;

  // The ward containing `point` (boundary included), or nullopt. When wards overlap, the one
  // with the smallest code wins, so the answer is deterministic.
  std::optional<WardRef> Find(LatLon point) const;
  std::size_t Size() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace harbour::places
