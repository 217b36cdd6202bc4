#pragma once
// What a child search box means: an NHS number, a date of birth, or a name. Pure.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/time.h"

namespace harbour::children {

// A name folded for search (issue 11 §3): the one rule for what is stored and what is typed.
// The name is transliterated to ASCII (ToAsciiLatin: "Ń" -> "N", "ë" -> "e", "ß" -> "ss") and
// lower-cased; an apostrophe (' ’ ‘ ʼ ` ´) joins the letters around it ("O'Brien" ->
// "obrien"); any other character that is not a letter or digit (a space, a hyphen, a dot)
// ends a word, so each part of a double-barrelled name is a word of its own. Pure and
// thread-safe.
struct FoldedName {
  // The words in order, each non-empty a-z0-9: "Zoë Ńowak-O'Brien" -> {"zoe", "nowak",
  // "obrien"}. What a search term becomes.
  std::vector<std::string> words;
  // What a stored name is found by, each as a prefix: every word, the part of a word after each
  // apostrophe ("brien"), and, when there are several words, all of them joined
  // ("nowakobrien"). Unique, in that order.
  std::vector<std::string> keys;
};
// Invalid UTF-8, or a name with no letter or digit, gives no words and no keys.
FoldedName FoldName(std::string_view name);

struct SearchQuery {
  std::optional<std::string> nhs_number;  // 10 digits (check digit valid)
  std::optional<Date> date_of_birth;      // "2012-03-04" or "4/3/2012" (UK order)
  std::vector<std::string> name_keys;     // FoldName words, each a prefix of a name key
  bool Empty() const { return !nhs_number && !date_of_birth && name_keys.empty(); }
};

// Recognises, in order: a valid NHS number (spaces allowed), a date (ISO or day/month/year),
// otherwise the first 3 words of FoldName. Never fails: junk yields Empty().
SearchQuery ParseSearchQuery(std::string_view text);

}  // namespace harbour::children
