#pragma once
// Records into people (issue 13; docs/matching.md, "Clustering"): pairs at or over the link
// weight are joined, strongest first, but two groups are not joined when any record of one and
// any record of the other clearly differ (their evidence, the prior left out, is at or below
// the conflict weight) or are marked "not the same person". So A = B = C is never made of an A and
// a C that clearly differ: the weaker link is refused, and the pair is left for review. Pure.
#include <cstdint>
#include <functional>
#include <utility>
#include <vector>

namespace harbour::matching {

struct WeightedPair {
  std::uint32_t a = 0, b = 0;
  double weight = 0;  // match weight, the prior included
};

struct ClusterOptions {
  double link_weight = 6.63;       // a match probability of 0.99
  double conflict_weight = -3.32;  // ten times likelier different, on the evidence alone
  // The groups whose every pair of records is checked before they are joined; bigger groups are
  // joined unchecked and left for review.
  std::size_t largest_checked = 10000;
};

struct Clusters {
  std::vector<std::uint32_t> cluster_of;  // by record: the index of the cluster's first record
  // Links refused because a record on each side clearly differs: for review.
  std::vector<WeightedPair> refused;
  // Groups joined without the pairwise check (too big): for review.
  std::vector<std::uint32_t> unchecked;
};

// `evidence(x, y)`: the evidence weight (prior left out) of records x and y, compared afresh;
// `never(x, y)`: whether a reviewer has said x and y are not the same person.
Clusters Cluster(std::size_t record_count, std::vector<WeightedPair> pairs,
                 const std::function<double(std::uint32_t, std::uint32_t)>& evidence,
                 const std::function<bool(std::uint32_t, std::uint32_t)>& never,
                 const ClusterOptions& options = {});

}  // namespace harbour::matching
