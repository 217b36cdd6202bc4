#pragma once
// A profile table as it is shown, exported and returned (issue 12): each breakdown with the
// period before beside it, percentages, and each agency's completeness, all through the one
// suppression engine (profile/suppression.h) — or, for a coordinator's internal view, exact
// and marked "not for publication". Pure.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "profile/breakdown.h"

namespace harbour::profile {

enum class Release {
  kPublished,  // small numbers suppressed: what analysts, exports and the board report get
  kInternal,   // exact counts, for coordinators only, marked "not for publication"
};

struct ShownRow {
  std::string code;
  std::string label;
  std::optional<long> count;               // nullopt: suppressed ("c")
  std::optional<long> previous;            // the same row in the period before; nullopt: suppressed
  std::optional<double> percent;           // of the total; nullopt when suppressed or no total
  std::optional<double> previous_percent;  // the same for the period before
  bool percent_suppressed = false;         // built on a suppressed count or total
  bool previous_percent_suppressed = false;
  bool not_recorded = false;  // the "Not recorded" row
};

struct ShownCompleteness {
  std::string agency_id;
  std::string agency;            // its name
  std::optional<long> counted;   // the records it is responsible for
  std::optional<long> recorded;  // ... with the field filled in
  std::optional<double> percent;
};

struct ShownBreakdown {
  std::string id, title, section, counting, note;
  bool exclusive = true;
  std::vector<ShownRow> rows;
  std::optional<long> total, previous_total;
  std::vector<ShownCompleteness> completeness;
};

// One table as an earlier release published it, for differencing (SuppressAgainst): each row's
// count by code (nullopt: "c") and the total. A row the earlier release did not have counts as
// a shown 0, which suppresses more, never less.
struct EarlierTable {
  std::map<std::string, std::optional<long>> rows;
  std::optional<long> total;
};
// An earlier release's tables by breakdown id.
using EarlierRelease = std::map<std::string, EarlierTable>;

// The published counts of `shown` (the period's column, not the period before), as a later
// release is checked against them.
EarlierRelease PublishedCells(const std::vector<ShownBreakdown>& shown);

// The breakdown as released. `previous` is the same breakdown for the period before (rows are
// matched by code; a row missing there counts 0), or nullptr. In kPublished, an exclusive
// breakdown is suppressed as one column with its total (primary and secondary suppression), a
// non-exclusive one cell by cell (its rows do not add up to anything published); the period
// before is suppressed on its own in the same way; percentages on a suppressed count are
// suppressed; completeness is suppressed as a table of agencies by recorded / not recorded.
// With `earlier` (kPublished only): the period's column is released by SuppressAgainst that
// earlier release of the same table, whose period the current period contains (an exclusive
// breakdown as one column with its total, the rows of a non-exclusive one each alone), so that
// no count of the months added since can be worked out by subtracting the two. The period
// before and the completeness are released as without it.
ShownBreakdown Show(const Breakdown& current, const Breakdown* previous, const Labels& labels,
                    Release release, const EarlierTable* earlier = nullptr);

// Every breakdown of `current` (with the same-id breakdown of `previous` beside it, and the
// same-id table of `earlier`, when given, to be suppressed against).
std::vector<ShownBreakdown> ShowAll(const std::vector<Breakdown>& current,
                                    const std::vector<Breakdown>& previous, const Labels& labels,
                                    Release release, const EarlierRelease* earlier = nullptr);

// One count published on its own (no total beside it): nullopt ("c") for 1 to 5.
std::optional<long> PublishedCount(long count);
// "c" for a suppressed count, else the number.
std::string CountText(const std::optional<long>& count);
// "12.5%" (one decimal place), or "c" when suppressed, or "" when there is no percentage.
std::string PercentText(const std::optional<double>& percent, bool suppressed);

}  // namespace harbour::profile
