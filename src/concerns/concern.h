#pragma once
// A concern: what someone saw or heard about one child (issue 2). Never edited after it is
// submitted; corrections and additions are addenda. Pure domain.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "chronology/chronology.h"
#include "common/codes.h"
#include "common/error.h"
#include "common/time.h"
#include "reference/catalogue.h"

namespace harbour::concerns {

enum class Category {
  kSexualExploitation,
  kCriminalExploitation,
  kMissing,
  kOnlineHarm,
  kOther,
};
inline constexpr auto kCategoryCodes = MakeCodeTable<Category>({
    {Category::kSexualExploitation, "sexual_exploitation", "Sexual exploitation"},
    {Category::kCriminalExploitation, "criminal_exploitation", "Criminal exploitation"},
    {Category::kMissing, "missing", "Missing"},
    {Category::kOnlineHarm, "online_harm", "Online harm"},
    {Category::kOther, "other", "Other"},
});
static_assert(IsCompleteCodeTable<kCategoryCodes>());
constexpr std::string_view ToCode(Category v) { return kCategoryCodes.Code(v); }
constexpr std::optional<Category> CategoryFromCode(std::string_view code) {
  return kCategoryCodes.FromCode(code);
}
constexpr std::string_view Label(Category v) { return kCategoryCodes.LabelOf(v); }

struct Concern {
  std::string id;
  std::string child_id;
  Instant observed_at{};
  std::string location;           // free text, optional
  std::string location_postcode;  // canonical, or empty
  Category category = Category::kOther;
  std::vector<std::string> indicators;  // indicator codes, sorted, unique
  std::string narrative;
  bool first_hand = true;
  bool immediate_danger = false;
  std::string recorded_by;         // user id
  std::string recorded_by_agency;  // agency id
  Instant recorded_at{};
};

struct Addendum {
  std::string id;
  std::string concern_id;
  std::string text;
  std::string recorded_by;
  std::string recorded_by_agency;
  Instant recorded_at{};
};

// Raw submitted text. observed_at is RFC 3339 (the web form builds it from date and time
// boxes in Europe/London before calling ValidateConcern).
struct ConcernInput {
  std::string observed_at;
  std::string location, location_postcode, category;
  std::vector<std::string> indicators;
  std::string narrative;
  std::string first_hand;        // "yes" / "no" (API: true/false mapped by the caller)
  std::string immediate_danger;  // "yes" / "" (or "no")
};

inline constexpr std::size_t kMaxNarrative = 20000;

// kInvalid with messages keyed by ConcernInput member names: observed_at missing, malformed
// or in the future (more than 5 minutes after `now`); unknown category; unknown or retired
// indicator codes; narrative empty or over kMaxNarrative characters; first_hand not given.
// Does not set id, child_id, recorded_*.
Result<Concern> ValidateConcern(const ConcernInput& input, const reference::Catalogue& catalogue,
                                Instant now);

// Text of an addendum: 1..kMaxNarrative characters after trimming.
Result<std::string> ValidateAddendumText(std::string_view text);

// Heading for a chronology entry: "Sexual exploitation: 3 indicators".
std::string Headline(const Concern& concern);
// One-line summary for the API's chronology: the headline + ". " + the first ~120 characters
// of the narrative.
std::string Summary(const Concern& concern);

// Where the concern was seen, for people: "Bus station, HX1 2AB", the text or the postcode
// alone, or empty when the record does not say.
std::string WhereSeen(const Concern& concern);

// A concern in the child's chronology: when and where it was seen, its headline, narrative and
// indicators, credited to `by`.
chronology::Entry ChronologyEntry(const Concern& concern, chronology::Attribution by);
// An addendum in the child's chronology, pointing at the concern it adds to.
chronology::Entry ChronologyEntry(const Addendum& addendum, chronology::Attribution by);

}  // namespace harbour::concerns
