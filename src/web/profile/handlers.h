#pragma once
// The area picture (issue 12): the handlers behind web/profile/profile.h; included only inside
// web/profile/.
#include <future>
#include <memory>
#include <string>
#include <vector>

#include "common/time.h"
#include "common/working_days.h"
#include "profile/breakdown.h"
#include "profile/export.h"
#include "profile/period.h"
#include "profile/publish.h"
#include "profile/query.h"
#include "reference/catalogue.h"
#include "storage/agencies_repository.h"
#include "storage/board_reports_repository.h"
#include "storage/children_repository.h"
#include "storage/profile_repository.h"
#include "storage/profile_store.h"
#include "storage/tool_library.h"
#include "storage/wards_repository.h"
#include "web/core/handlers.h"
#include "web/core/pdf_document.h"
#include "web/profile/monitoring_view.h"
#include "web/profile/profile.h"

namespace harbour::web {

// The profile of one query, computed: the period's tables with the period before beside them,
// and the trend.
struct ComputedProfile {
  profile::Query query;
  profile::Period previous;
  profile::Labels labels;
  std::vector<profile::Breakdown> current;     // exact counts: never released as they are
  std::vector<profile::Breakdown> before;      // the same for the period before
  std::vector<profile::ShownBreakdown> shown;  // what this release shows
  std::vector<profile::MonthCount> trend;
  Monitoring monitoring;  // equality and calibration, released like the tables
  std::string table;      // the one table kept for an export of it (KeepOneTable), or ""

  std::string PeriodCode() const { return profile::PeriodCode(query.period); }
  // For the audit trail: the period, the filters and the release (profile::DescribeQuery).
  std::string Described() const { return profile::DescribeQuery(query, labels); }
  // "table sex; " for an export of one table, else "": the start of the audit's detail.
  std::string TablePart() const { return table.empty() ? "" : "table " + table + "; "; }
  // "harbour-profile-2026-Q3.csv", "...-not-for-publication.xlsx" for the internal release,
  // "harbour-profile-2026-Q3-sex.csv" for one table.
  std::string FileName(std::string_view extension) const {
    bool internal = query.release == profile::Release::kInternal;
    return "harbour-profile-" + PeriodCode() + (table.empty() ? "" : "-" + table) +
           (internal ? "-not-for-publication" : "") + "." + std::string(extension);
  }
};

// One period's facts (narrowed by the query's filters) and their exact breakdowns.
struct CountedPeriod {
  profile::AreaFacts facts;
  std::vector<profile::Breakdown> breakdowns;
};

// Pseudonymised rows for one project and query (profile/pseudonym.h).
struct ProfileRows {
  std::string project;
  profile::Query query;
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};

// The profile's sections, in the order the pages show them: each id (ShownBreakdown::section)
// and its heading. Defined in pages.cc.
std::vector<std::pair<std::string, std::string>> ProfileSections();

// An export of one table (`table=ID` in `input`): `c` keeps only that table, with no trend or
// monitoring, and the answer is true; false when no table is asked for; kInvalid naming
// "table" for an id the profile has not. Defined in pages.cc.
Result<bool> KeepOneTable(const FormData& input, ComputedProfile& c);

// A file to save: `body` as `content_type`, "attachment" named `name` (which must need no
// quoting: the profile's names are made of codes). Defined in pages.cc.
Response Download(std::string body, std::string_view content_type, const std::string& name);

// The header block of the profile's exports (CSV and XLSX): the period, the period beside it,
// the filters, `now` as Europe/London time, and the release. Defined in pages.cc.
profile::ExportHeader ExportHeaderOf(const ComputedProfile& c, Instant now);

class ProfileHandlers : public AreaHandlers {
 public:
  ProfileHandlers(const Core& core, const reference::Catalogue& catalogue,
                  const WorkingCalendar& calendar, storage::ToolLibrary& tools,
                  std::shared_ptr<const PdfFonts> pdf_fonts, RegionalOptions regional)
      : AreaHandlers(core),
        catalogue_(catalogue),
        calendar_(calendar),
        tools_(tools),
        pdf_fonts_(std::move(pdf_fonts)),
        regional_(std::move(regional)),
        // The store's first load takes seconds at a large partnership's size: made as the
        // server starts, not on the first analyst's request. A failure is retried by that
        // request.
        warmed_(std::async(std::launch::async, [this] { (void)store_.Refresh(); })) {}

