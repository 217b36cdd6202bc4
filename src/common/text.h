#pragma once
// Text helpers for outside input. Pure and thread-safe.
#include <string>
#include <string_view>
#include <vector>

namespace harbour {

bool IsValidUtf8(std::string_view text);
// Removes leading and trailing ASCII whitespace.
std::string Trim(std::string_view text);
// Splits on newlines, trims each line and drops empty ones (e.g. a list of aliases).
std::vector<std::string> NonEmptyLines(std::string_view text);
// Key for matching names regardless of case, accents and script: ICU transliteration to
// Latin then ASCII, case-folded, with everything but letters, digits and single spaces
// removed. "  Zoë  O'Brien " -> "zoe obrien". Invalid UTF-8 yields "".
std::string NameKey(std::string_view name);
// Lower-case ASCII hex of the bytes.
std::string HexEncode(std::string_view bytes);

}  // namespace harbour
