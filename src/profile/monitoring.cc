#include "profile/monitoring.h"

#include <algorithm>
#include <array>
#include <functional>
#include <map>

#include "profile/age_band.h"
#include "profile/suppression.h"

namespace harbour::profile {
namespace {

std::string NameOf(const std::map<std::string, std::string>& names, const std::string& code) {
  auto it = names.find(code);
  return it == names.end() ? code : it->second;
}

const ShownBreakdown* ShownOf(const std::vector<ShownBreakdown>& shown, std::string_view id) {
  for (const auto& b : shown) {
    if (b.id == id) return &b;
  }
  return nullptr;
}

// The rows of one dimension: each group of the breakdown that has a population.
EqualityTable RatesFor(const ShownBreakdown& breakdown, std::string id, std::string title,
                       const std::function<long(const std::string&)>& population_of) {
  EqualityTable table{.id = std::move(id), .title = std::move(title), .rows = {}};
  std::vector<GroupRate> groups;
  for (const auto& row : breakdown.rows) {
    if (row.not_recorded) continue;
    long population = population_of(row.code);
    if (population <= 0) continue;
    GroupRateRow out{.code = row.code,
                     .label = row.label,
                     .identified = row.count,
                     .population = population,
                     .rate = std::nullopt,
                     .under_identified = false};
    if (row.count) out.rate = RatePer10000(std::min(*row.count, population), population);
    // A suppressed count takes no part in flagging: its group is left out of every "rest".
    groups.push_back({.count = row.count.value_or(0), .population = row.count ? population : 0});
    table.rows.push_back(std::move(out));
  }
  std::vector<bool> flags = FlagUnderIdentified(groups);
  for (std::size_t i = 0; i < table.rows.size() && i < flags.size(); ++i) {
    table.rows[i].under_identified = flags[i] && table.rows[i].identified.has_value();
  }
  return table;
}

int RankOf(const Labels& labels, std::string_view code) {
  const ToolLevel* level = FindLevel(labels, code);
  return level == nullptr ? -1 : level->from_top;
}

// The panel category a tool level corresponds to: 3 for the top level, 0 below category 1.
int CategoryOfLevel(int from_top) { return std::max(0, 3 - from_top); }

Grid LevelGrid(const std::vector<ChildFacts>& children, const Labels& labels, std::string id,
               std::string title, const std::vector<std::pair<std::string, std::string>>& groups,
               std::string_view (*group_of)(const ChildFacts&)) {
  Grid grid;
  grid.id = std::move(id);
  grid.title = std::move(title);
  grid.note = "The risk tool's level on each child's latest assessment, by group.";
  for (const auto& [code, label] : groups) {
    grid.row_codes.push_back(code);
    grid.row_labels.push_back(label);
  }
  for (const auto& level : labels.levels) {
    grid.column_codes.push_back(level.code);
    grid.column_labels.push_back(level.label);
  }
  grid.column_codes.push_back(std::string(kNotRecorded));
  grid.column_labels.push_back(std::string(kNotRecordedLabel));
  grid.counts.assign(grid.row_codes.size(), std::vector<long>(grid.column_codes.size(), 0));
  for (const auto& c : children) {
    auto row = std::find(grid.row_codes.begin(), grid.row_codes.end(), group_of(c));
    std::string_view level = c.tool_level.empty() ? kNotRecorded : std::string_view(c.tool_level);
    auto column = std::find(grid.column_codes.begin(), grid.column_codes.end(), level);
    if (row == grid.row_codes.end() || column == grid.column_codes.end()) continue;
    ++grid.counts[row - grid.row_codes.begin()][column - grid.column_codes.begin()];
  }
  return grid;
}

// The groups are views of the child's facts or constants: no string is made per child.
std::string_view SexGroup(const ChildFacts& c) {
  return c.sex == "female" || c.sex == "male" ? std::string_view(c.sex) : kNotRecorded;
}
std::string_view EthnicityGroup(const ChildFacts& c) {
  return c.ethnicity.empty() || c.ethnicity == "not_known" ? kNotRecorded
                                                           : std::string_view(c.ethnicity);
}
std::string_view AgeGroup(const ChildFacts& c) { return ToCode(AgeBandOf(c.age)); }

}  // namespace

ShownGrid ShowGrid(const Grid& grid, Release release) {
  ShownGrid shown{.id = grid.id,
                  .title = grid.title,
                  .note = grid.note,
                  .row_labels = grid.row_labels,
                  .column_labels = grid.column_labels,
                  .cells = {},
                  .row_totals = {},
                  .column_totals = {},
                  .grand_total = 0};
  CountTable table{.cells = grid.counts};
  if (table.cells.empty() || grid.column_codes.empty()) return shown;
  if (release == Release::kPublished) {
    PublishedTable published = Suppress(table);
    shown.cells = published.cells;
    shown.row_totals = published.row_totals;
    shown.column_totals = published.column_totals;
    shown.grand_total = published.grand_total;
    return shown;
  }
  long grand = 0;
  shown.column_totals.assign(grid.column_codes.size(), 0L);
  for (const auto& row : grid.counts) {
    long sum = 0;
    std::vector<std::optional<long>> cells;
    for (std::size_t j = 0; j < row.size(); ++j) {
      cells.emplace_back(row[j]);
      sum += row[j];
      *shown.column_totals[j] += row[j];
    }
    shown.cells.push_back(std::move(cells));
    shown.row_totals.emplace_back(sum);
    grand += sum;
  }
  shown.grand_total = grand;
  return shown;
}

std::vector<EqualityTable> Equality(const std::vector<ShownBreakdown>& shown,
                                    const Population& population, const Labels& labels) {
  std::vector<EqualityTable> tables;
  if (Total(population) <= 0) return tables;
  if (const auto* sex = ShownOf(shown, "sex")) {
    tables.push_back(
        RatesFor(*sex, "equality_sex", "Identification rates by sex",
                 [&](const std::string& code) { return CountBySex(population, code); }));
  }
  if (const auto* age = ShownOf(shown, "age_band")) {
    tables.push_back(RatesFor(*age, "equality_age_band", "Identification rates by age band",
                              [&](const std::string& code) {
                                auto band = AgeBandFromCode(code);
                                return band ? CountByBand(population, *band) : 0L;
                              }));
  }
  if (const auto* ethnicity = ShownOf(shown, "ethnicity")) {
    tables.push_back(
        RatesFor(*ethnicity, "equality_ethnicity", "Identification rates by ethnicity",
                 [&](const std::string& code) { return CountByEthnicity(population, code); }));
  }
  (void)labels;
  return tables;
}

std::vector<Grid> LevelsByGroup(const std::vector<ChildFacts>& children, const Labels& labels) {
  std::vector<std::pair<std::string, std::string>> sexes = {
      {"female", "Female"}, {"male", "Male"}, {std::string(kNotRecorded), "Not recorded"}};
  std::vector<std::pair<std::string, std::string>> ages;
  for (const auto& entry : kAgeBandCodes) ages.emplace_back(entry.code, entry.label);
  std::vector<std::pair<std::string, std::string>> ethnicities;
  for (const auto& code : labels.ethnicity_order) {
    if (code != "not_known") ethnicities.emplace_back(code, NameOf(labels.ethnicity, code));
  }
  ethnicities.emplace_back(std::string(kNotRecorded), std::string(kNotRecordedLabel));
  return {LevelGrid(children, labels, "levels_by_sex", "Risk tool levels by sex", sexes, SexGroup),
          LevelGrid(children, labels, "levels_by_age_band", "Risk tool levels by age band", ages,
                    AgeGroup),
          LevelGrid(children, labels, "levels_by_ethnicity", "Risk tool levels by ethnicity",
                    ethnicities, EthnicityGroup)};
}

Calibration Calibrate(const std::vector<ChildFacts>& children, const Labels& labels) {
  Calibration c;
  c.confusion.id = "calibration_panel";
  c.confusion.title = "The risk tool's level against the panel's category";
  c.confusion.note =
      "Children with both a submitted assessment and a panel decision. The tool's highest level "
      "is read as category 3, the next as 2, the next as 1; lower levels as below category 1.";
  c.confusion.row_codes = {"below_1", "1", "2", "3"};
  c.confusion.row_labels = {"Tool: below category 1", "Tool: category 1", "Tool: category 2",
                            "Tool: category 3"};
  c.confusion.column_codes = {"1", "2", "3"};
  c.confusion.column_labels = {"Panel: category 1", "Panel: category 2", "Panel: category 3"};
  c.confusion.counts.assign(4, std::vector<long>(3, 0));
  std::map<std::string, std::array<long, 3>, std::less<>> by_agency;  // same, higher, lower
  for (const auto& child : children) {
    int tool = RankOf(labels, child.tool_level);
    if (tool < 0) continue;
    int judged = RankOf(labels, child.judged_level);
    if (judged >= 0) {
      int index = judged == tool ? 0 : judged < tool ? 1 : 2;  // a smaller rank is higher
      auto agency = by_agency.find(child.tool_agency);
      if (agency == by_agency.end()) {
        agency = by_agency.emplace(std::string(child.tool_agency), std::array<long, 3>{}).first;
      }
      ++agency->second[index];
    }
    if (child.panel_category != "1" && child.panel_category != "2" && child.panel_category != "3") {
      continue;
    }
    ++c.confusion.counts[CategoryOfLevel(tool)][child.panel_category[0] - '1'];
    ++c.compared;
  }
  // Square, with the panel's (empty) "below category 1" column, for the weighted kappa.
  std::vector<std::vector<long>> square(4, std::vector<long>(4, 0));
  for (int i = 0; i < 4; ++i) {
    for (int j = 0; j < 3; ++j) square[i][j + 1] = c.confusion.counts[i][j];
  }
  if (c.compared > 0) c.kappa = WeightedKappa(square, KappaWeights::kLinear);
  c.judgement.id = "calibration_judgement";
  c.judgement.title = "Practitioners' judged level against the tool, by agency";
  c.judgement.note = "On each child's latest assessment, by the agency that submitted it.";
  c.judgement.column_codes = {"same", "higher", "lower"};
  c.judgement.column_labels = {"Same as the tool", "Judged higher", "Judged lower"};
  for (const auto& [agency, counts] : by_agency) {
    c.judgement.row_codes.push_back(agency);
    c.judgement.row_labels.push_back(NameOf(labels.agencies, agency));
    c.judgement.counts.push_back({counts[0], counts[1], counts[2]});
  }
  return c;
}

ReleasedMonitoring ReleaseMonitoring(const std::vector<ChildFacts>& children,
                                     const std::vector<ShownBreakdown>& shown,
                                     const Population& population, const Labels& labels,
                                     Release release) {
  ReleasedMonitoring m;
  m.equality = Equality(shown, population, labels);
  for (const auto& grid : LevelsByGroup(children, labels)) {
    m.levels.push_back(ShowGrid(grid, release));
  }
  Calibration calibration = Calibrate(children, labels);
  m.confusion = ShowGrid(calibration.confusion, release);
  m.judgement = ShowGrid(calibration.judgement, release);
  m.compared = calibration.compared;
  bool whole = release == Release::kInternal || m.confusion.grand_total.has_value();
  if (whole) m.kappa = calibration.kappa;
  return m;
}

}  // namespace harbour::profile
