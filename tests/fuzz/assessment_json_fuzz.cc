// The API's assessment body (ParseAssessmentJson) on arbitrary bytes, followed by what the server
// does next with an accepted body: scoring it with a small RAG tool and checking the judgement.
// A rejection is malformed JSON, not an object, or names at least one field; an accepted body
// holds at most kMaxAssessmentAnswers answers with non-empty, single-line codes, and writing it
// back as JSON parses to the same request. The engine never fails on it except with field errors.
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "assessments/engine.h"
#include "assessments/tool.h"
#include "common/text.h"
#include "fuzz_catalogue.h"
#include "fuzz_check.h"
#include "web/assessments/assessment_json.h"

namespace {

using harbour::assessments::Answer;

constexpr std::string_view kTool = R"(
id = "fuzz-rag"
name = "Fuzz RAG"
version = 1
scheme = "rag"

[[level]]
code = "low"
label = "Low"
colour = "green"
review_days = 30

[[level]]
code = "high"
label = "High"
colour = "red"
review_days = 7

[[level.action]]
text = "Refer"
who = "practitioner"
due_working_days = 1

[[section]]
code = "s"
title = "S"

[[section.indicator]]
code = "ws.going_missing"
question = "Missing?"
suggested = "high"

[[section.indicator]]
code = "ws.older_relationship"
question = "Older?"
suggested = "low"
)";

const harbour::assessments::ToolDefinition& FuzzTool() {
  static const harbour::assessments::ToolDefinition tool =
      *harbour::assessments::ParseTool(kTool, harbour::fuzz::FuzzCatalogue());
  return tool;
}

nlohmann::json ToJson(const harbour::web::AssessmentRequest& request) {
  nlohmann::json answers = nlohmann::json::array();
  for (const Answer& a : request.answers) {
    nlohmann::json j{{"indicator", a.indicator},
                     {"recency", harbour::assessments::ToCode(a.recency)},
                     {"amended_level", a.amended_level},
                     {"amended_reason", a.amended_reason}};
    if (a.last_seen) j["last_seen"] = harbour::FormatDate(*a.last_seen);
    if (a.earlier_seen) j["earlier_seen"] = harbour::FormatDate(*a.earlier_seen);
    answers.push_back(std::move(j));
  }
  nlohmann::json body{{"answers", answers},
                      {"judged_level", request.judged_level},
                      {"rationale", request.rationale}};
  if (request.tool_id) body["tool_id"] = *request.tool_id;
  return body;
}

bool SameAnswer(const Answer& a, const Answer& b) {
  return a.indicator == b.indicator && a.recency == b.recency && a.last_seen == b.last_seen &&
         a.earlier_seen == b.earlier_seen && a.amended_level == b.amended_level &&
         a.amended_reason == b.amended_reason;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace harbour;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  auto parsed = web::ParseAssessmentJson(input);
  if (!parsed) {
    const Error& e = parsed.error();
    FUZZ_CHECK(e.code == "malformed_json" || e.code == "not_an_object" ||
               e.code == "validation_failed");
    if (e.code == "validation_failed") FUZZ_CHECK(!e.fields.empty());
    return 0;
  }
  FUZZ_CHECK(parsed->answers.size() <= web::kMaxAssessmentAnswers);
  for (const Answer& a : parsed->answers) {
    FUZZ_CHECK(!a.indicator.empty() && !HasControlCharacters(a.indicator));
    FUZZ_CHECK(CharacterCount(a.indicator) <= web::kMaxCodeChars);
    FUZZ_CHECK(a.indicator == Trim(a.indicator));
    if (a.last_seen) FUZZ_CHECK(a.last_seen->ok());
    if (a.earlier_seen) FUZZ_CHECK(a.earlier_seen->ok());
  }
  FUZZ_CHECK(CharacterCount(parsed->rationale) <= web::kMaxRationaleChars);

  auto again = web::ParseAssessmentJson(ToJson(*parsed).dump());
  FUZZ_CHECK(again.has_value());
  FUZZ_CHECK(again->tool_id == parsed->tool_id);
  FUZZ_CHECK(again->judged_level == parsed->judged_level);
  FUZZ_CHECK(again->rationale == parsed->rationale);
  FUZZ_CHECK(again->answers.size() == parsed->answers.size());
  for (std::size_t i = 0; i < parsed->answers.size(); ++i) {
    FUZZ_CHECK(SameAnswer(again->answers[i], parsed->answers[i]));
  }

  WorkingCalendar calendar({});
  Instant now{std::chrono::seconds{1772618400}};
  auto outcome = assessments::Score(FuzzTool(), parsed->answers, {}, now, calendar);
  if (!outcome) {
    FUZZ_CHECK(outcome.error().kind == ErrorKind::kInvalid && !outcome.error().fields.empty());
    for (const auto& [field, message] : outcome.error().fields) {
      FUZZ_CHECK(field.starts_with("answers."));
    }
    return 0;
  }
  FUZZ_CHECK(FuzzTool().LevelIndex(outcome->level) >= 0);
  auto judged =
      assessments::ValidateJudgement(FuzzTool(), *outcome, parsed->judged_level, parsed->rationale);
  if (!judged) FUZZ_CHECK(!judged.error().fields.empty());
  return 0;
}
