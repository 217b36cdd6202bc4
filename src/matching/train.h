#pragma once
// Estimating the model from the records themselves (issue 13; docs/matching.md, "Training"), as
// Splink does: u from pairs drawn at random (nearly all of which are different people), m by
// expectation-maximisation over the blocked pairs, one session per blocking rule with the fields
// that rule agrees on left out (they agree on every pair it keeps, so they say nothing there),
// each field's m the average of the sessions that estimated it, and the prior from the expected
// number of matches among all the blocked pairs. Names' frequencies are counted for the
// term-frequency adjustment. Pure.
#include <cstdint>
#include <vector>

#include "matching/blocking.h"
#include "matching/model.h"

namespace harbour::matching {

struct TrainingOptions {
  std::size_t random_pairs = 1'000'000;  // drawn for u (all pairs when there are fewer)
  int iterations = 30;                   // at most, per EM session
  double tolerance = 1e-5;               // an EM session stops when no m moves more than this
  std::uint64_t seed = 1;
};

// A pair's levels, with the rule that kept it.
struct ComparedPair {
  CandidatePair pair;
  Levels levels{};
};

// u of each field's levels from `options.random_pairs` pairs drawn at random.
std::array<std::vector<double>, kFieldCount> EstimateU(const std::vector<PreparedRecord>& records,
                                                       const NameVariants& variants,
                                                       const TrainingOptions& options);

// m by EM over `pairs`, u held at `model.u`; returns the model with m and the prior set.
Model EstimateM(Model model, const std::vector<ComparedPair>& pairs, std::size_t record_count,
                const TrainingOptions& options);

// The whole of training: frequencies, u, then m and the prior from `pairs`.
Model Train(const std::vector<PreparedRecord>& records, const NameVariants& variants,
            const std::vector<ComparedPair>& pairs, const TrainingOptions& options = {});

}  // namespace harbour::matching
