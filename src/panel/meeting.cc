#include "panel/meeting.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <set>

#include "common/text.h"

namespace harbour::panel {
namespace {

using std::chrono::sys_days;

// One-line free text: trimmed, valid, no line breaks.
std::expected<std::string, std::string> OneLine(std::string_view raw, std::string_view missing,
                                                std::string_view label, std::size_t max_chars) {
  auto text = CheckedFreeText(raw, missing, label, max_chars);
  if (text && HasControlCharacters(*text, /*multi_line=*/false)) {
    return std::unexpected(std::string(label) + " must be one line");
  }
  return text;
}

}  // namespace

Result<PanelMeeting> ValidateMeeting(const MeetingInput& input, Instant now) {
  std::map<std::string, std::string> fields;
  PanelMeeting meeting;
  std::string date_text = Trim(input.date);
  auto date = ParseDate(date_text);
  if (date_text.empty()) {
    fields["date"] = "Enter the date of the meeting";
  } else if (!date) {
    fields["date"] = "Enter the date as a real date, for example 2026-12-03";
  }
  std::string time_text = Trim(input.time);
  auto clock = ParseClockTime(time_text);
  if (time_text.empty()) {
    fields["time"] = "Enter the time the meeting starts";
  } else if (!clock) {
    fields["time"] = "Enter the time as hours and minutes on the 24-hour clock, for example 14:00";
  }
  meeting.online = Trim(input.online) == "yes";
  if (!meeting.online || !Trim(input.place).empty()) {
    auto place = OneLine(input.place, "Enter where the meeting is held, or say it is online",
                         "The place", kMaxPlace);
    if (place) meeting.place = *place;
    if (!place) fields["place"] = place.error();
  }
  meeting.recorded_afterwards = Trim(input.recorded_afterwards) == "yes";
  if (date && clock) {
    meeting.starts_at = FromLondonLocal(*date, clock->first, clock->second);
    bool past = meeting.starts_at < now;
    if (past && !meeting.recorded_afterwards) {
      fields["date"] =
          "This date and time have passed. To record a meeting that has already taken place, "
          "choose \u201cRecording a meeting that took place\u201d";
    } else if (!past && meeting.recorded_afterwards) {
      fields["recorded_afterwards"] =
          "A meeting that has not started yet cannot be recorded as having taken place. Check "
          "the date and time";
    }
  }
  if (!fields.empty()) return Invalid(std::move(fields));
  return meeting;
}

Result<void> CheckMeetingStarted(const PanelMeeting& meeting, Instant now) {
  if (meeting.starts_at <= now) return {};
  return Fail(ErrorKind::kConflict, "meeting_not_started",
              "This meeting has not started yet: it starts on " +
                  FormatLondonDateTime(meeting.starts_at) +
                  ". Record the panel's decisions once it has met.");
}

std::string Reference(const PanelMeeting& meeting, std::string_view panel_name) {
  return std::string(panel_name) + " " + FormatDate(LondonDate(meeting.starts_at));
}

const AgendaItem* LatestDecision(const std::vector<AgendaItem>& items) {
  const AgendaItem* latest = nullptr;
  for (const auto& item : items) {
    if (!item.decision) continue;
    if (latest == nullptr || item.decision->recorded_at > latest->decision->recorded_at) {
      latest = &item;
    }
  }
  return latest;
}

bool IsUpcoming(const PanelMeeting& meeting, Instant now) {
  return meeting.starts_at + kUpcomingFor >= now;
}

std::string ModelsText(const Decision& decision) {
  std::string out;
  for (auto m : decision.models) out += (out.empty() ? "" : "; ") + std::string(Label(m));
  return out;
}

std::string ElementsText(const Decision& decision) {
  std::string out;
  for (auto e : decision.elements) out += (out.empty() ? "" : "; ") + std::string(Label(e));
  return out;
}

bool Attends(const Member& member) { return member.attendance != Attendance::kApologies; }

std::vector<AgencyAttendance> ByAgency(const std::vector<Member>& members) {
  std::map<std::string, AgencyAttendance> by_id;
  for (const auto& m : members) {
    auto& a = by_id[m.agency_id];
    a.agency_id = m.agency_id;
    a.agency_name = m.agency_name;
    a.names.push_back(m.name);
    if (m.attendance == Attendance::kPresent) a.attendance = Attendance::kPresent;
    if (m.attendance == Attendance::kApologies && a.attendance == Attendance::kInvited) {
      a.attendance = Attendance::kApologies;
    }
  }
  std::vector<AgencyAttendance> out;
  out.reserve(by_id.size());
  for (auto& [id, a] : by_id) out.push_back(std::move(a));
  std::ranges::stable_sort(out, {}, &AgencyAttendance::agency_name);
  return out;
}

Result<Decision> ValidateDecision(const DecisionInput& input, Date meeting_date) {
  std::map<std::string, std::string> fields;
  Decision decision;
  auto category = CategoryFromCode(Trim(input.category));
  if (!category) fields["category"] = "Choose the category the panel agreed";
  if (category) decision.category = *category;
  auto models = kExploitationModelCodes.FromCodes(input.models, Trim);
  if (!models) {
    fields["models"] = "Choose exploitation models from the list";
  } else if (models->empty()) {
    fields["models"] = "Choose at least one exploitation model: it is required once discussed";
  } else {
    decision.models = *models;
  }
  auto elements = kElementCodes.FromCodes(input.elements, Trim);
  if (!elements) fields["elements"] = "Choose elements from the list";
  if (elements) decision.elements = *elements;
  auto plan = CheckedFreeText(input.plan, "Enter the plan the panel agreed", "The plan", kMaxPlan);
  if (!plan) fields["plan"] = plan.error();
  if (plan) decision.plan = *plan;
  std::string review_text = Trim(input.next_review);
  auto review = ParseDate(review_text);
  if (review_text.empty()) {
    fields["next_review"] = "Enter the date of the next review";
  } else if (!review) {
    fields["next_review"] = "Enter the next review as a real date, for example 2027-01-14";
  } else if (sys_days{*review} <= sys_days{meeting_date}) {
    fields["next_review"] =
        "The next review must be after the meeting (" + FormatLongDate(meeting_date) + ")";
  } else {
    decision.next_review = *review;
  }
  if (!fields.empty()) return Invalid(std::move(fields));
  return decision;
}

std::vector<Proposal> ProposeAgenda(const std::vector<Proposal>& candidates,
                                    const std::vector<AgendaItem>& agenda) {
  std::set<std::string> children;
  for (const auto& item : agenda) children.insert(item.child_id);
  std::vector<Proposal> ordered;
  for (const auto& c : candidates) {
    if (c.reason == ItemReason::kReferral) ordered.push_back(c);
  }
  for (const auto& c : candidates) {
    if (c.reason == ItemReason::kReview) ordered.push_back(c);
  }
  std::vector<Proposal> out;
  for (auto& c : ordered) {
    if (children.insert(c.child_id).second) out.push_back(std::move(c));
  }
  return out;
}

Result<Action> ValidateAction(const ActionInput& input, const std::vector<std::string>& owners,
                              Date meeting_date) {
  std::map<std::string, std::string> fields;
  Action action;
  auto title = OneLine(input.title, "Enter the action", "The action", kMaxActionTitle);
  if (!title) fields["title"] = title.error();
  if (title) action.title = *title;
  std::string owner = Trim(input.owner);
  if (owner.empty()) {
    fields["owner"] = "Choose who owns the action";
  } else if (std::ranges::find(owners, owner) == owners.end()) {
    fields["owner"] = "Choose an owner from the list";
  } else {
    action.owner = owner;
  }
  std::string due_text = Trim(input.due);
  auto due = ParseDate(due_text);
  if (due_text.empty()) {
    fields["due"] = "Enter the date the action is due";
  } else if (!due) {
    fields["due"] = "Enter the due date as a real date, for example 2026-12-10";
  } else if (sys_days{*due} < sys_days{meeting_date}) {
    fields["due"] =
        "The due date cannot be before the meeting (" + FormatLongDate(meeting_date) + ")";
  } else {
    action.due = *due;
  }
  if (!fields.empty()) return Invalid(std::move(fields));
  return action;
}

Instant ActionDueAt(Date due) { return FromLondonLocal(due, 23, 59); }

}  // namespace harbour::panel
