#pragma once
// Warning flags on a child's record (issue 4): "at risk of sexual exploitation" and "potential
// perpetrator" — a child can be both — each with a start date, the panel reference that
// decided it and, once lifted, an end date. Shown on every page of the child and in search
// results while active. Pure.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/codes.h"
#include "common/error.h"
#include "common/time.h"

namespace harbour::children {

enum class FlagKind { kAtRiskOfSexualExploitation, kPotentialPerpetrator };
inline constexpr auto kFlagKindCodes = MakeCodeTable<FlagKind>({
    {FlagKind::kAtRiskOfSexualExploitation, "cse_risk", "At risk of sexual exploitation"},
    {FlagKind::kPotentialPerpetrator, "potential_perpetrator", "Potential perpetrator"},
});
static_assert(IsCompleteCodeTable<kFlagKindCodes>());
constexpr std::string_view ToCode(FlagKind kind) { return kFlagKindCodes.Code(kind); }
constexpr std::optional<FlagKind> FlagKindFromCode(std::string_view code) {
  return kFlagKindCodes.FromCode(code);
}
constexpr std::string_view Label(FlagKind kind) { return kFlagKindCodes.LabelOf(kind); }

struct Flag {
  std::string id;
  std::string child_id;
  FlagKind kind = FlagKind::kAtRiskOfSexualExploitation;
  Date start;
  std::optional<Date> end;
  std::string panel_reference;  // e.g. "CSEP 2026-11-14 item 3"
  std::string added_by;
  Instant added_at{};
};

// Active on `today`: started on or before it and not ended on or before it.
bool IsActive(const Flag& flag, Date today);

// Raw form or API text for a new flag; the start date is "YYYY-MM-DD" (or the date boxes joined
// by the caller).
struct FlagInput {
  std::string kind;
  std::string start;
  std::string panel_reference;
};

inline constexpr std::size_t kMaxPanelReference = 200;

// kInvalid with fields "kind", "start" (missing, not a date, or after `today`) and
// "panel_reference" (1..200 characters, one line), every problem at once. `active` are the
// child's flags active today: a second active flag of the same kind is refused ("kind").
Result<Flag> ValidateFlag(const FlagInput& input, Date today, const std::vector<Flag>& active);

// Ending a flag: the end date is "YYYY-MM-DD", on or after the start and not after `today`.
// kInvalid with field "end".
Result<Date> ValidateFlagEnd(const Flag& flag, std::string_view end, Date today);

}  // namespace harbour::children
