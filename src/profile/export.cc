#include "profile/export.h"

#include "common/csv.h"

namespace harbour::profile {
namespace {

void HeaderBlock(std::string& csv, const ExportHeader& h) {
  csv += CsvRow({"Harbour problem profile", h.period_label});
  csv += CsvRow({"Period", h.period_code});
  csv += CsvRow({"Shown beside it", h.previous_label});
  csv += CsvRow({"Filters", h.filters});
  csv += CsvRow({"Generated", h.generated_at});
  if (h.release == Release::kInternal) {
    csv += CsvRow({"Release", std::string(kNotForPublication)});
  } else {
    csv += CsvRow({"Release", "Published: small numbers suppressed. OFFICIAL"});
  }
  csv += CsvRow({"Legend", std::string(kSuppressionLegend)});
  csv += CsvRow({"Legend", std::string(kNotRecordedLegend)});
  csv += "\r\n";
}

void Table(std::string& csv, const ShownBreakdown& b, const ExportHeader& h) {
  csv += CsvRow({b.title});
  if (!b.note.empty()) csv += CsvRow({b.note});
  csv += CsvRow({"code", "row", h.period_code + " (" + b.counting + ")", "percent", "period before",
                 "percent before"});
  for (const auto& r : b.rows) {
    csv += CsvRow({r.code, r.label, CountText(r.count),
                   PercentText(r.percent, r.percent_suppressed), CountText(r.previous),
                   PercentText(r.previous_percent, r.previous_percent_suppressed)});
  }
  csv += CsvRow({"total", b.exclusive ? "Total" : "Total " + b.counting + " (each counted once)",
                 CountText(b.total), "", CountText(b.previous_total), ""});
  if (!b.completeness.empty()) {
    csv += CsvRow({"", "Completeness by agency", "counted", "recorded", "percent recorded"});
    for (const auto& c : b.completeness) {
      csv += CsvRow({c.agency_id, c.agency, CountText(c.counted), CountText(c.recorded),
                     PercentText(c.percent, !c.recorded || !c.counted)});
    }
  }
  csv += "\r\n";
}

void Trend(std::string& csv, const std::vector<MonthCount>& trend, Release release) {
  if (trend.empty()) return;
  auto shown = [&](long n) {
    return CountText(release == Release::kInternal ? std::optional<long>(n) : PublishedCount(n));
  };
  csv += CsvRow({"Trend over 24 months"});
  csv += CsvRow({"month", "children identified", "referrals", "missing episodes"});
  for (const auto& m : trend) {
    csv += CsvRow({m.month, shown(m.children), shown(m.referrals), shown(m.episodes)});
  }
}

}  // namespace

std::string ProfileCsv(const ExportHeader& header, const std::vector<ShownBreakdown>& tables,
                       const std::vector<MonthCount>& trend) {
  std::string csv(kCsvByteOrderMark);
  HeaderBlock(csv, header);
  for (const auto& table : tables) Table(csv, table, header);
  Trend(csv, trend, header.release);
  return csv;
}

}  // namespace harbour::profile
