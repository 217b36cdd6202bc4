#include "web/assessments/assessment_json.h"

#include <algorithm>
#include <array>
#include <map>

#include "common/text.h"
#include "common/time.h"
#include "web/parse/json_body.h"
#include "web/parse/json_members.h"

namespace harbour::web {
namespace {

using nlohmann::json;

constexpr std::array<std::string_view, 4> kBodyMembers = {"answers", "judged_level", "rationale",
                                                          "tool_id"};
constexpr std::array<std::string_view, 6> kAnswerMembers = {
    "indicator", "recency", "last_seen", "earlier_seen", "amended_level", "amended_reason"};

assessments::Answer ReadAnswer(const json& item, const std::string& prefix,
                               std::map<std::string, std::string>& errors) {
  JsonMembers r(item, prefix, errors);
  assessments::Answer answer;
  answer.indicator = r.Text("indicator", kMaxCodeChars);
  if (answer.indicator.empty() && !errors.contains(prefix + "indicator")) {
    r.Problem("indicator", "Give the indicator's code, for example ws.going_missing");
  }
  std::string recency = r.Text("recency", kMaxCodeChars);
  if (!recency.empty()) {
    if (auto code = assessments::RecencyFromCode(recency)) {
      answer.recency = *code;
    } else {
      r.Problem("recency", "Must be one of current, past, both");
    }
  }
  answer.last_seen = r.DateMember("last_seen");
  answer.earlier_seen = r.DateMember("earlier_seen");
  answer.amended_level = r.Text("amended_level", kMaxCodeChars);
  answer.amended_reason = r.Text("amended_reason", kMaxReasonChars, /*multi_line=*/true);
  r.RefuseOthers(kAnswerMembers, "Is not a field of an answer");
  return answer;
}

}  // namespace

Result<AssessmentRequest> ParseAssessmentJson(std::string_view body) {
  auto parsed = ParseJsonObject(body);
  if (!parsed) return std::unexpected(parsed.error());
  std::map<std::string, std::string> errors;
  JsonMembers r(*parsed, "", errors);
  AssessmentRequest out;

  if (const json* tool = r.Find("tool_id"); tool != nullptr) {
    std::string id = r.Text("tool_id", kMaxCodeChars);
    if (tool->is_string()) out.tool_id = std::move(id);
  }
  out.judged_level = r.Text("judged_level", kMaxCodeChars);
  out.rationale = r.Text("rationale", kMaxRationaleChars, /*multi_line=*/true);

  if (const json* answers = r.Find("answers"); answers != nullptr) {
    if (!answers->is_array()) {
      r.Problem("answers", "Must be a list of answers");
    } else if (answers->size() > kMaxAssessmentAnswers) {
      r.Problem("answers", "Give at most " + std::to_string(kMaxAssessmentAnswers) + " answers");
    } else {
      for (std::size_t i = 0; i < answers->size(); ++i) {
        const json& item = (*answers)[i];
        std::string prefix = "answers[" + std::to_string(i) + "]";
        if (!item.is_object()) {
          errors.emplace(prefix, "Must be an object with an indicator");
          continue;
        }
        out.answers.push_back(ReadAnswer(item, prefix + ".", errors));
      }
    }
  }
  r.RefuseOthers(kBodyMembers, "Is not a field of this resource");
  if (!errors.empty()) return Invalid(std::move(errors), "Check the highlighted fields.");
  return out;
}

}  // namespace harbour::web
