#pragma once
// The profile as an XLSX workbook (issue 12), written with libxlsxwriter 1.1.4: what the CSV
// export holds (profile/export.h), on three sheets. "About" carries the period, the period
// beside it, the filters, the generation time, the release and the two legends; "Profile" every
// table one after another; "Trend" the 24 months; "Monitoring" equality and calibration. Counts
// that are shown are numbers, "c" is text, percentages are numbers formatted 0.0%, and every text
// cell goes through XlsxText, so that no cell is ever a formula. Thread-safe: each call writes its
// own temporary file.
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"
#include "profile/export.h"
#include "profile/facts.h"
#include "profile/publish.h"
#include "web/profile/monitoring_view.h"

namespace harbour::web {

// The text a cell holds: invalid UTF-8 replaced by U+FFFD, then a leading apostrophe when it
// starts with '=', '+', '-', '@', a tab or a carriage return, exactly as CsvCell guards a CSV
// cell (common/csv.h), so that the CSV and XLSX exports agree.
std::string XlsxText(std::string_view value);

// The workbook's bytes. The trend is suppressed month by month (profile::PublishedCount) in a
// published release and exact in an internal one; an empty trend (a filtered profile has none)
// leaves the "Trend" sheet with its title and a line saying so. libxlsxwriter writes to a file:
// a temporary one of this call's own (mkstemp, mode 0600), always removed. kInternal
// ("xlsx_failed"), logged without any of the workbook's content, when libxlsxwriter or the file
// fails.
Result<std::string> ProfileXlsx(const profile::ExportHeader& header,
                                const std::vector<profile::ShownBreakdown>& tables,
                                const std::vector<profile::MonthCount>& trend,
                                const Monitoring& monitoring = {});

}  // namespace harbour::web
