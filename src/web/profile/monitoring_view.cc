#include "web/profile/monitoring_view.h"

#include <cstdio>

#include "common/csv.h"
#include "profile/publish.h"

namespace harbour::web {
namespace {

std::string OneDecimal(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", value);
  return buffer;
}

}  // namespace

std::string RateText(const profile::GroupRateRow& row) {
  if (!row.identified) return "c";
  if (!row.rate) return "";
  return OneDecimal(row.rate->per_10000);
}

std::string IntervalText(const profile::GroupRateRow& row) {
  if (!row.rate) return row.identified ? "" : "c";
  return OneDecimal(row.rate->interval_per_10000.low) + " to " +
         OneDecimal(row.rate->interval_per_10000.high);
}

namespace {

mstch::map GridContext(const profile::ShownGrid& grid) {
  mstch::array columns, rows, totals;
  for (const auto& label : grid.column_labels) columns.push_back(mstch::map{{"label", label}});
  for (std::size_t i = 0; i < grid.cells.size(); ++i) {
    mstch::array cells;
    for (const auto& cell : grid.cells[i])
      cells.push_back(mstch::map{{"value", profile::CountText(cell)}});
    rows.push_back(mstch::map{{"label", grid.row_labels[i]},
                              {"cells", cells},
                              {"total", profile::CountText(grid.row_totals[i])}});
  }
  for (const auto& total : grid.column_totals) {
    totals.push_back(mstch::map{{"value", profile::CountText(total)}});
  }
  return mstch::map{{"id", grid.id},
                    {"title", grid.title},
                    {"note", grid.note},
                    {"columns", columns},
                    {"rows", rows},
                    {"totals", totals},
                    {"grand_total", profile::CountText(grid.grand_total)},
                    {"has_rows", !rows.empty()}};
}

nlohmann::json Count(const std::optional<long>& count) {
  if (!count) return "c";
  return *count;
}

nlohmann::json GridJson(const profile::ShownGrid& grid) {
  nlohmann::json rows = nlohmann::json::array();
  for (std::size_t i = 0; i < grid.cells.size(); ++i) {
    nlohmann::json cells = nlohmann::json::array();
    for (const auto& cell : grid.cells[i]) cells.push_back(Count(cell));
    rows.push_back(
        {{"label", grid.row_labels[i]}, {"cells", cells}, {"total", Count(grid.row_totals[i])}});
  }
  nlohmann::json totals = nlohmann::json::array();
  for (const auto& total : grid.column_totals) totals.push_back(Count(total));
  return {{"id", grid.id}, {"title", grid.title}, {"columns", grid.column_labels},
          {"rows", rows},  {"totals", totals},    {"grand_total", Count(grid.grand_total)}};
}

void GridCsv(std::string& csv, const profile::ShownGrid& grid) {
  csv += CsvRow({grid.title});
  if (!grid.note.empty()) csv += CsvRow({grid.note});
  std::vector<std::string> header = {""};
  for (const auto& label : grid.column_labels) header.push_back(label);
  header.push_back("Total");
  csv += CsvRow(header);
  for (std::size_t i = 0; i < grid.cells.size(); ++i) {
    std::vector<std::string> row = {grid.row_labels[i]};
    for (const auto& cell : grid.cells[i]) row.push_back(profile::CountText(cell));
    row.push_back(profile::CountText(grid.row_totals[i]));
    csv += CsvRow(row);
  }
  std::vector<std::string> totals = {"Total"};
  for (const auto& total : grid.column_totals) totals.push_back(profile::CountText(total));
  totals.push_back(profile::CountText(grid.grand_total));
  csv += CsvRow(totals);
  csv += "\r\n";
}

}  // namespace

mstch::map MonitoringContext(const Monitoring& m) {
  mstch::array equality;
  for (const auto& table : m.equality) {
    mstch::array rows;
    for (const auto& row : table.rows) {
      rows.push_back(mstch::map{{"label", row.label},
                                {"identified", profile::CountText(row.identified)},
                                {"population", std::to_string(row.population)},
                                {"rate", RateText(row)},
                                {"interval", IntervalText(row)},
                                {"under_identified", row.under_identified}});
    }
    equality.push_back(mstch::map{{"id", table.id}, {"title", table.title}, {"rows", rows}});
  }
  mstch::array levels;
  for (const auto& grid : m.levels) levels.push_back(GridContext(grid));
  char kappa[32] = "";
  if (m.kappa) std::snprintf(kappa, sizeof kappa, "%.2f", m.kappa->kappa);
  return mstch::map{{"equality", equality},
                    {"has_equality", !equality.empty()},
                    {"level_grids", levels},
                    {"confusion", GridContext(m.confusion)},
                    {"judgement", GridContext(m.judgement)},
                    {"kappa", std::string(kappa)},
                    {"has_kappa", m.kappa.has_value()},
                    {"compared", std::to_string(m.compared)}};
}

nlohmann::json MonitoringJson(const Monitoring& m) {
  nlohmann::json equality = nlohmann::json::array();
  for (const auto& table : m.equality) {
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& row : table.rows) {
      nlohmann::json r = {{"code", row.code},
                          {"label", row.label},
                          {"identified", Count(row.identified)},
                          {"population", row.population},
                          {"under_identified", row.under_identified}};
      if (row.rate) {
        r["rate_per_10000"] = row.rate->per_10000;
        r["interval_per_10000"] = {row.rate->interval_per_10000.low,
                                   row.rate->interval_per_10000.high};
      } else {
        r["rate_per_10000"] = row.identified ? nlohmann::json(nullptr) : nlohmann::json("c");
      }
      rows.push_back(std::move(r));
    }
    equality.push_back({{"id", table.id}, {"title", table.title}, {"rows", rows}});
  }
  nlohmann::json levels = nlohmann::json::array();
  for (const auto& grid : m.levels) levels.push_back(GridJson(grid));
  nlohmann::json kappa = nullptr;
  if (m.kappa) kappa = {{"weights", "linear"}, {"kappa", m.kappa->kappa}, {"n", m.kappa->n}};
  return {{"equality", equality},
          {"risk_levels_by_group", levels},
          {"calibration",
           {{"tool_against_panel", GridJson(m.confusion)},
            {"weighted_kappa", kappa},
            {"judged_against_tool", GridJson(m.judgement)}}}};
}

std::string MonitoringCsv(const Monitoring& m) {
  std::string csv;
  for (const auto& table : m.equality) {
    csv += CsvRow({table.title, "per 10,000 children, with 95% Wilson intervals"});
    csv += CsvRow({"group", "identified", "population", "rate per 10,000", "95% interval",
                   "identified well below the others"});
    for (const auto& row : table.rows) {
      csv += CsvRow({row.label, profile::CountText(row.identified), std::to_string(row.population),
                     RateText(row), IntervalText(row), row.under_identified ? "yes" : ""});
    }
    csv += "\r\n";
  }
  for (const auto& grid : m.levels) GridCsv(csv, grid);
  GridCsv(csv, m.confusion);
  if (m.kappa) {
    char line[64];
    std::snprintf(line, sizeof line, "%.3f", m.kappa->kappa);
    csv += CsvRow({"Linear-weighted kappa, the tool against the panel", line});
    csv += "\r\n";
  }
  GridCsv(csv, m.judgement);
  return csv;
}

}  // namespace harbour::web
