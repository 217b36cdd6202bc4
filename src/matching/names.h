#pragma once
// Names for matching (issue 13): folded to lower-case ASCII words whatever their script, case or
// accents, known variants and nicknames ("Kate" / "Katherine", "Mohammed" / "Muhammad") from a
// list the partnership edits, Soundex, and Jaro-Winkler similarity. Pure and thread-safe.
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/error.h"

namespace harbour::matching {

// A name folded: ICU's "Any-Latin; Latin-ASCII", lower case, split into words on anything that
// is not a letter or digit; an apostrophe joins ("O'Brien" -> "obrien"). `whole` is the words
// joined without spaces ("Smith-Jones" -> "smithjones").
struct FoldedWords {
  std::vector<std::string> words;
  std::string whole;
  bool Empty() const { return whole.empty(); }
};
FoldedWords FoldWords(std::string_view name);

// Groups of names that are variants of one another, as the partnership lists them in
// config/reference/name-variants.txt: one group a line, names separated by commas, '#' starts a
// comment. A name may be in several groups ("alex": Alexander and Alexandra).
class NameVariants {
 public:
  // kInvalid naming the line of the first problem (a line longer than 2,000 bytes, invalid
  // UTF-8, a group of fewer than two names, more than 20,000 groups).
  static Result<NameVariants> Parse(std::string_view text);

  // Whether the two folded names share a group (a name is not its own variant here: equal
  // names are an exact match, which the caller tells first).
  bool AreVariants(std::string_view a, std::string_view b) const;
  // A key of the first group `name` is in, or `name` itself when it is in none (for blocking:
  // variants of one name share a key when they share their first group).
  std::string GroupKey(std::string_view name) const;
  std::size_t GroupCount() const { return group_count_; }

 private:
  std::unordered_map<std::string, std::vector<std::uint32_t>> groups_of_;
  std::vector<std::string> first_name_of_group_;
  std::size_t group_count_ = 0;
};

// American Soundex of a folded word ("robert" -> "R163"); "" for "".
std::string Soundex(std::string_view word);

// Jaro-Winkler similarity of two byte strings, 0..1 (1 when equal), with the usual prefix scale
// 0.1 over at most four characters.
double JaroWinkler(std::string_view a, std::string_view b);

}  // namespace harbour::matching
