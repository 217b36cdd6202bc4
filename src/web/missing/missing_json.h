#pragma once
// The bodies of the missing-episode routes in docs/api/openapi.yaml: POST
// /api/v1/children/{id}/missing-episodes (EpisodeInput), POST .../missing-episodes/{id}/return
// (ReturnInput) and POST .../missing-episodes/{id}/interview (InterviewInput). JSON text to the
// domain's raw input. Checks only shape and types; whether the values make sense is the
// domain's question (missing::ValidateEpisode, ValidateReturn, ValidateInterview), so that every
// value problem is reported together in the second round. Pure; never throws.
#include <cstddef>
#include <string_view>

#include "common/error.h"
#include "missing/episode.h"

namespace harbour::web {

inline constexpr std::size_t kMaxMissingCodeChars = 100;  // codes and instants
inline constexpr std::size_t kMaxRaisedConcerns = missing::kFindingCount;
inline constexpr std::size_t kMaxRaisedIndicators = 100;

// Errors, for all three:
// - kMalformed "malformed_json" and kInvalid "not_an_object", as ParseJsonObject;
// - kInvalid "validation_failed" with a message per member: one that is not part of the body,
//   a value of the wrong type, text with control characters (line breaks and tabs are allowed
//   in free text only), or text over its limit (kMaxMissingCodeChars for codes and instants,
//   missing::kMaxShortText for names and references, missing::kMaxLongText for free text).
// Text is trimmed; absent or null members are empty.
Result<missing::EpisodeInput> ParseEpisodeJson(std::string_view body);
Result<missing::ReturnInput> ParseReturnJson(std::string_view body);
// "findings" is an object whose members are finding codes ("reasons", ...); "concerns" a list
// of at most kMaxRaisedConcerns objects {finding, category, indicators: [code, ...]}. Problems
// inside them are keyed "findings.<code>" and "concerns[i].<member>".
Result<missing::InterviewInput> ParseInterviewJson(std::string_view body);

}  // namespace harbour::web
