#include "places/geo.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <numbers>
#include <thread>
#include <vector>

namespace harbour::places {
namespace {

// Distance in metres between two nearby points (equirectangular; exact enough under 1 km).
double Metres(LatLon a, LatLon b) {
  constexpr double kEarthRadius = 6371000;
  const double to_rad = std::numbers::pi / 180;
  double x = (b.lon - a.lon) * to_rad * std::cos((a.lat + b.lat) / 2 * to_rad);
  double y = (b.lat - a.lat) * to_rad;
  return std::hypot(x, y) * kEarthRadius;
}

double Dms(double degrees, double minutes, double seconds) {
  return degrees + minutes / 60 + seconds / 3600;
}

// The transformation PROJ uses here for EPSG:27700 -> EPSG:4326 is the OSGB36-to-WGS84
// Helmert transformation "OSGB36 to WGS 84 (6)" (EPSG:1314; EPSG states 2 m, the OS guide warns
// of errors up to about 5 m): Debian's proj-data does not package the OSTN15 grid
// (uk_os_OSTN15_NTv2_OSGBtoETRS.tif). Against the OS's published ETRS89 positions it is 3.5 m
// off at Caister and 4.7 m off on St Mary's, so the tolerance is 6 m: a wrong axis order, datum
// or projection is off by tens of metres to kilometres. Should the grid be installed, PROJ
// uses it and the results only get closer (ETRS89 and WGS84 differ by under a metre).
constexpr double kToleranceMetres = 6.0;

TEST(BngToWgs84, MatchesTheOsWorkedExampleAtCaisterWaterTower) {
  // "A Guide to coordinate systems in Great Britain" (Ordnance Survey): Caister water tower,
  // OSGB36 E 651409.792 N 313177.448 is ETRS89 52.658007833 N 1.716073973 E (OSTN02). (The
  // guide's E 651409.903 N 313177.270 -> 52°39'27.2531"N 1°43'4.5177"E example is the
  // projection alone, to OSGB36 latitude and longitude on the Airy ellipsoid, about 120 m from
  // the WGS84 position; it is checked below as a sanity bound.)
  auto point = BngToWgs84(651409.792, 313177.448);
  ASSERT_TRUE(point.has_value()) << point.error().message;
  EXPECT_LT(Metres(*point, LatLon{52.658007833, 1.716073973}), kToleranceMetres);

  auto guide = BngToWgs84(651409.903, 313177.270);
  ASSERT_TRUE(guide.has_value());
  LatLon osgb36{Dms(52, 39, 27.2531), Dms(1, 43, 4.5177)};
  double datum_shift = Metres(*guide, osgb36);
  EXPECT_GT(datum_shift, 50);  // the output is WGS84, not OSGB36 latitude and longitude
  EXPECT_LT(datum_shift, 200);
}

TEST(BngToWgs84, MatchesOstn15TestPointTp01OnStMarysScilly) {
  // OS OSTN15 developer pack, test point TP01: ETRS89 49.92226393730 N 6.29977752014 W is
  // OSGB36 E 91492.146 N 11318.804.
  auto point = BngToWgs84(91492.146, 11318.804);
  ASSERT_TRUE(point.has_value()) << point.error().message;
  EXPECT_LT(Metres(*point, LatLon{49.92226393730, -6.29977752014}), kToleranceMetres);
}

TEST(BngToWgs84, GivesLatitudeThenLongitudeWhateverTheThread) {
  std::vector<LatLon> results(4);
  std::vector<std::thread> threads;
  threads.reserve(results.size());
  for (LatLon& result : results) {
    threads.emplace_back([&result] {
      for (int n = 0; n < 50; ++n) {
        auto p = BngToWgs84(530000, 180000);  // central London
        if (p) result = *p;
      }
    });
  }
  for (auto& t : threads) t.join();
  for (const auto& p : results) {
    EXPECT_NEAR(p.lat, 51.50, 0.02);
    EXPECT_NEAR(p.lon, -0.13, 0.02);
  }
}

TEST(BngToWgs84, RefusesGridValuesOutOfRange) {
  for (auto [e, n] : std::vector<std::pair<double, double>>{{-1, 100000},
                                                            {700001, 100000},
                                                            {300000, -5},
                                                            {300000, 1300001},
                                                            {std::nan(""), 100000},
                                                            {300000, INFINITY}}) {
    auto point = BngToWgs84(e, n);
    ASSERT_FALSE(point.has_value()) << e << " " << n;
    EXPECT_EQ(point.error().kind, ErrorKind::kInvalid);
    ASSERT_TRUE(point.error().fields.contains("coordinates"));
    EXPECT_FALSE(point.error().fields.at("coordinates").empty());
  }
}

TEST(BngToWgs84, RefusesGridPointsOutsideTheUk) {
  // The grid's origin is in the sea south-west of Cornwall; E 700000 N 0 is in France.
  EXPECT_FALSE(BngToWgs84(0, 0).has_value());
  EXPECT_FALSE(BngToWgs84(690000, 20000).has_value());
}

TEST(ValidateUkPoint, AcceptsTheCornersOfTheUnitedKingdom) {
  for (LatLon p : std::vector<LatLon>{
           {51.5074, -0.1278},  // London
           {49.9130, -6.3150},  // St Mary's, Isles of Scilly
           {60.8000, -0.8300},  // Unst, Shetland
           {57.8100, -8.5700},  // St Kilda
           {54.5973, -5.9301},  // Belfast
           {54.3440, -7.6300},  // Enniskillen
           {55.2000, -6.6500},  // Portrush
           {51.8800, -5.3000},  // St Davids, Pembrokeshire
           {52.4770, 1.7500},   // Lowestoft
           {51.1290, 1.3100},   // Dover
           {58.9800, -2.9600},  // Kirkwall, Orkney
           {55.3000, -5.7000},  // Mull of Kintyre
           {53.4808, -2.2426},  // Manchester
       }) {
    auto ok = ValidateUkPoint(p);
    EXPECT_TRUE(ok.has_value()) << p.lat << "," << p.lon;
  }
}

TEST(ValidateUkPoint, RefusesPointsOutsideTheUnitedKingdom) {
  for (LatLon p : std::vector<LatLon>{
           {53.3498, -6.2603},  // Dublin
           {51.8985, -8.4756},  // Cork
           {52.2593, -7.1101},  // Waterford
           {50.9513, 1.8587},   // Calais
           {50.7264, 1.6147},   // Boulogne
           {49.9229, 1.0775},   // Dieppe
           {49.4550, -2.5350},  // Guernsey
           {49.1800, -2.1100},  // Jersey
           {48.8566, 2.3522},   // Paris
           {59.9139, 10.7522},  // Oslo
           {0, 0},
           {-51.5, 0.1},        // latitude and longitude swapped sign
           {-0.1278, 51.5074},  // latitude and longitude swapped
       }) {
    auto refused = ValidateUkPoint(p);
    ASSERT_FALSE(refused.has_value()) << p.lat << "," << p.lon;
    EXPECT_EQ(refused.error().kind, ErrorKind::kInvalid);
    EXPECT_EQ(refused.error().fields.at("coordinates"), "Enter a location in the United Kingdom.");
  }
  EXPECT_FALSE(ValidateUkPoint({std::numeric_limits<double>::quiet_NaN(), 0}).has_value());
  EXPECT_FALSE(ValidateUkPoint({52, std::numeric_limits<double>::infinity()}).has_value());
}

TEST(LocatePoint, GridReferenceFirstThenLatitudeAndLongitudeThenNowhere) {
  // Caister water tower (the OS worked example) by grid reference, with a latitude and
  // longitude elsewhere that the grid reference wins over.
  auto by_grid = LocatePoint(651409.792, 313177.448, 51.5, -0.12);
  ASSERT_TRUE(by_grid.has_value() && by_grid->has_value());
  EXPECT_LT(Metres(**by_grid, LatLon{52.658007833, 1.716073973}), kToleranceMetres);
  auto by_degrees = LocatePoint(std::nullopt, 313177.270, 51.5, -0.12);
  ASSERT_TRUE(by_degrees.has_value() && by_degrees->has_value()) << "half a grid reference";
  EXPECT_DOUBLE_EQ((*by_degrees)->lat, 51.5);
  auto nowhere = LocatePoint(std::nullopt, std::nullopt, 51.5, std::nullopt);
  ASSERT_TRUE(nowhere.has_value());
  EXPECT_FALSE(nowhere->has_value());
  auto abroad = LocatePoint(std::nullopt, std::nullopt, 48.85, 2.35);  // Paris
  ASSERT_FALSE(abroad.has_value());
  EXPECT_TRUE(abroad.error().fields.contains("coordinates"));
}

}  // namespace
}  // namespace harbour::places
