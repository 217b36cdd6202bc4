#pragma once
// The body of POST /api/v1/tasks/{id}/complete. Pure; fuzzed by tests/fuzz/task_json_fuzz.cc.
#include <string>
#include <string_view>

#include "common/error.h"

namespace harbour::web {

// {"outcome"}: free text up to tasks::kMaxOutcome (4000) characters, trimmed. kMalformed
// "malformed_json" for invalid JSON; kInvalid "not_an_object", or naming "outcome" (not a
// string, too long) or a member that is not a field. A blank outcome is accepted here and
// refused by tasks::ValidateOutcome.
Result<std::string> ParseOutcomeJson(std::string_view body);

}  // namespace harbour::web
