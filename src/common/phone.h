#pragma once
// Telephone numbers (DOMAIN.md §11), parsed and put in E.164 form with libphonenumber.
//
// Thread safety: libphonenumber's PhoneNumberUtil is a process-wide singleton created once
// (GetInstance is thread-safe) and its const methods used here hold no mutable state, so
// NormalisePhone may be called from any number of threads at once.
//
// Accepted: UK national forms ("07700 900123", "(020) 7946 0123"), international forms with
// "+" or "00" ("+44 7700 900123", "0044 7700 900123"), with spaces, hyphens, dots and brackets
// in any place libphonenumber tolerates. A number must be *possible* (right length for its
// country); it need not be in a range libphonenumber knows to be allocated, because Ofcom's
// drama ranges (07700 900xxx, 020 7946 0xxx) and newly released ranges must still be
// recordable. `allocated` says whether it is. An extension ("ext 5") is kept in `national`
// only; `e164` never carries one. A number whose E.164 form would parse back to a different
// number (a national leading zero after the country code, "+44 0122..."), or that has more
// than the 15 digits E.164 allows (some German numbers), is refused.
//
// A number that does not parse is a field error; the caller keeps the typed text and flags it
// unverified rather than dropping it.
#include <string>
#include <string_view>

#include "common/error.h"

namespace harbour {

enum class PhoneType {
  kMobile,
  kFixedLine,
  kOther,  // free phone, VoIP, pager, "fixed line or mobile" (e.g. US), or unknown
};

// snake_case name for storage and JSON: "mobile", "fixed_line", "other".
std::string_view PhoneTypeName(PhoneType type);

struct Phone {
  std::string e164;      // "+447700900123": '+', then at most 15 digits
  std::string national;  // as dialled in its own country: "07700 900123"
  PhoneType type = PhoneType::kOther;
  bool allocated = false;  // in a range libphonenumber's metadata lists as in use
};

// `default_region` (ISO 3166 alpha-2, e.g. "GB") applies to numbers without "+" or "00".
// kInvalid with field "phone" and message "Enter a UK phone number like 07700 900123, or an
// international one starting with +" when `text` is empty, not valid UTF-8, longer than 100
// bytes, unparseable, or not a possible number.
Result<Phone> NormalisePhone(std::string_view text, std::string_view default_region = "GB");

}  // namespace harbour
