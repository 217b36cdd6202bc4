#pragma once
// A child's chronology: everything recorded about the child by every agency, newest first
// (issue 2: concerns, addenda and the record itself; later issues add assessments,
// referrals and missing episodes as further entry types). Pure.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/time.h"

namespace harbour::chronology {

enum class EntryType { kConcern, kAddendum, kRecord };
std::string_view ToCode(EntryType type);  // "concern", "addendum", "record"
std::optional<EntryType> EntryTypeFromCode(std::string_view code);
std::string_view Label(EntryType type);  // "Concern", "Addendum", "Record created"

struct Entry {
  EntryType type = EntryType::kConcern;
  Instant at{};  // when it happened (a concern: when it was seen)
  std::string id;
  std::string agency_id;
  std::string agency_name;
  std::string headline;     // short heading for the page ("Sexual exploitation: 2 indicators")
  std::string summary;      // one line for the API: the headline and, for concerns, an excerpt
  std::string detail;       // full text shown on the page (narrative, addendum text)
  std::string related_id;   // an addendum's concern id
  std::string recorded_by;  // display name of who recorded it
  std::vector<std::string> indicators;  // indicator codes (concerns)
  bool immediate_danger = false;
};

struct Filter {
  std::optional<EntryType> type;
  std::string agency_id;  // empty: every agency
};

// Keeps the entries that match `filter`, newest first; ties keep a stable order by id.
std::vector<Entry> Arrange(std::vector<Entry> entries, const Filter& filter);

}  // namespace harbour::chronology
