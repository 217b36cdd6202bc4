#pragma once
// The body of POST /api/v1/children/{id}/assessments (docs/api/openapi.yaml, AssessmentInput):
// JSON text to answers and a judgement. Checks only shape and types (and that dates are real
// dates); whether the indicators, levels and dates make sense for the tool is the engine's
// question (assessments::Score, ValidateJudgement). Pure; never throws.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "assessments/engine.h"
#include "common/error.h"

namespace harbour::web {

inline constexpr std::size_t kMaxAssessmentAnswers = 200;
inline constexpr std::size_t kMaxCodeChars = 100;        // indicator, level and tool codes
inline constexpr std::size_t kMaxRationaleChars = 4000;  // the judgement's rationale
inline constexpr std::size_t kMaxReasonChars = 2000;     // an amended level's reason

struct AssessmentRequest {
  std::optional<std::string> tool_id;        // when given, must name the active tool
  std::vector<assessments::Answer> answers;  // in the order sent; text trimmed
  std::string judged_level;                  // trimmed
  std::string rationale;                     // trimmed
};

// Parses the request body. Errors:
// - kMalformed "malformed_json" (invalid JSON or UTF-8, nesting deeper than kMaxJsonDepth) and
//   kInvalid "not_an_object", as ParseJsonObject;
// - kInvalid "validation_failed" with a message per field: a member that is not part of the
//   body ("colour", "answers[1].colour"), a wrong JSON type ("answers", "answers[0]",
//   "answers[0].indicator", "judged_level", ...), a missing indicator code, a recency other
//   than current/past/both, a date that is not a real YYYY-MM-DD date, text with control
//   characters or over its length limit, or more than kMaxAssessmentAnswers answers.
//   Answer indexes are 0-based, in the order sent.
// Optional members may be null, which means the same as leaving them out.
Result<AssessmentRequest> ParseAssessmentJson(std::string_view body);

}  // namespace harbour::web
