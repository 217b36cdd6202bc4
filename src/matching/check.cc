#include "matching/check.h"

#include <algorithm>

namespace harbour::matching {

Explanation ExplainPair(const Model& model, const NameVariants& variants, const MatchRecord& a,
                        const MatchRecord& b, Levels* levels) {
  PreparedRecord pa = Prepare(a, variants), pb = Prepare(b, variants);
  Levels l = Compare(pa, pb, variants);
  if (levels != nullptr) *levels = l;
  return Explain(model, l, pa);
}

std::vector<LikelyMatch> LikelyMatches(const Model& model, const NameVariants& variants,
                                       const MatchRecord& person,
                                       const std::vector<MatchRecord>& held, double least) {
  PreparedRecord prepared = Prepare(person, variants);
  std::vector<LikelyMatch> out;
  for (std::size_t i = 0; i < held.size(); ++i) {
    PreparedRecord other = Prepare(held[i], variants);
    Levels levels = Compare(prepared, other, variants);
    Explanation explanation = Explain(model, levels, prepared);
    if (explanation.probability < least) continue;
    out.push_back({.index = i, .levels = levels, .explanation = std::move(explanation)});
  }
  std::stable_sort(out.begin(), out.end(), [](const LikelyMatch& x, const LikelyMatch& y) {
    return x.explanation.weight > y.explanation.weight;
  });
  return out;
}

std::vector<std::string> ReasonsFor(const Explanation& explanation, std::size_t most) {
  std::vector<const Contribution*> speaking;
  for (const auto& bar : explanation.bars) {
    if (bar.field && bar.weight > 0) speaking.push_back(&bar);
  }
  std::stable_sort(
      speaking.begin(), speaking.end(),
      [](const Contribution* x, const Contribution* y) { return x->weight > y->weight; });
  std::vector<std::string> out;
  for (const auto* bar : speaking) {
    if (out.size() >= most) break;
    out.push_back(bar->label + ": " + bar->level);
  }
  return out;
}

}  // namespace harbour::matching
