#include "web/records/records.h"

#include "web/records/handlers.h"

namespace harbour::web {

RecordsArea::RecordsArea(const Core& core, const reference::Catalogue& catalogue,
                         const DisruptionArea& disruption,
                         std::shared_ptr<const matching::NameVariants> variants)
    : handlers_(
          std::make_unique<RecordsHandlers>(core, catalogue, disruption, std::move(variants))) {}

RecordsArea::~RecordsArea() = default;

Result<LinkedRecordRows> RecordsArea::LinkedRows(const Principal& who,
                                                 intelligence::RecordType type,
                                                 std::string_view id) const {
  auto linked = handlers_->VisibleLinks(who, type, id);
  if (!linked) return std::unexpected(linked.error());
  return LinkedRecordRows{RecordsHandlers::LinkRows(*linked), linked->report_ids};
}

Result<NewRecord> RecordsArea::CreateRecord(
    const Principal& who, const Request& request, const RecordBody& body,
    const std::function<void(storage::Transaction&, const std::string&)>& also) const {
  return handlers_->DoCreateRecord(who, request, body, also);
}

void RecordsArea::Register(Routes& routes) {
  auto* h = handlers_.get();
  routes.Page(Method::kPost, "/records/links", h, &RecordsHandlers::LinkRecords);
  routes.Page(Method::kGet, "/records/{kind}/new", h, &RecordsHandlers::NewRecordForm);
  routes.Page(Method::kPost, "/records/{kind}/new", h, &RecordsHandlers::CreateRecord);
  routes.Page(Method::kGet, "/records/{kind}/{id}", h, &RecordsHandlers::ViewRecord);
  routes.Api(Method::kGet, "/api/v1/records/{kind}", h, &RecordsHandlers::ApiListRecords);
  routes.Api(Method::kPost, "/api/v1/records/{kind}", h, &RecordsHandlers::ApiCreateRecord);
  routes.Api(Method::kGet, "/api/v1/records/{kind}/{id}", h, &RecordsHandlers::ApiGetRecord);
  routes.Api(Method::kPost, "/api/v1/links", h, &RecordsHandlers::ApiLinkRecords);
  routes.Api(Method::kGet, "/api/v1/lookup", h, &RecordsHandlers::ApiLookup);
}

}  // namespace harbour::web
