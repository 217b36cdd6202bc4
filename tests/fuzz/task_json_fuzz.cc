// The task-completion body (web/tasks/task_json.h) on arbitrary bytes, then
// tasks::ValidateOutcome on what it accepts. A rejection is malformed JSON, not an object, or
// names at least one field; an accepted outcome is trimmed, within tasks::kMaxOutcome, free of
// control characters but line breaks, and written back as JSON parses to the same text; the
// domain refuses only with its "outcome" field and accepts nothing empty.
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "common/text.h"
#include "fuzz_check.h"
#include "tasks/task.h"
#include "web/tasks/task_json.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace harbour;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  auto parsed = web::ParseOutcomeJson(input);
  if (!parsed) {
    const Error& e = parsed.error();
    FUZZ_CHECK(e.code == "malformed_json" || e.code == "not_an_object" ||
               e.code == "validation_failed");
    if (e.code == "validation_failed") FUZZ_CHECK(!e.fields.empty());
    return 0;
  }
  FUZZ_CHECK(*parsed == Trim(*parsed) && IsValidUtf8(*parsed) &&
             !HasControlCharacters(*parsed, /*multi_line=*/true) &&
             CharacterCount(*parsed) <= tasks::kMaxOutcome);
  auto again = web::ParseOutcomeJson(nlohmann::json{{"outcome", *parsed}}.dump());
  FUZZ_CHECK(again.has_value() && *again == *parsed);
  auto outcome = tasks::ValidateOutcome(*parsed);
  if (!outcome) {
    FUZZ_CHECK(outcome.error().kind == ErrorKind::kInvalid && outcome.error().fields.size() == 1 &&
               outcome.error().fields.contains("outcome"));
    return 0;
  }
  FUZZ_CHECK(!outcome->empty());
  return 0;
}
