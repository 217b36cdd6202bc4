#include "children/search.h"

#include <algorithm>
#include <charconv>

#include "common/identifiers.h"
#include "common/text.h"

namespace harbour::children {

namespace {

std::optional<Date> ParseUkDate(std::string_view text) {
  int parts[3] = {0, 0, 0};
  std::size_t index = 0;
  const char* p = text.data();
  const char* end = text.data() + text.size();
  while (p < end && index < 3) {
    auto [next, ec] = std::from_chars(p, end, parts[index]);
    if (ec != std::errc()) return std::nullopt;
    ++index;
    p = next;
    if (p < end && (*p == '/' || *p == '-' || *p == '.')) ++p;
  }
  if (index != 3 || p != end || parts[2] < 1900) return std::nullopt;
  Date d{std::chrono::year(parts[2]), std::chrono::month(static_cast<unsigned>(parts[1])),
         std::chrono::day(static_cast<unsigned>(parts[0]))};
  if (!d.ok()) return std::nullopt;
  return d;
}

// Bytes of the apostrophe ToAsciiLatin leaves as it is at `text[i]` (the acute accent U+00B4
// and the grave accent), or 0. It maps ’ ‘ ʼ ′ and the like to '.
std::size_t ApostropheAt(std::string_view text, std::size_t i) {
  if (text[i] == '\'' || text[i] == '`') return 1;
  if (text.substr(i, 2) == "\xC2\xB4") return 2;
  return 0;
}

void AddKey(std::vector<std::string>& keys, std::string key) {
  if (key.empty() || std::find(keys.begin(), keys.end(), key) != keys.end()) return;
  keys.push_back(std::move(key));
}

}  // namespace

FoldedName FoldName(std::string_view name) {
  FoldedName folded;
  std::string ascii = ToAsciiLatin(name);
  // Each word and the parts of it between apostrophes.
  std::vector<std::vector<std::string>> words;
  bool in_word = false;
  for (std::size_t i = 0; i < ascii.size();) {
    char c = ascii[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      if (!in_word) words.emplace_back(1);
      in_word = true;
      words.back().back().push_back(c);
      ++i;
    } else if (std::size_t apostrophe = ApostropheAt(ascii, i); apostrophe > 0) {
      // Inside a word it starts a new part; before one ("'Nowak") it is dropped.
      if (in_word && !words.back().back().empty()) words.back().emplace_back();
      i += apostrophe;
    } else {
      in_word = false;
      ++i;
    }
  }
  std::string joined;
  for (auto& parts : words) {
    if (parts.back().empty()) parts.pop_back();  // "O'" ends with an apostrophe
    std::string word;
    for (const auto& part : parts) word += part;
    if (word.empty()) continue;
    joined += word;
    folded.words.push_back(word);
    AddKey(folded.keys, std::move(word));
    for (std::size_t p = 1; p < parts.size(); ++p) {
      std::string rest;
      for (std::size_t q = p; q < parts.size(); ++q) rest += parts[q];
      AddKey(folded.keys, std::move(rest));
    }
  }
  if (folded.words.size() > 1) AddKey(folded.keys, std::move(joined));
  return folded;
}

SearchQuery ParseSearchQuery(std::string_view text) {
  SearchQuery query;
  std::string trimmed = Trim(text);
  if (trimmed.empty() || trimmed.size() > 200 || !IsValidUtf8(trimmed)) return query;
  if (auto nhs = NormaliseNhsNumber(trimmed)) {
    query.nhs_number = *nhs;
    return query;
  }
  if (auto iso = ParseDate(trimmed)) {
    query.date_of_birth = *iso;
    return query;
  }
  if (auto uk = ParseUkDate(trimmed)) {
    query.date_of_birth = *uk;
    return query;
  }
  std::vector<std::string> words = FoldName(trimmed).words;
  if (words.size() > 3) words.resize(3);
  query.name_keys = std::move(words);
  return query;
}

}  // namespace harbour::children
