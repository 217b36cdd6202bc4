#pragma once
// A partner intelligence report (issue 5; DOMAIN.md §4): what a practitioner of any agency
// submits — who, what, where, when, why, how; what it is about; how they know; whether anyone
// is in immediate danger — and what the intelligence officer later adds: the 3x5x2 grade, the
// sanitised text partners may see, and the outcome. The submitter never grades. Pure: no I/O.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/codes.h"
#include "common/error.h"
#include "common/time.h"
#include "intelligence/grading.h"

namespace harbour::intelligence {

inline constexpr std::size_t kMaxText = 8000;       // each of who/what/where/when/why/how
inline constexpr std::size_t kMaxSanitised = 8000;  // the sanitised text
inline constexpr std::size_t kMaxSubjects = 20;     // subjects on one report
inline constexpr std::size_t kMaxDetail = 500;      // one typed detail of a new subject

// How the submitter knows: they saw or heard it themselves, or someone told them.
enum class Knowledge { kFirstHand, kSecondHand };
inline constexpr auto kKnowledgeCodes = MakeCodeTable<Knowledge>({
    {Knowledge::kFirstHand, "first_hand", "I saw or heard it myself"},
    {Knowledge::kSecondHand, "second_hand", "Someone else told me"},
});
static_assert(IsCompleteCodeTable<kKnowledgeCodes>());
constexpr std::string_view ToCode(Knowledge knowledge) { return kKnowledgeCodes.Code(knowledge); }
constexpr std::optional<Knowledge> KnowledgeFromCode(std::string_view code) {
  return kKnowledgeCodes.FromCode(code);
}
constexpr std::string_view Label(Knowledge knowledge) { return kKnowledgeCodes.LabelOf(knowledge); }

// kImported: a legacy record that keeps its 5x5x5 grade (intelligence/legacy.h); it is never
// in the queue and is not regraded.
enum class ReportStatus { kSubmitted, kGraded, kImported };
inline constexpr auto kReportStatusCodes = MakeCodeTable<ReportStatus>({
    {ReportStatus::kSubmitted, "submitted"},
    {ReportStatus::kGraded, "graded"},
    {ReportStatus::kImported, "imported"},
});
static_assert(IsCompleteCodeTable<kReportStatusCodes>());
constexpr std::string_view ToCode(ReportStatus status) { return kReportStatusCodes.Code(status); }
constexpr std::optional<ReportStatus> ReportStatusFromCode(std::string_view code) {
  return kReportStatusCodes.FromCode(code);
}

// The kinds of subject a report can name (the record types of intelligence/records.h).
inline constexpr std::string_view kSubjectTypes[] = {"child", "person", "vehicle",
                                                     "place", "phone",  "account"};
bool IsSubjectType(std::string_view type);
std::string_view SubjectTypeLabel(std::string_view type);  // "Child", "Person", ...

// The typed details a new subject of each type may carry (the form's and the API's names).
const std::vector<std::string>& DetailNames(std::string_view type);

// One subject as given: an existing record (record_id) or the details of a new one. A child
// must be an existing record (one the submitter can see; the web layer checks).
struct SubjectInput {
  std::string type;
  std::string record_id;
  std::map<std::string, std::string> details;
};

struct SubmissionInput {
  std::string who, what, where, when, why, how;
  std::string category;          // grading.h Category code
  std::string knowledge;         // "first_hand" | "second_hand"
  std::string heard_from;        // second-hand: how the submitter came to know (kept apart)
  std::string immediate_danger;  // "yes" | "no"
  std::vector<SubjectInput> subjects;
};

// The submitter's words, kept exactly as given (trimmed), stored apart from the report.
struct Original {
  std::string who, what, where, when, why, how;
};

// Who gave it: the submitter as they were when they submitted, and, for second-hand
// knowledge, how they came to know. Seen only by the holding agency's intelligence officers.
struct SourceDetails {
  std::string submitter_name;
  std::string submitter_agency_name;
  std::string submitter_contact;
  std::string heard_from;
};

struct ReportSubject {
  std::string id;
  int position = 0;
  std::string type;       // one of kSubjectTypes
  std::string record_id;  // empty until resolved (for new subjects)
  std::map<std::string, std::string> details;
  // For new subjects: identifiers that did not parse, kept as typed and marked unverified,
  // e.g. {"registration", "Not a UK registration ... kept as typed and marked unverified"}.
  std::map<std::string, std::string> unverified;
};

struct Submission {
  Original original;
  Category category = Category::kSexualExploitation;
  Knowledge knowledge = Knowledge::kFirstHand;
  std::string heard_from;
  bool immediate_danger = false;
  std::vector<ReportSubject> subjects;  // positions 0.., no ids
};

// kInvalid listing every bad field at once: "what" (required), "who".."how" (length),
// "category", "knowledge", "heard_from" (required for second-hand), "immediate_danger",
// "subjects" (too many), "subjects[i].type", "subjects[i].record_id" (a child needs one; an
// id must look like one), "subjects[i]" (a new subject with nothing to identify it),
// "subjects[i].<detail>" (unknown detail or too long). Identifiers that do not parse (phone,
// registration, postcode) are not refused: they are kept and listed in `unverified`.
Result<Submission> ValidateSubmission(const SubmissionInput& input);

// The identifiers among a new subject's details that do not parse (a registration, phone
// number or postcode), each with why: they are kept as typed and shown as unverified.
std::map<std::string, std::string> UnverifiedDetails(
    std::string_view type, const std::map<std::string, std::string>& details);

// The intelligence officer's work on a report.
struct GradingInput {
  GradeInput grade;
  std::string sanitised_text;
  std::string outcome;  // grading.h Outcome code
};
struct Grading {
  Grade grade;
  std::string sanitised_text;
  Outcome outcome = Outcome::kNoFurtherAction;
};
// ValidateGrade's fields, plus "sanitised_text" (required; refused when it contains any of
// `source_words` — the submitter's name, their agency's name, who told them — so the shared
// version cannot identify the source) and "outcome".
Result<Grading> ValidateGrading(const GradingInput& input,
                                const std::vector<std::string>& source_words);

// A stored report (without its original text or source, which are read apart).
struct Report {
  std::string id;
  std::string submitted_by;         // user id
  std::string submitted_by_agency;  // agency id
  Instant submitted_at{};
  std::string holding_agency;
  Category category = Category::kSexualExploitation;
  Knowledge knowledge = Knowledge::kFirstHand;
  bool immediate_danger = false;
  ReportStatus status = ReportStatus::kSubmitted;
  std::optional<Grade> grade;
  std::string sanitised_text;
  std::optional<Outcome> outcome;
  std::string graded_by;
  std::optional<Instant> graded_at;
  std::optional<LegacyGrade> legacy_grade;  // imported records only
};

// "1/A/P" for a 3x5x2 grade; "A/1/1 (5x5x5)" for a legacy one; "" when ungraded.
std::string GradeCode(const Report& report);
std::string GradeCode(const Grade& grade);        // "1/A/P"
std::string GradeCode(const LegacyGrade& grade);  // "A/1/1 (5x5x5)"

}  // namespace harbour::intelligence
