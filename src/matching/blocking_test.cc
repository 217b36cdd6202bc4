// Blocking: every pair any one rule keeps is produced, once, attributed to the first rule that
// keeps it; records without a rule's key are kept out of its pairs.
#include "matching/blocking.h"

#include <gtest/gtest.h>

#include <random>
#include <set>

namespace harbour::matching {
namespace {

TEST(CandidatePairs, AreTheUnionOfTheRulesEachOnce) {
  auto variants = *NameVariants::Parse("katherine, kate\n");
  std::mt19937_64 random(5);
  const char* given[] = {"Kate", "Katherine", "Amy", "Wei", "Zhang", "Olu"};
  const char* family[] = {"Smith", "Zhang", "Wei", "Adeyemi", "Smyth"};
  const char* dobs[] = {"2011-07-03", "2011-03-07", "2012-07-03", "2015-07-03", ""};
  const char* postcodes[] = {"HB4 7QT", "HB4 7AA", "HB11 2AA", ""};
  const char* phones[] = {"07700 900123", "", "", "07700 900999"};
  std::vector<PreparedRecord> records;
  for (int i = 0; i < 300; ++i) {
    MatchRecord r{.id = std::to_string(i),
                  .agency = "",
                  .given_name = given[random() % 6],
                  .family_name = family[random() % 5],
                  .date_of_birth = std::nullopt,
                  .sex = "",
                  .postcode = postcodes[random() % 4],
                  .phone = phones[random() % 4]};
    if (std::string d = dobs[random() % 5]; !d.empty()) r.date_of_birth = *ParseDate(d);
    records.push_back(Prepare(r, variants));
  }
  auto pairs = CandidatePairs(records);
  std::set<std::pair<std::uint32_t, std::uint32_t>> got;
  for (const auto& p : pairs) {
    ASSERT_LT(p.a, p.b);
    EXPECT_TRUE(got.insert({p.a, p.b}).second) << "pair produced twice";
  }
  const auto& rules = BlockingRules();
  std::size_t kept = 0;
  for (std::uint32_t a = 0; a < records.size(); ++a) {
    for (std::uint32_t b = a + 1; b < records.size(); ++b) {
      std::size_t first = rules.size();
      for (std::size_t r = 0; r < rules.size() && first == rules.size(); ++r) {
        std::string key = rules[r].key(records[a]);
        bool admitted = rules[r].admits == nullptr || rules[r].admits(records[a], records[b]);
        if (!key.empty() && key == rules[r].key(records[b]) && admitted) first = r;
      }
      if (first == rules.size()) continue;
      ++kept;
      EXPECT_TRUE(got.contains({a, b})) << "lost a pair rule " << rules[first].id << " keeps";
    }
  }
  EXPECT_EQ(pairs.size(), kept);
  for (const auto& p : pairs) {  // attributed to the first rule that keeps it, with every rule
    for (std::size_t r = 0; r < rules.size(); ++r) {
      std::string key = rules[r].key(records[p.a]);
      bool keeps = !key.empty() && key == rules[r].key(records[p.b]) &&
                   (rules[r].admits == nullptr || rules[r].admits(records[p.a], records[p.b]));
      if (r < p.rule) {
        EXPECT_FALSE(keeps);
      }
      if (r == p.rule) {
        EXPECT_TRUE(keeps);
      }
      EXPECT_EQ((p.rules & (1u << r)) != 0, keeps) << rules[r].id;
    }
  }
}

}  // namespace
}  // namespace harbour::matching
