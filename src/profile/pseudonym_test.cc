#include "profile/pseudonym.h"

#include <gtest/gtest.h>

#include <set>

namespace harbour::profile {
namespace {

const std::string kKey(kPseudonymKeyBytes, 'k');

TEST(Pseudonym, IsStableWithinAProjectAndDiffersAcrossProjectsAnalystsAndKeys) {
  std::string a = Pseudonym(kKey, "analyst-1", "boys unseen", "child-1");
  EXPECT_EQ(a.size(), 20u);
  EXPECT_EQ(a, Pseudonym(kKey, "analyst-1", "boys unseen", "child-1"));
  EXPECT_NE(a, Pseudonym(kKey, "analyst-1", "boys unseen", "child-2"));
  EXPECT_NE(a, Pseudonym(kKey, "analyst-1", "another project", "child-1"));
  EXPECT_NE(a, Pseudonym(kKey, "analyst-2", "boys unseen", "child-1"));
  EXPECT_NE(a,
            Pseudonym(std::string(kPseudonymKeyBytes, 'j'), "analyst-1", "boys unseen", "child-1"));
  // The separator keeps the parts apart: ("ab", "c") is not ("a", "bc").
  EXPECT_NE(Pseudonym(kKey, "ab", "c", "x"), Pseudonym(kKey, "a", "bc", "x"));
  EXPECT_THROW(Pseudonym("short", "a", "p", "c"), std::invalid_argument);
}

TEST(ValidateProject, TrimsAndRefusesWhatCannotNameAProject) {
  EXPECT_EQ(*ValidateProject("  Boys unseen 2026  "), "Boys unseen 2026");
  const std::vector<std::string> bad_names = {"",         "   ", "a/b",
                                              "<script>", "é",   std::string(61, 'a')};
  for (const std::string& bad : bad_names) {
    auto p = ValidateProject(bad);
    ASSERT_FALSE(p) << bad;
    EXPECT_TRUE(p.error().fields.contains("project"));
  }
}

TEST(PseudonymisedRows, HoldCodesOnlyAndNoIdentifier) {
  ChildFacts c;
  c.child_id = "0123456789abcdef0123456789abcdef";
  c.age = 14;
  c.sex = "female";
  c.ethnicity = "not_known";
  c.legal_status = "looked_after_s20";
  c.placing_authority = "Elsewhere Council";
  c.school = "Harbourside Academy";
  c.tool_level = "serious_risk";
  c.categories = {"sexual_exploitation", "online_harm"};
  c.first_agency = "a1";
  Labels labels;
  labels.agencies = {{"a1", "Harbourside Police"}};
  auto rows = PseudonymisedRows({c}, labels, kKey, "analyst-1", "p");
  ASSERT_EQ(rows.size(), 1u);
  ASSERT_EQ(rows[0].size(), PseudonymisedHeader().size());
  EXPECT_EQ(rows[0][0], Pseudonym(kKey, "analyst-1", "p", c.child_id));
  EXPECT_EQ(rows[0][1], "14_15");
  EXPECT_EQ(rows[0][3], "not_recorded");
  EXPECT_EQ(rows[0][5], "yes");
  EXPECT_EQ(rows[0][6], "yes");
  EXPECT_EQ(rows[0][11], "sexual_exploitation;online_harm");
  EXPECT_EQ(rows[0][15], "Harbourside Police");
  for (const auto& cell : rows[0]) {
    EXPECT_EQ(cell.find(c.child_id), std::string::npos);
    EXPECT_EQ(cell.find("Elsewhere"), std::string::npos) << "the authority's name is free text";
    EXPECT_EQ(cell.find("Academy"), std::string::npos) << "the school's name is not shown";
  }
}

}  // namespace
}  // namespace harbour::profile
