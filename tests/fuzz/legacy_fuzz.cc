// Legacy 5x5x5 intelligence files (intelligence::ParseLegacyRecords, the input of `harbour
// intelligence import-legacy`) on arbitrary bytes. A refusal names at least one problem; an
// accepted file gives at least one record, each with a reference, a past instant, a text within
// its limit, and a grade whose codes read back to the same grade.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "common/text.h"
#include "fuzz_check.h"
#include "intelligence/legacy.h"
#include "intelligence/report.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace harbour;
  const Instant now{std::chrono::seconds{1772618400}};
  std::string_view input(reinterpret_cast<const char*>(data), size);
  auto records = intelligence::ParseLegacyRecords(input, now);
  if (!records) {
    FUZZ_CHECK(records.error().kind == ErrorKind::kInvalid && !records.error().fields.empty());
    return 0;
  }
  FUZZ_CHECK(!records->empty() && records->size() <= intelligence::kMaxLegacyRecords);
  for (const auto& r : *records) {
    FUZZ_CHECK(!r.reference.empty() && r.reference.size() <= intelligence::kMaxLegacyReference);
    FUZZ_CHECK(r.submitted_at <= now);
    FUZZ_CHECK(!r.text.empty() && CharacterCount(r.text) <= intelligence::kMaxText);
    auto again =
        intelligence::ValidateLegacyGrade({std::string(intelligence::ToCode(r.grade.source)),
                                           std::string(intelligence::ToCode(r.grade.intelligence)),
                                           std::string(intelligence::ToCode(r.grade.handling))});
    FUZZ_CHECK(again.has_value() && again->source == r.grade.source &&
               again->intelligence == r.grade.intelligence && again->handling == r.grade.handling);
  }
  return 0;
}
