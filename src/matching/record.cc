#include "matching/record.h"

#include "common/phone.h"

namespace harbour::matching {
namespace {

bool IsLetter(char c) { return c >= 'A' && c <= 'Z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// The inward code "9XX": a digit and two letters.
bool IsInward(std::string_view text) {
  return text.size() == 3 && IsDigit(text[0]) && IsLetter(text[1]) && IsLetter(text[2]);
}

// An outward code: a letter, then 1-3 letters or digits, at least one a digit ("HB4", "EC1A").
bool IsOutward(std::string_view text) {
  if (text.size() < 2 || text.size() > 4 || !IsLetter(text[0])) return false;
  bool digit = false;
  for (char c : text.substr(1)) {
    if (!IsLetter(c) && !IsDigit(c)) return false;
    digit = digit || IsDigit(c);
  }
  return digit;
}

}  // namespace

PostcodeParts SplitPostcode(std::string_view text) {
  std::string compact;
  for (char c : text) {
    if (c == ' ' || c == '\t') continue;
    compact.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
  }
  if (compact.size() < 5 || compact.size() > 7) return {};
  std::string_view inward = std::string_view(compact).substr(compact.size() - 3);
  std::string_view outward = std::string_view(compact).substr(0, compact.size() - 3);
  if (!IsInward(inward) || !IsOutward(outward)) return {};
  std::string out(outward);
  return {.unit = out + " " + std::string(inward), .sector = out + " " + inward[0], .outward = out};
}

PreparedRecord Prepare(const MatchRecord& record, const NameVariants& variants) {
  PreparedRecord p;
  p.given = FoldWords(record.given_name);
  p.family = FoldWords(record.family_name);
  if (!p.given.Empty()) {
    p.given_group = variants.GroupKey(p.given.words.front());
    p.given_sound = Soundex(p.given.words.front());
  }
  p.date_of_birth = record.date_of_birth;
  p.sex = record.sex;
  p.postcode = SplitPostcode(record.postcode);
  if (!record.phone.empty()) {
    if (auto phone = NormalisePhone(record.phone); phone) p.phone = phone->e164;
  }
  return p;
}

}  // namespace harbour::matching
