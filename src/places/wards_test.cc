#include "places/wards.h"

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace harbour::places {
namespace {

using nlohmann::json;

json Square(double west, double south, double size) {
  return json::array(
      {json::array({json::array({west, south}), json::array({west + size, south}),
                    json::array({west + size, south + size}), json::array({west, south + size}),
                    json::array({west, south})})});
}

json Feature(std::string code, std::string name, json geometry) {
  return json{{"type", "Feature"},
              {"properties", {{"code", std::move(code)}, {"name", std::move(name)}}},
              {"geometry", std::move(geometry)}};
}

json Polygon(json coordinates) {
  return json{{"type", "Polygon"}, {"coordinates", std::move(coordinates)}};
}

std::string Collection(std::vector<json> features) {
  return json{{"type", "FeatureCollection"}, {"features", features}}.dump();
}

// The one refusal message for `key`, failing the test when the text was accepted.
std::string Reason(std::string_view text, const std::string& key) {
  auto parsed = ParseWardsGeoJson(text);
  EXPECT_FALSE(parsed.has_value());
  if (parsed) return "";
  EXPECT_EQ(parsed.error().kind, ErrorKind::kInvalid);
  EXPECT_EQ(parsed.error().code, "invalid_wards");
  auto it = parsed.error().fields.find(key);
  EXPECT_NE(it, parsed.error().fields.end()) << key;
  return it == parsed.error().fields.end() ? "" : it->second;
}

std::string DemoFile() {
  std::ifstream in(HARBOUR_TEST_SOURCE_DIR "/config/reference/harbourside-wards.geojson");
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

TEST(IsWardCode, AcceptsOnlyE05AndSixDigits) {
  EXPECT_TRUE(IsWardCode("E05999901"));
  EXPECT_TRUE(IsWardCode("E05000001"));
  for (std::string_view bad : {"", "E0599990", "E059999011", "E06999901", "e05999901", "E05 99990",
                               "E0599990A", "W05000001"}) {
    EXPECT_FALSE(IsWardCode(bad)) << bad;
  }
}

TEST(ParseWardsGeoJson, ReadsPolygonsAndMultiPolygons) {
  json multi{{"type", "MultiPolygon"},
             {"coordinates", json::array({Square(-1.5, 52.5, 0.01), Square(-1.4, 52.5, 0.01)})}};
  auto parsed = ParseWardsGeoJson(
      Collection({Feature("E05000001", " Northgate ", Polygon(Square(-1.6, 52.5, 0.01))),
                  Feature("E05000002", "Southgate", multi)}));
  ASSERT_TRUE(parsed.has_value()) << parsed.error().message;
  ASSERT_EQ(parsed->size(), 2u);
  EXPECT_EQ((*parsed)[0].code, "E05000001");
  EXPECT_EQ((*parsed)[0].name, "Northgate");
  EXPECT_TRUE(IsValidGeometry((*parsed)[0]));
  EXPECT_TRUE(IsValidGeometry((*parsed)[1]));
  json geometry = json::parse((*parsed)[1].geometry_json);
  EXPECT_EQ(geometry["type"], "MultiPolygon");
  EXPECT_EQ(geometry["coordinates"].size(), 2u);
}

TEST(ParseWardsGeoJson, ReadsOnsPropertyNames) {
  json feature = Feature("x", "y", Polygon(Square(-1.6, 52.5, 0.01)));
  feature["properties"] = {{"WD24CD", "E05000003"}, {"WD24NM", "Abbey"}, {"LAD24CD", "E06000001"}};
  auto parsed = ParseWardsGeoJson(Collection({feature}));
  ASSERT_TRUE(parsed.has_value()) << parsed.error().message;
  EXPECT_EQ(parsed->front().code, "E05000003");
  EXPECT_EQ(parsed->front().name, "Abbey");
}

TEST(ParseWardsGeoJson, RefusesWhatIsNotAFeatureCollection) {
  EXPECT_EQ(Reason("{not json", "file"), "The file is not valid JSON.");
  EXPECT_EQ(Reason("[1,2]", "file"), "The file is not a GeoJSON FeatureCollection.");
  EXPECT_EQ(Reason(R"({"type":"Feature"})", "file"),
            "The file is not a GeoJSON FeatureCollection.");
  EXPECT_EQ(Reason(R"({"type":"FeatureCollection"})", "file"),
            "The FeatureCollection has no \"features\" array.");
  EXPECT_EQ(Reason(R"({"type":"FeatureCollection","features":[]})", "file"),
            "The FeatureCollection has no features.");
  EXPECT_EQ(Reason(std::string(100, '[') + std::string(100, ']'), "file"),
            "The file is not GeoJSON: it nests too deeply.");
  EXPECT_EQ(Reason("\xff\xfe", "file"), "The file is not valid UTF-8 text.");
}

TEST(ParseWardsGeoJson, NamesEveryBadFeatureByIndex) {
  json good = Feature("E05000001", "Good", Polygon(Square(-1.6, 52.5, 0.01)));
  json no_code = good;
  no_code["properties"].erase("code");
  json no_name = Feature("E05000002", "", Polygon(Square(-1.6, 52.5, 0.01)));
  json bad_code = Feature("W0500001", "Bad", Polygon(Square(-1.6, 52.5, 0.01)));
  json point = Feature("E05000004", "Point",
                       json{{"type", "Point"}, {"coordinates", json::array({-1.6, 52.5})}});
  // A bow tie: its edges cross.
  json bow_tie =
      Feature("E05000005", "Bow tie",
              Polygon(json::array({json::array(
                  {json::array({-1.6, 52.5}), json::array({-1.5, 52.6}), json::array({-1.5, 52.5}),
                   json::array({-1.6, 52.6}), json::array({-1.6, 52.5})})})));
  json dublin = Feature("E05000006", "Dublin", Polygon(Square(-6.27, 53.34, 0.01)));
  json grid = Feature("E05000007", "Grid", Polygon(Square(400000, 300000, 1000)));
  json open_ring = Feature(
      "E05000008", "Open",
      Polygon(json::array({json::array({json::array({-1.6, 52.5}), json::array({-1.5, 52.5}),
                                        json::array({-1.5, 52.6}), json::array({-1.6, 52.6})})})));
  json repeated = Feature("E05000001", "Again", Polygon(Square(-1.4, 52.5, 0.01)));
  json not_feature = json::array({1});
  std::string text = Collection({good, no_code, no_name, bad_code, point, bow_tie, dublin, grid,
                                 open_ring, repeated, not_feature});
  auto parsed = ParseWardsGeoJson(text);
  ASSERT_FALSE(parsed.has_value());
  const auto& fields = parsed.error().fields;
  EXPECT_EQ(fields.size(), 10u);
  EXPECT_FALSE(fields.contains("features[0]"));
  EXPECT_EQ(fields.at("features[1]"), "Feature 1 has no ward code (property \"code\").");
  EXPECT_EQ(fields.at("features[2]"),
            "Feature 2 (E05000002) has no ward name (property \"name\").");
  EXPECT_EQ(fields.at("features[3]"),
            "Feature 3 has the code \"W0500001\", which is not an ONS ward code (E05 and six "
            "digits).");
  EXPECT_EQ(fields.at("features[4]"),
            "Feature 4 (E05000004) has the unsupported geometry type \"Point\" (only Polygon "
            "and MultiPolygon).");
  EXPECT_TRUE(fields.at("features[5]")
                  .starts_with("Feature 5 (E05000005) has an invalid boundary (Self-intersection"))
      << fields.at("features[5]");
  EXPECT_TRUE(fields.at("features[6]")
                  .starts_with("Feature 6 (E05000006) has coordinates outside the United Kingdom "
                               "(longitude -6.270000"))
      << fields.at("features[6]");
  EXPECT_NE(fields.at("features[7]").find("not British National Grid metres"), std::string::npos)
      << fields.at("features[7]");
  EXPECT_EQ(fields.at("features[8]"),
            "Feature 8 (E05000008) has an unclosed polygon ring (its first and last positions "
            "differ).");
  EXPECT_EQ(fields.at("features[9]"), "Feature 9 repeats the code E05000001 of feature 0.");
  EXPECT_EQ(fields.at("features[10]"), "Feature 10 is not a GeoJSON Feature.");
}

TEST(WardIndex, FindsTheWardContainingAPoint) {
  auto parsed = ParseWardsGeoJson(
      Collection({Feature("E05000001", "West", Polygon(Square(-1.6, 52.5, 0.1))),
                  Feature("E05000002", "East", Polygon(Square(-1.5, 52.5, 0.1)))}));
  ASSERT_TRUE(parsed.has_value());
  WardIndex index(std::move(*parsed));
  EXPECT_EQ(index.Size(), 2u);
  EXPECT_EQ(index.Find({52.55, -1.55})->code, "E05000001");
  EXPECT_EQ(index.Find({52.55, -1.45})->name, "East");
  // On the shared boundary: the smaller code.
  EXPECT_EQ(index.Find({52.55, -1.5})->code, "E05000001");
  EXPECT_FALSE(index.Find({52.65, -1.55}).has_value());
  EXPECT_FALSE(index.Find({52.55, -1.35}).has_value());
  EXPECT_FALSE(index.Find({std::nan(""), -1.55}).has_value());
  EXPECT_FALSE(WardIndex({}).Find({52.55, -1.55}).has_value());
}

TEST(WardIndex, FindsEveryDemoWardAndNothingOutside) {
  auto parsed = ParseWardsGeoJson(DemoFile());
  ASSERT_TRUE(parsed.has_value()) << parsed.error().message;
  ASSERT_GE(parsed->size(), 6u);
  ASSERT_LE(parsed->size(), 10u);
  std::vector<std::pair<LatLon, std::string>> inside;
  for (const auto& ward : *parsed) {
    EXPECT_TRUE(ward.code.starts_with("E059999")) << ward.code;
    // Every part's vertex average: each demo polygon is convex, so it lies inside.
    json geometry = json::parse(ward.geometry_json);
    json polygons = geometry["type"] == "Polygon" ? json::array({geometry["coordinates"]})
                                                  : geometry["coordinates"];
    for (const auto& polygon : polygons) {
      double lat = 0, lon = 0;
      const auto& ring = polygon[0];
      for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
        lon += ring[i][0].get<double>();
        lat += ring[i][1].get<double>();
      }
      inside.push_back({LatLon{lat / (ring.size() - 1), lon / (ring.size() - 1)}, ward.code});
    }
  }
  std::vector<Ward> copy = *parsed;
  WardIndex index(std::move(copy));
  for (const auto& [point, code] : inside) {
    auto found = index.Find(point);
    ASSERT_TRUE(found.has_value()) << code;
    EXPECT_EQ(found->code, code);
  }
  // Around the demo area (lat 52.585-52.68, lon -1.90 to -1.70).
  for (LatLon outside : std::vector<LatLon>{
           {52.70, -1.80}, {52.59, -1.88}, {52.64, -1.95}, {52.64, -1.65}, {51.5074, -0.1278}}) {
    EXPECT_FALSE(index.Find(outside).has_value()) << outside.lat << "," << outside.lon;
  }
  // Lookups from several threads at once agree.
  std::vector<std::thread> threads;
  threads.reserve(4);
  std::vector<int> right(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int n = 0; n < 100; ++n) {
        for (const auto& [point, code] : inside) {
          auto found = index.Find(point);
          if (found && found->code == code) ++right[t];
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  for (int r : right) EXPECT_EQ(r, static_cast<int>(100 * inside.size()));
}

}  // namespace
}  // namespace harbour::places
