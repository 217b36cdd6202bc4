#pragma once
// The multi-agency panel's meetings (docs/panel.md): the coordinator arranges them, invites
// members, records attendance and builds the agenda; the panel records each child's category,
// models, plan, actions and next review; minutes print and export (pages and API). The handlers
// behind web/panel/panel.h; included only inside web/panel/.
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "chronology/chronology.h"
#include "panel/chronology.h"
#include "panel/feedback.h"
#include "panel/meeting.h"
#include "panel/minutes.h"
#include "storage/agencies_repository.h"
#include "storage/children_repository.h"
#include "storage/identity_repository.h"
#include "storage/messages_repository.h"
#include "storage/panel_repository.h"
#include "storage/referrals_repository.h"
#include "storage/tasks_repository.h"
#include "web/core/handlers.h"
#include "web/panel/minutes_pdf.h"
#include "web/referrals/referrals.h"

namespace harbour::web {

class PanelHandlers : public AreaHandlers {
 public:
  PanelHandlers(const Core& core, const ReferralsArea& referrals, FeedbackOptions feedback,
                std::shared_ptr<const PdfFonts> pdf_fonts)
      : AreaHandlers(core),
        referrals_area_(referrals),
        feedback_(std::move(feedback)),
        pdf_fonts_(std::move(pdf_fonts)) {}

  // Panel meetings (panel_handlers.cc).
  Response PanelMeetings(Request& request, const Principal& who);
  Response CreateMeeting(Request& request, const Principal& who);
  Response ViewMeeting(Request& request, const Principal& who);
  Response AddPanelMember(Request& request, const Principal& who);
  Response RecordAttendance(Request& request, const Principal& who);
  Response AddToAgenda(Request& request, const Principal& who);
  Response ViewAgendaItem(Request& request, const Principal& who);
  Response RecordPanelDecision(Request& request, const Principal& who);
  Response AddPanelAction(Request& request, const Principal& who);
  Response MeetingMinutes(Request& request, const Principal& who);
  Response MeetingMinutesPdf(Request& request, const Principal& who);
  Response PanelActions(Request& request, const Principal& who);
  // The meetings page; a refused new-meeting form shows its problems and what was typed.
  Response MeetingsPage(const Principal& who, const Request& request, const FormData* form,
                        const Error* problems);
  // A meeting's page; `problems` and `form` show a refused member or agenda form again.
  Response MeetingPage(const Principal& who, const Request& request, const Error* problems,
                       const FormData* form);
  // Both forms of an agenda item's page: "decision" or "action". Redirects back on success;
  // shows the page again with the problems and what was typed on kInvalid.
  Response PostToAgendaItem(Request& request, const Principal& who, std::string_view which);
  // An agenda item's page: the decision form and the actions; `problems` and `form` show a
  // refused decision or action again (`which` is "decision" or "action").
  Response AgendaItemPage(const Principal& who, const Request& request, std::string_view which,
                          const Error* problems, const FormData* form);
  // Panel meetings, their agendas, decisions and actions, and completing a task (panel_api.cc).
  Response ApiListMeetings(Request& request, const Principal& who);
  Response ApiCreateMeeting(Request& request, const Principal& who);
  Response ApiGetMeeting(Request& request, const Principal& who);
  Response ApiAddMeetingMember(Request& request, const Principal& who);
  Response ApiRecordAttendance(Request& request, const Principal& who);
  Response ApiAddToAgenda(Request& request, const Principal& who);
  Response ApiRecordPanelDecision(Request& request, const Principal& who);
  Response ApiListPanelItemActions(Request& request, const Principal& who);
  Response ApiAddPanelAction(Request& request, const Principal& who);
  Response ApiListPanelActions(Request& request, const Principal& who);

