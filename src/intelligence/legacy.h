#pragma once
// Legacy intelligence records (issue 5; DOMAIN.md §4): reports graded 5x5x5 in an older system,
// imported so that the intelligence unit keeps them beside new reports. Input is JSON Lines, one
// record per line:
//   {"reference": "...", "submitted_at": "RFC 3339", "category": "sexual_exploitation",
//    "source": "B", "intelligence": "2", "handling": "3", "text": "..."}
// Pure: no I/O. Imported records are never regraded to 3x5x2 here, and no 5x5x5 grade is ever
// given to a new report.
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"
#include "common/time.h"
#include "intelligence/grading.h"

namespace harbour::intelligence {

inline constexpr std::size_t kMaxLegacyReference = 100;
inline constexpr std::size_t kMaxLegacyRecords = 100000;  // per file
inline constexpr std::size_t kMaxLegacyFileBytes = 64 * 1024 * 1024;

struct LegacyRecord {
  std::string reference;  // the old system's reference, kept for tracing
  Instant submitted_at{};
  Category category = Category::kSexualExploitation;
  LegacyGrade grade;
  std::string text;
};

// Every record of the file, or kInvalid with every problem: fields "line N" (not a JSON object,
// unknown member, wrong type) and "line N: <member>" (missing or bad value: the reference, an
// instant that is not RFC 3339 or lies after `now`, a category, a 5x5x5 code, the text). Blank
// lines are skipped; more than kMaxLegacyRecords records is refused.
Result<std::vector<LegacyRecord>> ParseLegacyRecords(std::string_view text, Instant now);

}  // namespace harbour::intelligence
