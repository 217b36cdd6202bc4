#include "panel/chronology.h"

#include <string>

namespace harbour::panel {

chronology::Entry DecisionEntry(const AgendaItem& item, std::string_view panel_name,
                                chronology::Attribution by) {
  chronology::Entry e;
  e.type = chronology::EntryType::kPanel;
  e.id = item.id;
  e.by = std::move(by);
  if (!item.decision) return e;
  const Decision& d = *item.decision;
  e.at = d.recorded_at;
  e.headline =
      std::string(panel_name) + ": " + std::string(Label(d.category)) + "; " + ModelsText(d);
  e.summary = e.headline;
  e.detail = d.plan + "\nNext review by " + FormatLongDate(d.next_review) + ".";
  return e;
}

chronology::Entry ActionEntry(const tasks::Task& action, chronology::Attribution by) {
  chronology::Entry e;
  e.type = chronology::EntryType::kPanelAction;
  e.at = action.created_at;
  e.id = action.id;
  e.by = std::move(by);
  e.headline = "Panel action: " + action.title + " (" + action.who + ", due " +
               FormatLongDate(LondonDate(action.due_at)) + ")";
  e.summary = e.headline;
  if (action.status != tasks::TaskStatus::kDone) {
    e.detail = "Open";
    return e;
  }
  e.detail = "Done " + (action.completed_at ? FormatLondonDateTime(*action.completed_at) : "") +
             " by " + action.completed_by_name + ": " + action.outcome;
  return e;
}

}  // namespace harbour::panel
