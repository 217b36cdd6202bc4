#pragma once
// The profile as a CSV file (issue 12): what the page shows, table after table, with the
// period, the time it was made, the "c" legend and what "Not recorded" means, every cell
// through the formula-injection guard (common/csv.h). Pure.
#include <string>
#include <vector>

#include "profile/facts.h"
#include "profile/publish.h"

namespace harbour::profile {

struct ExportHeader {
  std::string period_code;     // "2026-Q3"
  std::string period_label;    // "July to September 2026 (2026-Q3)"
  std::string previous_label;  // the period shown beside it
  std::string filters;         // DescribeFilters
  std::string generated_at;    // Europe/London time, as shown
  Release release = Release::kPublished;
};

inline constexpr std::string_view kSuppressionLegend =
    "c: a count of 1 to 5 is suppressed, and so is any figure from which one could be worked "
    "out (a total, a second cell, a percentage, or a difference from an earlier release).";
inline constexpr std::string_view kSuppressionLegendShort =
    "suppressed: a count of 1 to 5, or a figure from which one could be worked out";
inline constexpr std::string_view kNotRecordedLegend =
    "Not recorded: the record leaves the field empty or says it is not known. It is counted, "
    "never left out and never shown as zero.";
inline constexpr std::string_view kNotForPublication =
    "NOT FOR PUBLICATION: exact figures including small numbers; for the partnership's "
    "coordinators only.";

// The whole profile: a header block, then each table (title, columns, rows, total, and each
// agency's completeness), then the 24-month trend. The trend's months are suppressed one by
// one in a published release.
std::string ProfileCsv(const ExportHeader& header, const std::vector<ShownBreakdown>& tables,
                       const std::vector<MonthCount>& trend);

}  // namespace harbour::profile
