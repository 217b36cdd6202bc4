#include "web/panel/panel_json.h"

#include <array>
#include <map>
#include <utility>

#include "common/text.h"
#include "web/parse/json_body.h"
#include "web/parse/json_members.h"

namespace harbour::web {
namespace {

using nlohmann::json;

constexpr std::string_view kNotAMember = "Is not a field of this resource";
constexpr std::array<std::string_view, 5> kMeetingMembers = {"date", "time", "place", "online",
                                                             "recorded_afterwards"};
constexpr std::array<std::string_view, 1> kMemberMembers = {"user_id"};
constexpr std::array<std::string_view, 1> kAttendanceMembers = {"attendance"};
constexpr std::array<std::string_view, 2> kAgendaMembers = {"child_id", "referral_id"};
constexpr std::array<std::string_view, 5> kDecisionMembers = {"category", "models", "elements",
                                                              "plan", "next_review"};
constexpr std::array<std::string_view, 3> kActionMembers = {"title", "owner", "due"};

std::unexpected<Error> Refused(std::map<std::string, std::string> errors) {
  return Invalid(std::move(errors), "Check the highlighted fields.");
}

// An array of short one-line codes; problems keyed "<name>" (not an array, too many) or
// "<name>[i]" (an item that is not a clean string).
std::vector<std::string> CodeList(JsonMembers& r, std::string_view name) {
  std::vector<std::string> out;
  const json* value = r.Find(name);
  if (value == nullptr) return out;
  if (!value->is_array()) {
    r.Problem(name, "Must be a list of codes");
    return out;
  }
  if (value->size() > kMaxPanelListItems) {
    r.Problem(name, "Must have " + std::to_string(kMaxPanelListItems) + " items or fewer");
    return out;
  }
  for (std::size_t i = 0; i < value->size(); ++i) {
    const json& item = (*value)[i];
    std::string key = std::string(name) + "[" + std::to_string(i) + "]";
    if (!item.is_string()) {
      r.Problem(key, "Must be a string");
      continue;
    }
    std::string text = Trim(item.get_ref<const std::string&>());
    if (!IsValidUtf8(text) || HasControlCharacters(text, /*multi_line=*/false)) {
      r.Problem(key, "Must not contain control characters");
      continue;
    }
    if (CharacterCount(text) > kMaxPanelCodeChars) {
      r.Problem(key, "Must be " + std::to_string(kMaxPanelCodeChars) + " characters or fewer");
      continue;
    }
    out.push_back(std::move(text));
  }
  return out;
}

}  // namespace

Result<panel::MeetingInput> ParseMeetingJson(std::string_view body) {
  auto parsed = ParseJsonObject(body);
  if (!parsed) return std::unexpected(parsed.error());
  std::map<std::string, std::string> errors;
  JsonMembers r(*parsed, "", errors);
  panel::MeetingInput out;
  out.date = r.Text("date", kMaxPanelCodeChars);
  out.time = r.Text("time", kMaxPanelCodeChars);
  out.place = r.Text("place", panel::kMaxPlace, /*multi_line=*/true);
  if (const json* online = r.Find("online")) {
    if (!online->is_boolean()) {
      r.Problem("online", "Must be true or false");
    } else if (online->get<bool>()) {
      out.online = "yes";
    }
  }
  if (const json* afterwards = r.Find("recorded_afterwards")) {
    if (!afterwards->is_boolean()) {
      r.Problem("recorded_afterwards", "Must be true or false");
    } else if (afterwards->get<bool>()) {
      out.recorded_afterwards = "yes";
    }
  }
  r.RefuseOthers(kMeetingMembers, kNotAMember);
  if (!errors.empty()) return Refused(std::move(errors));
  return out;
}

Result<std::string> ParseMemberJson(std::string_view body) {
  auto parsed = ParseJsonObject(body);
  if (!parsed) return std::unexpected(parsed.error());
  std::map<std::string, std::string> errors;
  JsonMembers r(*parsed, "", errors);
  std::string user_id = r.Text("user_id", kMaxPanelCodeChars);
  r.RefuseOthers(kMemberMembers, kNotAMember);
  if (!errors.empty()) return Refused(std::move(errors));
  return user_id;
}

Result<std::vector<std::pair<std::string, std::string>>> ParseAttendanceJson(
    std::string_view body) {
  auto parsed = ParseJsonObject(body);
  if (!parsed) return std::unexpected(parsed.error());
  std::map<std::string, std::string> errors;
  JsonMembers r(*parsed, "", errors);
  std::vector<std::pair<std::string, std::string>> out;
  const json* marks = r.Find("attendance");
  if (marks == nullptr) {
    r.Problem("attendance",
              "Give each member's attendance, for example {\"<user id>\": \"present\"}");
  } else if (!marks->is_object()) {
    r.Problem("attendance", "Must be an object from user id to attendance");
  } else if (marks->empty()) {
    r.Problem("attendance", "Give at least one member's attendance");
  } else if (marks->size() > kMaxPanelListItems) {
    r.Problem("attendance",
              "Must have " + std::to_string(kMaxPanelListItems) + " members or fewer");
  } else {
    for (const auto& [user_id, value] : marks->items()) {
      // The key becomes part of a field name: it must be short, clean text.
      if (user_id.empty() || CharacterCount(user_id) > kMaxPanelCodeChars ||
          !IsValidUtf8(user_id) || HasControlCharacters(user_id, /*multi_line=*/false)) {
        r.Problem("attendance", "Each key must be a user id");
        continue;
      }
      JsonMembers mark(*marks, "attendance.", errors);
      std::string code = mark.Text(user_id, kMaxPanelCodeChars);
      if (value.is_null()) mark.Problem(user_id, "Must be a string");
      if (errors.contains("attendance." + user_id)) continue;
      out.emplace_back(user_id, std::move(code));
    }
  }
  r.RefuseOthers(kAttendanceMembers, kNotAMember);
  if (!errors.empty()) return Refused(std::move(errors));
  return out;
}

Result<AgendaBody> ParseAgendaJson(std::string_view body) {
  auto parsed = ParseJsonObject(body);
  if (!parsed) return std::unexpected(parsed.error());
  std::map<std::string, std::string> errors;
  JsonMembers r(*parsed, "", errors);
  AgendaBody out;
  out.child_id = r.Text("child_id", kMaxPanelCodeChars);
  out.referral_id = r.Text("referral_id", kMaxPanelCodeChars);
  r.RefuseOthers(kAgendaMembers, kNotAMember);
  if (!errors.empty()) return Refused(std::move(errors));
  return out;
}

Result<panel::DecisionInput> ParseDecisionJson(std::string_view body) {
  auto parsed = ParseJsonObject(body);
  if (!parsed) return std::unexpected(parsed.error());
  std::map<std::string, std::string> errors;
  JsonMembers r(*parsed, "", errors);
  panel::DecisionInput out;
  out.category = r.Text("category", kMaxPanelCodeChars);
  out.models = CodeList(r, "models");
  out.elements = CodeList(r, "elements");
  out.plan = r.Text("plan", panel::kMaxPlan, /*multi_line=*/true);
  out.next_review = r.Text("next_review", kMaxPanelCodeChars);
  r.RefuseOthers(kDecisionMembers, kNotAMember);
  if (!errors.empty()) return Refused(std::move(errors));
  return out;
}

Result<panel::ActionInput> ParseActionJson(std::string_view body) {
  auto parsed = ParseJsonObject(body);
  if (!parsed) return std::unexpected(parsed.error());
  std::map<std::string, std::string> errors;
  JsonMembers r(*parsed, "", errors);
  panel::ActionInput out;
  out.title = r.Text("title", panel::kMaxActionTitle, /*multi_line=*/true);
  out.owner = r.Text("owner", kMaxPanelCodeChars);
  out.due = r.Text("due", kMaxPanelCodeChars);
  r.RefuseOthers(kActionMembers, kNotAMember);
  if (!errors.empty()) return Refused(std::move(errors));
  return out;
}

}  // namespace harbour::web
