#include "web/parse/assessment_json.h"

#include <algorithm>
#include <array>
#include <map>

#include "common/text.h"
#include "common/time.h"
#include "web/parse/json_body.h"

namespace harbour::web {
namespace {

using nlohmann::json;

constexpr std::array<std::string_view, 4> kBodyMembers = {"answers", "judged_level", "rationale",
                                                          "tool_id"};
constexpr std::array<std::string_view, 6> kAnswerMembers = {
    "indicator", "recency", "last_seen", "earlier_seen", "amended_level", "amended_reason"};

// Collects field problems while reading one JSON object's members.
class Reader {
 public:
  Reader(const json& object, std::string prefix, std::map<std::string, std::string>& errors)
      : object_(object), prefix_(std::move(prefix)), errors_(errors) {}

  // The member, or nullptr when it is absent or null.
  const json* Find(std::string_view name) const {
    auto it = object_.find(name);
    if (it == object_.end() || it->is_null()) return nullptr;
    return &*it;
  }

  void Problem(std::string_view name, std::string message) {
    errors_.emplace(prefix_ + std::string(name), std::move(message));
  }

  // A trimmed string member ("" when absent, null or wrong); `multi_line` allows line breaks
  // and tabs.
  std::string Text(std::string_view name, std::size_t max_chars, bool multi_line = false) {
    const json* value = Find(name);
    if (value == nullptr) return {};
    if (!value->is_string()) {
      Problem(name, "Must be a string");
      return {};
    }
    std::string text = Trim(value->get_ref<const std::string&>());
    if (!IsValidUtf8(text) || HasControlCharacters(text, multi_line)) {
      Problem(name, "Must not contain control characters");
      return {};
    }
    if (CharacterCount(text) > max_chars) {
      Problem(name, "Must be " + std::to_string(max_chars) + " characters or fewer");
      return {};
    }
    return text;
  }

  std::optional<Date> DateMember(std::string_view name) {
    const json* value = Find(name);
    if (value == nullptr) return std::nullopt;
    if (!value->is_string()) {
      Problem(name, "Enter a date as YYYY-MM-DD");
      return std::nullopt;
    }
    std::string text = Trim(value->get_ref<const std::string&>());
    if (text.empty()) return std::nullopt;
    auto date = ParseDate(text);
    if (!date) {
      Problem(name, "Enter a date as YYYY-MM-DD");
      return std::nullopt;
    }
    return *date;
  }

  // One problem for every member not in `known`.
  template <std::size_t N>
  void RefuseOthers(const std::array<std::string_view, N>& known, std::string_view message) {
    for (const auto& [key, value] : object_.items()) {
      if (std::find(known.begin(), known.end(), key) == known.end()) {
        Problem(key, std::string(message));
      }
    }
  }

 private:
  const json& object_;
  std::string prefix_;
  std::map<std::string, std::string>& errors_;
};

assessments::Answer ReadAnswer(const json& item, const std::string& prefix,
                               std::map<std::string, std::string>& errors) {
  Reader r(item, prefix, errors);
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
  Reader r(*parsed, "", errors);
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
