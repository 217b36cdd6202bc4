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
  return Preparer(variants)(record);
}

const FoldedWords& Preparer::Folded(const std::string& name) {
  auto it = names_.find(name);
  if (it == names_.end()) it = names_.emplace(name, FoldWords(name)).first;
  return it->second;
}

namespace {

// The number's digits, with "+" in front when it has one, when the text is only digits and the
// spaces, hyphens, dots and brackets libphonenumber ignores; else the text itself. Two texts
// with the same key read as the same number, so a number is read once however it is spaced.
std::string PhoneKey(std::string_view text) {
  std::string key;
  for (char c : text) {
    bool kept = (c >= '0' && c <= '9') || (c == '+' && key.empty());
    if (kept) {
      key.push_back(c);
    } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')') {
      return std::string(text);
    }
  }
  return key;
}

}  // namespace

const std::string& Preparer::E164(const std::string& phone) {
  std::string key = PhoneKey(phone);
  auto it = phones_.find(key);
  if (it == phones_.end()) {
    std::string e164;
    if (auto normalised = NormalisePhone(key); normalised) e164 = normalised->e164;
    it = phones_.emplace(std::move(key), std::move(e164)).first;
  }
  return it->second;
}

PreparedRecord Preparer::operator()(const MatchRecord& record) {
  PreparedRecord p;
  p.given = Folded(record.given_name);
  p.family = Folded(record.family_name);
  if (!p.given.Empty()) {
    const std::string& first = p.given.words.front();
    auto it = given_keys_.find(first);
    if (it == given_keys_.end()) {
      it = given_keys_.emplace(first, GivenKeys{variants_.GroupKey(first), Soundex(first)}).first;
    }
    p.given_group = it->second.group;
    p.given_sound = it->second.sound;
  }
  p.date_of_birth = record.date_of_birth;
  p.sex = record.sex;
  p.postcode = SplitPostcode(record.postcode);
  if (!record.phone.empty()) p.phone = E164(record.phone);
  return p;
}

}  // namespace harbour::matching
