#include "matching/cluster.h"

#include <algorithm>
#include <numeric>
#include <tuple>

namespace harbour::matching {
namespace {

// Groups of records, each with its members, joined by Join.
class Groups {
 public:
  explicit Groups(std::size_t n) : parent_(n), members_(n) {
    std::iota(parent_.begin(), parent_.end(), 0u);
    for (std::uint32_t i = 0; i < n; ++i) members_[i] = {i};
  }
  std::uint32_t Find(std::uint32_t x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  const std::vector<std::uint32_t>& Members(std::uint32_t root) const { return members_[root]; }
  // Joins the groups of roots x and y; returns the new root.
  std::uint32_t Join(std::uint32_t x, std::uint32_t y) {
    if (members_[x].size() < members_[y].size()) std::swap(x, y);
    parent_[y] = x;
    members_[x].insert(members_[x].end(), members_[y].begin(), members_[y].end());
    members_[y].clear();
    members_[y].shrink_to_fit();
    return x;
  }

 private:
  std::vector<std::uint32_t> parent_;
  std::vector<std::vector<std::uint32_t>> members_;
};

}  // namespace

Clusters Cluster(std::size_t record_count, std::vector<WeightedPair> pairs,
                 const std::function<double(std::uint32_t, std::uint32_t)>& evidence,
                 const std::function<bool(std::uint32_t, std::uint32_t)>& never,
                 const ClusterOptions& options) {
  std::erase_if(pairs, [&](const WeightedPair& p) { return p.weight < options.link_weight; });
  std::sort(pairs.begin(), pairs.end(), [](const WeightedPair& x, const WeightedPair& y) {
    if (x.weight != y.weight) return x.weight > y.weight;
    return std::tie(x.a, x.b) < std::tie(y.a, y.b);
  });
  Groups groups(record_count);
  Clusters out;
  for (const auto& p : pairs) {
    std::uint32_t x = groups.Find(p.a), y = groups.Find(p.b);
    if (x == y) continue;
    const auto& left = groups.Members(x);
    const auto& right = groups.Members(y);
    if (left.size() * right.size() > options.largest_checked) {
      out.unchecked.push_back(groups.Join(x, y));
      continue;
    }
    bool conflict = false;
    for (std::uint32_t l : left) {
      for (std::uint32_t r : right) {
        if (never(l, r) || evidence(l, r) <= options.conflict_weight) {
          conflict = true;
          break;
        }
      }
      if (conflict) break;
    }
    if (conflict) {
      out.refused.push_back(p);
      continue;
    }
    groups.Join(x, y);
  }
  out.cluster_of.resize(record_count);
  std::vector<std::uint32_t> first(record_count, UINT32_MAX);  // by root: its first record
  for (std::uint32_t i = 0; i < record_count; ++i) {
    std::uint32_t root = groups.Find(i);
    if (first[root] == UINT32_MAX) first[root] = i;
    out.cluster_of[i] = first[root];
  }
  for (auto& root : out.unchecked) root = out.cluster_of[root];
  return out;
}

}  // namespace harbour::matching
