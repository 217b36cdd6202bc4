#pragma once
// Risk assessments (docs/risk-tools.md): started from the child's page with answers pre-filled from
// every agency's records, saved as drafts, submitted with the practitioner's judgement, turned into
// tasks; the child's risk panel (pages and API). The handlers behind web/assessments/assessments.h;
// included only inside web/assessments/.
#include <string>
#include <vector>

#include "assessments/assessment.h"
#include "assessments/engine.h"
#include "chronology/chronology.h"
#include "common/working_days.h"
#include "reference/catalogue.h"
#include "storage/assessments_repository.h"
#include "storage/children_repository.h"
#include "storage/concerns_repository.h"
#include "storage/panel_repository.h"
#include "storage/tasks_repository.h"
#include "storage/tool_library.h"
#include "tasks/task.h"
#include "web/assessments/views.h"
#include "web/core/handlers.h"

namespace harbour::web {

class AssessmentsHandlers : public AreaHandlers {
 public:
  AssessmentsHandlers(const Core& core, storage::ToolLibrary& tools,
                      const reference::Catalogue& catalogue, const WorkingCalendar& calendar)
      : AreaHandlers(core), tools_(tools), catalogue_(catalogue), calendar_(calendar) {}

  // The child page's risk panel: current level, review marker, history chart.
  Result<mstch::map> RiskPanel(const children::Child& child, Date today);

  // Risk assessments (assessments_handlers.cc).
  Response StartAssessment(Request& request, const Principal& who);
  Response ViewAssessment(Request& request, const Principal& who);
  Response SaveAssessment(Request& request, const Principal& who);
  Response ChildAssessments(Request& request, const Principal& who);
  // Adds what submitting `form` would also refuse (the engine's and the judgement's checks), so
  // that one round shows every problem.
  void AddSubmitProblems(const assessments::ToolDefinition& tool, const children::Child& child,
                         const AssessmentForm& form, Error& problems);
  // The draft's form, with `problems` (422) or without (200); `preview` is what the tool
  // computes from the saved answers.
  Response AssessmentFormPage(const Principal& who, const Request& request,
                              const children::Child& child, const assessments::ToolDefinition& tool,
                              const assessments::Assessment& draft, const AssessmentForm& form,
                              const Error* problems, bool saved,
                              const assessments::Outcome* preview = nullptr);
  Response ApiCreateAssessment(Request& request, const Principal& who);
  Response ApiListAssessments(Request& request, const Principal& who);
  // What a practitioner (form) or partner system (API) answered.
  struct AssessmentInput {
    std::vector<assessments::Answer> answers;  // the indicators present
    std::vector<std::string> cleared;          // pre-filled answers the practitioner cleared
    std::string judged_level;
    std::string rationale;
  };
  struct SubmittedAssessment {
    assessments::Assessment assessment;
    std::vector<tasks::Task> tasks;
  };
  // Scores `input` with `tool` (the draft's pinned version, or the active tool's latest for a
  // new assessment), checks the judgement, stores the submitted assessment (completing `draft`
  // when given), turns the required actions into tasks, alerts the coordinators when the judged
  // level is below the computed one, and audits — all in one transaction. kInvalid carries
  // every field problem at once: "answers.<code>[.<part>]", "judged_level", "rationale".
  Result<SubmittedAssessment> DoSubmitAssessment(
      const Principal& who, const Request& request, const children::Child& child,
      const storage::ToolPtr& tool, const storage::AssessmentsRepository::Stored* draft,
      const AssessmentInput& input, std::string_view purpose);
  // A child's assessments, newest first (drafts included), audited as one read.
  Result<std::vector<assessments::Assessment>> DoListAssessments(const Principal& who,
                                                                 const Request& request,
                                                                 const children::Child& child,
                                                                 std::string_view purpose);
  // The child's submitted assessments as chronology entries (headline: the judged level, and
  // the tool's when different; detail: the rationale).
  Result<std::vector<chronology::Entry>> AssessmentEntries(const children::Child& child);
  // What the records of every agency suggest for `tool`, today.
  Result<std::vector<assessments::Prefilled>> DoPrefill(const children::Child& child,
                                                        const assessments::ToolDefinition& tool);

 private:
  storage::ToolLibrary& tools_;
  const reference::Catalogue& catalogue_;
  const WorkingCalendar& calendar_;
  storage::AssessmentsRepository assessments_{db_};
  storage::ChildrenRepository children_{db_};
  storage::ConcernsRepository concerns_{db_};
  storage::TasksRepository tasks_{db_};
  storage::PanelRepository panel_{db_};  // the panel's category, for the risk panel
};

}  // namespace harbour::web
