#pragma once
// A child's chronology: everything recorded about the child by every agency, newest first
// (issue 2: concerns, addenda and the record itself; issue 3: submitted risk assessments;
// issue 4: referrals to the panel, the panel's decisions and actions, missing episodes and
// return interviews). Pure.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/codes.h"
#include "common/time.h"

namespace harbour::chronology {

enum class EntryType {
  kConcern,
  kAddendum,
  kRecord,
  kAssessment,
  kReferral,
  kPanel,
  kPanelAction,
  kMissing,          // a missing episode (missing/episode.h)
  kReturnInterview,  // a return interview after one
};
inline constexpr auto kEntryTypeCodes = MakeCodeTable<EntryType>({
    {EntryType::kConcern, "concern", "Concern"},
    {EntryType::kAddendum, "addendum", "Addendum"},
    {EntryType::kRecord, "record", "Record created"},
    {EntryType::kAssessment, "assessment", "Risk assessment"},
    {EntryType::kReferral, "referral", "Referral to the panel"},
    {EntryType::kPanel, "panel", "Panel discussion"},
    {EntryType::kPanelAction, "panel_action", "Panel action"},
    {EntryType::kMissing, "missing", "Missing episode"},
    {EntryType::kReturnInterview, "return_interview", "Return interview"},
});
static_assert(IsCompleteCodeTable<kEntryTypeCodes>());
constexpr std::string_view ToCode(EntryType type) { return kEntryTypeCodes.Code(type); }
constexpr std::optional<EntryType> EntryTypeFromCode(std::string_view code) {
  return kEntryTypeCodes.FromCode(code);
}
constexpr std::string_view Label(EntryType type) { return kEntryTypeCodes.LabelOf(type); }

// Who recorded an entry and the agency they recorded it for, as they were when they recorded it
// (issue 11: a panel action is credited to the coordinator who recorded it, not to the agency
// that must carry it out). Each context says this for its own records.
struct Attribution {
  std::string name;  // the person's display name
  std::string agency_id;
  std::string agency_name;  // empty when the agency is not known (an entry from before issue 11)
};

// A context's record as storage returns it for the chronology: the record and who recorded it.
template <typename Record>
struct Attributed {
  Record record;
  Attribution by;
};

// "Sam Patel, Children's Social Care", or just the name when the agency is not known.
std::string Byline(const Attribution& by);

struct Entry {
  EntryType type = EntryType::kConcern;
  Instant at{};  // when it happened (a concern: when it was seen)
  std::string id;
  Attribution by;
  std::string headline;    // short heading for the page ("Sexual exploitation: 2 indicators")
  std::string summary;     // one line for the API: the headline and, for concerns, an excerpt
  std::string detail;      // full text shown on the page (narrative, addendum text, rationale)
  std::string related_id;  // an addendum's concern id
  std::string location;    // where it happened, when the record says (a concern: where seen)
  std::vector<std::string> indicators;  // indicator codes (concerns)
  bool immediate_danger = false;
};

struct Filter {
  std::optional<EntryType> type;
  std::string agency_id;  // empty: every agency
};

// The agencies that recorded `entries`, each once, in first-seen order, as (id, name) pairs for
// a filter. Entries whose agency is not known are left out, so the filter offers no blank choice.
std::vector<std::pair<std::string, std::string>> RecordingAgencies(
    const std::vector<Entry>& entries);

// Keeps the entries that match `filter`, newest first; ties keep a stable order by id.
std::vector<Entry> Arrange(std::vector<Entry> entries, const Filter& filter);

}  // namespace harbour::chronology
