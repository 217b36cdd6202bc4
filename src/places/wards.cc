#include "places/wards.h"

#include <geos_c.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>

#include "common/json_depth.h"
#include "common/text.h"

namespace harbour::places {

// A GEOS context handle (GEOS_init_r), finished on destruction.
class Context {
 public:
  Context() : handle_(GEOS_init_r()) {}
  ~Context() {
    if (handle_ != nullptr) GEOS_finish_r(handle_);
  }
  Context(const Context&) = delete;
  Context& operator=(const Context&) = delete;
  GEOSContextHandle_t Get() const { return handle_; }

 private:
  GEOSContextHandle_t handle_;
};

// A geometry with its own context, so that wards parsed together share no GEOS state.
class Geometry {
 public:
  Geometry(std::unique_ptr<Context> context, GEOSGeometry* geometry)
      : context_(std::move(context)), geometry_(geometry) {}
  ~Geometry() {
    if (geometry_ != nullptr) GEOSGeom_destroy_r(context_->Get(), geometry_);
  }
  Geometry(const Geometry&) = delete;
  Geometry& operator=(const Geometry&) = delete;
  GEOSContextHandle_t Handle() const { return context_->Get(); }
  const GEOSGeometry* Get() const { return geometry_; }

 private:
  std::unique_ptr<Context> context_;
  GEOSGeometry* geometry_;
};

namespace {

using nlohmann::json;
using Errors = std::map<std::string, std::string>;

constexpr int kMaxDepth = 16;
constexpr std::size_t kMaxReasons = 100;

// Owns a GEOS geometry of one context until released into another geometry.
struct GeomDeleter {
  GEOSContextHandle_t context;
  void operator()(GEOSGeometry* g) const {
    if (g != nullptr) GEOSGeom_destroy_r(context, g);
  }
};
using GeomPtr = std::unique_ptr<GEOSGeometry, GeomDeleter>;

std::unexpected<Error> Refuse(Errors errors) {
  return Fail(ErrorKind::kInvalid, "invalid_wards", "The wards file was refused.",
              std::move(errors));
}

std::unexpected<Error> RefuseFile(std::string message) {
  return Refuse({{"file", std::move(message)}});
}

std::string Number(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.6f", value);
  return buffer;
}

// Why a position array is unusable, or "".
std::string PositionProblem(const json& position) {
  if (!position.is_array() || position.size() < 2 || position.size() > 3) {
    return "a position that is not an array of longitude and latitude";
  }
  for (const auto& v : position) {
    if (!v.is_number()) return "a position holding something other than numbers";
  }
  return "";
}

struct Builder {
  GEOSContextHandle_t context;
  std::size_t coordinates = 0;  // running total over the file
  std::string problem;

  // A linear ring from a GeoJSON ring, or nullptr with `problem` set.
  GEOSGeometry* Ring(const json& ring) {
    if (!ring.is_array() || ring.size() < 4) {
      problem = "a polygon ring with fewer than 4 positions";
      return nullptr;
    }
    coordinates += ring.size();
    if (coordinates > kMaxWardCoordinates) {
      problem =
          "more positions than the file may hold (" + std::to_string(kMaxWardCoordinates) + ")";
      return nullptr;
    }
    for (const auto& position : ring) {
      problem = PositionProblem(position);
      if (!problem.empty()) return nullptr;
      double lon = position[0].get<double>();
      double lat = position[1].get<double>();
      if (!ValidateUkPoint(LatLon{lat, lon})) {
        bool grid_like = std::fabs(lon) > 180 || std::fabs(lat) > 90;
        problem = "coordinates outside the United Kingdom (longitude " + Number(lon) +
                  ", latitude " + Number(lat) + ")" +
                  (grid_like ? "; the file must use WGS84 longitude and latitude, not British "
                               "National Grid metres"
                             : "");
        return nullptr;
      }
    }
    if (ring.front()[0].get<double>() != ring.back()[0].get<double>() ||
        ring.front()[1].get<double>() != ring.back()[1].get<double>()) {
      problem = "an unclosed polygon ring (its first and last positions differ)";
      return nullptr;
    }
    GEOSCoordSequence* sequence =
        GEOSCoordSeq_create_r(context, static_cast<unsigned>(ring.size()), 2);
    if (sequence == nullptr) {
      problem = "a polygon ring could not be built";
      return nullptr;
    }
    for (std::size_t i = 0; i < ring.size(); ++i) {
      GEOSCoordSeq_setXY_r(context, sequence, static_cast<unsigned>(i), ring[i][0].get<double>(),
                           ring[i][1].get<double>());
    }
    GEOSGeometry* made = GEOSGeom_createLinearRing_r(context, sequence);  // owns `sequence`
    if (made == nullptr) problem = "a polygon ring could not be built";
    return made;
  }

