#include "matching/compare.h"

#include <algorithm>
#include <cstdlib>

namespace harbour::matching {
namespace {

bool NamesSwapped(const PreparedRecord& a, const PreparedRecord& b) {
  return !a.given.Empty() && !a.family.Empty() && a.given.whole != a.family.whole &&
         a.given.whole == b.family.whole && a.family.whole == b.given.whole;
}

bool SharesAWord(const FoldedWords& a, const FoldedWords& b) {
  return std::any_of(a.words.begin(), a.words.end(), [&](const std::string& w) {
    return w.size() > 1 && std::find(b.words.begin(), b.words.end(), w) != b.words.end();
  });
}

// Whether one name is the other shortened from either end, keeping at least three letters:
// "Alex" / "Alexander", "Bella" / "Isabella", "Femi" / "Oluwafemi".
bool Shortened(std::string_view a, std::string_view b) {
  if (a.size() > b.size()) std::swap(a, b);
  return a.size() >= 3 && a.size() < b.size() && (b.starts_with(a) || b.ends_with(a));
}

// The first letter's sound, for Soundex codes that differ only in it: "Ciaran" / "Kieran",
// "Caitlin" / "Katelyn", "Zara" / "Sara".
char FirstSound(char letter) {
  switch (letter) {
    case 'K':
    case 'Q':
      return 'C';
    case 'Z':
      return 'S';
    case 'Y':
      return 'I';
    default:
      return letter;
  }
}

bool SoundAlike(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return false;
  return FirstSound(a.front()) == FirstSound(b.front()) && a.substr(1) == b.substr(1);
}

std::uint8_t GivenLevel(const PreparedRecord& a, const PreparedRecord& b,
                        const NameVariants& variants) {
  using namespace level;
  if (a.given.Empty() || b.given.Empty()) return kMissing;
  if (a.given.whole == b.given.whole) return kGivenExact;
  if (NamesSwapped(a, b)) return kGivenSwapped;
  if (SharesAWord(a.given, b.given)) return kGivenWordInCommon;  // "Mohammed Ali" / "Ali"
  const std::string& x = a.given.words.front();
  const std::string& y = b.given.words.front();
  if (x.size() == 1 || y.size() == 1) {
    return x.front() == y.front() ? kGivenInitial : kGivenDifferent;
  }
  if (variants.AreVariants(x, y)) return kGivenVariant;
  if (Shortened(x, y)) return kGivenShortened;
  double similarity = std::max(JaroWinkler(x, y), JaroWinkler(a.given.whole, b.given.whole));
  if (similarity >= kCloseName) return kGivenClose;
  if (similarity >= kSimilarName) return kGivenSimilar;
  if (SoundAlike(a.given_sound, b.given_sound)) return kGivenSoundsAlike;
  return kGivenDifferent;
}

std::uint8_t FamilyLevel(const PreparedRecord& a, const PreparedRecord& b) {
  using namespace level;
  if (a.family.Empty() || b.family.Empty()) return kMissing;
  if (a.family.whole == b.family.whole) return kFamilyExact;
  if (NamesSwapped(a, b)) return kFamilySwapped;
  if ((a.family.words.size() > 1 || b.family.words.size() > 1) && SharesAWord(a.family, b.family)) {
    return kFamilyPart;  // "Smith-Jones" / "Jones"
  }
  double similarity = JaroWinkler(a.family.whole, b.family.whole);
  if (similarity >= kCloseName) return kFamilyClose;
  if (similarity >= kSimilarName) return kFamilySimilar;
  return kFamilyDifferent;
}

// The date as eight digits, yyyymmdd.
std::array<char, 8> Digits(const Date& d) {
  std::array<char, 8> out{};
  int year = int(d.year());
  unsigned month = unsigned(d.month()), day = unsigned(d.day());
  int values[] = {year / 1000 % 10, year / 100 % 10, year / 10 % 10, year % 10,
                  int(month / 10),  int(month % 10), int(day / 10),  int(day % 10)};
  for (std::size_t i = 0; i < out.size(); ++i) out[i] = static_cast<char>('0' + values[i]);
  return out;
}

std::uint8_t DateOfBirthLevel(const PreparedRecord& a, const PreparedRecord& b) {
  using namespace level;
  if (!a.date_of_birth || !b.date_of_birth) return kMissing;
  const Date& x = *a.date_of_birth;
  const Date& y = *b.date_of_birth;
  if (x == y) return kDobExact;
  if (x.year() == y.year() && unsigned(x.day()) == unsigned(y.month()) &&
      unsigned(x.month()) == unsigned(y.day())) {
    return kDobDayMonthSwapped;
  }
  auto dx = Digits(x), dy = Digits(y);
  std::size_t differing = 0;
  for (std::size_t i = 0; i < dx.size(); ++i) differing += dx[i] != dy[i];
  if (differing == 1) return kDobOneDigit;
  if (x.month() == y.month() && x.day() == y.day() &&
      std::abs(int(x.year()) - int(y.year())) == 1) {
    return kDobYearOffByOne;
  }
  return kDobDifferent;
}

std::uint8_t SameOrNot(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return level::kMissing;
  return a == b ? level::kSame : level::kDifferent;
}

std::uint8_t PostcodeLevel(const PreparedRecord& a, const PreparedRecord& b) {
  using namespace level;
  if (a.postcode.unit.empty() || b.postcode.unit.empty()) return kMissing;
  if (a.postcode.unit == b.postcode.unit) return kPostcodeExact;
  if (a.postcode.sector == b.postcode.sector) return kPostcodeSector;
  if (a.postcode.outward == b.postcode.outward) return kPostcodeOutward;
  return kPostcodeDifferent;
}

}  // namespace

const std::array<FieldSpec, kFieldCount>& Fields() {
  static const std::array<FieldSpec, kFieldCount> kFields = {
      FieldSpec{"given_name",
                "Given name",
                {"missing", "exact", "swapped with the family name", "a given name in common",
                 "known variant", "shortened", "very close spelling", "similar spelling",
                 "sounds alike", "initial only", "different"}},
      FieldSpec{"family_name",
                "Family name",
                {"missing", "exact", "swapped with the given name", "a part in common",
                 "very close spelling", "similar spelling", "different"}},
      FieldSpec{"date_of_birth",
                "Date of birth",
                {"missing", "exact", "day and month swapped", "one digit different",
                 "year off by one", "different"}},
      FieldSpec{"sex", "Sex", {"missing", "same", "different"}},
      FieldSpec{"postcode",
                "Postcode",
                {"missing", "exact", "same sector", "same outward code", "different"}},
      FieldSpec{"phone", "Phone", {"missing", "same", "different"}},
  };
  return kFields;
}

Levels Compare(const PreparedRecord& a, const PreparedRecord& b, const NameVariants& variants) {
  Levels levels{};
  levels[std::size_t(Field::kGivenName)] = GivenLevel(a, b, variants);
  levels[std::size_t(Field::kFamilyName)] = FamilyLevel(a, b);
  levels[std::size_t(Field::kDateOfBirth)] = DateOfBirthLevel(a, b);
  levels[std::size_t(Field::kSex)] = SameOrNot(a.sex, b.sex);
  levels[std::size_t(Field::kPostcode)] = PostcodeLevel(a, b);
  levels[std::size_t(Field::kPhone)] = SameOrNot(a.phone, b.phone);
  return levels;
}

}  // namespace harbour::matching