  Response ProfilePage(Request& request, const Principal& who);
  Response ExportCsv(Request& request, const Principal& who);
  Response ExportXlsx(Request& request, const Principal& who);  // xlsx_export.cc
  Response ExportRows(Request& request, const Principal& who);  // rows.cc
  Response ApiRows(Request& request, const Principal& who);
  Response DrillDownForm(Request& request, const Principal& who);
  Response DrillDown(Request& request, const Principal& who);
  Response ApiProfile(Request& request, const Principal& who);
  Response ApiTable(Request& request, const Principal& who);
  // board_reports.cc: the board report of the live profile, and the register.
  Response ReportPdf(Request& request, const Principal& who);
  Response BoardReports(Request& request, const Principal& who);
  Response PublishBoardReport(Request& request, const Principal& who);
  Response BoardReportDownload(Request& request, const Principal& who);
  // The regional analyst's page (regional.cc): the upload form, and the uploaded returns
  // checked and combined (multipart/form-data), shown or downloaded as JSON or CSV.
  Response RegionalForm(Request& request, const Principal& who);
  Response CombineReturns(Request& request, const Principal& who);

  // The labels of the codes the profile does not own (ethnicity, agencies, wards, levels).
  Result<profile::Labels> ReadLabels();
  // Every registered tool version's levels, lowest first within each tool.
  Result<std::vector<profile::ToolLevel>> ToolLevels();
  // profile::ParseQuery of the query string, for `who`: view=internal only for those who may.
  Result<profile::Query> ParseQuery(const FormData& input, const profile::Labels& labels,
                                    const Principal& who) const;
  // The rows of `input` (project, and the profile's query) for `who`, audited
  // ("profile.rows"); kInvalid naming "project" and the query's fields.
  Result<ProfileRows> Rows(const Request& request, const FormData& input, const Principal& who);
  // The request's query parsed (kInvalid with its fields) and computed, for `who`.
  Result<ComputedProfile> ComputeRequest(const FormData& input, const Principal& who);
  // The answer to a failed ComputeRequest on a page: the form again with its problems (422)
  // for kInvalid, else the error page.
  Response ProblemPage(const Principal& who, const Request& request, const Error& error);
  static bool MaySeeInternal(const Principal& who);
  // The API's refusal of the profile to `who`: audited ("profile.view", refused), 403.
  Response RefuseApi(const Principal& who, const Request& request,
                     const access::Decision& decision);
  // `keep_children`: each row notes the children behind it (the drill-down), else it only counts.
  // `earlier`: a published release whose period the query's contains, to suppress against.
  Result<ComputedProfile> Compute(profile::Query query, profile::Labels labels,
                                  bool keep_children = false,
                                  const profile::EarlierRelease* earlier = nullptr);

 private:
  Result<CountedPeriod> CountPeriod(const profile::Period& period, const profile::Filters& filters,
                                    const profile::Labels& labels, bool keep_children);
  Response BoardReportsPage(const Principal& who, const Request& request, const FormData& form,
                            const Error* problems);
  // The register entry for `query`'s period, published by `who`, with its document.
  Result<storage::BoardReportRecord> MakeBoardReport(const profile::Query& query,
                                                     profile::Labels labels, const Principal& who);
  Response ProfileFormPage(const Principal& who, const Request& request,
                           const profile::Labels& labels, const ComputedProfile* computed,
                           const Error* problems, bool may_see_internal);
  // The regional page, with the problems of a refused upload or the combined result.
  Response RegionalPage(const Principal& who, const Request& request,
                        const std::vector<std::string>& problems, mstch::map result,
                        unsigned status);

  const reference::Catalogue& catalogue_;
  const WorkingCalendar& calendar_;
  storage::ToolLibrary& tools_;                // the risk tools' levels, in order
  std::shared_ptr<const PdfFonts> pdf_fonts_;  // null: the PDF board report is unavailable
  storage::BoardReportsRepository board_reports_{db_};
  RegionalOptions regional_;
  storage::ProfileRepository profile_{db_};  // the population and the pseudonym key
  storage::ProfileStore store_{db_};         // the facts and the trend, from memory
  storage::AgenciesRepository agencies_{db_};
  storage::WardsRepository wards_{db_};
  storage::ChildrenRepository children_{db_};
  std::future<void> warmed_;  // last: its destructor waits for the first load, before store_ goes
};

}  // namespace harbour::web
