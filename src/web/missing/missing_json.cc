#include "web/missing/missing_json.h"

#include <array>
#include <map>
#include <string>
#include <utility>

#include "web/parse/json_body.h"
#include "web/parse/json_members.h"

namespace harbour::web {
namespace {

using nlohmann::json;
using Errors = std::map<std::string, std::string>;

constexpr std::array<std::string_view, 9> kEpisodeMembers = {
    "kind",       "started_at",  "returned_at", "reported_by", "police_reference",
    "risk_grade", "where_found", "found_with",  "carer_name"};
constexpr std::array<std::string_view, 3> kReturnMembers = {"returned_at", "where_found",
                                                            "found_with"};
constexpr std::array<std::string_view, 10> kInterviewMembers = {
    "status", "offered_at",  "held_at",  "place",   "interviewer_name", "interviewer_agency",
    "reason", "decision_by", "findings", "concerns"};
constexpr std::array<std::string_view, 3> kConcernMembers = {"finding", "category", "indicators"};

Result<json> Object(std::string_view body) { return ParseJsonObject(body); }

std::unexpected<Error> Problems(Errors errors) {
  return Invalid(std::move(errors), "Check the highlighted fields.");
}

}  // namespace

Result<missing::EpisodeInput> ParseEpisodeJson(std::string_view body) {
  auto parsed = Object(body);
  if (!parsed) return std::unexpected(parsed.error());
  Errors errors;
  JsonMembers r(*parsed, "", errors);
  missing::EpisodeInput out;
  out.kind = r.Text("kind", kMaxMissingCodeChars);
  out.started_at = r.Text("started_at", kMaxMissingCodeChars);
  out.returned_at = r.Text("returned_at", kMaxMissingCodeChars);
  out.reported_by = r.Text("reported_by", missing::kMaxShortText);
  out.police_reference = r.Text("police_reference", missing::kMaxShortText);
  out.risk_grade = r.Text("risk_grade", kMaxMissingCodeChars);
  out.where_found = r.Text("where_found", missing::kMaxLongText, /*multi_line=*/true);
  out.found_with = r.Text("found_with", missing::kMaxLongText, /*multi_line=*/true);
  out.carer_name = r.Text("carer_name", missing::kMaxShortText);
  r.RefuseOthers(kEpisodeMembers, "Is not a field of this resource");
  if (!errors.empty()) return Problems(std::move(errors));
  return out;
}

Result<missing::ReturnInput> ParseReturnJson(std::string_view body) {
  auto parsed = Object(body);
  if (!parsed) return std::unexpected(parsed.error());
  Errors errors;
  JsonMembers r(*parsed, "", errors);
  missing::ReturnInput out;
  out.returned_at = r.Text("returned_at", kMaxMissingCodeChars);
  out.where_found = r.Text("where_found", missing::kMaxLongText, /*multi_line=*/true);
  out.found_with = r.Text("found_with", missing::kMaxLongText, /*multi_line=*/true);
  r.RefuseOthers(kReturnMembers, "Is not a field of this resource");
  if (!errors.empty()) return Problems(std::move(errors));
  return out;
}

Result<missing::InterviewInput> ParseInterviewJson(std::string_view body) {
  auto parsed = Object(body);
  if (!parsed) return std::unexpected(parsed.error());
  Errors errors;
  JsonMembers r(*parsed, "", errors);
  missing::InterviewInput out;
  out.status = r.Text("status", kMaxMissingCodeChars);
  out.offered_at = r.Text("offered_at", kMaxMissingCodeChars);
  out.held_at = r.Text("held_at", kMaxMissingCodeChars);
  out.place = r.Text("place", missing::kMaxShortText);
  out.interviewer_name = r.Text("interviewer_name", missing::kMaxShortText);
  out.interviewer_agency = r.Text("interviewer_agency", kMaxMissingCodeChars);
  out.reason = r.Text("reason", missing::kMaxLongText, /*multi_line=*/true);
  out.decision_by = r.Text("decision_by", missing::kMaxShortText);

  if (const json* findings = r.Find("findings")) {
    if (!findings->is_object()) {
      r.Problem("findings", "Must be an object of findings, for example {\"reasons\": \"...\"}");
    } else {
      JsonMembers f(*findings, "findings.", errors);
      for (missing::Finding finding : missing::AllFindings()) {
        out.findings[static_cast<std::size_t>(finding)] =
            f.Text(missing::ToCode(finding), missing::kMaxLongText, /*multi_line=*/true);
      }
      std::array<std::string_view, missing::kFindingCount> codes{};
      for (std::size_t i = 0; i < codes.size(); ++i) {
        codes[i] = missing::ToCode(missing::AllFindings()[i]);
      }
      f.RefuseOthers(codes, "Is not one of the interview's findings");
    }
  }

  if (const json* concerns = r.Find("concerns")) {
    if (!concerns->is_array()) {
      r.Problem("concerns", "Must be a list of concerns to raise");
    } else if (concerns->size() > kMaxRaisedConcerns) {
      r.Problem("concerns", "Raise at most " + std::to_string(kMaxRaisedConcerns) + " concerns");
    } else {
      for (std::size_t i = 0; i < concerns->size(); ++i) {
        const json& item = (*concerns)[i];
        const std::string prefix = "concerns[" + std::to_string(i) + "].";
        if (!item.is_object()) {
          errors.emplace("concerns[" + std::to_string(i) + "]", "Must be an object");
          continue;
        }
        JsonMembers c(item, prefix, errors);
        missing::ConcernRequest request;
        request.finding = c.Text("finding", kMaxMissingCodeChars);
        request.category = c.Text("category", kMaxMissingCodeChars);
        if (const json* indicators = c.Find("indicators")) {
          if (!indicators->is_array() || indicators->size() > kMaxRaisedIndicators) {
            c.Problem("indicators", "Must be a list of at most " +
                                        std::to_string(kMaxRaisedIndicators) + " indicator codes");
          } else {
            for (const json& code : *indicators) {
              if (!code.is_string()) {
                c.Problem("indicators", "Must be a list of indicator codes (strings)");
                break;
              }
              const std::string& text = code.get_ref<const std::string&>();
              if (text.size() > kMaxMissingCodeChars) {
                c.Problem("indicators", "Each code must be " +
                                            std::to_string(kMaxMissingCodeChars) +
                                            " characters or fewer");
                break;
              }
              request.indicators.push_back(text);
            }
          }
        }
        c.RefuseOthers(kConcernMembers, "Is not a field of a raised concern");
        out.concerns.push_back(std::move(request));
      }
    }
  }
  r.RefuseOthers(kInterviewMembers, "Is not a field of this resource");
  if (!errors.empty()) return Problems(std::move(errors));
  return out;
}

}  // namespace harbour::web
