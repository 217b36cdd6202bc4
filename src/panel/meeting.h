#pragma once
// Multi-agency panel meetings (issue 4; DESIGN.md §1, DOMAIN.md §1, §3, §8): a meeting with
// its members and their attendance, an agenda of children (referrals accepted for a meeting and
// children whose panel review is due), and for each child the panel's agreed category,
// exploitation model(s), plan, actions and next review date. The panel's local name (CSEP,
// SERAC, MASE...) is configuration, not code. Pure.
#include <algorithm>
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/codes.h"
#include "common/error.h"
#include "common/time.h"

namespace harbour::panel {

// --- the meeting ---------------------------------------------------------------------------

struct PanelMeeting {
  std::string id;
  Instant starts_at{};
  std::string place;  // a room and address, or empty when online only
  bool online = false;
  std::string created_by;
  Instant created_at{};
  // True when the coordinator arranged it after it took place, to record it ("recording a
  // meeting that took place"); shown as such wherever the meeting is.
  bool recorded_afterwards = false;
};

// Raw form or API text: date "YYYY-MM-DD" (Europe/London), time "HH:MM", place, online "yes".
struct MeetingInput {
  std::string date;
  std::string time;
  std::string place;
  std::string online;
  std::string recorded_afterwards;  // "yes": recording a meeting that took place
};

inline constexpr std::size_t kMaxPlace = 300;

// kInvalid with fields "date" (missing or not a date), "time" (missing or not HH:MM) and
// "place" (required unless online; one line, at most kMaxPlace characters), every problem at
// once. A meeting whose start is before `now` is accepted only as "recording a meeting that
// took place" (recorded_afterwards "yes"; otherwise a "date" problem saying so), and a meeting
// still to come cannot be recorded as having taken place ("recorded_afterwards" problem).
Result<PanelMeeting> ValidateMeeting(const MeetingInput& input, Instant now);

// The panel records decisions only once its meeting has started: kConflict
// "meeting_not_started" before then, naming when it starts (the referrer would otherwise be
// told the panel "discussed" a child it has not yet met about).
Result<void> CheckMeetingStarted(const PanelMeeting& meeting, Instant now);

// The reference minutes and flags quote: "CSEP 2026-12-03" (panel name and London date).
std::string Reference(const PanelMeeting& meeting, std::string_view panel_name);

// A meeting stays upcoming, at the top of the meetings list and on the home page, until this long
// after it starts: a meeting under way or just finished is still the one people open.
inline constexpr std::chrono::hours kUpcomingFor{12};
bool IsUpcoming(const PanelMeeting& meeting, Instant now);

// --- members and attendance ----------------------------------------------------------------

enum class Attendance { kInvited, kPresent, kApologies };
inline constexpr auto kAttendanceCodes = MakeCodeTable<Attendance>({
    {Attendance::kInvited, "invited", "Invited"},
    {Attendance::kPresent, "present", "Present"},
    {Attendance::kApologies, "apologies", "Sent apologies"},
});
static_assert(IsCompleteCodeTable<kAttendanceCodes>());
constexpr std::string_view ToCode(Attendance attendance) {
  return kAttendanceCodes.Code(attendance);
}
constexpr std::optional<Attendance> AttendanceFromCode(std::string_view code) {
  return kAttendanceCodes.FromCode(code);
}
constexpr std::string_view Label(Attendance attendance) {
  return kAttendanceCodes.LabelOf(attendance);
}

struct Member {
  std::string user_id;
  std::string agency_id;
  Attendance attendance = Attendance::kInvited;
  // For display, filled by storage.
  std::string name;
  std::string agency_name;
  std::string role;  // role code
};

// A member who has not sent apologies attends: they see the meeting's children and may record
// the panel's decisions.
bool Attends(const Member& member);

// Attendance grouped by agency for the minutes: each agency once, "present" when any of its
// members was present, else "apologies" when any sent them, else "invited"; in agency-name
// order, each with its members' names.
struct AgencyAttendance {
  std::string agency_id;
  std::string agency_name;
  Attendance attendance = Attendance::kInvited;
  std::vector<std::string> names;
};
std::vector<AgencyAttendance> ByAgency(const std::vector<Member>& members);

// --- the agenda ----------------------------------------------------------------------------

enum class ItemReason { kReferral, kReview };
inline constexpr auto kItemReasonCodes = MakeCodeTable<ItemReason>({
    {ItemReason::kReferral, "referral", "New referral"},
    {ItemReason::kReview, "review", "Review due"},
});
static_assert(IsCompleteCodeTable<kItemReasonCodes>());
constexpr std::string_view ToCode(ItemReason reason) { return kItemReasonCodes.Code(reason); }
constexpr std::optional<ItemReason> ItemReasonFromCode(std::string_view code) {
  return kItemReasonCodes.FromCode(code);
}
constexpr std::string_view Label(ItemReason reason) { return kItemReasonCodes.LabelOf(reason); }

// DOMAIN.md §1 (Barnardo's models), required once a panel has discussed a child.
enum class ExploitationModel { kInappropriateRelationship, kBoyfriend, kPeer, kOrganised };
inline constexpr auto kExploitationModelCodes = MakeCodeTable<ExploitationModel>({
    {ExploitationModel::kInappropriateRelationship, "inappropriate_relationship",
     "Inappropriate relationship"},
    {ExploitationModel::kBoyfriend, "boyfriend", "\"Boyfriend\" model"},
    {ExploitationModel::kPeer, "peer", "Peer exploitation"},
    {ExploitationModel::kOrganised, "organised",
     "Organised or networked exploitation, trafficking"},
});
static_assert(IsCompleteCodeTable<kExploitationModelCodes>());
constexpr std::string_view ToCode(ExploitationModel model) {
  return kExploitationModelCodes.Code(model);
}
constexpr std::optional<ExploitationModel> ExploitationModelFromCode(std::string_view code) {
  return kExploitationModelCodes.FromCode(code);
}
constexpr std::string_view Label(ExploitationModel model) {
  return kExploitationModelCodes.LabelOf(model);
}
inline constexpr ExploitationModel kModels[] = {
    ExploitationModel::kInappropriateRelationship, ExploitationModel::kBoyfriend,
    ExploitationModel::kPeer, ExploitationModel::kOrganised};
static_assert(std::ranges::equal(kModels, kExploitationModelCodes.Values()),
              "kModels lists every model in the table's order");

// DOMAIN.md §1's further tags.
enum class Element { kOnline, kGang, kDrugMarkets };
inline constexpr auto kElementCodes = MakeCodeTable<Element>({
    {Element::kOnline, "online", "Online element"},
    {Element::kGang, "gang", "Gang association"},
    {Element::kDrugMarkets, "drug_markets", "Links to drug markets"},
});
static_assert(IsCompleteCodeTable<kElementCodes>());
constexpr std::string_view ToCode(Element element) { return kElementCodes.Code(element); }
constexpr std::optional<Element> ElementFromCode(std::string_view code) {
  return kElementCodes.FromCode(code);
}
constexpr std::string_view Label(Element element) { return kElementCodes.LabelOf(element); }
inline constexpr Element kElements[] = {Element::kOnline, Element::kGang, Element::kDrugMarkets};
static_assert(std::ranges::equal(kElements, kElementCodes.Values()),
              "kElements lists every element in the table's order");

// DOMAIN.md §3 (Pan-London categories): the panel, not the form, sets the final category.
enum class Category { kAtRisk = 1, kSignificantRisk = 2, kSeriousRisk = 3 };
inline constexpr auto kCategoryCodes = MakeCodeTable<Category>({
    {Category::kAtRisk, "1", "Category 1: at risk"},
    {Category::kSignificantRisk, "2", "Category 2: significant risk"},
    {Category::kSeriousRisk, "3", "Category 3: serious risk"},
});
static_assert(IsCompleteCodeTable<kCategoryCodes>());
constexpr std::string_view ToCode(Category category) { return kCategoryCodes.Code(category); }
constexpr std::optional<Category> CategoryFromCode(std::string_view code) {
  return kCategoryCodes.FromCode(code);
}
constexpr std::string_view Label(Category category) { return kCategoryCodes.LabelOf(category); }

// What the panel agreed about one child.
struct Decision {
  Category category = Category::kAtRisk;
  std::vector<ExploitationModel> models;  // at least one
  std::vector<Element> elements;
  std::string plan;
  Date next_review;
  std::string recorded_by;
  std::string recorded_by_agency;  // the agency they recorded it for, as they were at the time
  Instant recorded_at{};
};

struct AgendaItem {
  std::string id;
  std::string meeting_id;
  std::string child_id;
  std::string referral_id;  // empty for a review
  ItemReason reason = ItemReason::kReferral;
  int position = 0;
  std::optional<Decision> decision;  // set once discussed
  // For display, filled by storage.
  std::string child_name;
  std::string recorded_by_name;  // who recorded the decision, and their agency's name
  std::string recorded_by_agency_name;
};

// The agenda item with the panel's newest decision among `items` (by when it was recorded), or
// nullptr when none was decided: the category the partnership acts on for the child.
const AgendaItem* LatestDecision(const std::vector<AgendaItem>& items);

// Raw form or API text for the panel's decision on one child.
struct DecisionInput {
  std::string category;
  std::vector<std::string> models;
  std::vector<std::string> elements;
  std::string plan;
  std::string next_review;  // "YYYY-MM-DD"
};

inline constexpr std::size_t kMaxPlan = 20000;

// kInvalid with fields "category", "models" (at least one; every code known), "elements"
// (every code known), "plan" (1..kMaxPlan characters) and "next_review" (a date after the
// meeting's London date), every problem at once.
Result<Decision> ValidateDecision(const DecisionInput& input, Date meeting_date);

// The decision's models and elements as people read them: "Boyfriend model; Peer exploitation".
std::string ModelsText(const Decision& decision);
std::string ElementsText(const Decision& decision);

// Something that could go on the agenda: a referral accepted for a meeting, or a child whose
// panel review (next_review of their latest decision) falls on or before the meeting.
struct Proposal {
  std::string child_id;
  std::string referral_id;
  ItemReason reason = ItemReason::kReferral;
  std::string child_name;
  std::string detail;  // e.g. "Referred by Kim Jones (Safe Futures) on 1 December 2026"
};

// The proposals not already on the agenda, one per child, a referral before a review of the
// same child, in the order given otherwise.
std::vector<Proposal> ProposeAgenda(const std::vector<Proposal>& candidates,
                                    const std::vector<AgendaItem>& agenda);

// --- actions -------------------------------------------------------------------------------

// Raw text of an action the panel agrees: what, who (a user of the owner agency) and by when.
struct ActionInput {
  std::string title;
  std::string owner;  // user id
  std::string due;    // "YYYY-MM-DD"
};

inline constexpr std::size_t kMaxActionTitle = 1000;

struct Action {
  std::string title;
  std::string owner;
  Date due;
};

// kInvalid with fields "title" (1..kMaxActionTitle characters), "owner" (one of `owners`) and
// "due" (a date on or after the meeting's date), every problem at once.
Result<Action> ValidateAction(const ActionInput& input, const std::vector<std::string>& owners,
                              Date meeting_date);

// An action is due at 23:59 Europe/London on its due date.
Instant ActionDueAt(Date due);

}  // namespace harbour::panel
