#pragma once
// The age bands of the area picture (DOMAIN.md §9): a child's age in whole years, banded.
#include <optional>
#include <string_view>

#include "common/codes.h"

namespace harbour::profile {

// Bands of age in whole years on the date the statistic is about. Children are 0..17;
// kNotRecorded is a category of its own (DOMAIN.md §13), never folded into another band.
enum class AgeBand { kUnder10, k10To13, k14To15, k16To17, k18AndOver, kNotRecorded };

// Codes are stored and sent as published: never change one.
inline constexpr auto kAgeBandCodes = MakeCodeTable<AgeBand>({
    {AgeBand::kUnder10, "under_10", "Under 10"},
    {AgeBand::k10To13, "10_13", "10 to 13"},
    {AgeBand::k14To15, "14_15", "14 to 15"},
    {AgeBand::k16To17, "16_17", "16 to 17"},
    {AgeBand::k18AndOver, "18_plus", "18 and over"},
    {AgeBand::kNotRecorded, "not_recorded", "Not recorded"},
});
static_assert(IsCompleteCodeTable<kAgeBandCodes>());

constexpr std::string_view ToCode(AgeBand band) { return kAgeBandCodes.Code(band); }
constexpr std::string_view Label(AgeBand band) { return kAgeBandCodes.LabelOf(band); }
constexpr std::optional<AgeBand> AgeBandFromCode(std::string_view code) {
  return kAgeBandCodes.FromCode(code);
}

// The band of an age in whole years; nullopt (no age recorded) or a negative age (a date of
// birth after the date in question) is kNotRecorded.
constexpr AgeBand AgeBandOf(std::optional<int> age_in_years) {
  if (!age_in_years || *age_in_years < 0) return AgeBand::kNotRecorded;
  if (*age_in_years < 10) return AgeBand::kUnder10;
  if (*age_in_years < 14) return AgeBand::k10To13;
  if (*age_in_years < 16) return AgeBand::k14To15;
  if (*age_in_years < 18) return AgeBand::k16To17;
  return AgeBand::k18AndOver;
}

}  // namespace harbour::profile
