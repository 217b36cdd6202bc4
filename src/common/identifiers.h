#pragma once
// UK identifiers of DOMAIN.md §11, validated and put in one canonical form. Pure.
#include <cstdint>
#include <string>
#include <string_view>

#include "common/error.h"

namespace harbour {

// NHS number: 10 digits with a modulus-11 check digit; spaces and hyphens are ignored.
// Returns the 10 digits without separators. Error message says what is wrong (length,
// non-digits, or failed check digit).
Result<std::string> NormaliseNhsNumber(std::string_view text);
// "943 476 5919" for display.
std::string FormatNhsNumber(std::string_view ten_digits);
// A valid synthetic NHS number in the 999 range (never issued to real patients), built
// from `n` (any value); used by demo data and fixtures.
std::string SyntheticNhsNumber(std::uint64_t n);

// Unique pupil number: 13 characters, a check letter first, then 12 characters (11 digits
// and a final digit or letter for temporary UPNs), per the DfE algorithm. Upper-cased.
Result<std::string> NormaliseUpn(std::string_view text);
std::string SyntheticUpn(std::uint64_t n);

// UK postcode: returns the canonical upper-case form with one space before the inward code
// ("SW1A 1AA"); accepts any case and spacing. kInvalid explains the expected shape.
Result<std::string> NormalisePostcode(std::string_view text);
// Outward code of a canonical postcode ("SW1A").
std::string OutwardCode(std::string_view canonical_postcode);

}  // namespace harbour
