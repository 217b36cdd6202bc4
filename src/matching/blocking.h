#pragma once
// Which pairs of records are compared at all (issue 13; docs/matching.md, "Blocking"): the pairs
// that agree on the key of at least one rule (and that the rule admits). Each pair is produced
// once, by the first rule that keeps it, so the union of the rules loses no pair any one rule would
// keep. Pure.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "matching/compare.h"
#include "matching/record.h"

namespace harbour::matching {

struct BlockingRule {
  std::string_view id;     // "dob_family_initial"
  std::string_view label;  // "Date of birth and the family name's first letter"
  // The record's key under the rule; "" keeps the record out of the rule's pairs.
  std::string (*key)(const PreparedRecord& record);
  // The fields its pairs agree on by construction, or nearly (bit 1 << Field): training leaves
  // them out of the rule's EM session.
  std::uint8_t agreed_fields = 0;
  // Whether training runs an EM session on the pairs it keeps. Only rules whose pairs are
  // mostly the same person train: among the pairs of a broad rule (a family name and a birth
  // year) matches are a fraction of a percent, and EM there settles on households instead.
  bool trains = false;
  // Which of the pairs that share a key the rule keeps; null keeps them all.
  bool (*admits)(const PreparedRecord& a, const PreparedRecord& b) = nullptr;
};

constexpr std::uint8_t FieldBit(Field field) { return std::uint8_t(1u << std::size_t(field)); }

// The rules, in the order they are tried: the date of birth with a name's first letter (either
// way round), the family name with the birth year, the first given name's Soundex with the
// postcode sector, the phone, the given name's variant group with the family name when a date of
// birth is missing or the years of birth are at most one apart, and the date of birth with both
// names in either order (swapped names).
const std::vector<BlockingRule>& BlockingRules();

struct CandidatePair {
  std::uint32_t a = 0, b = 0;  // indices of the records, a < b
  std::uint8_t rule = 0;       // the first rule that keeps the pair
  std::uint8_t rules = 0;      // every rule that keeps it (bit 1 << rule)
};

// Every pair some rule keeps, once each.
std::vector<CandidatePair> CandidatePairs(const std::vector<PreparedRecord>& records);

}  // namespace harbour::matching
