// The child search box on arbitrary bytes: never crashes, and whatever it recognises is well
// formed (a valid NHS number, a real date, at most three non-empty ASCII name words). The name
// folding both the box and the stored names go through (children::FoldName, issue 11 §3):
// words and keys are non-empty a-z0-9, keys are unique, a name's own words find it, folding is
// stable, and hyphens and spaces separate words alike.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "children/search.h"
#include "common/identifiers.h"
#include "common/text.h"
#include "fuzz_check.h"

namespace {

bool IsKey(const std::string& key) {
  return !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  });
}

void CheckFoldName(std::string_view input) {
  using harbour::children::FoldName;
  auto folded = FoldName(input);
  if (!harbour::IsValidUtf8(input)) FUZZ_CHECK(folded.keys.empty());
  FUZZ_CHECK(folded.words.empty() == folded.keys.empty());
  for (const auto& key : folded.keys) {
    FUZZ_CHECK(IsKey(key));
    FUZZ_CHECK(std::count(folded.keys.begin(), folded.keys.end(), key) == 1);
  }
  std::string joined, spaced;
  for (const auto& word : folded.words) {
    FUZZ_CHECK(IsKey(word));
    // Every word is itself a key, so a name's own words always find it.
    FUZZ_CHECK(std::find(folded.keys.begin(), folded.keys.end(), word) != folded.keys.end());
    joined += word;
    spaced += (spaced.empty() ? "" : " ") + word;
  }
  if (folded.words.size() > 1) {
    FUZZ_CHECK(std::find(folded.keys.begin(), folded.keys.end(), joined) != folded.keys.end());
  }
  // Folding the folded words again changes nothing.
  FUZZ_CHECK(FoldName(spaced).words == folded.words);
  // In ASCII text a hyphen and a space are the same word boundary, and an apostrophe is never
  // one: removing apostrophes keeps the words, losing only the keys after them.
  bool ascii = std::all_of(input.begin(), input.end(),
                           [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (ascii) {
    std::string hyphens(input), no_apostrophes;
    std::replace(hyphens.begin(), hyphens.end(), ' ', '-');
    FUZZ_CHECK(FoldName(hyphens).words == folded.words);
    for (char c : input) {
      if (c != '\'' && c != '`') no_apostrophes.push_back(c);
    }
    FUZZ_CHECK(FoldName(no_apostrophes).words == folded.words);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  auto query = harbour::children::ParseSearchQuery(input);
  if (query.nhs_number) FUZZ_CHECK(harbour::NormaliseNhsNumber(*query.nhs_number).has_value());
  if (query.date_of_birth) FUZZ_CHECK(query.date_of_birth->ok());
  FUZZ_CHECK(query.name_keys.size() <= 3);
  for (const auto& key : query.name_keys) FUZZ_CHECK(IsKey(key));
  if (size <= 1024) CheckFoldName(input);  // transliteration is slow; names are short
  return 0;
}
