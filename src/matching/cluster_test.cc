// Clustering: links at or over the link weight join, strongest first; a chain A = B = C whose A
// and C clearly differ is split at its weaker link, and that link is left for review; "not the
// same person" is never joined.
#include "matching/cluster.h"

#include <gtest/gtest.h>

namespace harbour::matching {
namespace {

TEST(Cluster, JoinsLinksOverTheWeight) {
  auto none = [](std::uint32_t, std::uint32_t) { return false; };
  auto neutral = [](std::uint32_t, std::uint32_t) { return 0.0; };
  auto c = Cluster(5, {{0, 1, 10}, {1, 2, 8}, {3, 4, 1}}, neutral, none);
  EXPECT_EQ(c.cluster_of, (std::vector<std::uint32_t>{0, 0, 0, 3, 4}));
  EXPECT_TRUE(c.refused.empty());
}

TEST(Cluster, SplitsAChainWhoseEndsClearlyDiffer) {
  // A(0) = B(1) strongly, B = C(2) weakly, but A and C clearly differ.
  auto evidence = [](std::uint32_t x, std::uint32_t y) {
    return (x == 0 && y == 2) || (x == 2 && y == 0) ? -20.0 : 5.0;
  };
  auto none = [](std::uint32_t, std::uint32_t) { return false; };
  auto c = Cluster(3, {{1, 2, 8}, {0, 1, 12}}, evidence, none);
  EXPECT_EQ(c.cluster_of, (std::vector<std::uint32_t>{0, 0, 2}));
  ASSERT_EQ(c.refused.size(), 1u);
  EXPECT_EQ(c.refused[0].a, 1u);
  EXPECT_EQ(c.refused[0].b, 2u);
}

TEST(Cluster, NeverJoinsRecordsMarkedNotTheSamePerson) {
  auto neutral = [](std::uint32_t, std::uint32_t) { return 0.0; };
  auto never = [](std::uint32_t x, std::uint32_t y) { return x + y == 1; };  // 0 and 1
  auto c = Cluster(2, {{0, 1, 30}}, neutral, never);
  EXPECT_EQ(c.cluster_of, (std::vector<std::uint32_t>{0, 1}));
  EXPECT_EQ(c.refused.size(), 1u);
}

}  // namespace
}  // namespace harbour::matching
