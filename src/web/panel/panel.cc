#include "web/panel/panel.h"

#include <utility>

#include "web/panel/handlers.h"

namespace harbour::web {

PanelArea::PanelArea(const Core& core, const ReferralsArea& referrals, FeedbackOptions feedback,
                     std::shared_ptr<const PdfFonts> pdf_fonts)
    : handlers_(std::make_unique<PanelHandlers>(core, referrals, std::move(feedback),
                                                std::move(pdf_fonts))) {}

PanelArea::~PanelArea() = default;

void PanelArea::Register(Routes& routes) {
  auto* h = handlers_.get();
  routes.Page(Method::kGet, "/panel", h, &PanelHandlers::PanelMeetings);
  routes.Page(Method::kPost, "/panel/meetings", h, &PanelHandlers::CreateMeeting);
  routes.Page(Method::kGet, "/panel/meetings/{id}", h, &PanelHandlers::ViewMeeting);
  routes.Page(Method::kPost, "/panel/meetings/{id}/members", h, &PanelHandlers::AddPanelMember);
  routes.Page(Method::kPost, "/panel/meetings/{id}/attendance", h,
              &PanelHandlers::RecordAttendance);
  routes.Page(Method::kPost, "/panel/meetings/{id}/agenda", h, &PanelHandlers::AddToAgenda);
  routes.Page(Method::kGet, "/panel/meetings/{id}/items/{item_id}", h,
              &PanelHandlers::ViewAgendaItem);
  routes.Page(Method::kPost, "/panel/meetings/{id}/items/{item_id}", h,
              &PanelHandlers::RecordPanelDecision);
  routes.Page(Method::kPost, "/panel/meetings/{id}/items/{item_id}/actions", h,
              &PanelHandlers::AddPanelAction);
  routes.Page(Method::kGet, "/panel/meetings/{id}/minutes", h, &PanelHandlers::MeetingMinutes);
  routes.Page(Method::kGet, "/panel/meetings/{id}/minutes.pdf", h,
              &PanelHandlers::MeetingMinutesPdf);
  routes.Page(Method::kGet, "/panel/actions", h, &PanelHandlers::PanelActions);
  routes.Api(Method::kGet, "/api/v1/panel/meetings", h, &PanelHandlers::ApiListMeetings);
  routes.Api(Method::kPost, "/api/v1/panel/meetings", h, &PanelHandlers::ApiCreateMeeting);
  routes.Api(Method::kGet, "/api/v1/panel/meetings/{id}", h, &PanelHandlers::ApiGetMeeting);
  routes.Api(Method::kPost, "/api/v1/panel/meetings/{id}/members", h,
             &PanelHandlers::ApiAddMeetingMember);
  routes.Api(Method::kPost, "/api/v1/panel/meetings/{id}/attendance", h,
             &PanelHandlers::ApiRecordAttendance);
  routes.Api(Method::kPost, "/api/v1/panel/meetings/{id}/agenda", h,
             &PanelHandlers::ApiAddToAgenda);
  routes.Api(Method::kPost, "/api/v1/panel/meetings/{id}/items/{item_id}/decision", h,
             &PanelHandlers::ApiRecordPanelDecision);
  routes.Api(Method::kGet, "/api/v1/panel/meetings/{id}/items/{item_id}/actions", h,
             &PanelHandlers::ApiListPanelItemActions);
  routes.Api(Method::kPost, "/api/v1/panel/meetings/{id}/items/{item_id}/actions", h,
             &PanelHandlers::ApiAddPanelAction);
  routes.Api(Method::kGet, "/api/v1/panel/actions", h, &PanelHandlers::ApiListPanelActions);
}

Result<std::vector<chronology::Entry>> PanelArea::ChronologyEntries(
    const children::Child& child) const {
  return handlers_->PanelEntries(child);
}

}  // namespace harbour::web
