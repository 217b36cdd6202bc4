#pragma once
// The profile's tables (issue 12; DOMAIN.md §9), counted from the period's facts: every
// breakdown of §9, each with "Not recorded" as a row of its own (never left out, never shown as
// zero) and, for fields an agency fills in, how complete each agency leaves it. Pure: the
// counts are exact; suppression is applied afterwards, by profile/suppression.h, to whatever is
// published.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "common/working_days.h"
#include "profile/facts.h"

namespace harbour::profile {

inline constexpr std::string_view kNotRecorded = "not_recorded";
inline constexpr std::string_view kNotRecordedLabel = "Not recorded";

struct BreakdownRow {
  std::string code;   // stable: the row's key in the API, exports and the drill-down
  std::string label;  // what people read
  long count = 0;
  std::vector<std::string> child_ids;  // who is behind the count (children only); never published
};

// How complete one agency leaves the field the breakdown counts.
struct Completeness {
  std::string agency_id;
  long counted = 0;   // the records the agency is responsible for
  long recorded = 0;  // ... with the field filled in
};

struct Breakdown {
  std::string id;        // "sex", "risk_tool_level", ...
  std::string title;     // "Children identified by sex"
  std::string section;   // "children", "risk", "missing", "referrals", "panel", ...
  std::string counting;  // what one is counted: "children", "episodes", "referrals", ...
  // True when each counted thing is in exactly one row, so the rows add up to the total; false
  // when one can be in several rows (a child with concerns of two categories).
  bool exclusive = true;
  std::vector<BreakdownRow> rows;
  long total = 0;                          // things counted (children, episodes, ...)
  std::vector<Completeness> completeness;  // per agency, for fields agencies fill in; else empty
  std::string note;                        // how to read it, e.g. the standard it measures
};

// One level of a risk tool, in the tool's order: `from_top` is 0 for its highest level, 1 for
// the next, and so on (the calibration maps the top three onto the panel's categories 3, 2, 1).
struct ToolLevel {
  std::string code;
  std::string label;
  int from_top = 0;
};

// Names for the codes the profile does not own: ethnicity (the reference catalogue), agencies
// and wards (storage). A code with no name shows as the code.
struct Labels {
  std::map<std::string, std::string> ethnicity;
  std::map<std::string, std::string> agencies;
  std::map<std::string, std::string> wards;
  // The ethnicity codes in catalogue order: every one has a row, even at zero.
  std::vector<std::string> ethnicity_order;
  // The risk tools' levels, lowest first within each tool (a code in two tools: the first).
  std::vector<ToolLevel> levels;
};

// The level with this code, or nullptr.
const ToolLevel* FindLevel(const Labels& labels, std::string_view code);

// The facts narrowed to the filters: children by ward, agency and concern category; episodes,
// referrals, decisions, people and places by the children kept; disruptions by agency.
AreaFacts Filtered(const AreaFacts& facts, const Filters& filters);

// Every table of the profile, in the order the page shows them. `calendar` counts working days
// from referral to screening decision. Each row's child_ids are filled only with
// `keep_children` (the coordinator's drill-down): otherwise the rows only count.
std::vector<Breakdown> Breakdowns(const AreaFacts& facts, const Labels& labels,
                                  const WorkingCalendar& calendar, bool keep_children = false);

// The breakdown with this id, or nullptr.
const Breakdown* Find(const std::vector<Breakdown>& breakdowns, std::string_view id);

}  // namespace harbour::profile
