#pragma once
// Equality and calibration monitoring (issue 12): whether some groups of children are
// identified far less than others (rates per 10,000 children of the area's population, with
// 95% Wilson intervals), how the risk tool's levels fall in each group, and whether the tool
// agrees with the panel and with practitioners' judgement. Pure; every count shown goes through
// the same suppression as the profile's tables.
#include <optional>
#include <string>
#include <vector>

#include "profile/breakdown.h"
#include "profile/population.h"
#include "profile/publish.h"
#include "profile/statistics.h"

namespace harbour::profile {

// A two-way table of counts with its row and column names.
struct Grid {
  std::string id, title, note;
  std::vector<std::string> row_codes, row_labels;
  std::vector<std::string> column_codes, column_labels;
  std::vector<std::vector<long>> counts;  // [row][column]
};

// A grid as released: suppressed as one two-way table with its totals (published), or exact.
struct ShownGrid {
  std::string id, title, note;
  std::vector<std::string> row_labels, column_labels;
  std::vector<std::vector<std::optional<long>>> cells;
  std::vector<std::optional<long>> row_totals, column_totals;
  std::optional<long> grand_total;
};
ShownGrid ShowGrid(const Grid& grid, Release release);

// One group's identification rate.
struct GroupRateRow {
  std::string code, label;
  std::optional<long> identified;  // as the profile's breakdown of this dimension shows it
  long population = 0;             // children 0 to 17 of the group in the area
  std::optional<Rate> rate;        // per 10,000, when the count is shown and a population known
  bool under_identified = false;   // FlagUnderIdentified, on shown counts only
};

struct EqualityTable {
  std::string id;     // "equality_sex", "equality_age_band", "equality_ethnicity"
  std::string title;  // "Identification rates by sex"
  std::vector<GroupRateRow> rows;
};

// Rates by sex, age band (children's bands) and ethnicity. `shown` are the profile's released
// breakdowns (the counts are taken from them, so that nothing is shown here that the breakdown
// suppressed); a group with no population in `population` has no rate. Empty when no
// population has been imported.
std::vector<EqualityTable> Equality(const std::vector<ShownBreakdown>& shown,
                                    const Population& population, const Labels& labels);

// The risk tool's latest level per group, as a grid of groups by level (with Not recorded):
// sex, age band and ethnicity.
std::vector<Grid> LevelsByGroup(const std::vector<ChildFacts>& children, const Labels& labels);

// Agreement of the tool with the panel: children with both a tool level and a panel category,
// the tool's level mapped onto the categories by rank (its highest level to category 3, the
// next to 2, the next to 1, any lower to "below category 1").
struct Calibration {
  Grid confusion;                  // tool (rows: below 1, 1, 2, 3) by panel (columns: 1, 2, 3)
  std::optional<Agreement> kappa;  // linear-weighted; none when nothing is compared
  long compared = 0;
  Grid judgement;  // agencies by judged the same / higher / lower than the tool
};
Calibration Calibrate(const std::vector<ChildFacts>& children, const Labels& labels);

// Equality and calibration as one release shows them: the equality counts from the released
// breakdowns `shown`, every grid released like the tables, and the agreement only when the
// table it is built on is shown whole (a kappa over suppressed cells would tell them apart).
struct ReleasedMonitoring {
  std::vector<EqualityTable> equality;  // empty when no population is imported
  std::vector<ShownGrid> levels;        // risk tool levels by sex, age band, ethnicity
  ShownGrid confusion;                  // the tool against the panel
  std::optional<Agreement> kappa;
  long compared = 0;
  ShownGrid judgement;  // judged against the tool, by agency
};
ReleasedMonitoring ReleaseMonitoring(const std::vector<ChildFacts>& children,
                                     const std::vector<ShownBreakdown>& shown,
                                     const Population& population, const Labels& labels,
                                     Release release);

}  // namespace harbour::profile
