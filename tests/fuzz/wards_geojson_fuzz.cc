// The wards file (places::ParseWardsGeoJson) on arbitrary bytes, then what `harbour wards
// import` and the ward lookup do next with an accepted file: a refusal names the file or
// features by index; accepted wards have valid ONS codes, trimmed names, unique codes and valid
// Polygon or MultiPolygon boundaries inside the UK, their stored GeoJSON parses back to the same
// ward, and a WardIndex built from them answers lookups without crashing.
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <string_view>

#include "common/text.h"
#include "fuzz_check.h"
#include "places/geo.h"
#include "places/wards.h"

namespace {

using namespace harbour;

void CheckRejection(const Error& e) {
  FUZZ_CHECK(e.kind == ErrorKind::kInvalid && e.code == "invalid_wards");
  FUZZ_CHECK(!e.fields.empty());
  for (const auto& [field, message] : e.fields) {
    FUZZ_CHECK(field == "file" || field == "more" || field.starts_with("features["));
    FUZZ_CHECK(!message.empty());
    if (field.starts_with("features[")) FUZZ_CHECK(message.starts_with("Feature "));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  auto wards = places::ParseWardsGeoJson(input);
  if (!wards) {
    CheckRejection(wards.error());
    return 0;
  }
  FUZZ_CHECK(!wards->empty() && wards->size() <= places::kMaxWards);
  std::set<std::string> codes;
  nlohmann::json features = nlohmann::json::array();
  for (const auto& ward : *wards) {
    FUZZ_CHECK(places::IsWardCode(ward.code));
    FUZZ_CHECK(codes.insert(ward.code).second);
    FUZZ_CHECK(!ward.name.empty() && ward.name == Trim(ward.name) && IsValidUtf8(ward.name) &&
               !HasControlCharacters(ward.name) &&
               CharacterCount(ward.name) <= places::kMaxWardNameChars);
    FUZZ_CHECK(places::IsValidGeometry(ward));
    // What storage keeps reads back as the same ward (WardsRepository::Locate relies on it).
    nlohmann::json geometry = nlohmann::json::parse(ward.geometry_json, nullptr, false);
    FUZZ_CHECK(!geometry.is_discarded() && geometry.is_object());
    FUZZ_CHECK(geometry["type"] == "Polygon" || geometry["type"] == "MultiPolygon");
    features.push_back({{"type", "Feature"},
                        {"properties", {{"code", ward.code}, {"name", ward.name}}},
                        {"geometry", geometry}});
  }
  auto again = places::ParseWardsGeoJson(
      nlohmann::json{{"type", "FeatureCollection"}, {"features", features}}.dump());
  FUZZ_CHECK(again.has_value() && again->size() == wards->size());
  for (std::size_t i = 0; i < wards->size(); ++i) {
    FUZZ_CHECK((*again)[i].code == (*wards)[i].code && (*again)[i].name == (*wards)[i].name);
  }

  places::WardIndex index(std::move(*wards));
  FUZZ_CHECK(index.Size() == again->size());
  for (places::LatLon point : {places::LatLon{52.62, -1.875}, places::LatLon{51.5, -0.12},
                               places::LatLon{54.6, -5.93}, places::LatLon{57.0, -4.0}}) {
    auto found = index.Find(point);
    if (found) FUZZ_CHECK(codes.contains(found->code));
  }
  return 0;
}
