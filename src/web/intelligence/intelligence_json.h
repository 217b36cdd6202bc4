#pragma once
// The bodies of the intelligence routes in docs/api/openapi.yaml: POST /api/v1/intelligence
// (a submission), POST /api/v1/intelligence/{id}/grade, POST .../subjects/{subject}/resolve and
// POST .../links. JSON text to the domain's raw input. Checks only shape and types; whether the
// values make sense is the domain's question (intelligence::ValidateSubmission,
// ValidateGrading), so every value problem is reported together. Pure; never throws.
#include <cstddef>
#include <string>
#include <string_view>

#include "common/error.h"
#include "intelligence/report.h"

namespace harbour::web {

inline constexpr std::size_t kMaxIntelligenceCodeChars = 100;  // codes and ids

// Errors, for all:
// - kMalformed "malformed_json" and kInvalid "not_an_object", as ParseJsonObject;
// - kInvalid "validation_failed" with a message per member: one that is not part of the body,
//   a value of the wrong type, text with control characters (line breaks allowed in free text
//   only) or over its limit.
// "immediate_danger" is a boolean; "subjects" a list of at most intelligence::kMaxSubjects
// objects {type, record_id, details: {name: text}} (problems keyed "subjects[i].<member>").
Result<intelligence::SubmissionInput> ParseSubmissionJson(std::string_view body);
// {source, intelligence, handling, handling_instructions, allowed_agencies: [id], sanitised_text,
// outcome}.
Result<intelligence::GradingInput> ParseGradingJson(std::string_view body);
// {record_id}.
Result<std::string> ParseResolveJson(std::string_view body);
struct ReportLinkRequest {
  std::string from, to, link_type;  // subject ids of the report, and a link type code
};
// {from, to, link_type}.
Result<ReportLinkRequest> ParseReportLinkJson(std::string_view body);

}  // namespace harbour::web
