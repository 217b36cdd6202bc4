#include "panel/feedback.h"

namespace harbour::panel {

feedback::Message AgendaMessage(std::string_view child_name, const PanelMeeting& meeting,
                                const PanelNames& panel) {
  feedback::Message m;
  m.title = std::string(child_name) + " is on the agenda of the " + std::string(panel.name) +
            " meeting on " + FormatLondonDateTime(meeting.starts_at);
  m.next_steps = "The panel will discuss your referral then; you will hear here what it decides.";
  m.contact = std::string(panel.contact);
  return m;
}

std::string DecisionSummary(const Decision& decision) {
  return std::string(Label(decision.category)) + ". Exploitation model: " + ModelsText(decision) +
         ". Next review by " + FormatLongDate(decision.next_review) + ".";
}

feedback::Message ActionMessage(std::string_view child_name, std::string_view owner_agency,
                                Date due, const PanelNames& panel) {
  feedback::Message m;
  m.title = "The " + std::string(panel.name) + " agreed an action for " + std::string(child_name);
  m.body = std::string(owner_agency) + " owns it; it is due by " + FormatLongDate(due) + ".";
  m.next_steps = "You will hear here when the panel reviews the plan.";
  m.contact = std::string(panel.contact);
  return m;
}

}  // namespace harbour::panel
