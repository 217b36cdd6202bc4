#pragma once
// The bodies of the panel's JSON API (docs/api/openapi.yaml, tag "panel"): a new meeting, a
// member to invite, attendance, an agenda item, the panel's decision on a child, an action, and
// a task's outcome. JSON text to the domain's raw input. Checks only shape and types; whether
// the values make sense is the domain's question (panel::ValidateMeeting, ValidateDecision,
// ValidateAction, tasks::ValidateOutcome, and the App's panel verbs), so that every value
// problem is reported together in the second round. Pure; never throws.
//
// Every parser fails with:
// - kMalformed "malformed_json" and kInvalid "not_an_object", as ParseJsonObject;
// - kInvalid "validation_failed" with a message per member: one that is not part of the body,
//   a value of the wrong JSON type, text with control characters, or text over its bound. Line
//   breaks and tabs are allowed in free text (a plan, an outcome) and are left to the domain in
//   a meeting's place and an action's title, which say they must be one line.
// Absent or null members are empty.
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/error.h"
#include "panel/meeting.h"
#include "tasks/task.h"

namespace harbour::web {

// A bound on codes and ids (dates, times, user and child ids, category and model codes), far
// above any valid value: the domain's messages say what a valid one is.
inline constexpr std::size_t kMaxPanelCodeChars = 100;
// At most this many models, elements or attendance marks in one body.
inline constexpr std::size_t kMaxPanelListItems = 100;

// {"date", "time", "place", "online"}: "place" up to panel::kMaxPlace characters; "online" is a
// boolean (true becomes the domain's "yes").
Result<panel::MeetingInput> ParseMeetingJson(std::string_view body);

// {"user_id"}: the user to invite.
Result<std::string> ParseMemberJson(std::string_view body);

// {"attendance": {"<user id>": "present" | "apologies" | "invited", ...}}: required, an object
// with at least one and at most kMaxPanelListItems members; each value a string (a problem is
// keyed "attendance.<user id>"). Whether the user is a member and the code known is
// DoRecordAttendance's question. In user id order.
Result<std::vector<std::pair<std::string, std::string>>> ParseAttendanceJson(std::string_view body);

// {"child_id", "referral_id"}: a proposal to put on the agenda ("" referral for a review).
struct AgendaBody {
  std::string child_id;
  std::string referral_id;
};
Result<AgendaBody> ParseAgendaJson(std::string_view body);

// {"category", "models", "elements", "plan", "next_review"}: "models" and "elements" are arrays
// of strings (a problem with one item is keyed "models[2]"); "plan" is free text up to
// panel::kMaxPlan characters.
Result<panel::DecisionInput> ParseDecisionJson(std::string_view body);

// {"title", "owner", "due"}: "title" up to panel::kMaxActionTitle characters.
Result<panel::ActionInput> ParseActionJson(std::string_view body);

}  // namespace harbour::web
