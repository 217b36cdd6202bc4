#include "web/intelligence/intelligence_json.h"

#include <array>
#include <map>
#include <utility>

#include "intelligence/grading.h"
#include "web/parse/json_body.h"
#include "web/parse/json_members.h"

namespace harbour::web {
namespace {

using nlohmann::json;
using Errors = std::map<std::string, std::string>;

constexpr std::array<std::string_view, 11> kSubmissionMembers = {
    "who",     "what",     "where",     "when",       "why",
    "how",     "category", "knowledge", "heard_from", "immediate_danger",
    "subjects"};
constexpr std::array<std::string_view, 3> kSubjectMembers = {"type", "record_id", "details"};
constexpr std::array<std::string_view, 7> kGradingMembers = {
    "source",           "intelligence",   "handling", "handling_instructions",
    "allowed_agencies", "sanitised_text", "outcome"};
constexpr std::array<std::string_view, 1> kResolveMembers = {"record_id"};
constexpr std::array<std::string_view, 3> kLinkMembers = {"from", "to", "link_type"};

std::unexpected<Error> Problems(Errors errors) {
  return Invalid(std::move(errors), "Check the highlighted fields.");
}

intelligence::SubjectInput ParseSubject(const json& item, const std::string& prefix,
                                        Errors& errors) {
  intelligence::SubjectInput subject;
  JsonMembers s(item, prefix + ".", errors);
  subject.type = s.Text("type", kMaxIntelligenceCodeChars);
  subject.record_id = s.Text("record_id", kMaxIntelligenceCodeChars);
  if (const json* details = s.Find("details")) {
    if (!details->is_object()) {
      s.Problem("details", "Must be an object of details, for example {\"name\": \"...\"}");
    } else {
      for (const auto& [name, value] : details->items()) {
        if (!value.is_string()) {
          errors.emplace(prefix + "." + name, "Must be text");
          continue;
        }
        if (name.size() > kMaxIntelligenceCodeChars) {
          errors.emplace(prefix + ".details", "Detail names are short codes");
          continue;
        }
        subject.details[name] = value.get<std::string>();
      }
    }
  }
  s.RefuseOthers(kSubjectMembers, "Is not a field of a subject");
  return subject;
}

}  // namespace

Result<intelligence::SubmissionInput> ParseSubmissionJson(std::string_view body) {
  auto parsed = ParseJsonObject(body);
  if (!parsed) return std::unexpected(parsed.error());
  Errors errors;
  JsonMembers r(*parsed, "", errors);
  intelligence::SubmissionInput out;
  out.who = r.Text("who", intelligence::kMaxText, /*multi_line=*/true);
  out.what = r.Text("what", intelligence::kMaxText, /*multi_line=*/true);
  out.where = r.Text("where", intelligence::kMaxText, /*multi_line=*/true);
  out.when = r.Text("when", intelligence::kMaxText, /*multi_line=*/true);
  out.why = r.Text("why", intelligence::kMaxText, /*multi_line=*/true);
  out.how = r.Text("how", intelligence::kMaxText, /*multi_line=*/true);
  out.category = r.Text("category", kMaxIntelligenceCodeChars);
  out.knowledge = r.Text("knowledge", kMaxIntelligenceCodeChars);
  out.heard_from = r.Text("heard_from", intelligence::kMaxText, /*multi_line=*/true);
  if (const json* danger = r.Find("immediate_danger")) {
    if (danger->is_boolean()) {
      out.immediate_danger = danger->get<bool>() ? "yes" : "no";
    } else {
      r.Problem("immediate_danger", "Must be true or false");
    }
  }
  if (const json* subjects = r.Find("subjects")) {
    if (!subjects->is_array()) {
      r.Problem("subjects", "Must be a list of subjects");
    } else if (subjects->size() > intelligence::kMaxSubjects) {
      r.Problem("subjects",
                "Name at most " + std::to_string(intelligence::kMaxSubjects) + " subjects");
    } else {
      for (std::size_t i = 0; i < subjects->size(); ++i) {
        const std::string prefix = "subjects[" + std::to_string(i) + "]";
        if (!(*subjects)[i].is_object()) {
          errors.emplace(prefix, "Must be an object");
          continue;
        }
        out.subjects.push_back(ParseSubject((*subjects)[i], prefix, errors));
      }
    }
  }
  r.RefuseOthers(kSubmissionMembers, "Is not a field of this resource");
  if (!errors.empty()) return Problems(std::move(errors));
  return out;
}

Result<intelligence::GradingInput> ParseGradingJson(std::string_view body) {
  auto parsed = ParseJsonObject(body);
  if (!parsed) return std::unexpected(parsed.error());
  Errors errors;
  JsonMembers r(*parsed, "", errors);
  intelligence::GradingInput out;
  out.grade.source = r.Text("source", kMaxIntelligenceCodeChars);
  out.grade.intelligence = r.Text("intelligence", kMaxIntelligenceCodeChars);
  out.grade.handling = r.Text("handling", kMaxIntelligenceCodeChars);
  out.grade.handling_instructions =
      r.Text("handling_instructions", intelligence::kMaxInstructions, /*multi_line=*/true);
  if (const json* agencies = r.Find("allowed_agencies")) {
    if (!agencies->is_array() || agencies->size() > intelligence::kMaxAllowedAgencies) {
      r.Problem("allowed_agencies", "Must be a list of at most " +
                                        std::to_string(intelligence::kMaxAllowedAgencies) +
                                        " agency ids");
    } else {
      for (const json& id : *agencies) {
        if (!id.is_string() ||
            id.get_ref<const std::string&>().size() > kMaxIntelligenceCodeChars) {
          r.Problem("allowed_agencies", "Must be a list of agency ids");
          break;
        }
        out.grade.allowed_agencies.push_back(id.get<std::string>());
      }
    }
  }
  out.sanitised_text = r.Text("sanitised_text", intelligence::kMaxSanitised, /*multi_line=*/true);
  out.outcome = r.Text("outcome", kMaxIntelligenceCodeChars);
  r.RefuseOthers(kGradingMembers, "Is not a field of this resource");
  if (!errors.empty()) return Problems(std::move(errors));
  return out;
}

Result<std::string> ParseResolveJson(std::string_view body) {
  auto parsed = ParseJsonObject(body);
  if (!parsed) return std::unexpected(parsed.error());
  Errors errors;
  JsonMembers r(*parsed, "", errors);
  std::string record = r.Text("record_id", kMaxIntelligenceCodeChars);
  r.RefuseOthers(kResolveMembers, "Is not a field of this resource");
  if (!errors.empty()) return Problems(std::move(errors));
  return record;
}

Result<ReportLinkRequest> ParseReportLinkJson(std::string_view body) {
  auto parsed = ParseJsonObject(body);
  if (!parsed) return std::unexpected(parsed.error());
  Errors errors;
  JsonMembers r(*parsed, "", errors);
  ReportLinkRequest out{r.Text("from", kMaxIntelligenceCodeChars),
                        r.Text("to", kMaxIntelligenceCodeChars),
                        r.Text("link_type", kMaxIntelligenceCodeChars)};
  r.RefuseOthers(kLinkMembers, "Is not a field of this resource");
  if (!errors.empty()) return Problems(std::move(errors));
  return out;
}

}  // namespace harbour::web
