#pragma once
// Text helpers for outside input. Pure and thread-safe.
#include <expected>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"

namespace harbour {

bool IsValidUtf8(std::string_view text);
// Removes leading and trailing ASCII whitespace.
std::string Trim(std::string_view text);
// `text` with ASCII A-Z lower-cased; every other byte as it is.
std::string AsciiLower(std::string_view text);
// Splits on newlines, trims each line and drops empty ones (e.g. a list of aliases).
std::vector<std::string> NonEmptyLines(std::string_view text);
// `text` transliterated to Latin and then ASCII by ICU ("Any-Latin; Latin-ASCII"): "Zoë" ->
// "Zoe", "Дмитрий" -> "Dmitrij", "O’Brien" -> "O'Brien". What ICU leaves alone stays as it
// is, and so does all of `text` when ICU's data is missing. Invalid UTF-8 yields "".
std::string ToAsciiLatin(std::string_view text);
// Key for matching names regardless of case, accents and script: ToAsciiLatin, case-folded,
// with everything but letters, digits and single spaces removed. "  Zoë  O'Brien " ->
// "zoe obrien". Invalid UTF-8 yields "". (Child search folds names by word instead:
// children::FoldName.)
std::string NameKey(std::string_view name);
// Characters as a person counts them (code points); `text` must be valid UTF-8.
std::size_t CharacterCount(std::string_view text);
// True for ASCII control characters; line breaks and tabs are allowed when `multi_line`.
bool HasControlCharacters(std::string_view text, bool multi_line = false);
// Free text a person typed (a narrative, a rationale, an outcome): trimmed, valid UTF-8, no
// control characters but line breaks and tabs, 1..max_chars characters. On failure, the message
// for the person: `missing` when blank, else one that starts with `label`.
std::expected<std::string, std::string> CheckedFreeText(std::string_view raw,
                                                        std::string_view missing,
                                                        std::string_view label,
                                                        std::size_t max_chars);
// Optional text a person typed: trimmed and returned as typed, blank allowed. When not blank it
// must be valid UTF-8 without control characters (line breaks and tabs allowed when
// `multi_line`) and at most `max_chars` characters; otherwise `problems[field]` says why, in
// the words of CheckedFreeText ("<label> must be 200 characters or fewer").
std::string OptionalText(std::string_view raw, const std::string& field, std::string_view label,
                         std::size_t max_chars, bool multi_line,
                         std::map<std::string, std::string>& problems);
// Percent-decodes one URL component ('+' kept as '+'); kMalformed (code "bad_encoding") on a
// bad escape or when the result is not valid UTF-8.
Result<std::string> PercentDecode(std::string_view text);
// Percent-encodes everything but RFC 3986 unreserved characters.
std::string PercentEncode(std::string_view text);
// Lower-case ASCII hex of the bytes.
std::string HexEncode(std::string_view bytes);

}  // namespace harbour
