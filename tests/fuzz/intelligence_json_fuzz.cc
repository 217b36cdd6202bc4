// The API's intelligence bodies (ParseSubmissionJson, ParseGradingJson, ParseReportLinkJson,
// ParseResolveJson) on arbitrary bytes, followed by what the server does next with an accepted
// body: intelligence::ValidateSubmission and ValidateGrading. A rejection is malformed JSON, not
// an object, or names at least one field; accepted text is trimmed and within its limits. The
// domain fails only with field errors, and what it accepts keeps its rules: a child subject is
// an existing record, a new subject has something identifying it, a grade is inside 3x5x2 with
// the conditions of handling code C, and the sanitised text never contains the source's name.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/text.h"
#include "fuzz_check.h"
#include "intelligence/report.h"
#include "web/intelligence/intelligence_json.h"

namespace {

using namespace harbour;

void CheckRejection(const Error& e) {
  FUZZ_CHECK(e.code == "malformed_json" || e.code == "not_an_object" ||
             e.code == "validation_failed");
  if (e.code == "validation_failed") FUZZ_CHECK(!e.fields.empty());
}

void CheckSubmission(std::string_view input) {
  auto parsed = web::ParseSubmissionJson(input);
  if (!parsed) return CheckRejection(parsed.error());
  FUZZ_CHECK(parsed->subjects.size() <= intelligence::kMaxSubjects);
  FUZZ_CHECK(parsed->immediate_danger.empty() || parsed->immediate_danger == "yes" ||
             parsed->immediate_danger == "no");
  auto valid = intelligence::ValidateSubmission(*parsed);
  if (!valid) {
    FUZZ_CHECK(valid.error().kind == ErrorKind::kInvalid && !valid.error().fields.empty());
    return;
  }
  FUZZ_CHECK(!valid->original.what.empty() && valid->original.what == Trim(valid->original.what));
  FUZZ_CHECK(valid->subjects.size() == parsed->subjects.size());
  for (const auto& s : valid->subjects) {
    FUZZ_CHECK(intelligence::IsSubjectType(s.type));
    if (s.type == "child") FUZZ_CHECK(!s.record_id.empty() && s.details.empty());
    if (s.record_id.empty()) FUZZ_CHECK(!s.details.empty());
    for (const auto& [name, value] : s.details) {
      FUZZ_CHECK(!value.empty() && CharacterCount(value) <= intelligence::kMaxDetail);
    }
  }
  if (valid->knowledge == intelligence::Knowledge::kSecondHand) {
    FUZZ_CHECK(!valid->heard_from.empty());
  }
}

void CheckGrading(std::string_view input) {
  auto parsed = web::ParseGradingJson(input);
  if (!parsed) return CheckRejection(parsed.error());
  auto valid = intelligence::ValidateGrading(*parsed, {"Alex Morgan"});
  if (!valid) {
    FUZZ_CHECK(valid.error().kind == ErrorKind::kInvalid && !valid.error().fields.empty());
    return;
  }
  const auto& g = valid->grade;
  if (g.handling == intelligence::Handling::kC) {
    FUZZ_CHECK(!g.handling_instructions.empty() && !g.allowed_agencies.empty());
  } else {
    FUZZ_CHECK(g.handling_instructions.empty() && g.allowed_agencies.empty());
  }
  FUZZ_CHECK(NameKey(valid->sanitised_text).find(NameKey("Alex Morgan")) == std::string::npos);
}

void CheckSmallBodies(std::string_view input) {
  auto link = web::ParseReportLinkJson(input);
  if (!link) CheckRejection(link.error());
  auto resolve = web::ParseResolveJson(input);
  if (!resolve) CheckRejection(resolve.error());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  CheckSubmission(input);
  CheckGrading(input);
  CheckSmallBodies(input);
  return 0;
}
