#include "web/assessments/assessments.h"

#include "web/assessments/handlers.h"

namespace harbour::web {

AssessmentsArea::AssessmentsArea(const Core& core, storage::ToolLibrary& tools,
                                 const reference::Catalogue& catalogue,
                                 const WorkingCalendar& calendar)
    : handlers_(std::make_unique<AssessmentsHandlers>(core, tools, catalogue, calendar)) {}

AssessmentsArea::~AssessmentsArea() = default;

void AssessmentsArea::Register(Routes& routes) {
  auto* h = handlers_.get();
  routes.Page(Method::kGet, "/children/{id}/assessments", h,
              &AssessmentsHandlers::ChildAssessments);
  routes.Page(Method::kPost, "/children/{id}/assessments", h,
              &AssessmentsHandlers::StartAssessment);
  routes.Page(Method::kGet, "/children/{id}/assessments/{assessment_id}", h,
              &AssessmentsHandlers::ViewAssessment);
  routes.Page(Method::kPost, "/children/{id}/assessments/{assessment_id}", h,
              &AssessmentsHandlers::SaveAssessment);
  routes.Api(Method::kPost, "/api/v1/children/{id}/assessments", h,
             &AssessmentsHandlers::ApiCreateAssessment);
  routes.Api(Method::kGet, "/api/v1/children/{id}/assessments", h,
             &AssessmentsHandlers::ApiListAssessments);
}

Result<mstch::map> AssessmentsArea::RiskPanel(const children::Child& child, Date today) const {
  return handlers_->RiskPanel(child, today);
}

Result<std::vector<chronology::Entry>> AssessmentsArea::ChronologyEntries(
    const children::Child& child) const {
  return handlers_->AssessmentEntries(child);
}

}  // namespace harbour::web
