// The API's missing-episode, return and return-interview bodies (ParseEpisodeJson,
// ParseReturnJson, ParseInterviewJson) on arbitrary bytes, followed by what the server does next
// with an accepted body: missing::ValidateEpisode, ValidateReturn and ValidateInterview (with the
// real indicator catalogue, so raised concerns go through concerns::ValidateConcern). A rejection
// is malformed JSON, not an object, or names at least one field; accepted text is trimmed, within
// its limits and free of control characters, and writing it back as JSON parses to the same
// input. The domain fails only with its documented field errors or conflicts, and what it
// accepts keeps its rules: the return after the start, the interviewer not the carer or the
// allocated worker, concerns only from written findings of a completed interview.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "common/text.h"
#include "fuzz_catalogue.h"
#include "fuzz_check.h"
#include "missing/episode.h"
#include "web/missing/missing_json.h"

namespace {

using namespace harbour;

const Instant kNow{std::chrono::seconds{1772618400}};  // 2026-03-04T10:00:00Z

bool Clean(const std::string& text, std::size_t max, bool multi_line) {
  return text == Trim(text) && IsValidUtf8(text) && !HasControlCharacters(text, multi_line) &&
         CharacterCount(text) <= max;
}

void CheckRejection(const Error& e) {
  FUZZ_CHECK(e.code == "malformed_json" || e.code == "not_an_object" ||
             e.code == "validation_failed");
  if (e.code == "validation_failed") FUZZ_CHECK(!e.fields.empty());
}

void CheckEpisode(std::string_view input) {
  auto parsed = web::ParseEpisodeJson(input);
  if (!parsed) return CheckRejection(parsed.error());
  const auto& p = *parsed;
  FUZZ_CHECK(Clean(p.kind, web::kMaxMissingCodeChars, false) &&
             Clean(p.started_at, web::kMaxMissingCodeChars, false) &&
             Clean(p.returned_at, web::kMaxMissingCodeChars, false) &&
             Clean(p.risk_grade, web::kMaxMissingCodeChars, false));
  FUZZ_CHECK(Clean(p.reported_by, missing::kMaxShortText, false) &&
             Clean(p.police_reference, missing::kMaxShortText, false) &&
             Clean(p.carer_name, missing::kMaxShortText, false));
  FUZZ_CHECK(Clean(p.where_found, missing::kMaxLongText, true) &&
             Clean(p.found_with, missing::kMaxLongText, true));
  nlohmann::json body{{"kind", p.kind},
                      {"started_at", p.started_at},
                      {"returned_at", p.returned_at},
                      {"reported_by", p.reported_by},
                      {"police_reference", p.police_reference},
                      {"risk_grade", p.risk_grade},
                      {"where_found", p.where_found},
                      {"found_with", p.found_with},
                      {"carer_name", p.carer_name}};
  auto again = web::ParseEpisodeJson(body.dump());
  FUZZ_CHECK(again.has_value());
  FUZZ_CHECK(again->kind == p.kind && again->started_at == p.started_at &&
             again->returned_at == p.returned_at && again->reported_by == p.reported_by &&
             again->where_found == p.where_found && again->carer_name == p.carer_name);

  auto episode = missing::ValidateEpisode(p, kNow);
  if (!episode) {
    FUZZ_CHECK(episode.error().kind == ErrorKind::kInvalid && !episode.error().fields.empty());
    return;
  }
  FUZZ_CHECK(episode->started_at <= kNow + std::chrono::minutes{5});
  FUZZ_CHECK(!episode->reported_by.empty());
  if (episode->returned_at) FUZZ_CHECK(*episode->returned_at > episode->started_at);

  // The same text as a later return of a still-missing episode.
  missing::MissingEpisode still = *episode;
  still.returned_at.reset();
  auto back = missing::ValidateReturn(still, {p.returned_at, p.where_found, p.found_with}, kNow);
  if (back) FUZZ_CHECK(back->returned_at > still.started_at);
  if (!back) FUZZ_CHECK(back.error().kind == ErrorKind::kInvalid && !back.error().fields.empty());
}

void CheckReturn(std::string_view input) {
  auto parsed = web::ParseReturnJson(input);
  if (!parsed) return CheckRejection(parsed.error());
  FUZZ_CHECK(Clean(parsed->returned_at, web::kMaxMissingCodeChars, false) &&
             Clean(parsed->where_found, missing::kMaxLongText, true) &&
             Clean(parsed->found_with, missing::kMaxLongText, true));
}

void CheckInterview(std::string_view input) {
  auto parsed = web::ParseInterviewJson(input);
  if (!parsed) return CheckRejection(parsed.error());
  const auto& p = *parsed;
  FUZZ_CHECK(p.findings.size() == missing::kFindingCount);
  for (const auto& f : p.findings) FUZZ_CHECK(Clean(f, missing::kMaxLongText, true));
  FUZZ_CHECK(p.concerns.size() <= web::kMaxRaisedConcerns);
  FUZZ_CHECK(Clean(p.interviewer_name, missing::kMaxShortText, false) &&
             Clean(p.reason, missing::kMaxLongText, true));

  missing::MissingEpisode episode;
  episode.id = "e";
  episode.started_at = kNow - std::chrono::hours{50};
  episode.returned_at = kNow - std::chrono::hours{40};
  episode.carer_name = "Pat Carer";
  missing::InterviewContext context{&episode, "Dana Social", {"SAFE", "HCSC"}, false};
  auto valid = missing::ValidateInterview(p, context, harbour::fuzz::FuzzCatalogue(), kNow);
  if (!valid) {
    FUZZ_CHECK(valid.error().kind == ErrorKind::kInvalid && !valid.error().fields.empty());
    return;
  }
  const auto& r = valid->interview;
  FUZZ_CHECK(!missing::SamePerson(r.interviewer_name, "Dana Social") &&
             !missing::SamePerson(r.interviewer_name, "Pat Carer"));
  if (r.held_at) FUZZ_CHECK(*r.held_at >= *episode.returned_at);
  if (r.offered_at) FUZZ_CHECK(*r.offered_at >= *episode.returned_at);
  if (r.status != missing::InterviewStatus::kCompleted) {
    FUZZ_CHECK(valid->concerns.empty());
    for (const auto& f : r.findings) FUZZ_CHECK(f.empty());
  } else {
    FUZZ_CHECK(r.held_at.has_value() && !r.place.empty() && !r.interviewer_name.empty() &&
               !valid->interviewer_agency_code.empty());
  }
  FUZZ_CHECK(valid->concerns.size() == p.concerns.size());
  for (const auto& c : valid->concerns) FUZZ_CHECK(!c.narrative.empty());

  // Already concluded, or not yet returned: conflicts, whatever the body.
  auto concluded = missing::ValidateInterview(p, missing::InterviewContext{&episode, "", {}, true},
                                              harbour::fuzz::FuzzCatalogue(), kNow);
  FUZZ_CHECK(!concluded && concluded.error().code == "interview_concluded");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  CheckEpisode(input);
  CheckReturn(input);
  CheckInterview(input);
  return 0;
}
