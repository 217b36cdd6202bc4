#include "missing/episode.h"

#include <algorithm>

namespace harbour::missing {

Instant ReturnInterviewDue(Instant returned_at) { return returned_at + kReturnInterviewWithin; }

bool MeetsRepeatRule(std::vector<Instant> starts, const RepeatRule& rule) {
  if (rule.threshold <= 0) return true;
  if (static_cast<int>(starts.size()) < rule.threshold) return false;
  std::ranges::sort(starts);
  const Instant newest = starts.back();
  const Instant earliest = newest - std::chrono::days{rule.window_days};
  auto in_window = std::ranges::count_if(starts, [&](Instant s) { return s >= earliest; });
  return in_window >= rule.threshold;
}

}  // namespace harbour::missing
