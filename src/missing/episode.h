#pragma once
// Missing episodes' clocks (issue 4; DOMAIN.md §5). Domain only so far: recording episodes and
// return interviews arrives with the rest of issue 4. Pure.
#include <chrono>
#include <vector>

#include "common/time.h"

namespace harbour::missing {

// A return interview is due within 72 hours of the child's return: calendar hours, so weekends
// and bank holidays do not stop the clock.
inline constexpr std::chrono::hours kReturnInterviewWithin{72};
Instant ReturnInterviewDue(Instant returned_at);

// The local repeat-missing rule: `threshold` or more episodes starting within `window` days
// (counting back from the newest start, both ends included) prompt the coordinator to consider
// a strategy discussion. Configurable; DOMAIN.md's common rule is 3 in 30 days.
struct RepeatRule {
  int threshold = 3;
  int window_days = 30;
};
// True when the episodes (their start instants, in any order) meet the rule.
bool MeetsRepeatRule(std::vector<Instant> starts, const RepeatRule& rule = {});

}  // namespace harbour::missing
