#pragma once
// UK vehicle registration marks (DOMAIN.md §11), validated and put in one canonical form. Pure.
//
// What is enforced, and why:
// - Spaces and hyphens are ignored and letters are upper-cased; any other character, or more
//   than 7 letters and digits, is rejected (no UK mark is longer than 7).
// - current (AB12 CDE, since 2001): two memory-tag letters, two age digits, three random
//   letters. The memory tag never uses I, Q or Z and the random letters never use I or Q
//   (DVLA rules); any two age digits are accepted, since every pair is or will be issued.
// - prefix (A123 BCD, 1983-2001): a year letter, 1 to 3 digits, three letters. The year letter
//   is never I, O, U or Z; Q is accepted because "Q plates" (vehicles of unknown age) share
//   this shape.
// - suffix (ABC 123D, 1963-1983): three letters, 1 to 3 digits, a year letter that is never
//   I, O, Q, U or Z.
// - northern_ireland (ABZ 1234): three letters whose last two (the county code) include I or
//   Z, then 1 to 4 digits. Great Britain never uses I or Z in those positions.
// - dateless (ABC 123 or 1234 AB): 1 to 3 letters then 1 to 4 digits, or the reverse, at most
//   7 characters in all.
// - In every format but current, the number never starts with 0 (no mark "A 012").
// Marks are tried in the order above; the shapes do not overlap except that a two-letter
// Northern Ireland mark (IA 123) is reported as dateless, which is harmless.
//
// A mark that does not parse is a field error; the caller keeps the typed text and flags it
// unverified rather than dropping it (foreign, trade and diplomatic plates exist).
#include <string>
#include <string_view>

#include "common/error.h"

namespace harbour {

enum class RegistrationFormat {
  kCurrent,
  kPrefix,
  kSuffix,
  kDateless,
  kNorthernIreland,
};

// snake_case name for storage and JSON: "current", "prefix", "suffix", "dateless",
// "northern_ireland".
std::string_view RegistrationFormatName(RegistrationFormat format);

struct Registration {
  std::string canonical;  // upper case, no spaces: "AB12CDE"
  std::string display;    // with the conventional space: "AB12 CDE"
  RegistrationFormat format = RegistrationFormat::kCurrent;
};

// kInvalid with field "registration" and message "Enter a UK registration like AB12 CDE"
// when `text` is none of the formats above.
Result<Registration> NormaliseRegistration(std::string_view text);

// True when both marks are the same once spaces and hyphens are removed and letters are
// upper-cased; works for unverified (unparseable) typed marks too. Two empty marks never match.
bool RegistrationsMatch(std::string_view a, std::string_view b);

}  // namespace harbour
