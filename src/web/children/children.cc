#include "web/children/children.h"

#include "web/children/handlers.h"

namespace harbour::web {

ChildrenArea::ChildrenArea(const Core& core, const reference::Catalogue& catalogue,
                           const RecordsArea& records, const AssessmentsArea& assessments,
                           const MatchingArea& matching)
    : handlers_(
          std::make_unique<ChildrenHandlers>(core, catalogue, records, assessments, matching)) {}

ChildrenArea::~ChildrenArea() = default;

void ChildrenArea::Register(Routes& routes) {
  auto* h = handlers_.get();
  routes.Page(Method::kGet, "/children", h, &ChildrenHandlers::SearchChildren);
  routes.Page(Method::kGet, "/children/new", h, &ChildrenHandlers::NewChildForm);
  routes.Page(Method::kPost, "/children", h, &ChildrenHandlers::CreateChild);
  routes.Page(Method::kGet, "/children/{id}", h, &ChildrenHandlers::ViewChild);
  routes.Page(Method::kPost, "/children/{id}/team", h, &ChildrenHandlers::AddToTeam);
  routes.Page(Method::kPost, "/children/{id}/flags", h, &ChildrenHandlers::AddFlag);
  routes.Page(Method::kPost, "/children/{id}/flags/{flag_id}/end", h, &ChildrenHandlers::EndFlag);
  routes.Page(Method::kPost, "/access-requests", h, &ChildrenHandlers::RequestAccess);
  routes.Page(Method::kGet, "/access-requests", h, &ChildrenHandlers::AccessRequests);
  routes.Page(Method::kPost, "/access-requests/{id}", h, &ChildrenHandlers::DecideAccessRequest);
  routes.Api(Method::kGet, "/api/v1/children", h, &ChildrenHandlers::ApiSearchChildren);
  routes.Api(Method::kPost, "/api/v1/children", h, &ChildrenHandlers::ApiCreateChild);
  routes.Api(Method::kGet, "/api/v1/children/{id}", h, &ChildrenHandlers::ApiGetChild);
  routes.Api(Method::kGet, "/api/v1/children/{id}/flags", h, &ChildrenHandlers::ApiListFlags);
  routes.Api(Method::kPost, "/api/v1/children/{id}/flags", h, &ChildrenHandlers::ApiAddFlag);
  routes.Api(Method::kPost, "/api/v1/children/{id}/flags/{flag_id}/end", h,
             &ChildrenHandlers::ApiEndFlag);
}

}  // namespace harbour::web
