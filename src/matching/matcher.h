#pragma once
// Matching a set of records end to end (issue 13): prepare each record, block, compare the
// candidate pairs, train the model on them, score them, and cluster. Pure (it may use several
// threads, and calls `progress` from the calling thread only).
#include <functional>
#include <string_view>
#include <vector>

#include "matching/cluster.h"
#include "matching/model.h"
#include "matching/train.h"

namespace harbour::matching {

struct MatchOptions {
  TrainingOptions training;
  ClusterOptions clustering;
  unsigned threads = 2;  // for comparing pairs
};

struct MatchResult {
  std::vector<PreparedRecord> prepared;  // by record
  Model model;
  std::vector<ComparedPair> pairs;  // every candidate pair, with its levels
  std::vector<double> weights;      // by pair: its match weight
  Clusters clusters;
};

// Called as each stage starts ("preparing", "blocking", ...) and with how far it has gone.
using Progress = std::function<void(std::string_view stage, std::size_t done, std::size_t total)>;

MatchResult MatchAll(const std::vector<MatchRecord>& records, const NameVariants& variants,
                     const MatchOptions& options = {}, const Progress& progress = {});

}  // namespace harbour::matching