  GEOSGeometry* Polygon(const json& rings) {
    if (!rings.is_array() || rings.empty()) {
      problem = "a polygon without rings";
      return nullptr;
    }
    GeomPtr shell(Ring(rings[0]), GeomDeleter{context});
    if (!shell) return nullptr;
    std::vector<GeomPtr> holes;
    for (std::size_t i = 1; i < rings.size(); ++i) {
      GeomPtr hole(Ring(rings[i]), GeomDeleter{context});
      if (!hole) return nullptr;
      holes.push_back(std::move(hole));
    }
    std::vector<GEOSGeometry*> raw;
    raw.reserve(holes.size());
    for (auto& h : holes) raw.push_back(h.release());
    // GEOS takes ownership of the shell and the holes, also when it fails.
    GEOSGeometry* made = GEOSGeom_createPolygon_r(context, shell.release(), raw.data(),
                                                  static_cast<unsigned>(raw.size()));
    if (made == nullptr) problem = "a polygon could not be built";
    return made;
  }

  GEOSGeometry* MultiPolygon(const json& polygons) {
    if (!polygons.is_array() || polygons.empty()) {
      problem = "a multi-polygon without polygons";
      return nullptr;
    }
    std::vector<GeomPtr> parts;
    for (const auto& p : polygons) {
      GeomPtr part(Polygon(p), GeomDeleter{context});
      if (!part) return nullptr;
      parts.push_back(std::move(part));
    }
    std::vector<GEOSGeometry*> raw;
    raw.reserve(parts.size());
    for (auto& p : parts) raw.push_back(p.release());
    GEOSGeometry* made = GEOSGeom_createCollection_r(context, GEOS_MULTIPOLYGON, raw.data(),
                                                     static_cast<unsigned>(raw.size()));
    if (made == nullptr) problem = "a multi-polygon could not be built";
    return made;
  }
};

// The property holding the code or name: "code"/"name", else an ONS "WDyyCD"/"WDyyNM".
const json* Property(const json& properties, std::string_view plain, std::string_view suffix) {
  if (auto it = properties.find(std::string(plain)); it != properties.end()) return &*it;
  for (auto it = properties.begin(); it != properties.end(); ++it) {
    const std::string& key = it.key();
    if (key.size() == 6 && key.starts_with("WD") &&
        std::isdigit(static_cast<unsigned char>(key[2])) &&
        std::isdigit(static_cast<unsigned char>(key[3])) && key.ends_with(suffix)) {
      return &it.value();
    }
  }
  return nullptr;
}

// One feature as a ward, or the reason it is refused (without the "Feature i: " prefix).
std::expected<Ward, std::string> ParseFeature(const json& feature, std::size_t& coordinates) {
  if (!feature.is_object() || feature.value("type", json()) != "Feature") {
    return std::unexpected("is not a GeoJSON Feature");
  }
  auto properties = feature.find("properties");
  if (properties == feature.end() || !properties->is_object()) {
    return std::unexpected("has no properties (a ward needs a code and a name)");
  }
  const json* code = Property(*properties, "code", "CD");
  if (code == nullptr || !code->is_string() || Trim(code->get<std::string>()).empty()) {
    return std::unexpected("has no ward code (property \"code\")");
  }
  Ward ward;
  ward.code = Trim(code->get<std::string>());
  if (!IsWardCode(ward.code)) {
    return std::unexpected("has the code \"" + ward.code.substr(0, 20) +
                           "\", which is not an ONS ward code (E05 and six digits)");
  }
  const json* name = Property(*properties, "name", "NM");
  if (name == nullptr || !name->is_string() || Trim(name->get<std::string>()).empty()) {
    return std::unexpected("(" + ward.code + ") has no ward name (property \"name\")");
  }
  ward.name = Trim(name->get<std::string>());
  if (HasControlCharacters(ward.name) || CharacterCount(ward.name) > kMaxWardNameChars) {
    return std::unexpected("(" + ward.code + ") has a name with control characters or over " +
                           std::to_string(kMaxWardNameChars) + " characters");
  }
  auto geometry = feature.find("geometry");
  if (geometry == feature.end() || !geometry->is_object()) {
    return std::unexpected("(" + ward.code + ") has no geometry");
  }
  auto type = geometry->find("type");
  auto coords = geometry->find("coordinates");
  if (type == geometry->end() || !type->is_string()) {
    return std::unexpected("(" + ward.code + ") has a geometry without a type");
  }
  const std::string kind = type->get<std::string>();
  if (kind != "Polygon" && kind != "MultiPolygon") {
    return std::unexpected("(" + ward.code + ") has the unsupported geometry type \"" +
                           kind.substr(0, 40) + "\" (only Polygon and MultiPolygon)");
  }
  if (coords == geometry->end()) {
    return std::unexpected("(" + ward.code + ") has a geometry without coordinates");
  }
  auto context = std::make_unique<Context>();
  if (context->Get() == nullptr) return std::unexpected("could not be processed");
  Builder builder{context->Get(), coordinates, ""};
  GEOSGeometry* made = kind == "Polygon" ? builder.Polygon(*coords) : builder.MultiPolygon(*coords);
  coordinates = builder.coordinates;
  if (made == nullptr) return std::unexpected("(" + ward.code + ") has " + builder.problem);
  auto owned = std::make_shared<const Geometry>(std::move(context), made);
  char valid = GEOSisValid_r(owned->Handle(), owned->Get());
  if (valid != 1) {
    std::string reason = "an invalid boundary";
    if (char* why = GEOSisValidReason_r(owned->Handle(), owned->Get()); why != nullptr) {
      reason += " (" + std::string(why) + ")";
      GEOSFree_r(owned->Handle(), why);
    }
    return std::unexpected("(" + ward.code + ") has " + reason);
  }
  ward.geometry = std::move(owned);
  ward.geometry_json = json{{"type", kind}, {"coordinates", *coords}}.dump();
  return ward;
}

}  // namespace

bool IsWardCode(std::string_view code) {
  return code.size() == 9 && code.starts_with("E05") &&
         std::all_of(code.begin() + 3, code.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool IsValidGeometry(const Ward& ward) {
  if (!ward.geometry || ward.geometry->Get() == nullptr) return false;
  GEOSContextHandle_t context = ward.geometry->Handle();
  const GEOSGeometry* g = ward.geometry->Get();
  int type = GEOSGeomTypeId_r(context, g);
  return (type == GEOS_POLYGON || type == GEOS_MULTIPOLYGON) && GEOSisEmpty_r(context, g) == 0 &&
         GEOSisValid_r(context, g) == 1;
}

Result<std::vector<Ward>> ParseWardsGeoJson(std::string_view text) {
  if (text.size() > kMaxWardsFileBytes) {
    return RefuseFile("The file is larger than " + std::to_string(kMaxWardsFileBytes / 1048576) +
                      " MB.");
  }
  if (!IsValidUtf8(text)) return RefuseFile("The file is not valid UTF-8 text.");
  if (NestsDeeperThan(text, kMaxDepth))
    return RefuseFile("The file is not GeoJSON: it nests too deeply.");
  json root = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (root.is_discarded()) return RefuseFile("The file is not valid JSON.");
  if (!root.is_object() || root.value("type", json()) != "FeatureCollection") {
    return RefuseFile("The file is not a GeoJSON FeatureCollection.");
  }
  auto features = root.find("features");
  if (features == root.end() || !features->is_array()) {
    return RefuseFile("The FeatureCollection has no \"features\" array.");
  }
  if (features->empty()) return RefuseFile("The FeatureCollection has no features.");
  if (features->size() > kMaxWards) {
    return RefuseFile("The file has more than " + std::to_string(kMaxWards) + " features.");
  }
  Errors errors;
  std::vector<Ward> wards;
  std::map<std::string, std::size_t> seen;
  std::size_t coordinates = 0;
  for (std::size_t i = 0; i < features->size(); ++i) {
    if (errors.size() >= kMaxReasons) {
      errors["more"] = "Further features were not checked (more than " +
                       std::to_string(kMaxReasons) + " problems).";
      break;
    }
    const std::string key = "features[" + std::to_string(i) + "]";
    const std::string prefix = "Feature " + std::to_string(i) + " ";
    auto ward = ParseFeature((*features)[i], coordinates);
    if (!ward) {
      errors[key] = prefix + ward.error() + ".";
      if (coordinates > kMaxWardCoordinates) break;
      continue;
    }
    if (auto [it, fresh] = seen.emplace(ward->code, i); !fresh) {
      errors[key] = prefix + "repeats the code " + ward->code + " of feature " +
                    std::to_string(it->second) + ".";
      continue;
    }
    wards.push_back(std::move(*ward));
  }
  if (!errors.empty()) return Refuse(std::move(errors));
  return wards;
}

struct WardIndex::Impl {
  Context context;
  std::vector<WardRef> refs;
  std::vector<GEOSGeometry*> geometries;
  std::vector<const GEOSPreparedGeometry*> prepared;
  std::vector<std::size_t> items;  // the tree's payloads point into this
  GEOSSTRtree* tree = nullptr;
  mutable std::mutex mutex;

  ~Impl() {
    GEOSContextHandle_t h = context.Get();
    if (tree != nullptr) GEOSSTRtree_destroy_r(h, tree);
    for (const auto* p : prepared) GEOSPreparedGeom_destroy_r(h, p);
    for (auto* g : geometries) GEOSGeom_destroy_r(h, g);
  }
};

WardIndex::WardIndex(std::vector<Ward> wards) : impl_(std::make_unique<Impl>()) {
  GEOSContextHandle_t h = impl_->context.Get();
  if (h == nullptr) return;
  for (auto& ward : wards) {
    if (!ward.geometry || ward.geometry->Get() == nullptr) continue;
    GEOSGeometry* copy = GEOSGeom_clone_r(h, ward.geometry->Get());
    if (copy == nullptr) continue;
    const GEOSPreparedGeometry* prepared = GEOSPrepare_r(h, copy);
    if (prepared == nullptr) {
      GEOSGeom_destroy_r(h, copy);
      continue;
    }
    impl_->geometries.push_back(copy);
    impl_->prepared.push_back(prepared);
    impl_->refs.push_back(WardRef{std::move(ward.code), std::move(ward.name)});
  }
  impl_->items.resize(impl_->geometries.size());
  impl_->tree = GEOSSTRtree_create_r(h, 10);
  if (impl_->tree == nullptr) return;
  for (std::size_t i = 0; i < impl_->geometries.size(); ++i) {
    impl_->items[i] = i;
    GEOSSTRtree_insert_r(h, impl_->tree, impl_->geometries[i], &impl_->items[i]);
  }
}

WardIndex::~WardIndex() = default;

std::size_t WardIndex::Size() const { return impl_->refs.size(); }

std::optional<WardRef> WardIndex::Find(LatLon point) const {
  if (!std::isfinite(point.lat) || !std::isfinite(point.lon)) return std::nullopt;
  std::lock_guard lock(impl_->mutex);
  GEOSContextHandle_t h = impl_->context.Get();
  if (h == nullptr || impl_->tree == nullptr || impl_->refs.empty()) return std::nullopt;
  GeomPtr query(GEOSGeom_createPointFromXY_r(h, point.lon, point.lat), GeomDeleter{h});
  if (!query) return std::nullopt;
  std::vector<std::size_t> candidates;
  GEOSSTRtree_query_r(
      h, impl_->tree, query.get(),
      [](void* item, void* found) {
        static_cast<std::vector<std::size_t>*>(found)->push_back(*static_cast<std::size_t*>(item));
      },
      &candidates);
  const WardRef* best = nullptr;
  for (std::size_t i : candidates) {
    if (GEOSPreparedCovers_r(h, impl_->prepared[i], query.get()) != 1) continue;
    if (best == nullptr || impl_->refs[i].code < best->code) best = &impl_->refs[i];
  }
  if (best == nullptr) return std::nullopt;
  return *best;
}

}  // namespace harbour::places
