// The panel API's bodies (web/panel/panel_json.h) on arbitrary bytes, followed by what the
// server does next with an accepted body: panel::ValidateMeeting against a fixed "now",
// panel::ValidateDecision and panel::ValidateAction against a fixed meeting date. A rejection is
// malformed JSON, not an object, or names at least one field; accepted text is trimmed, within
// its bound and free of control characters (line breaks only where free text allows them), and
// writing it back as JSON parses to the same input. The domain fails only with its documented
// field errors, and what it accepts keeps its promises: a meeting with a place unless online, a
// decision with at least one model and a review after the meeting, an action due on or after
// the meeting and owned by one of the owners offered.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "common/text.h"
#include "fuzz_check.h"
#include "panel/meeting.h"
#include "web/panel/panel_json.h"

namespace {

using namespace std::chrono;
using harbour::Date;

constexpr Date kMeetingDate{year{2026}, month{12}, day{3}};
// 2026-12-03 12:00 UTC: the "now" meetings are validated against.
constexpr harbour::Instant kNow = sys_days{kMeetingDate} + hours{12};
const std::vector<std::string> kOwners = {"4f1c2a9e8b7d6c5a4f3e2d1c0b9a8f7e",
                                          "0123456789abcdef0123456789abcdef"};

bool Clean(const std::string& text, std::size_t max_chars, bool multi_line) {
  return text == harbour::Trim(text) && harbour::IsValidUtf8(text) &&
         !harbour::HasControlCharacters(text, multi_line) &&
         harbour::CharacterCount(text) <= max_chars;
}

bool CleanCode(const std::string& text) {
  return Clean(text, harbour::web::kMaxPanelCodeChars, false);
}

void CheckRejection(const harbour::Error& e) {
  FUZZ_CHECK(e.code == "malformed_json" || e.code == "not_an_object" ||
             e.code == "validation_failed");
  if (e.code == "validation_failed") FUZZ_CHECK(!e.fields.empty());
}

void CheckFields(const harbour::Error& e, const std::set<std::string>& known) {
  FUZZ_CHECK(e.kind == harbour::ErrorKind::kInvalid && !e.fields.empty());
  for (const auto& [field, message] : e.fields) {
    FUZZ_CHECK(known.contains(field) && !message.empty());
  }
}

void CheckMeeting(std::string_view input) {
  using namespace harbour;
  auto parsed = web::ParseMeetingJson(input);
  if (!parsed) return CheckRejection(parsed.error());
  FUZZ_CHECK(CleanCode(parsed->date) && CleanCode(parsed->time) &&
             Clean(parsed->place, panel::kMaxPlace, true));
  FUZZ_CHECK(parsed->online.empty() || parsed->online == "yes");
  nlohmann::json body{{"date", parsed->date},
                      {"time", parsed->time},
                      {"place", parsed->place},
                      {"online", parsed->online == "yes"},
                      {"recorded_afterwards", parsed->recorded_afterwards == "yes"}};
  auto again = web::ParseMeetingJson(body.dump());
  FUZZ_CHECK(again.has_value());
  FUZZ_CHECK(again->date == parsed->date && again->time == parsed->time &&
             again->place == parsed->place && again->online == parsed->online &&
             again->recorded_afterwards == parsed->recorded_afterwards);
  auto meeting = panel::ValidateMeeting(*parsed, kNow);
  if (!meeting) {
    return CheckFields(meeting.error(), {"date", "time", "place", "recorded_afterwards"});
  }
  FUZZ_CHECK(meeting->online || !meeting->place.empty());
  // Only a meeting that has taken place is recorded as such, and one in the past only so.
  FUZZ_CHECK(meeting->recorded_afterwards == (meeting->starts_at < kNow));
  FUZZ_CHECK(!HasControlCharacters(meeting->place) &&
             CharacterCount(meeting->place) <= panel::kMaxPlace);
}

void CheckMember(std::string_view input) {
  auto parsed = harbour::web::ParseMemberJson(input);
  if (!parsed) return CheckRejection(parsed.error());
  FUZZ_CHECK(CleanCode(*parsed));
  auto again = harbour::web::ParseMemberJson(nlohmann::json{{"user_id", *parsed}}.dump());
  FUZZ_CHECK(again.has_value() && *again == *parsed);
}

void CheckAttendance(std::string_view input) {
  using namespace harbour;
  auto parsed = web::ParseAttendanceJson(input);
  if (!parsed) return CheckRejection(parsed.error());
  FUZZ_CHECK(!parsed->empty() && parsed->size() <= web::kMaxPanelListItems);
  nlohmann::json marks = nlohmann::json::object();
  for (const auto& [user_id, code] : *parsed) {
    FUZZ_CHECK(!user_id.empty() && CleanCode(code));
    FUZZ_CHECK(IsValidUtf8(user_id) && !HasControlCharacters(user_id) &&
               CharacterCount(user_id) <= web::kMaxPanelCodeChars);
    marks[user_id] = code;
    auto known = panel::AttendanceFromCode(code);
    if (known) FUZZ_CHECK(panel::ToCode(*known) == code);
  }
  auto again = web::ParseAttendanceJson(nlohmann::json{{"attendance", marks}}.dump());
  FUZZ_CHECK(again.has_value() && *again == *parsed);
}

void CheckAgenda(std::string_view input) {
  auto parsed = harbour::web::ParseAgendaJson(input);
  if (!parsed) return CheckRejection(parsed.error());
  FUZZ_CHECK(CleanCode(parsed->child_id) && CleanCode(parsed->referral_id));
  auto again = harbour::web::ParseAgendaJson(
      nlohmann::json{{"child_id", parsed->child_id}, {"referral_id", parsed->referral_id}}.dump());
  FUZZ_CHECK(again.has_value() && again->child_id == parsed->child_id &&
             again->referral_id == parsed->referral_id);
}

void CheckDecision(std::string_view input) {
  using namespace harbour;
  auto parsed = web::ParseDecisionJson(input);
  if (!parsed) return CheckRejection(parsed.error());
  FUZZ_CHECK(CleanCode(parsed->category) && CleanCode(parsed->next_review) &&
             Clean(parsed->plan, panel::kMaxPlan, true));
  FUZZ_CHECK(parsed->models.size() <= web::kMaxPanelListItems &&
             parsed->elements.size() <= web::kMaxPanelListItems);
  for (const auto& m : parsed->models) FUZZ_CHECK(CleanCode(m));
  for (const auto& e : parsed->elements) FUZZ_CHECK(CleanCode(e));
  nlohmann::json body{{"category", parsed->category},
                      {"models", parsed->models},
                      {"elements", parsed->elements},
                      {"plan", parsed->plan},
                      {"next_review", parsed->next_review}};
  auto again = web::ParseDecisionJson(body.dump());
  FUZZ_CHECK(again.has_value());
  FUZZ_CHECK(again->category == parsed->category && again->models == parsed->models &&
             again->elements == parsed->elements && again->plan == parsed->plan &&
             again->next_review == parsed->next_review);
  auto decision = panel::ValidateDecision(*parsed, kMeetingDate);
  if (!decision) {
    return CheckFields(decision.error(), {"category", "models", "elements", "plan", "next_review"});
  }
  FUZZ_CHECK(!decision->models.empty() && !decision->plan.empty());
  FUZZ_CHECK(sys_days{decision->next_review} > sys_days{kMeetingDate});
  FUZZ_CHECK(panel::CategoryFromCode(panel::ToCode(decision->category)) == decision->category);
}

void CheckAction(std::string_view input) {
  using namespace harbour;
  auto parsed = web::ParseActionJson(input);
  if (!parsed) return CheckRejection(parsed.error());
  FUZZ_CHECK(Clean(parsed->title, panel::kMaxActionTitle, true) && CleanCode(parsed->owner) &&
             CleanCode(parsed->due));
  auto again = web::ParseActionJson(nlohmann::json{
      {"title", parsed->title},
      {"owner", parsed->owner},
      {"due", parsed->due}}.dump());
  FUZZ_CHECK(again.has_value() && again->title == parsed->title && again->owner == parsed->owner &&
             again->due == parsed->due);
  auto action = panel::ValidateAction(*parsed, kOwners, kMeetingDate);
  if (!action) return CheckFields(action.error(), {"title", "owner", "due"});
  FUZZ_CHECK(!action->title.empty() && !HasControlCharacters(action->title));
  FUZZ_CHECK(action->owner == kOwners[0] || action->owner == kOwners[1]);
  FUZZ_CHECK(sys_days{action->due} >= sys_days{kMeetingDate});
  FUZZ_CHECK(LondonDate(panel::ActionDueAt(action->due)) == action->due);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  CheckMeeting(input);
  CheckMember(input);
  CheckAttendance(input);
  CheckAgenda(input);
  CheckDecision(input);
  CheckAction(input);
  return 0;
}
