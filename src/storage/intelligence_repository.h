#pragma once
// Persistence of partner intelligence reports (migration 8; intelligence/report.h). The
// submitter's words and the source's identity are read by their own functions, which callers
// use only for views that include them (access::ViewOfReport); everything else reads the
// report row alone, so a sanitised view can never carry them by accident.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "access/policy.h"
#include "common/error.h"
#include "intelligence/report.h"
#include "storage/database.h"

namespace harbour::storage {

class IntelligenceRepository {
 public:
  explicit IntelligenceRepository(Database& db) : db_(db) {}

  // Stores a new report with its original text, source and subjects (ids already set).
  void InsertIn(Transaction& tx, const intelligence::Report& report,
                const intelligence::Original& original, const intelligence::SourceDetails& source,
                const std::vector<intelligence::ReportSubject>& subjects);
  // Records the grade, sanitised text and outcome; false when the report is absent or was
  // already graded (someone else got there first).
  bool GradeIn(Transaction& tx, std::string_view report_id, const intelligence::Grading& grading,
               std::string_view by, Instant at);
  // Marks a report stored by InsertIn as an imported legacy record with its 5x5x5 grade.
  void SetLegacyGradeIn(Transaction& tx, std::string_view report_id,
                        const intelligence::LegacyGrade& grade);
  // Resolves one of the report's subjects to a record; false when the subject is not the
  // report's.
  bool ResolveSubjectIn(Transaction& tx, std::string_view report_id, std::string_view subject_id,
                        std::string_view record_id);

  Result<std::optional<intelligence::Report>> Find(std::string_view id);
  // Only for views that include the original text (kOwnSubmission, kOriginal and up).
  Result<intelligence::Original> OriginalOf(std::string_view id);
  // Only for kOriginalWithSource (the holding agency's intelligence officers).
  Result<intelligence::SourceDetails> SourceOf(std::string_view id);
  Result<std::vector<intelligence::ReportSubject>> Subjects(std::string_view id);

  // Reports waiting for the holding agency's officers: immediate danger first, then oldest.
  Result<std::vector<intelligence::Report>> Queue(std::string_view holding_agency, int limit);
  // Reports the holding agency's officers graded, newest first.
  Result<std::vector<intelligence::Report>> RecentlyGraded(std::string_view holding_agency,
                                                           int limit);
  // The submitter's own reports, newest first.
  Result<std::vector<intelligence::Report>> BySubmitter(std::string_view user_id, int limit);
  // Reports naming the record as a subject (resolved), newest first.
  Result<std::vector<intelligence::Report>> AboutRecord(std::string_view subject_type,
                                                        std::string_view record_id, int limit);

  // What access::DecideReportView needs, for each of `report_ids` that exists.
  Result<std::map<std::string, access::ReportFacts>> Facts(
      const std::vector<std::string>& report_ids);
  // The reports themselves (for their grade and sanitised text), for each id that exists.
  Result<std::map<std::string, intelligence::Report>> FindMany(
      const std::vector<std::string>& report_ids);

 private:
  Database& db_;
};

// The facts of one loaded report, as access::DecideReportView takes them.
access::ReportFacts FactsOf(const intelligence::Report& report);

}  // namespace harbour::storage
