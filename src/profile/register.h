#pragma once
// The register of published board reports (issue 12): which periods may be published, which
// earlier release a new one is suppressed against (profile/publish.h, SuppressAgainst), and the
// published cells as they are stored. Pure.
//
// The rules keep every pair of published releases safe to subtract:
//   - a period is published once, and only once it has ended;
//   - a period that lies inside a published one, or overlaps one without containing it, is
//     refused (their difference could not be checked);
//   - the published periods a new one contains must be nested (year to date: the first quarter,
//     the half-year, nine months, then the year), and it is suppressed against the longest of
//     them, which was itself checked against the one before. Disjoint published periods inside
//     a new one (four quarters, then their year) are refused: the year less three quarters would
//     publish the fourth, and one check against one release cannot prevent that.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"
#include "common/time.h"
#include "profile/period.h"
#include "profile/publish.h"

namespace harbour::profile {

struct PublishedPeriod {
  std::string id;     // the register entry
  std::string label;  // PeriodLabel, for messages
  Period period;
};

// The entry of `published` that a release for `period` is to be suppressed against (nullopt
// when it contains none), or kConflict ("period_published", "period_overlaps",
// "periods_not_nested") naming the entries in the way, or kInvalid ("period_not_ended") when
// `period` has not ended by `today`, all under the field "period".
Result<std::optional<std::string>> EarlierToCheckAgainst(
    const Period& period, const std::vector<PublishedPeriod>& published, Date today);

// The published cells as stored in the register (JSON: each table's total and each row's
// count, null for "c"), and back. ParseEarlierRelease is kInvalid ("register_corrupt") for
// anything else.
std::string EarlierReleaseJson(const EarlierRelease& release);
Result<EarlierRelease> ParseEarlierRelease(std::string_view json);

}  // namespace harbour::profile
