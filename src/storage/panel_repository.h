#pragma once
// Persistence of panel meetings, their members and agendas (panel/meeting.h). The panel's
// actions are tasks (storage/tasks_repository.h) whose source is the agenda item.
#include <optional>
#include <string>
#include <vector>

#include "common/error.h"
#include "panel/meeting.h"
#include "storage/database.h"

namespace harbour::storage {

// A meeting with how many children are on its agenda and how many have been discussed.
struct MeetingSummary {
  panel::PanelMeeting meeting;
  int items = 0;
  int discussed = 0;
};

class PanelRepository {
 public:
  explicit PanelRepository(Database& db) : db_(db) {}

  void InsertMeetingIn(Transaction& tx, const panel::PanelMeeting& meeting);
  Result<std::optional<panel::PanelMeeting>> FindMeeting(std::string_view id);
  // Every meeting (empty `member`), or those `member` is a member of; latest first.
  Result<std::vector<MeetingSummary>> Meetings(std::string_view member, int limit);

  // Adds the user as a member (invited) unless already one; false when already a member.
  bool AddMemberIn(Transaction& tx, std::string_view meeting_id, std::string_view user_id,
                   std::string_view agency_id, std::string_view by, Instant at);
  // Records a member's attendance; false when the user is not a member.
  bool SetAttendanceIn(Transaction& tx, std::string_view meeting_id, std::string_view user_id,
                       panel::Attendance attendance, std::string_view by, Instant at);
  // Members with their names and agencies, in agency then name order.
  Result<std::vector<panel::Member>> Members(std::string_view meeting_id);

  // Puts the child on the agenda at the end; the item's position is assigned here.
  void InsertItemIn(Transaction& tx, const panel::AgendaItem& item, std::string_view by,
                    Instant at);
  // Records (or corrects) the panel's decision on an item.
  void RecordDecisionIn(Transaction& tx, std::string_view item_id, const panel::Decision& d);
  Result<std::vector<panel::AgendaItem>> Items(std::string_view meeting_id);
  Result<std::optional<panel::AgendaItem>> FindItem(std::string_view item_id);
  // Discussed items about one child, oldest first (the child's chronology).
  Result<std::vector<panel::AgendaItem>> DecisionsFor(std::string_view child_id);
  // Ids of referrals on an agenda that has not discussed them yet.
  Result<std::vector<std::string>> PendingReferrals();
  // Children whose latest panel decision set a review on or before `by`, whose referral (if
  // any) is still open: review proposals, with the referral to carry on the new item.
  Result<std::vector<panel::Proposal>> ReviewsDue(Date by);

  // True when the user is a member who attends (has not sent apologies) a meeting with the
  // child on its agenda: a panel member's need to know.
  Result<bool> AttendsMeetingAbout(std::string_view child_id, std::string_view user_id);

 private:
  Database& db_;
};

}  // namespace harbour::storage
