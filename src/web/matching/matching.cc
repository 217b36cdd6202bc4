#include "web/matching/matching.h"

#include "web/matching/handlers.h"

namespace harbour::web {

MatchingArea::MatchingArea(const Core& core, std::shared_ptr<const matching::NameVariants> variants)
    : handlers_(std::make_unique<MatchingHandlers>(core, std::move(variants))) {}

MatchingArea::~MatchingArea() = default;

void MatchingArea::Register(Routes& routes) {
  auto* h = handlers_.get();
  routes.Page(Method::kGet, "/matching", h, &MatchingHandlers::Queue);
  routes.Page(Method::kGet, "/matching/reviews/{id}", h, &MatchingHandlers::Review);
  routes.Page(Method::kPost, "/matching/reviews/{id}", h, &MatchingHandlers::Decide);
  routes.Page(Method::kGet, "/matching/merges/{id}", h, &MatchingHandlers::MergePage);
  routes.Page(Method::kPost, "/matching/merges/{id}/undo", h, &MatchingHandlers::Undo);
}

Result<DuplicateCheck> MatchingArea::LikelyChildren(const Principal& who, const Request& request,
                                                    const children::Child& child) const {
  return handlers_->LikelyChildren(who, request, child);
}

Result<mstch::array> MatchingArea::MergeRows(const Principal& who,
                                             const children::Child& child) const {
  return handlers_->MergeRows(who, child);
}

}  // namespace harbour::web
