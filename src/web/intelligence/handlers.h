#pragma once
// Partner intelligence (DOMAIN.md §4): anyone submits what they know; the holding intelligence unit
// reads it with its source, grades it 3x5x2, sanitises it, matches and links its subjects, and
// records the outcome the submitter is told (pages and API). The handlers behind
// web/intelligence/intelligence.h; included only inside web/intelligence/.
#include <string>
#include <vector>

#include "intelligence/report.h"
#include "storage/agencies_repository.h"
#include "storage/children_repository.h"
#include "storage/intelligence_repository.h"
#include "storage/messages_repository.h"
#include "storage/records_repository.h"
#include "web/core/handlers.h"
#include "web/intelligence/intelligence_json.h"
#include "web/records/records.h"

namespace harbour::web {

class IntelligenceHandlers : public AreaHandlers {
 public:
  IntelligenceHandlers(const Core& core, const RecordsArea& records, std::string unit_code)
      : AreaHandlers(core), records_area_(records), unit_code_(std::move(unit_code)) {}

  // Partner intelligence (intelligence_handlers.cc, intelligence_api.cc).
  Response NewIntelligenceForm(Request& request, const Principal& who);
  Response SubmitIntelligence(Request& request, const Principal& who);
  Response MyIntelligence(Request& request, const Principal& who);
  Response IntelligenceQueue(Request& request, const Principal& who);
  Response ViewIntelligenceReport(Request& request, const Principal& who);
  Response GradeIntelligence(Request& request, const Principal& who);
  Response UseRecordForSubject(Request& request, const Principal& who);
  Response CreateRecordForSubject(Request& request, const Principal& who);
  Response LinkReportSubjects(Request& request, const Principal& who);
  Response ApiSubmitIntelligence(Request& request, const Principal& who);
  Response ApiListIntelligence(Request& request, const Principal& who);
  Response ApiGetIntelligence(Request& request, const Principal& who);
  Response ApiGradeIntelligence(Request& request, const Principal& who);
  Response ApiLinkIntelligenceSubjects(Request& request, const Principal& who);
  Response ApiResolveIntelligenceSubject(Request& request, const Principal& who);
  // The submission form with `problems` (422) or without; `form` holds what was typed.
  Response IntelligenceFormPage(const Principal& who, const Request& request, const FormData& form,
                                const Error* problems);
  // The agency whose intelligence officers receive partner intelligence: [intelligence] unit
  // in harbour.toml (an agency code), else the police agency (the first by code if several).
  Result<agencies::Agency> IntelligenceUnit();
  // Validates and stores a submission (kInvalid: intelligence::ValidateSubmission's fields, a
  // child the submitter cannot see, a record they cannot choose) with its audit entry.
  Result<intelligence::Report> DoSubmitIntelligence(const Principal& who, const Request& request,
                                                    const intelligence::SubmissionInput& input,
                                                    std::string_view purpose);
  // A report and the view of it the caller has (access::DecideReportView); kNotFound, audited,
  // when they may see none of it.
  struct ReportAccess {
    intelligence::Report report;
    access::ReportView view;
    std::vector<std::string> children;  // the children it names: its audit entries name each
  };
  // The ids of the child subjects among `subjects`, in order.
  static std::vector<std::string> ChildSubjects(
      const std::vector<intelligence::ReportSubject>& subjects);
  Result<ReportAccess> FindReportFor(const Principal& who, const Request& request,
                                     std::string_view id);
  static std::string_view ReportPurpose(const ReportAccess& access);
  // FindReportFor, for the holding unit's work on a report (matching subjects, creating and
  // linking records): anyone else who can see it gets kForbidden ("Only the holding intelligence
  // unit <what>."), audited as a refused "intelligence.manage".
  Result<ReportAccess> FindHoldingReportFor(const Principal& who, const Request& request,
                                            std::string_view id, std::string_view what);
  // Grades a report (the holding unit's officers only; kForbidden audited otherwise), tells
  // the submitter the outcome, audits — one transaction. kConflict "already_graded".
  Result<intelligence::Report> DoGradeIntelligence(const Principal& who, const Request& request,
                                                   const ReportAccess& found,
                                                   const intelligence::GradingInput& input);
  // Matches one of the report's subjects to an existing record of its type.
  Result<std::string> DoResolveSubject(const Principal& who, const Request& request,
                                       const ReportAccess& found, std::string_view subject_id,
                                       std::string_view record_id);
  // Creates a record from the officer's form for a subject and matches the subject to it —
  // unless the exact lookup finds existing records and the form is not confirmed ("confirm" =
  // "yes"): then nothing is stored and `candidates` lists them.
  Result<NewRecord> DoCreateSubjectRecord(const Principal& who, const Request& request,
                                          const ReportAccess& found, std::string_view subject_id,
                                          const FormData& form);
  // Links two of the report's resolved subjects, with the report as the link's support.
  Result<std::string> DoLinkSubjects(const Principal& who, const Request& request,
                                     const ReportAccess& found, std::string_view from_subject,
                                     std::string_view to_subject, std::string_view link_type);
  // The links the report supports, for its page.
  Result<mstch::array> VisibleLinksOfReport(std::string_view report_id);
  // A report's page in the caller's view; `which` ("grade", "link", "create:<subject id>")
  // names the refused form to show again with `form` and `problems`; `offered` lists exact
  // matches found before creating a record.
  Response ReportPage(const Principal& who, const Request& request, const ReportAccess& found,
                      std::string_view which, const FormData* form, const Error* problems,
                      unsigned status, const NewRecord* offered = nullptr);

 private:
  const RecordsArea& records_area_;
  std::string
      unit_code_;  // [intelligence] unit: the holding agency's code; empty = the police agency
  storage::IntelligenceRepository intelligence_{db_};
  storage::RecordsRepository records_{db_};
  storage::AgenciesRepository agencies_{db_};
  storage::ChildrenRepository children_{db_};
  storage::MessagesRepository messages_{db_};
};

}  // namespace harbour::web
