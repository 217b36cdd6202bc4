#pragma once
// View models for risk assessments: the answer form (what was pre-filled, confirmed, cleared or
// typed, kept exactly as entered when it has problems), the result page, the list row and the
// child page's level history. No business rules: scoring is assessments/engine.h.
#include <map>
#include <string>
#include <vector>

#include "assessments/assessment.h"
#include "panel/meeting.h"
#include "reference/catalogue.h"
#include "storage/assessments_repository.h"
#include "tasks/task.h"
#include "web/core/templates.h"
#include "web/parse/form.h"

namespace harbour::web {

// One question's state on the form.
struct QuestionState {
  bool prefilled = false;  // the records suggest it
  std::string decision;    // prefilled: "yes" (confirmed), "no" (cleared) or "" (undecided)
  bool present = false;    // not prefilled: the practitioner ticked it
  std::string last_seen;   // as typed (YYYY-MM-DD)
  std::string earlier_seen;
  std::string amended_level;
  std::string amended_reason;
  std::vector<assessments::Sighting> sources;
};

struct AssessmentForm {
  std::map<std::string, QuestionState> questions;  // by indicator code
  std::vector<assessments::Answer> answers;        // the indicators present, parsed
  std::vector<std::string> cleared;
  std::map<std::string, std::string> problems;  // field -> message, from reading the form
  std::string judged_level;
  std::string rationale;
};

// The form for a draft: its saved answers, plus what the records suggest now (a pre-filled
// answer the draft already confirmed or cleared keeps that decision).
AssessmentForm FormFromDraft(const assessments::ToolDefinition& tool,
                             const storage::AssessmentsRepository::Stored& draft,
                             const std::vector<assessments::Prefilled>& prefill);
// The form as posted. Fields: present (repeated codes), confirm.<code> (yes|no),
// last_seen.<code>, earlier_seen.<code>, amended_level.<code>, amended_reason.<code>,
// judged_level, rationale. Unparseable dates become problems keyed like the engine's
// ("answers.<code>.last_seen").
AssessmentForm FormFromPost(const assessments::ToolDefinition& tool, const FormData& body,
                            const std::vector<assessments::Prefilled>& prefill);
// The form's own problems as a kInvalid Error (empty fields when there are none).
Error FormProblems(const AssessmentForm& form);

// The HTML id of a question ("q-ws-unexplained_gifts"), for error links.
std::string QuestionId(std::string_view code);

mstch::map AssessmentFormContext(const assessments::ToolDefinition& tool,
                                 const AssessmentForm& form, const reference::Catalogue& catalogue,
                                 const Error* problems);
mstch::map AssessmentResult(const assessments::ToolDefinition& tool,
                            const storage::AssessmentsRepository::Stored& stored,
                            const std::vector<tasks::Task>& tasks,
                            const reference::Catalogue& catalogue, Instant now);
// A row of the child's assessment list.
mstch::map AssessmentRow(const assessments::ToolDefinition& tool,
                         const assessments::Assessment& assessment, std::string_view viewer_id);

// The child page's risk panel: the three levels, each labelled for what it is — the panel's
// category (what the partnership acts on; `panel_decision` is the agenda item with the
// panel's latest decision, or nullptr), the practitioner's judged level and the tool's level
// from the latest assessment — the review marker and a small SVG history chart of the judged
// levels over time (oldest left). `history` is newest first, submitted only; `tools` holds
// each one's tool version in the same order.
mstch::map RiskSummary(const std::vector<assessments::Assessment>& history,
                       const std::vector<const assessments::ToolDefinition*>& tools,
                       const panel::AgendaItem* panel_decision, Date today);

}  // namespace harbour::web
