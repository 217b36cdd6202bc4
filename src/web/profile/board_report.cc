#include "web/profile/board_report.h"

#include <algorithm>
#include <cstdio>

#include "profile/period.h"

namespace harbour::web {
namespace {

constexpr float kTitleSize = 18;
constexpr float kSectionSize = 14;
constexpr float kTableTitleSize = 11;
constexpr float kChartHeight = 110;

std::string TwoDecimals(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f", value);
  return buffer;
}

const profile::ShownBreakdown* FindShown(const std::vector<profile::ShownBreakdown>& shown,
                                         std::string_view id) {
  auto it = std::ranges::find_if(shown, [&](const auto& b) { return b.id == id; });
  return it == shown.end() ? nullptr : &*it;
}

void Introduction(PdfDocument& doc, const BoardReport& r) {
  doc.Heading("Child exploitation problem profile", kTitleSize);
  doc.Paragraph("Board report for " + r.header.period_label);
  doc.Space(6);
  doc.Field("Compared with", r.header.previous_label);
  doc.Field("Filters", r.header.filters);
  doc.Field("Generated", r.header.generated_at);
  doc.Field("Status", r.published);
  doc.Space(6);
  doc.Paragraph(std::string(profile::kSuppressionLegend));
  doc.Paragraph(std::string(profile::kNotRecordedLegend));
}

void Headlines(PdfDocument& doc, const BoardReport& r) {
  doc.Heading("Headline figures", kSectionSize);
  std::vector<std::vector<std::string>> rows;
  for (const std::string& id : HeadlineTables()) {
    const profile::ShownBreakdown* b = FindShown(r.shown, id);
    if (b == nullptr) continue;
    rows.push_back({b->title + " (" + b->counting + ")", profile::CountText(b->total),
                    profile::CountText(b->previous_total)});
  }
  doc.Table({{"Measure", 4, false}, {"This period", 1.2F, true}, {"Period before", 1.2F, true}},
            rows);
}

// The trend's months published one by one, as the page and the CSV publish them.
void Trend(PdfDocument& doc, const BoardReport& r) {
  doc.Heading("The last 24 months", kSectionSize);
  if (r.trend.empty()) {
    doc.Paragraph("A filtered profile has no trend: it is drawn for the whole area only.");
    return;
  }
  doc.Paragraph(
      "Children identified each month (a child counted in each month with a concern, "
      "assessment, referral or missing episode); the numbers are in the table below.");
  std::vector<PdfBar> bars;
  std::vector<std::vector<std::string>> rows;
  for (std::size_t i = 0; i < r.trend.size(); ++i) {
    const profile::MonthCount& m = r.trend[i];
    auto period = profile::ParsePeriod(m.month);
    std::string label = period ? profile::PeriodLabel(*period) : m.month;
    // Every third month is labelled under the chart, by its "YYYY-MM" code.
    bars.push_back({i % 3 == 0 ? m.month : "", profile::PublishedCount(m.children)});
    rows.push_back({label, profile::CountText(profile::PublishedCount(m.children)),
                    profile::CountText(profile::PublishedCount(m.referrals)),
                    profile::CountText(profile::PublishedCount(m.episodes))});
  }
  doc.BarChart(bars, kChartHeight);
  doc.Table({{"Month", 3, false},
             {"Children", 1, true},
             {"Referrals", 1, true},
             {"Missing episodes", 1.3F, true}},
            rows);
}

void Grid(PdfDocument& doc, const profile::ShownGrid& grid) {
  if (grid.cells.empty()) return;
  doc.Heading(grid.title, kTableTitleSize);
  if (!grid.note.empty()) doc.Paragraph(grid.note);
  std::vector<PdfColumn> columns{{"", 2.5F, false}};
  for (const auto& label : grid.column_labels) columns.push_back({label, 1, true});
  columns.push_back({"Total", 1, true});
  std::vector<std::vector<std::string>> rows;
  for (std::size_t i = 0; i < grid.cells.size(); ++i) {
    std::vector<std::string> row{grid.row_labels[i]};
    for (const auto& cell : grid.cells[i]) row.push_back(profile::CountText(cell));
    row.push_back(profile::CountText(grid.row_totals[i]));
    rows.push_back(std::move(row));
  }
  std::vector<std::string> totals{"Total"};
  for (const auto& total : grid.column_totals) totals.push_back(profile::CountText(total));
  totals.push_back(profile::CountText(grid.grand_total));
  rows.push_back(std::move(totals));
  doc.Table(columns, rows);
}

void Equality(PdfDocument& doc, const BoardReport& r) {
  doc.Heading("Equality", kSectionSize);
  if (r.monitoring.equality.empty()) {
    doc.Paragraph(
        "No child population has been imported, so there are no identification "
        "rates (harbour profile population import).");
  }
  for (const auto& table : r.monitoring.equality) {
    doc.Heading(table.title, kTableTitleSize);
    std::vector<std::vector<std::string>> rows;
    rows.reserve(table.rows.size());
    for (const auto& g : table.rows) {
      rows.push_back({g.label, profile::CountText(g.identified), std::to_string(g.population),
                      RateText(g), IntervalText(g), g.under_identified ? "Well below" : ""});
    }
    doc.Table({{"Group", 2.4F, false},
               {"Identified", 1, true},
               {"Children", 1, true},
               {"Per 10,000", 1, true},
               {"95% interval", 1.4F, true},
               {"Flag", 1, false}},
              rows);
  }
  doc.Paragraph(
      "\"Well below\": the top of the group's 95% interval is below the bottom of "
      "the interval of every other group combined (groups of 100 children or more). "
      "Boys and some ethnic groups are known to go unseen.");
  doc.Heading("Calibration of the risk tool", kSectionSize);
  if (r.monitoring.kappa) {
    doc.Paragraph(
        "Agreement of the tool's level with the panel's category, linear-weighted "
        "Cohen's kappa: " +
        TwoDecimals(r.monitoring.kappa->kappa) + " over " + std::to_string(r.monitoring.compared) +
        " children.");
  } else {
    doc.Paragraph(
        "The agreement of the tool with the panel is not shown: too few children have "
        "both, or its table is suppressed.");
  }
  Grid(doc, r.monitoring.confusion);
  Grid(doc, r.monitoring.judgement);
}

void Breakdown(PdfDocument& doc, const profile::ShownBreakdown& b) {
  doc.Heading(b.title, kTableTitleSize);
  if (!b.note.empty()) doc.Paragraph(b.note);
  std::vector<std::vector<std::string>> rows;
  rows.reserve(b.rows.size() + 1);
  for (const auto& row : b.rows) {
    rows.push_back({row.label, profile::CountText(row.count),
                    profile::PercentText(row.percent, row.percent_suppressed),
                    profile::CountText(row.previous),
                    profile::PercentText(row.previous_percent, row.previous_percent_suppressed)});
  }
  if (b.exclusive) {
    rows.push_back(
        {"Total", profile::CountText(b.total), "", profile::CountText(b.previous_total), ""});
  }
  doc.Table({{"", 3.2F, false},
             {"This period", 1.1F, true},
             {"%", 0.8F, true},
             {"Period before", 1.1F, true},
             {"%", 0.8F, true}},
            rows);
}

bool IsTimeliness(const profile::ShownBreakdown& b) {
  return b.section == "timeliness" || b.id == "screening_time" ||
         b.id == "return_interview_offered" || b.id == "return_interview_held";
}

void Timeliness(PdfDocument& doc, const BoardReport& r) {
  doc.Heading("Timeliness", kSectionSize);
  doc.Paragraph(
      "Screening within one working day of the referral, return interviews within 72 "
      "hours of the child's return, risk reviews and panel actions overdue on the "
      "period's last day.");
  for (const auto& b : r.shown) {
    if (IsTimeliness(b)) Breakdown(doc, b);
  }
}

void EveryTable(PdfDocument& doc, const BoardReport& r) {
  doc.Heading("Every table of the profile", kSectionSize);
  for (const auto& b : r.shown) {
    if (!IsTimeliness(b)) Breakdown(doc, b);
  }
}

}  // namespace

const std::vector<std::string>& HeadlineTables() {
  static const std::vector<std::string> kIds = {
      "children",       "missing_episodes", "screening_time", "repeat_referrals",
      "panel_outcomes", "disruption",       "people_sex",
  };
  return kIds;
}

Result<std::string> BoardReportPdf(const BoardReport& report, const PdfFonts& fonts) {
  if (report.header.release != profile::Release::kPublished) {
    return Fail(ErrorKind::kInvalid, "internal_release",
                "The board report is made from the published profile only, never from the "
                "internal view.");
  }
  PdfDocument doc(
      fonts, "Problem profile board report, " + report.header.period_label,
      {.marking = "OFFICIAL", .footer = "Harbour problem profile, " + report.header.period_code});
  Introduction(doc, report);
  Headlines(doc, report);
  Trend(doc, report);
  Equality(doc, report);
  Timeliness(doc, report);
  EveryTable(doc, report);
  if (doc.Substituted()) {
    doc.Paragraph(
        "Characters this PDF's fonts do not have are written as their Unicode code, "
        "for example [U+1F600]; the profile page shows them as typed.");
  }
  return doc.Finish();
}

}  // namespace harbour::web
