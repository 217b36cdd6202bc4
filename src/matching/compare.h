#pragma once
// How two prepared records compare, field by field (issue 13; docs/matching.md, "Comparison
// levels"): each field's outcome is one of a few ordered levels, from the strongest agreement
// to disagreement, with level 0 for "one of them is missing" (which is no evidence either way).
// Pure and thread-safe.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "matching/record.h"

namespace harbour::matching {

enum class Field : std::uint8_t { kGivenName, kFamilyName, kDateOfBirth, kSex, kPostcode, kPhone };
inline constexpr std::size_t kFieldCount = 6;

// A pair's level on each field, indexed by Field.
using Levels = std::array<std::uint8_t, kFieldCount>;

// The levels of each field, as the waterfall and pairs.csv name them.
namespace level {
inline constexpr std::uint8_t kMissing = 0;
// Given name.
inline constexpr std::uint8_t kGivenExact = 1, kGivenSwapped = 2, kGivenWordInCommon = 3,
                              kGivenVariant = 4, kGivenShortened = 5, kGivenClose = 6,
                              kGivenSimilar = 7, kGivenSoundsAlike = 8, kGivenInitial = 9,
                              kGivenDifferent = 10;
// Family name.
inline constexpr std::uint8_t kFamilyExact = 1, kFamilySwapped = 2, kFamilyPart = 3,
                              kFamilyClose = 4, kFamilySimilar = 5, kFamilyDifferent = 6;
// Date of birth.
inline constexpr std::uint8_t kDobExact = 1, kDobDayMonthSwapped = 2, kDobOneDigit = 3,
                              kDobYearOffByOne = 4, kDobDifferent = 5;
// Sex and phone.
inline constexpr std::uint8_t kSame = 1, kDifferent = 2;
// Postcode.
inline constexpr std::uint8_t kPostcodeExact = 1, kPostcodeSector = 2, kPostcodeOutward = 3,
                              kPostcodeDifferent = 4;
}  // namespace level

struct FieldSpec {
  std::string_view id;                   // "given_name": the pairs.csv column stem
  std::string_view label;                // "Given name"
  std::vector<std::string_view> levels;  // by level; [0] is "missing"
};
// The six fields in Field order.
const std::array<FieldSpec, kFieldCount>& Fields();

// Jaro-Winkler thresholds of the "close" and "similar" name levels.
inline constexpr double kCloseName = 0.92;
inline constexpr double kSimilarName = 0.80;

Levels Compare(const PreparedRecord& a, const PreparedRecord& b, const NameVariants& variants);

}  // namespace harbour::matching
