// The links of a record as the viewer may see them, and where a place is: its coordinates in
// WGS84 (from British National Grid when given so) and its ward.
#include <algorithm>

#include "places/geo.h"
#include "storage/intelligence_repository.h"
#include "web/records/handlers.h"

namespace harbour::web {

Result<RecordsHandlers::LinkedRecords> RecordsHandlers::VisibleLinks(const Principal& who,
                                                                     intelligence::RecordType type,
                                                                     std::string_view id) {
  LinkedRecords out;
  auto links = records_.LinksOf(type, id);
  if (!links) return std::unexpected(links.error());
  std::vector<std::string> ids;
  for (const auto& l : *links) ids.insert(ids.end(), l.report_ids.begin(), l.report_ids.end());
  auto reports = intelligence_.FindMany(ids);
  if (!reports) return std::unexpected(reports.error());
  for (const auto& l : *links) {
    LinkedRecords::Shown shown{l, {}};
    for (const std::string& report_id : l.report_ids) {
      auto it = reports->find(report_id);
      if (it == reports->end()) continue;
      auto view = access::ViewOfReport(who.Subject(), storage::FactsOf(it->second));
      if (view < access::IntelligenceView::kSanitised) continue;
      shown.supports.push_back(it->second);
      out.report_ids.insert(report_id);
    }
    if (!shown.supports.empty()) out.links.push_back(std::move(shown));
  }
  return out;
}

mstch::array RecordsHandlers::LinkRows(const LinkedRecords& linked) {
  mstch::array rows;
  for (const auto& shown : linked.links) {
    mstch::array supports;
    for (const auto& r : shown.supports) {
      supports.push_back(mstch::map{{"id", r.id},
                                    {"grade", intelligence::GradeCode(r)},
                                    {"date", FormatLongDate(LondonDate(r.submitted_at))}});
    }
    const auto& l = shown.link;
    rows.push_back(mstch::map{{"type", Str(intelligence::Label(l.type))},
                              {"kind", Str(intelligence::Label(l.other_type))},
                              {"label", l.other_label},
                              {"href", RecordHref(l.other_type, l.other_id)},
                              {"supports", supports}});
  }
  return rows;
}

Result<void> RecordsHandlers::LocatePlace(intelligence::Place& place) {
  auto point = places::LocatePoint(place.easting, place.northing, place.latitude, place.longitude);
  if (!point) return std::unexpected(point.error());
  if (!*point) return {};
  place.latitude = (*point)->lat;
  place.longitude = (*point)->lon;
  auto ward = wards_.Locate(**point);
  if (!ward) return std::unexpected(ward.error());
  if (*ward) {
    place.ward_code = (*ward)->code;
    place.ward_name = (*ward)->name;
  }
  return {};
}

}  // namespace harbour::web
