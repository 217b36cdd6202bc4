#include "web/missing/missing.h"

#include "web/missing/handlers.h"

namespace harbour::web {

MissingArea::MissingArea(const Core& core, const reference::Catalogue& catalogue,
                         missing::RepeatRule repeat)
    : handlers_(std::make_unique<MissingHandlers>(core, catalogue, repeat)) {}

MissingArea::~MissingArea() = default;

void MissingArea::Register(Routes& routes) {
  auto* h = handlers_.get();
  routes.Page(Method::kGet, "/children/{id}/missing", h, &MissingHandlers::MissingEpisodes);
  routes.Page(Method::kPost, "/children/{id}/missing", h, &MissingHandlers::RecordMissingEpisode);
  routes.Page(Method::kGet, "/children/{id}/missing/{episode_id}", h,
              &MissingHandlers::ViewMissingEpisode);
  routes.Page(Method::kPost, "/children/{id}/missing/{episode_id}/return", h,
              &MissingHandlers::RecordMissingReturn);
  routes.Page(Method::kPost, "/children/{id}/missing/{episode_id}/interview", h,
              &MissingHandlers::RecordReturnInterview);
  routes.Page(Method::kGet, "/return-interviews", h, &MissingHandlers::ReturnInterviewsDue);
  routes.Api(Method::kPost, "/api/v1/children/{id}/missing-episodes", h,
             &MissingHandlers::ApiRecordMissingEpisode);
  routes.Api(Method::kGet, "/api/v1/children/{id}/missing-episodes", h,
             &MissingHandlers::ApiListMissingEpisodes);
  routes.Api(Method::kGet, "/api/v1/missing-episodes/{id}", h,
             &MissingHandlers::ApiGetMissingEpisode);
  routes.Api(Method::kPost, "/api/v1/missing-episodes/{id}/return", h,
             &MissingHandlers::ApiRecordMissingReturn);
  routes.Api(Method::kPost, "/api/v1/missing-episodes/{id}/interview", h,
             &MissingHandlers::ApiRecordReturnInterview);
  routes.Api(Method::kGet, "/api/v1/return-interviews/due", h,
             &MissingHandlers::ApiReturnInterviewsDue);
}

Result<std::vector<chronology::Entry>> MissingArea::ChronologyEntries(
    const children::Child& child) const {
  return handlers_->MissingEntries(child);
}

}  // namespace harbour::web
