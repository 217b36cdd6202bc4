#pragma once
// Scoring one person against records already held (issue 13): the check before a child is added,
// and the review of one queued pair. Pure.
#include <string>
#include <vector>

#include "matching/model.h"
#include "matching/record.h"

namespace harbour::matching {

// The practice's two lines for one record against those held (docs/matching.md, "In the
// product"). A match at least this likely is shown to the person adding a record (the form stops
// for it) and offered before a person of concern is created; a run queues its pairs from here.
inline constexpr double kLikelyMatch = 0.5;
// A match at least this likely is near certain: adding the child anyway needs the user's
// confirmation when they can see it, and is queued for the coordinator when nobody compared the
// two (through the API, or outside the user's access).
inline constexpr double kNearCertainMatch = 0.99;

// An existing record that may be the same person as the one checked.
struct LikelyMatch {
  std::size_t index = 0;  // into the records checked against
  Levels levels{};
  Explanation explanation;
};

// The pair's levels and waterfall (the model's prior, each field, each frequency adjustment).
Explanation ExplainPair(const Model& model, const NameVariants& variants, const MatchRecord& a,
                        const MatchRecord& b, Levels* levels = nullptr);

// The records of `held` whose match probability with `person` is at least `least`, most likely
// first (ties in `held` order).
std::vector<LikelyMatch> LikelyMatches(const Model& model, const NameVariants& variants,
                                       const MatchRecord& person,
                                       const std::vector<MatchRecord>& held, double least);

// The waterfall's bars that speak for the match, strongest first, as "Date of birth: exact".
std::vector<std::string> ReasonsFor(const Explanation& explanation, std::size_t most = 4);

}  // namespace harbour::matching
