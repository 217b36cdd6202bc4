#include "matching/blocking.h"

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <numeric>

namespace harbour::matching {
namespace {

std::string DateKey(const PreparedRecord& r) {
  if (!r.date_of_birth) return {};
  return FormatDate(*r.date_of_birth);
}

std::string DobFamilyInitial(const PreparedRecord& r) {
  if (!r.date_of_birth || r.family.Empty()) return {};
  return DateKey(r) + r.family.whole.front();
}

std::string DobGivenInitial(const PreparedRecord& r) {
  if (!r.date_of_birth || r.given.Empty()) return {};
  return DateKey(r) + r.given.whole.front();
}

std::string FamilyBirthYear(const PreparedRecord& r) {
  if (!r.date_of_birth || r.family.Empty() || r.given.Empty()) return {};
  return r.family.whole + "|" + std::to_string(int(r.date_of_birth->year())) + "|" +
         r.given.whole.front();
}

std::string GivenSoundSector(const PreparedRecord& r) {
  if (r.given_sound.empty() || r.postcode.sector.empty()) return {};
  return r.given_sound + "|" + r.postcode.sector;
}

std::string Phone(const PreparedRecord& r) { return r.phone; }

std::string GivenGroupFamily(const PreparedRecord& r) {
  if (r.given_group.empty() || r.family.Empty()) return {};
  return r.given_group + "|" + r.family.whole;
}

// A date of birth missing, or years of birth at most one apart.
bool NearBirthYears(const PreparedRecord& a, const PreparedRecord& b) {
  if (!a.date_of_birth || !b.date_of_birth) return true;
  return std::abs(int(a.date_of_birth->year()) - int(b.date_of_birth->year())) <= 1;
}

std::string DobNamesEitherOrder(const PreparedRecord& r) {
  if (!r.date_of_birth || r.given.Empty() || r.family.Empty()) return {};
  auto [first, second] = std::minmax(r.given.whole, r.family.whole);
  return DateKey(r) + "|" + first + "|" + second;
}

// Each record's key under one rule, hashed; 0 when it has none. Records group by the hash: two
// keys that collide only add a pair, which is then scored like any other.
std::vector<std::uint64_t> HashedKeys(const std::vector<PreparedRecord>& records,
                                      const BlockingRule& rule) {
  std::vector<std::uint64_t> keys(records.size(), 0);
  std::hash<std::string> hash;
  for (std::size_t i = 0; i < records.size(); ++i) {
    std::string key = rule.key(records[i]);
    if (!key.empty()) keys[i] = std::max<std::uint64_t>(1, hash(key));
  }
  return keys;
}

}  // namespace

const std::vector<BlockingRule>& BlockingRules() {
  constexpr std::uint8_t kDob = FieldBit(Field::kDateOfBirth);
  constexpr std::uint8_t kGiven = FieldBit(Field::kGivenName);
  constexpr std::uint8_t kFamily = FieldBit(Field::kFamilyName);
  static const std::vector<BlockingRule> kRules = {
      {"dob_family_initial", "Date of birth and the family name's first letter", DobFamilyInitial,
       std::uint8_t(kDob | kFamily), true},
      {"dob_given_initial", "Date of birth and the given name's first letter", DobGivenInitial,
       std::uint8_t(kDob | kGiven), true},
      {"family_birth_year", "Family name, year of birth and the given name's first letter",
       FamilyBirthYear, kFamily, false},
      {"given_sound_sector", "Given name's Soundex and the postcode's sector", GivenSoundSector,
       std::uint8_t(kGiven | FieldBit(Field::kPostcode)), false},
      {"phone", "Phone number", Phone, FieldBit(Field::kPhone), false},
      {"given_group_family",
       "Given name or a known variant, and the family name, with no date of birth or years of "
       "birth at most one apart",
       GivenGroupFamily, std::uint8_t(kGiven | kFamily), true, NearBirthYears},
      {"dob_names_either_order", "Date of birth and both names, in either order",
       DobNamesEitherOrder, std::uint8_t(kDob | kGiven | kFamily), false},
  };
  return kRules;
}

std::vector<CandidatePair> CandidatePairs(const std::vector<PreparedRecord>& records) {
  const auto& rules = BlockingRules();
  std::vector<std::vector<std::uint64_t>> keys;
  keys.reserve(rules.size());
  for (const auto& rule : rules) keys.push_back(HashedKeys(records, rule));
  auto keeps = [&](std::size_t rule, std::uint32_t a, std::uint32_t b) {
    if (keys[rule][a] == 0 || keys[rule][a] != keys[rule][b]) return false;
    return rules[rule].admits == nullptr || rules[rule].admits(records[a], records[b]);
  };
  // Whether an earlier rule than `rule` keeps the pair (and so has produced it already).
  auto kept_earlier = [&](std::size_t rule, std::uint32_t a, std::uint32_t b) {
    for (std::size_t q = 0; q < rule; ++q) {
      if (keeps(q, a, b)) return true;
    }
    return false;
  };
  std::vector<CandidatePair> pairs;
  std::vector<std::uint32_t> order(records.size());
  for (std::size_t r = 0; r < rules.size(); ++r) {
    const auto& key = keys[r];
    std::iota(order.begin(), order.end(), 0u);
    std::sort(order.begin(), order.end(), [&](std::uint32_t x, std::uint32_t y) {
      return key[x] != key[y] ? key[x] < key[y] : x < y;
    });
    for (std::size_t start = 0; start < order.size();) {
      std::size_t end = start + 1;
      while (end < order.size() && key[order[end]] == key[order[start]]) ++end;
      if (key[order[start]] != 0) {
        for (std::size_t i = start; i < end; ++i) {
          for (std::size_t j = i + 1; j < end; ++j) {
            std::uint32_t a = order[i], b = order[j];  // a < b: ties sort by index
            if (!keeps(r, a, b) || kept_earlier(r, a, b)) continue;
            std::uint8_t every = 0;
            for (std::size_t q = r; q < rules.size(); ++q) {
              if (keeps(q, a, b)) every |= std::uint8_t(1u << q);
            }
            pairs.push_back({a, b, std::uint8_t(r), every});
          }
        }
      }
      start = end;
    }
  }
  return pairs;
}

}  // namespace harbour::matching
