#include "web/referrals/referrals.h"

#include <utility>

#include "web/referrals/handlers.h"

namespace harbour::web {

ReferralsArea::ReferralsArea(const Core& core, storage::ToolLibrary& tools,
                             const WorkingCalendar& calendar, FeedbackOptions feedback)
    : handlers_(std::make_unique<ReferralsHandlers>(core, tools, calendar, std::move(feedback))) {}

ReferralsArea::~ReferralsArea() = default;

Result<referrals::Transition> ReferralsArea::MoveReferralIn(
    storage::Transaction& tx, const Principal& who, const Request& request,
    const referrals::Referral& referral, const referrals::TransitionRequest& move,
    std::string_view extra_body) const {
  return handlers_->MoveReferralIn(tx, who, request, referral, move, extra_body);
}

Result<std::vector<chronology::Entry>> ReferralsArea::ChronologyEntries(
    const children::Child& child) const {
  return handlers_->ChronologyEntries(child);
}

void ReferralsArea::Register(Routes& routes) {
  auto* h = handlers_.get();
  routes.Page(Method::kGet, "/children/{id}/referrals/new", h, &ReferralsHandlers::NewReferralForm);
  routes.Page(Method::kPost, "/children/{id}/referrals", h, &ReferralsHandlers::CreateReferral);
  routes.Page(Method::kGet, "/referrals", h, &ReferralsHandlers::ReferralQueue);
  routes.Page(Method::kGet, "/referrals/{id}", h, &ReferralsHandlers::ViewReferral);
  routes.Page(Method::kPost, "/referrals/{id}/transitions", h, &ReferralsHandlers::MoveReferral);
  routes.Page(Method::kGet, "/my/referrals", h, &ReferralsHandlers::MyReferrals);
  routes.Api(Method::kPost, "/api/v1/children/{id}/referrals", h,
             &ReferralsHandlers::ApiCreateReferral);
  routes.Api(Method::kGet, "/api/v1/referrals", h, &ReferralsHandlers::ApiListReferrals);
  routes.Api(Method::kGet, "/api/v1/referrals/{id}", h, &ReferralsHandlers::ApiGetReferral);
  routes.Api(Method::kPost, "/api/v1/referrals/{id}/transitions", h,
             &ReferralsHandlers::ApiMoveReferral);
  routes.Api(Method::kGet, "/api/v1/messages", h, &ReferralsHandlers::ApiListMessages);
  routes.Api(Method::kPost, "/api/v1/messages/{id}/read", h, &ReferralsHandlers::ApiReadMessage);
}

}  // namespace harbour::web
