#include "chronology/chronology.h"

#include <algorithm>

namespace harbour::chronology {

std::string_view ToCode(EntryType type) {
  switch (type) {
    case EntryType::kConcern:
      return "concern";
    case EntryType::kAddendum:
      return "addendum";
    case EntryType::kRecord:
      return "record";
    case EntryType::kAssessment:
      return "assessment";
    case EntryType::kReferral:
      return "referral";
    case EntryType::kPanel:
      return "panel";
    case EntryType::kPanelAction:
      return "panel_action";
    case EntryType::kMissing:
      return "missing";
    case EntryType::kReturnInterview:
      return "return_interview";
  }
  return "concern";
}

std::optional<EntryType> EntryTypeFromCode(std::string_view code) {
  for (auto t : {EntryType::kConcern, EntryType::kAddendum, EntryType::kRecord,
                 EntryType::kAssessment, EntryType::kReferral, EntryType::kPanel,
                 EntryType::kPanelAction, EntryType::kMissing, EntryType::kReturnInterview}) {
    if (ToCode(t) == code) return t;
  }
  return std::nullopt;
}

std::string_view Label(EntryType type) {
  switch (type) {
    case EntryType::kConcern:
      return "Concern";
    case EntryType::kAddendum:
      return "Addendum";
    case EntryType::kRecord:
      return "Record created";
    case EntryType::kAssessment:
      return "Risk assessment";
    case EntryType::kReferral:
      return "Referral to the panel";
    case EntryType::kPanel:
      return "Panel discussion";
    case EntryType::kPanelAction:
      return "Panel action";
    case EntryType::kMissing:
      return "Missing episode";
    case EntryType::kReturnInterview:
      return "Return interview";
  }
  return "Concern";
}

std::string Byline(const Attribution& by) {
  if (by.agency_name.empty()) return by.name;
  if (by.name.empty()) return by.agency_name;
  return by.name + ", " + by.agency_name;
}

std::vector<std::pair<std::string, std::string>> RecordingAgencies(
    const std::vector<Entry>& entries) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& e : entries) {
    if (e.by.agency_id.empty() || e.by.agency_name.empty()) continue;
    bool seen = std::any_of(out.begin(), out.end(),
                            [&](const auto& a) { return a.first == e.by.agency_id; });
    if (!seen) out.emplace_back(e.by.agency_id, e.by.agency_name);
  }
  return out;
}

std::vector<Entry> Arrange(std::vector<Entry> entries, const Filter& filter) {
  std::erase_if(entries, [&](const Entry& e) {
    if (filter.type && e.type != *filter.type) return true;
    return !filter.agency_id.empty() && e.by.agency_id != filter.agency_id;
  });
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    if (a.at != b.at) return a.at > b.at;
    return a.id < b.id;
  });
  return entries;
}

}  // namespace harbour::chronology
