#pragma once
// The minutes of a panel meeting as plain text fields, ready for the page, the HTML export and
// the PDF export (web/minutes_pdf.h). Built by the web layer from stored records. Pure data.
#include <string>
#include <vector>

#include "panel/meeting.h"

namespace harbour::panel {

struct MinutesAction {
  std::string title;
  std::string owner;   // "Name (Agency)"
  std::string due;     // "10 December 2026"
  std::string status;  // "Open", "Overdue" or "Done: <outcome>"
};

struct MinutesItem {
  int position = 0;
  std::string child_name;
  std::string reason;  // "New referral" / "Review due"
  bool discussed = false;
  std::string category, models, elements, plan, next_review;
  std::vector<MinutesAction> actions;
};

struct Minutes {
  std::string panel;      // the panel's local name
  std::string reference;  // "CSEP 2026-12-03"
  std::string when;       // London date and time
  std::string where;
  std::vector<AgencyAttendance> attendance;
  std::vector<MinutesItem> items;
  std::string produced;  // "Produced 4 December 2026 10:02 by Sam Taylor"
};

}  // namespace harbour::panel
