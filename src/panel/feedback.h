#pragma once
// What the referrer hears as the panel works on their referral (the feedback loop, DESIGN.md §1):
// the meeting whose agenda has the child, what the panel decided, and which agency owns each
// action and by when, never the detail of the plan. Pure.
#include <string>
#include <string_view>

#include "common/time.h"
#include "feedback/message.h"
#include "panel/meeting.h"

namespace harbour::panel {

// The panel's local name (CSEP, SERAC, MASE...) and how to reach its coordinators.
struct PanelNames {
  std::string_view name;
  std::string_view contact;
};

// The child is on the agenda of `meeting`; the referrer will hear the decision. The id,
// recipient, subject and time are left to the caller.
feedback::Message AgendaMessage(std::string_view child_name, const PanelMeeting& meeting,
                                const PanelNames& panel);
// What the referral's "discussed" message adds: the category, the models and the next review.
std::string DecisionSummary(const Decision& decision);
// The panel agreed an action for the child, owned by `owner_agency` and due by `due`.
feedback::Message ActionMessage(std::string_view child_name, std::string_view owner_agency,
                                Date due, const PanelNames& panel);

}  // namespace harbour::panel