  // Panel verbs shared by pages and the API (panel_handlers.cc).
  // A meeting as the caller may see it: coordinators see every meeting; a panel member only
  // one they are a member of and attend (not sent apologies); anyone else, and a panel member
  // of another meeting, gets kNotFound, audited ("panel.view" refused).
  struct MeetingView {
    panel::PanelMeeting meeting;
    std::vector<panel::Member> members;
    std::vector<panel::AgendaItem> items;
    bool coordinator = false;
  };
  Result<MeetingView> FindMeetingFor(const Principal& who, const Request& request,
                                     std::string_view id);
  // The agenda item `item_id` of the meeting, or kNotFound.
  static Result<panel::AgendaItem> ItemOf(const MeetingView& view, std::string_view item_id);
  // The children on the meeting's agenda: a view of the meeting or its minutes is audited once
  // for each (PerChild).
  static std::vector<std::string> AgendaChildren(const MeetingView& view);
  // Validates and stores a meeting (coordinators; kInvalid fields "date", "time", "place").
  Result<panel::PanelMeeting> DoCreateMeeting(const Principal& who, const Request& request,
                                              const panel::MeetingInput& input);
  // Invites a user with case access (kInvalid field "user_id"; kConflict when already one).
  Result<panel::Member> DoAddMember(const Principal& who, const Request& request,
                                    const MeetingView& view, std::string_view user_id);
  // Records attendance: user id -> "invited" | "present" | "apologies" (kInvalid field
  // "attendance.<user id>" for an unknown member or code); all or nothing.
  Result<void> DoRecordAttendance(const Principal& who, const Request& request,
                                  const MeetingView& view,
                                  const std::vector<std::pair<std::string, std::string>>& marks);
  // What could join the agenda: referrals accepted for a meeting and not on another agenda
  // yet, then children whose panel review is due by the meeting's date.
  Result<std::vector<panel::Proposal>> ProposalsFor(const MeetingView& view);
  // Puts a proposal on the agenda (it must be one of ProposalsFor; kInvalid field "proposal"
  // otherwise) and tells the referrer the meeting's date.
  Result<panel::AgendaItem> DoAddToAgenda(const Principal& who, const Request& request,
                                          const MeetingView& view, std::string_view child_id,
                                          std::string_view referral_id);
  // Records (or corrects) the panel's decision on an item (panel::ValidateDecision's fields).
  // The first decision on a referral accepted or under review moves it to "discussed", and
  // the referrer is told the category, models and next review — one transaction.
  Result<panel::Decision> DoRecordDecision(const Principal& who, const Request& request,
                                           const MeetingView& view, const panel::AgendaItem& item,
                                           const panel::DecisionInput& input);
  // The people who may own a panel action: active users with case access, "name (agency)".
  Result<std::vector<std::pair<std::string, std::string>>> ActionOwners();
  // Adds an agreed action as a task of its owner (panel::ValidateAction's fields); the
  // referrer is told which agency owns it and by when.
  Result<tasks::Task> DoAddPanelAction(const Principal& who, const Request& request,
                                       const MeetingView& view, const panel::AgendaItem& item,
                                       const panel::ActionInput& input);
  // The panel's decisions about the child and its actions (with their outcomes) as chronology
  // entries.
  Result<std::vector<chronology::Entry>> PanelEntries(const children::Child& child);
  // The meeting's minutes: attendance by agency, and each child's decision and actions.
  Result<panel::Minutes> BuildMinutes(const Principal& who, const MeetingView& view);

  // The panel API's helpers (panel_api.cc). A meeting as JSON text: the meeting, its members,
  // its agenda with decisions and, for coordinators, the proposals. Reads only; the caller
  // audits.
  Result<std::string> MeetingDetailJson(const MeetingView& view);
  // For the coordinator's changes to a meeting: kForbidden (audited) unless the caller runs the
  // panel, then FindMeetingFor's kNotFound, then kMalformed unless the body is JSON; `message`
  // says why a refusal is refused.
  Result<MeetingView> MeetingToRun(const Principal& who, const Request& request,
                                   std::string_view message);

 private:
  panel::PanelNames Names() const { return {feedback_.panel_name, feedback_.panel_contact}; }

  const ReferralsArea& referrals_area_;
  FeedbackOptions feedback_;
  std::shared_ptr<const PdfFonts> pdf_fonts_;  // null: the PDF export is unavailable
  storage::PanelRepository panel_{db_};
  storage::TasksRepository tasks_{db_};
  storage::ReferralsRepository referrals_{db_};
  storage::MessagesRepository messages_{db_};
  storage::IdentityRepository identity_{db_};
  storage::AgenciesRepository agencies_{db_};
  storage::ChildrenRepository children_{db_};
};

}  // namespace harbour::web
