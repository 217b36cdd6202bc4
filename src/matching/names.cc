#include "matching/names.h"

#include <algorithm>
#include <array>

#include "common/text.h"

namespace harbour::matching {
namespace {

constexpr std::size_t kMaxLineBytes = 2000;
constexpr std::size_t kMaxGroups = 20000;

bool IsAscii(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return (c & 0x80) == 0; });
}

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
bool IsWordCharacter(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

std::unexpected<Error> BadLine(std::size_t line, std::string why) {
  return Fail(ErrorKind::kInvalid, "invalid_name_variants",
              "Line " + std::to_string(line) + " of the name variants " + why,
              {{"line " + std::to_string(line), why}});
}

// The Soundex digit of a lower-case letter, '0' for vowels and y, and ' ' for h and w (which do
// not separate letters of the same code).
char SoundexCode(char c) {
  static constexpr std::array<char, 26> kCodes = {'0', '1', '2', '3', '0', '1', '2', ' ', '0',
                                                  '2', '2', '4', '5', '5', '0', '1', '2', '6',
                                                  '2', '3', '0', '1', ' ', '2', '0', '2'};
  return kCodes[static_cast<std::size_t>(c - 'a')];
}

}  // namespace

FoldedWords FoldWords(std::string_view name) {
  FoldedWords folded;
  std::string ascii = IsAscii(name) ? std::string(name) : ToAsciiLatin(name);
  std::string word;
  auto end_word = [&] {
    if (word.empty()) return;
    folded.whole += word;
    folded.words.push_back(std::move(word));
    word.clear();
  };
  for (char raw : ascii) {
    char c = Lower(raw);
    if (IsWordCharacter(c)) {
      word.push_back(c);
    } else if (c != '\'' && c != '`') {  // an apostrophe joins: "O'Brien" is one word
      end_word();
    }
  }
  end_word();
  return folded;
}

Result<NameVariants> NameVariants::Parse(std::string_view text) {
  NameVariants variants;
  std::size_t line = 0;
  while (!text.empty()) {
    ++line;
    std::size_t end = text.find('\n');
    std::string_view raw = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    if (raw.size() > kMaxLineBytes) return BadLine(line, "is longer than 2,000 bytes.");
    if (!IsValidUtf8(raw)) return BadLine(line, "is not valid UTF-8.");
    raw = raw.substr(0, raw.find('#'));
    std::vector<std::string> names;
    std::size_t start = 0;
    while (start <= raw.size()) {
      std::size_t comma = std::min(raw.find(',', start), raw.size());
      std::string folded = FoldWords(raw.substr(start, comma - start)).whole;
      if (!folded.empty() && std::find(names.begin(), names.end(), folded) == names.end()) {
        names.push_back(std::move(folded));
      }
      start = comma + 1;
    }
    if (names.empty()) continue;  // a blank or comment line
    if (names.size() < 2) return BadLine(line, "has only one name: a group needs two or more.");
    if (variants.group_count_ == kMaxGroups) return BadLine(line, "is past 20,000 groups.");
    auto group = static_cast<std::uint32_t>(variants.group_count_++);
    variants.first_name_of_group_.push_back(names.front());
    for (auto& name : names) variants.groups_of_[std::move(name)].push_back(group);
  }
  return variants;
}

bool NameVariants::AreVariants(std::string_view a, std::string_view b) const {
  auto of_a = groups_of_.find(std::string(a));
  if (of_a == groups_of_.end()) return false;
  auto of_b = groups_of_.find(std::string(b));
  if (of_b == groups_of_.end()) return false;
  for (auto group : of_a->second) {
    if (std::find(of_b->second.begin(), of_b->second.end(), group) != of_b->second.end()) {
      return true;
    }
  }
  return false;
}

std::string NameVariants::GroupKey(std::string_view name) const {
  auto it = groups_of_.find(std::string(name));
  if (it == groups_of_.end()) return std::string(name);
  return first_name_of_group_[it->second.front()];
}

std::string Soundex(std::string_view word) {
  std::string code;
  char last = ' ';
  for (char c : word) {
    if (c < 'a' || c > 'z') continue;
    char digit = SoundexCode(c);
    if (code.empty()) {
      code.push_back(static_cast<char>(c - 'a' + 'A'));
      last = digit;
      continue;
    }
    if (digit == ' ') continue;  // h, w: the letters either side count as adjacent
    if (digit != '0' && digit != last) code.push_back(digit);
    last = digit;
    if (code.size() == 4) break;
  }
  if (!code.empty()) code.resize(4, '0');
  return code;
}

double JaroWinkler(std::string_view a, std::string_view b) {
  if (a == b) return 1.0;
  if (a.empty() || b.empty()) return 0.0;
  const std::size_t window = std::max<std::size_t>(std::max(a.size(), b.size()) / 2, 1) - 1;
  std::vector<bool> a_matched(a.size(), false), b_matched(b.size(), false);
  std::size_t matches = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    std::size_t from = i > window ? i - window : 0;
    std::size_t to = std::min(b.size(), i + window + 1);
    for (std::size_t j = from; j < to; ++j) {
      if (b_matched[j] || a[i] != b[j]) continue;
      a_matched[i] = b_matched[j] = true;
      ++matches;
      break;
    }
  }
  if (matches == 0) return 0.0;
  std::size_t transpositions = 0;
  for (std::size_t i = 0, j = 0; i < a.size(); ++i) {
    if (!a_matched[i]) continue;
    while (!b_matched[j]) ++j;
    if (a[i] != b[j]) ++transpositions;
    ++j;
  }
  const double m = double(matches);
  const double jaro =
      (m / double(a.size()) + m / double(b.size()) + (m - double(transpositions) / 2.0) / m) / 3.0;
  std::size_t prefix = 0;
  while (prefix < 4 && prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  return jaro + double(prefix) * 0.1 * (1.0 - jaro);
}

}  // namespace harbour::matching
