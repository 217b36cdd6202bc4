#include "chronology/chronology.h"

#include <algorithm>

namespace harbour::chronology {

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
