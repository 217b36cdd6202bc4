#pragma once
// The profile's PDF board report (issue 12): what a partnership board steers by, from one
// published (suppressed) release of the profile: the headline figures beside the period before,
// the 24-month trend as a chart with its table, equality monitoring and the calibration of the
// risk tool, timeliness against the standards, then every table of the profile. Marked
// "OFFICIAL" on every page. Included only inside web/profile/.
#include <string>
#include <vector>

#include "common/error.h"
#include "profile/export.h"
#include "profile/facts.h"
#include "profile/publish.h"
#include "web/core/pdf_document.h"
#include "web/profile/monitoring_view.h"

namespace harbour::web {

struct BoardReport {
  profile::ExportHeader header;  // the period, the period before, filters, generation time
  std::vector<profile::ShownBreakdown> shown;  // the published release of every table
  std::vector<profile::MonthCount> trend;      // exact counts: published month by month here
  Monitoring monitoring;                       // equality and calibration, published
  std::string published;  // "Published by ... on ...", for a report in the register; or ""
};

// The report's bytes. Only a published release is printed: kInvalid ("internal_release") for
// header.release == kInternal, so that no unsuppressed count reaches a board paper. Otherwise
// the errors of PdfDocument::Finish.
Result<std::string> BoardReportPdf(const BoardReport& report, const PdfFonts& fonts);

// The ids of the headline tables, in the order the report lists them: each one's total is a
// headline figure.
const std::vector<std::string>& HeadlineTables();

}  // namespace harbour::web
