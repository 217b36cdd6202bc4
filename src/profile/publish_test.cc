#include "profile/publish.h"

#include <gtest/gtest.h>

#include "profile/suppression.h"

namespace harbour::profile {
namespace {

Breakdown Exclusive(const std::vector<std::pair<std::string, long>>& rows) {
  Breakdown b;
  b.id = "sex";
  b.title = "Children identified by sex";
  b.counting = "children";
  b.exclusive = true;
  for (auto& [code, count] : rows) {
    b.rows.push_back({.code = code, .label = code, .count = count, .child_ids = {}});
    b.total += count;
  }
  return b;
}

const ShownRow& RowOf(const ShownBreakdown& b, std::string_view code) {
  for (const auto& r : b.rows) {
    if (r.code == code) return r;
  }
  static ShownRow none;
  ADD_FAILURE() << "no row " << code;
  return none;
}

TEST(Show, ASmallCountIsCAndSoIsTheNextSmallestSoThatTheTotalCannotGiveItAway) {
  Breakdown b = Exclusive({{"female", 40}, {"male", 3}, {"not_recorded", 17}});
  ShownBreakdown shown = Show(b, nullptr, Labels{}, Release::kPublished);
  EXPECT_FALSE(RowOf(shown, "male").count);
  EXPECT_FALSE(RowOf(shown, "not_recorded").count) << "secondary suppression";
  EXPECT_EQ(RowOf(shown, "female").count, 40);
  EXPECT_EQ(shown.total, 60);
  EXPECT_TRUE(RowOf(shown, "male").percent_suppressed);
  EXPECT_FALSE(RowOf(shown, "male").percent);
  EXPECT_NEAR(*RowOf(shown, "female").percent, 66.67, 0.01);
  EXPECT_TRUE(RowOf(shown, "not_recorded").not_recorded);
}

TEST(Show, TheInternalViewIsExact) {
  Breakdown b = Exclusive({{"female", 40}, {"male", 3}, {"not_recorded", 17}});
  ShownBreakdown shown = Show(b, nullptr, Labels{}, Release::kInternal);
  EXPECT_EQ(RowOf(shown, "male").count, 3);
  EXPECT_EQ(RowOf(shown, "not_recorded").count, 17);
  EXPECT_FALSE(RowOf(shown, "male").percent_suppressed);
}

TEST(Show, ThePeriodBeforeIsMatchedByCodeAndSuppressedOnItsOwn) {
  Breakdown now = Exclusive({{"female", 40}, {"male", 30}, {"not_recorded", 0}});
  Breakdown before = Exclusive({{"male", 2}, {"female", 50}});
  ShownBreakdown shown = Show(now, &before, Labels{}, Release::kPublished);
  EXPECT_EQ(RowOf(shown, "male").count, 30);
  EXPECT_FALSE(RowOf(shown, "male").previous);
  EXPECT_EQ(RowOf(shown, "not_recorded").previous, 0) << "a row missing before counts 0";
  // Two rows and one is c: the other would give it away through the total of 52.
  EXPECT_FALSE(RowOf(shown, "female").previous.has_value() && shown.previous_total.has_value());
}

TEST(Show, RowsOfANonExclusiveBreakdownAreSuppressedOneByOne) {
  Breakdown b = Exclusive({{"sexual_exploitation", 30}, {"online_harm", 4}, {"other", 0}});
  b.exclusive = false;
  b.total = 31;  // children, some counted twice
  ShownBreakdown shown = Show(b, nullptr, Labels{}, Release::kPublished);
  EXPECT_EQ(RowOf(shown, "sexual_exploitation").count, 30);
  EXPECT_FALSE(RowOf(shown, "online_harm").count);
  EXPECT_EQ(RowOf(shown, "other").count, 0);
  EXPECT_EQ(shown.total, 31);
}

TEST(Show, CompletenessIsATableOfAgenciesSuppressedLikeAnyOther) {
  Breakdown b = Exclusive({{"female", 40}, {"not_recorded", 20}});
  b.completeness = {{"a-police", 30, 28}, {"a-school", 30, 12}};
  Labels labels;
  labels.agencies = {{"a-police", "Harbour Police"}};
  ShownBreakdown shown = Show(b, nullptr, labels, Release::kPublished);
  ASSERT_EQ(shown.completeness.size(), 2u);
  EXPECT_EQ(shown.completeness[0].agency, "Harbour Police");
  EXPECT_EQ(shown.completeness[1].agency, "a-school") << "an unnamed agency shows its id";
  // Police left 2 blank: in a table of two agencies by recorded / not recorded, with every
  // total shown, only the whole square of four cells protects that 2.
  EXPECT_FALSE(shown.completeness[0].recorded);
  EXPECT_FALSE(shown.completeness[0].percent);
  EXPECT_FALSE(shown.completeness[1].recorded);
  EXPECT_EQ(shown.completeness[0].counted, 30) << "the agencies' totals stay shown";
  EXPECT_EQ(shown.completeness[1].counted, 30);
  b.completeness.push_back({"a-health", 30, 20});
  ShownBreakdown three = Show(b, nullptr, labels, Release::kPublished);
  // One other agency's row closes the square; the third agency's figures stay shown.
  EXPECT_NE(three.completeness[1].recorded.has_value(), three.completeness[2].recorded.has_value())
      << "exactly one of the other two agencies is suppressed with the police";
}

TEST(Show, NoPublishedValueIsASmallNumber) {
  for (long a = 0; a < 9; ++a) {
    for (long c = 0; c < 9; ++c) {
      Breakdown b = Exclusive({{"x", a}, {"y", 7}, {"z", c}});
      ShownBreakdown shown = Show(b, nullptr, Labels{}, Release::kPublished);
      for (const auto& r : shown.rows) {
        if (r.count) {
          EXPECT_FALSE(*r.count >= 1 && *r.count <= 5) << a << "," << c;
        }
      }
      if (shown.total) {
        EXPECT_FALSE(*shown.total >= 1 && *shown.total <= 5);
      }
    }
  }
}

// The first half-year's table after its first quarter's was published: without the earlier
// release, "female" 43 beside the published 40 would tell that 3 girls were identified in the
// second quarter.
TEST(Show, AgainstAnEarlierContainedReleaseACountThatGrewByOneToFiveIsSuppressed) {
  Breakdown q1 = Exclusive({{"female", 40}, {"male", 30}, {"not_recorded", 20}});
  EarlierRelease published = PublishedCells({Show(q1, nullptr, Labels{}, Release::kPublished)});
  ASSERT_EQ(published.at("sex").rows.at("female"), 40);
  ASSERT_EQ(published.at("sex").total, 90);

  Breakdown h1 = Exclusive({{"female", 43}, {"male", 50}, {"not_recorded", 40}});
  ShownBreakdown alone = Show(h1, nullptr, Labels{}, Release::kPublished);
  EXPECT_EQ(RowOf(alone, "female").count, 43) << "on its own, 43 is publishable";

  std::vector<ShownBreakdown> against =
      ShowAll({h1}, {}, Labels{}, Release::kPublished, &published);
  ASSERT_EQ(against.size(), 1U);
  EXPECT_FALSE(RowOf(against[0], "female").count) << "43 - 40 = 3 girls in the second quarter";
  // And a second value goes with it, so that the total cannot give the first away.
  int suppressed = 0;
  for (const auto& r : against[0].rows) suppressed += r.count ? 0 : 1;
  EXPECT_GE(suppressed + (against[0].total ? 0 : 1), 2);
  for (const auto& r : against[0].rows) {
    if (!r.count) continue;
    long was = *published.at("sex").rows.at(r.code);
    EXPECT_FALSE(*r.count - was >= 1 && *r.count - was <= 5) << r.code;
  }
}

TEST(Show, AgainstAnEarlierReleaseANonExclusiveRowIsCheckedAlone) {
  Breakdown h1 = Exclusive({{"online", 12}, {"gang", 30}});
  h1.id = "exploitation_element";
  h1.exclusive = false;
  EarlierRelease earlier;
  earlier["exploitation_element"] = {.rows = {{"online", 10}, {"gang", 30}}, .total = 40};
  auto shown = ShowAll({h1}, {}, Labels{}, Release::kPublished, &earlier);
  EXPECT_FALSE(RowOf(shown[0], "online").count) << "12 - 10 = 2";
  EXPECT_EQ(RowOf(shown[0], "gang").count, 30) << "no change is nothing to hide";
  EXPECT_FALSE(shown[0].total) << "42 - 40 = 2";
  // A row the earlier release did not have counts as a shown 0: 4 would be 4 new.
  earlier["exploitation_element"].rows.erase("online");
  shown = ShowAll({h1}, {}, Labels{}, Release::kPublished, &earlier);
  EXPECT_EQ(RowOf(shown[0], "online").count, 12);
}

TEST(Show, TheInternalViewIgnoresAnEarlierRelease) {
  Breakdown h1 = Exclusive({{"female", 43}, {"male", 50}});
  EarlierRelease earlier;
  earlier["sex"] = {.rows = {{"female", 40}, {"male", 50}}, .total = 90};
  auto shown = ShowAll({h1}, {}, Labels{}, Release::kInternal, &earlier);
  EXPECT_EQ(RowOf(shown[0], "female").count, 43);
}

TEST(CountText, IsCOrTheNumber) {
  EXPECT_EQ(CountText(std::nullopt), "c");
  EXPECT_EQ(CountText(0), "0");
  EXPECT_EQ(CountText(1234), "1234");
  EXPECT_EQ(PercentText(12.345, false), "12.3%");
  EXPECT_EQ(PercentText(std::nullopt, true), "c");
  EXPECT_EQ(PercentText(std::nullopt, false), "");
  EXPECT_FALSE(PublishedCount(3));
  EXPECT_EQ(PublishedCount(0), 0);
  EXPECT_EQ(PublishedCount(6), 6);
}

}  // namespace
}  // namespace harbour::profile
