#pragma once
// How the panel's records become entries in a child's chronology (issue 11: each context says
// this for its own records). Pure.
#include <string_view>

#include "chronology/chronology.h"
#include "panel/meeting.h"
#include "tasks/task.h"

namespace harbour::panel {

// The panel's decision on one child: "<panel>: <category>; <models>", the plan and the next
// review, credited to `by` (who recorded the decision, for which agency). `item` must carry a
// decision.
chronology::Entry DecisionEntry(const AgendaItem& item, std::string_view panel_name,
                                chronology::Attribution by);

// One of the panel's actions: "Panel action: <title> (<who>, due <date>)" and whether it is
// done, credited to `by`: the person who recorded the action and their agency, never the
// agency that must carry it out.
chronology::Entry ActionEntry(const tasks::Task& action, chronology::Attribution by);

}  // namespace harbour::panel
