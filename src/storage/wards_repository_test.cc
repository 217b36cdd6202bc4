#include "storage/wards_repository.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <thread>

#include "storage/storage_fixture.h"

namespace harbour::storage {
namespace {

class WardsRepositoryTest : public testing::StorageTest {
 protected:
  static std::vector<places::Ward> Demo() {
    std::ifstream in(HARBOUR_TEST_SOURCE_DIR "/config/reference/harbourside-wards.geojson");
    std::ostringstream out;
    out << in.rdbuf();
    auto parsed = places::ParseWardsGeoJson(out.str());
    EXPECT_TRUE(parsed.has_value());
    return parsed ? *parsed : std::vector<places::Ward>{};
  }
  static std::vector<places::Ward> One(const std::string& code, double west) {
    std::string text = R"({"type":"FeatureCollection","features":[{"type":"Feature",)"
                       R"("properties":{"code":")" +
                       code +
                       R"(","name":"Only"},"geometry":{"type":"Polygon","coordinates":)"
                       R"([[[)" +
                       std::to_string(west) + R"(,52.0],[)" + std::to_string(west + 1) +
                       R"(,52.0],[)" + std::to_string(west + 1) + R"(,53.0],[)" +
                       std::to_string(west) + R"(,53.0],[)" + std::to_string(west) +
                       R"(,52.0]]]}}]})";
    auto parsed = places::ParseWardsGeoJson(text);
    EXPECT_TRUE(parsed.has_value()) << (parsed ? "" : parsed.error().message);
    return parsed ? *parsed : std::vector<places::Ward>{};
  }
};

TEST_F(WardsRepositoryTest, ReplacesAllAndLocates) {
  WardsRepository repo(*db_);
  auto none = repo.Locate({52.62, -1.875});
  ASSERT_TRUE(none.has_value());
  EXPECT_FALSE(none->has_value());

  ASSERT_TRUE(repo.ReplaceAll(Demo(), now_, "cli:test", "harbourside-wards.geojson").has_value());
  auto all = repo.All();
  ASSERT_TRUE(all.has_value());
  ASSERT_EQ(all->size(), 8u);
  EXPECT_EQ(all->front().code, "E05999901");
  EXPECT_EQ(all->front().imported_by, "cli:test");
  EXPECT_EQ(all->front().source, "harbourside-wards.geojson");
  EXPECT_EQ(*repo.Count(), 8);

  auto quayside = repo.Locate({52.62, -1.875});
  ASSERT_TRUE(quayside.has_value());
  ASSERT_TRUE(quayside->has_value());
  EXPECT_EQ((*quayside)->code, "E05999901");
  EXPECT_EQ((*quayside)->name, "Quayside");
  auto island = repo.Locate({52.59, -1.79});  // Riverside's detached part
  ASSERT_TRUE(island.has_value() && island->has_value());
  EXPECT_EQ((*island)->code, "E05999908");
  auto outside = repo.Locate({51.5, -0.12});
  ASSERT_TRUE(outside.has_value());
  EXPECT_FALSE(outside->has_value());
  auto abroad = repo.Locate({53.35, -6.26});
  ASSERT_FALSE(abroad.has_value());
  EXPECT_TRUE(abroad.error().fields.contains("coordinates"));
}

TEST_F(WardsRepositoryTest, SeesAReplacementMadeThroughAnotherConnection) {
  WardsRepository repo(*db_);
  ASSERT_TRUE(repo.ReplaceAll(One("E05000001", -2.0), now_, "a", "").has_value());
  EXPECT_EQ((*repo.Locate({52.5, -1.5}))->code, "E05000001");
  // Another process: another Database on the same file, same count, same second.
  auto other = Database::Open("sqlite:///" + (dir_ / "test.db").string(), 1);
  ASSERT_TRUE(other.has_value());
  WardsRepository elsewhere(**other);
  ASSERT_TRUE(elsewhere.ReplaceAll(One("E05000002", -2.0), now_, "b", "").has_value());
  EXPECT_EQ((*repo.Locate({52.5, -1.5}))->code, "E05000002");
  EXPECT_EQ((*elsewhere.Locate({52.5, -1.5}))->code, "E05000002");
  ASSERT_TRUE(elsewhere.ReplaceAll(One("E05000003", -3.5), now_, "b", "").has_value());
  EXPECT_FALSE(repo.Locate({52.5, -1.5})->has_value());
}

TEST_F(WardsRepositoryTest, LocatesFromManyThreads) {
  WardsRepository repo(*db_);
  ASSERT_TRUE(repo.ReplaceAll(Demo(), now_, "cli:test", "").has_value());
  std::vector<std::thread> threads;
  threads.reserve(4);
  std::vector<int> right(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      WardsRepository mine(*db_);
      for (int n = 0; n < 25; ++n) {
        auto found = mine.Locate({52.66, -1.725});  // Riverside's main part
        if (found && *found && (*found)->code == "E05999908") ++right[t];
      }
    });
  }
  for (auto& t : threads) t.join();
  for (int r : right) EXPECT_EQ(r, 25);
}

}  // namespace
}  // namespace harbour::storage
