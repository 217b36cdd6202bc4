#include "profile/suppression.h"

#include <gtest/gtest.h>

#include <optional>
#include <random>
#include <stdexcept>
#include <vector>

namespace harbour::profile {
namespace {

constexpr std::optional<long> kC = std::nullopt;

CountTable Column(const std::vector<long>& counts) {
  CountTable table;
  for (const long count : counts) table.cells.push_back({count});
  return table;
}

// Every value of a table, cells and totals, in the order of the published grid: each row's
// cells then its total, then the column totals and the grand total.
struct Flat {
  std::vector<std::optional<long>> values;
  std::vector<CellMark> marks;
};

Flat Flatten(const PublishedTable& table) {
  Flat flat;
  for (std::size_t r = 0; r < table.cells.size(); ++r) {
    for (std::size_t c = 0; c < table.cells[r].size(); ++c) {
      flat.values.push_back(table.cells[r][c]);
      flat.marks.push_back(table.cell_marks[r][c]);
    }
    flat.values.push_back(table.row_totals[r]);
    flat.marks.push_back(table.row_total_marks[r]);
  }
  for (std::size_t c = 0; c < table.column_totals.size(); ++c) {
    flat.values.push_back(table.column_totals[c]);
    flat.marks.push_back(table.column_total_marks[c]);
  }
  flat.values.push_back(table.grand_total);
  flat.marks.push_back(table.grand_total_mark);
  return flat;
}

// The true counts in the same order as Flatten.
std::vector<long> TrueValues(const CountTable& counts) {
  const std::size_t rows = counts.cells.size();
  const std::size_t columns = rows == 0 ? 0 : counts.cells[0].size();
  std::vector<long> values;
  std::vector<long> column_totals(columns, 0);
  long grand_total = 0;
  for (const std::vector<long>& row : counts.cells) {
    long row_total = 0;
    for (std::size_t c = 0; c < columns; ++c) {
      values.push_back(row[c]);
      row_total += row[c];
      column_totals[c] += row[c];
    }
    values.push_back(row_total);
    grand_total += row_total;
  }
  values.insert(values.end(), column_totals.begin(), column_totals.end());
  values.push_back(grand_total);
  return values;
}

long GrandTotal(const CountTable& counts) { return TrueValues(counts).back(); }

int SuppressedCount(const PublishedTable& table) {
  int suppressed = 0;
  for (const std::optional<long>& value : Flatten(table).values) suppressed += value ? 0 : 1;
  return suppressed;
}

// (a) every true count of 1..5 is "c", (c) every shown value is the true count, a value is
// "c" exactly when its mark says so, and zeros are shown.
void ExpectHonest(const CountTable& counts, const PublishedTable& table) {
  const std::vector<long> truth = TrueValues(counts);
  const Flat flat = Flatten(table);
  ASSERT_EQ(truth.size(), flat.values.size());
  for (std::size_t i = 0; i < truth.size(); ++i) {
    EXPECT_EQ(flat.values[i].has_value(), flat.marks[i] == CellMark::kShown) << i;
    if (truth[i] >= 1 && truth[i] <= 5) {
      EXPECT_FALSE(flat.values[i]) << i;
    }
    if (truth[i] == 0) {
      EXPECT_EQ(flat.values[i], 0L) << i;
    }
    if (flat.values[i]) {
      EXPECT_EQ(*flat.values[i], truth[i]) << i;
    }
  }
}

bool Recoverable(const CountTable& counts, const PublishedTable& table) {
  return AnySuppressedCellRecoverable(table, GrandTotal(counts) + 1);
}

// Values 0..12, most of them 0..6, so that small counts, zeros and larger partners all occur.
long RandomCount(std::mt19937& random) {
  const int kind = std::uniform_int_distribution<int>(0, 9)(random);
  if (kind < 3) return 0;
  if (kind < 7) return std::uniform_int_distribution<long>(1, 6)(random);
  return std::uniform_int_distribution<long>(7, 12)(random);
}

CountTable RandomTable(std::mt19937& random, int max_rows, int max_columns) {
  const int rows = std::uniform_int_distribution<int>(1, max_rows)(random);
  const int columns = std::uniform_int_distribution<int>(1, max_columns)(random);
  CountTable table;
  table.cells.assign(rows, std::vector<long>(columns));
  for (std::vector<long>& row : table.cells) {
    for (long& cell : row) cell = RandomCount(random);
  }
  return table;
}

// The earlier table plus counts of added months: mostly none, some small, some large, so that
// lines that did not grow, small differences and large ones all occur.
CountTable Grown(const CountTable& earlier, std::mt19937& random) {
  CountTable later = earlier;
  for (std::vector<long>& row : later.cells) {
    for (long& cell : row) {
      const int kind = std::uniform_int_distribution<int>(0, 9)(random);
      if (kind < 5) continue;
      cell += kind < 8 ? std::uniform_int_distribution<long>(1, 5)(random)
                       : std::uniform_int_distribution<long>(6, 20)(random);
    }
  }
  return later;
}

bool AnySmallCount(const CountTable& counts) {
  for (const long value : TrueValues(counts)) {
    if (value >= 1 && value <= 5) return true;
  }
  return false;
}

// ----- Worked examples -----

TEST(SuppressTest, BreakdownSuppressesTheSmallCountAndTheNextSmallest) {
  const CountTable counts = Column({0, 3, 17, 40});
  const PublishedTable table = Suppress(counts);

  using Row = std::vector<std::optional<long>>;
  EXPECT_EQ(table.cells, (std::vector<Row>{{0}, {kC}, {kC}, {40}}));
  EXPECT_EQ(table.cell_marks[1][0], CellMark::kPrimary);
  EXPECT_EQ(table.cell_marks[2][0], CellMark::kSecondary);
  // In a one-column table the row totals are the cells.
  EXPECT_EQ(table.row_totals, (Row{0, kC, kC, 40}));
  EXPECT_EQ(table.row_total_marks[2], CellMark::kSecondary);
  EXPECT_EQ(table.column_totals, (Row{60}));
  EXPECT_EQ(table.grand_total, 60);
  ExpectHonest(counts, table);
  EXPECT_FALSE(Recoverable(counts, table));
}

TEST(SuppressTest, TwoByTwoWithOneSmallCountSuppressesEveryCellAndNoTotal) {
  const CountTable counts{{{2, 10}, {7, 9}}};
  const PublishedTable table = Suppress(counts);

  using Row = std::vector<std::optional<long>>;
  EXPECT_EQ(table.cells, (std::vector<Row>{{kC, kC}, {kC, kC}}));
  EXPECT_EQ(table.cell_marks[0][0], CellMark::kPrimary);
  EXPECT_EQ(table.cell_marks[1][1], CellMark::kSecondary);
  EXPECT_EQ(table.row_totals, (Row{12, 16}));
  EXPECT_EQ(table.column_totals, (Row{9, 19}));
  EXPECT_EQ(table.grand_total, 28);
  EXPECT_FALSE(Recoverable(counts, table));
}

TEST(SuppressTest, TotalOfFourIsSuppressedAndProtected) {
  const CountTable counts{{{1, 3}, {20, 30}}};
  const PublishedTable table = Suppress(counts);

  EXPECT_EQ(table.row_totals[0], kC);
  EXPECT_EQ(table.row_total_marks[0], CellMark::kPrimary);
  EXPECT_EQ(table.cell_marks[0][0], CellMark::kPrimary);
  EXPECT_EQ(table.cell_marks[0][1], CellMark::kPrimary);
  ExpectHonest(counts, table);
  EXPECT_FALSE(Recoverable(counts, table));
}

TEST(SuppressTest, BreakdownWhoseOnlyNonZeroCountIsSmallSuppressesItsTotal) {
  const CountTable counts = Column({0, 4, 0});
  const PublishedTable table = Suppress(counts);

  EXPECT_EQ(table.cells[1][0], kC);
  EXPECT_EQ(table.column_totals[0], kC);
  EXPECT_EQ(table.grand_total, kC);
  EXPECT_EQ(table.grand_total_mark, CellMark::kPrimary);
  EXPECT_FALSE(Recoverable(counts, table));
}

TEST(SuppressTest, TwoOnesNeedAThirdCellBecauseTwoOnesSumToTwo) {
  // Alone, c + c = 2 would make both 1.
  const CountTable counts = Column({1, 1, 30});
  const PublishedTable table = Suppress(counts);

  EXPECT_EQ(table.cell_marks[2][0], CellMark::kSecondary);
  EXPECT_EQ(table.grand_total, 32);
  EXPECT_FALSE(Recoverable(counts, table));
}

TEST(SuppressTest, PrefersACellToTheTotal) {
  const CountTable counts = Column({3, 50});
  const PublishedTable table = Suppress(counts);

  EXPECT_EQ(table.cell_marks[1][0], CellMark::kSecondary);
  EXPECT_EQ(table.grand_total, 53);
}

TEST(SuppressTest, PrefersTheCheapestCycle) {
  // Through (0, 0): its row's 8, the 9 below it and the 9 closing the cycle (26) rather than
  // the 9s of the third column (27) or the 12s of the second (33).
  const CountTable counts{{{3, 12, 9, 8}, {9, 12, 9, 9}}};
  const PublishedTable table = Suppress(counts);

  EXPECT_EQ(table.cell_marks[0][3], CellMark::kSecondary);
  EXPECT_EQ(table.cell_marks[1][0], CellMark::kSecondary);
  EXPECT_EQ(table.cell_marks[1][3], CellMark::kSecondary);
  EXPECT_EQ(SuppressedCount(table), 4);
  EXPECT_FALSE(Recoverable(counts, table));
}

TEST(SuppressTest, TiesGoToTheLowestColumn) {
  const PublishedTable table = Suppress({{{3, 9, 9}, {9, 9, 9}}});

  EXPECT_EQ(table.cell_marks[0][1], CellMark::kSecondary);
  EXPECT_EQ(table.cell_marks[1][1], CellMark::kSecondary);
  EXPECT_EQ(table.cell_marks[0][2], CellMark::kShown);
}

TEST(SuppressTest, OneRowTableSuppressesCellsAndTheirColumnTotalsTogether) {
  const CountTable counts{{{2, 8, 9}}};
  const PublishedTable table = Suppress(counts);

  EXPECT_EQ(table.cells[0], (std::vector<std::optional<long>>{kC, kC, 9}));
  EXPECT_EQ(table.column_totals, table.cells[0]);
  EXPECT_EQ(table.column_total_marks[1], CellMark::kSecondary);
  EXPECT_EQ(table.row_totals[0], 19);
  EXPECT_EQ(table.grand_total, 19);
  EXPECT_FALSE(Recoverable(counts, table));
}

TEST(SuppressTest, OneCellTables) {
  EXPECT_EQ(Flatten(Suppress({{{3}}})).values, (std::vector<std::optional<long>>(4, kC)));
  EXPECT_EQ(Flatten(Suppress({{{0}}})).values, (std::vector<std::optional<long>>(4, 0)));
  EXPECT_EQ(Flatten(Suppress({{{7}}})).values, (std::vector<std::optional<long>>(4, 7)));
}

TEST(SuppressTest, ZerosAreNeverSuppressed) {
  const CountTable counts{{{0, 0}, {0, 12}}};
  const PublishedTable table = Suppress(counts);

  EXPECT_EQ(SuppressedCount(table), 0);
  const PublishedTable empty = Suppress({});
  EXPECT_TRUE(empty.cells.empty());
  EXPECT_EQ(empty.grand_total, 0);
}

TEST(SuppressTest, TableWithoutSmallCountsIsPublishedWhole) {
  const CountTable counts{{{6, 0, 12}, {40, 7, 0}}};
  EXPECT_EQ(SuppressedCount(Suppress(counts)), 0);
}

TEST(SuppressTest, RulesSetTheSuppressedRange) {
  const CountTable counts = Column({2, 8, 30});
  const PublishedTable table = Suppress(counts, {.lowest_suppressed = 1, .highest_suppressed = 9});

  EXPECT_EQ(table.cell_marks[0][0], CellMark::kPrimary);
  EXPECT_EQ(table.cell_marks[1][0], CellMark::kPrimary);
  EXPECT_EQ(table.grand_total, 40);
  // A lowest below 1 still never suppresses a zero.
  EXPECT_EQ(Suppress(Column({0, 9}), {.lowest_suppressed = 0}).cells[0][0], 0);
}

TEST(SuppressTest, LargeTableIsQuickAndHonest) {
  std::mt19937 random(7);
  CountTable counts;
  counts.cells.assign(30, std::vector<long>(10));
  for (std::vector<long>& row : counts.cells) {
    for (long& cell : row) cell = RandomCount(random);
  }
  const PublishedTable table = Suppress(counts);
  ExpectHonest(counts, table);
  EXPECT_EQ(Suppress(counts).cells, table.cells);  // deterministic
}

TEST(SuppressTest, RejectsMalformedCounts) {
  EXPECT_FALSE(IsCountTable({{{1, 2}, {3}}}));
  EXPECT_FALSE(IsCountTable({{{1, -2}}}));
  EXPECT_TRUE(IsCountTable({}));
  EXPECT_THROW(Suppress({{{1, 2}, {3}}}), std::invalid_argument);
  EXPECT_THROW(Suppress({{{-1}}}), std::invalid_argument);
}

// ----- The audit itself -----

TEST(AuditTest, FindsALoneSuppressedCell) {
  PublishedTable table = Suppress(Column({3, 17, 40}));
  table.cells[1][0] = table.row_totals[1] = 17;
  EXPECT_TRUE(AnySuppressedCellRecoverable(table, 61));
}

TEST(AuditTest, FindsSuppressedCellsThatCanOnlyBeOne) {
  PublishedTable table = Suppress(Column({1, 1, 30}));
  table.cells[2][0] = table.row_totals[2] = 30;
  EXPECT_TRUE(AnySuppressedCellRecoverable(table, 33));
}

TEST(AuditTest, FindsACellPinnedAcrossRowsAndColumns) {
  // c + c = 12 and c + c = 9 in the rows, the second column shown: the first column is then
  // 2 and 7.
  PublishedTable table = Suppress({{{2, 10}, {7, 9}}});
  table.cells[0][1] = 10;
  table.cells[1][1] = 9;
  EXPECT_TRUE(AnySuppressedCellRecoverable(table, 29));
}

TEST(AuditTest, ReportsATableNothingFits) {
  PublishedTable table = Suppress(Column({8, 9}));
  table.grand_total = table.column_totals[0] = 18;
  EXPECT_TRUE(AnySuppressedCellRecoverable(table, 19));
}

TEST(AuditTest, UnboundedSuppressionIsNotRecoverable) {
  const PublishedTable table = Suppress(Column({0, 4, 0}));
  EXPECT_FALSE(AnySuppressedCellRecoverable(table, 100));
}

// ----- Differencing -----

TEST(SuppressAgainstTest, QuarterWhereACellRoseByThreeSuppressesIt) {
  const CountTable q2 = Column({10, 20, 30});
  const PublishedTable q2_published = Suppress(q2);
  ASSERT_EQ(SuppressedCount(q2_published), 0);

  const CountTable q3 = Column({13, 27, 40});
  const PublishedTable q3_published = SuppressAgainst(q3, q2_published);

  EXPECT_EQ(q3_published.cells[0][0], kC);
  EXPECT_EQ(q3_published.cell_marks[0][0], CellMark::kDifferencing);
  EXPECT_EQ(q3_published.cell_marks[1][0], CellMark::kSecondary);
  EXPECT_EQ(q3_published.cells[2][0], 40);
  EXPECT_EQ(q3_published.grand_total, 80);
  ExpectHonest(q3, q3_published);
  EXPECT_FALSE(Recoverable(q3, q3_published));
  EXPECT_FALSE(AnyCountRecoverableAcross(q2_published, q3_published, 81));
}

TEST(SuppressAgainstTest, SecondaryPartnerMustBeAbleToMoveDown) {
  // The 20 did not grow: with it as partner, c + c = 32 with c >= 10 and c >= 20 (from the
  // earlier table) would leave the first 10..12, but moving it up means moving the 20 below
  // 20. The 40 (earlier 30) can move down.
  const PublishedTable earlier = Suppress(Column({10, 20, 30}));
  const CountTable later = Column({12, 20, 40});
  const PublishedTable published = SuppressAgainst(later, earlier);

  EXPECT_EQ(published.cell_marks[0][0], CellMark::kDifferencing);
  EXPECT_EQ(published.cell_marks[1][0], CellMark::kSecondary);
  EXPECT_FALSE(AnyCountRecoverableAcross(earlier, published, 73));
}

TEST(SuppressAgainstTest, EarlierSuppressedCellsStaySuppressedWhileTheyCouldBePinned) {
  const CountTable earlier_counts{{{3, 10}, {12, 20}}};
  const PublishedTable earlier = Suppress(earlier_counts);
  ASSERT_EQ(SuppressedCount(earlier), 4);
  const CountTable later{{{9, 10}, {12, 20}}};

  const PublishedTable published = SuppressAgainst(later, earlier);
  EXPECT_EQ(published.cell_marks[0][0], CellMark::kDifferencing);
  EXPECT_EQ(published.cell_marks[1][1], CellMark::kDifferencing);
  EXPECT_FALSE(AnyCountRecoverableAcross(earlier, published, 52));

  // Shown, the second row would say it did not grow: its earlier cells were 12 and 20, so the
  // earlier first cell was 15 - 12 = 3.
  EXPECT_TRUE(AnyCountRecoverableAcross(earlier, Suppress(later), 52));
}

TEST(SuppressAgainstTest, EarlierSuppressedCellsAreShownOnceAllGrewPastTheirMaximum) {
  const PublishedTable earlier = Suppress({{{3, 10}, {12, 20}}});
  const CountTable later{{{20, 30}, {40, 50}}};

  const PublishedTable published = SuppressAgainst(later, earlier);
  EXPECT_EQ(SuppressedCount(published), 0);
  EXPECT_FALSE(AnyCountRecoverableAcross(earlier, published, 141));
}

TEST(SuppressAgainstTest, AnEarlierGroupIsShownOnlyWhenAllOfItGrewPast) {
  // Earlier: [[c, c, c], [0, c, c]] with row totals 24 and 7, column totals c, c, 16.
  const PublishedTable earlier = Suppress({{{4, 5, 15}, {0, 6, 1}}});
  const CountTable later{{{4, 5, 18}, {0, 7, 1}}};

  const PublishedTable published = SuppressAgainst(later, earlier);
  // 7 is above the earlier 6 at most (7 - 1) and 18 above the earlier 15 at most (16 - 1), but
  // the other "c"s of their group are not above theirs.
  EXPECT_EQ(published.cell_marks[0][2], CellMark::kDifferencing);
  EXPECT_EQ(published.cell_marks[1][1], CellMark::kDifferencing);
  EXPECT_FALSE(AnyCountRecoverableAcross(earlier, published, 36));

  PublishedTable showing_the_two = published;
  showing_the_two.cells[0][2] = 18;
  showing_the_two.cells[1][1] = 7;
  EXPECT_FALSE(AnySuppressedCellRecoverable(showing_the_two, 36));  // safe on its own
  EXPECT_TRUE(AnyCountRecoverableAcross(earlier, showing_the_two, 36));
}

TEST(SuppressAgainstTest, TotalsAreCheckedToo) {
  const PublishedTable earlier = Suppress({{{10, 20}, {30, 40}}});
  const CountTable later{{{10, 22}, {30, 48}}};

  const PublishedTable published = SuppressAgainst(later, earlier);
  EXPECT_EQ(published.row_total_marks[0], CellMark::kDifferencing);
  EXPECT_EQ(published.cell_marks[0][1], CellMark::kDifferencing);
  ExpectHonest(later, published);
  EXPECT_FALSE(AnyCountRecoverableAcross(earlier, published, 111));
}

TEST(SuppressAgainstTest, RejectsAnEarlierTableOfAnotherShape) {
  const PublishedTable earlier = Suppress(Column({10, 20}));
  EXPECT_THROW(SuppressAgainst(Column({10, 20, 30}), earlier), std::invalid_argument);
  EXPECT_THROW(SuppressAgainst({{{10, 20}}}, earlier), std::invalid_argument);
}

// ----- Rates and display -----

TEST(PublishedRateTest, SuppressedWithItsCounts) {
  EXPECT_DOUBLE_EQ(*PublishedRate(3, 200, kPercent), 1.5);
  EXPECT_DOUBLE_EQ(*PublishedRate(0, 5000, kPer10000), 0);
  EXPECT_DOUBLE_EQ(*PublishedRate(12, 4000, kPer10000), 30);
  EXPECT_EQ(PublishedRate(kC, 200, kPercent), std::nullopt);
  EXPECT_EQ(PublishedRate(30, kC, kPercent), std::nullopt);
  EXPECT_EQ(PublishedRate(0, 0, kPercent), std::nullopt);
  EXPECT_EQ(PublishedRate(3, -1, kPercent), std::nullopt);
}

TEST(ShownCountTest, COrTheNumber) {
  EXPECT_EQ(ShownCount(kC), "c");
  EXPECT_EQ(ShownCount(0), "0");
  EXPECT_EQ(ShownCount(1234), "1234");
}

// ----- Properties -----

TEST(SuppressPropertyTest, RandomTablesAreHonestSafeAndNotOverSuppressed) {
  std::mt19937 random(20240601);
  for (int i = 0; i < 3000; ++i) {
    const CountTable counts = RandomTable(random, 4, 4);
    const PublishedTable table = Suppress(counts);
    SCOPED_TRACE(i);
    ExpectHonest(counts, table);
    ASSERT_FALSE(Recoverable(counts, table));
    if (!AnySmallCount(counts)) {
      ASSERT_EQ(SuppressedCount(table), 0);
    }
    int primaries = 0;
    for (const CellMark mark : Flatten(table).marks) primaries += mark == CellMark::kPrimary;
    ASSERT_LE(SuppressedCount(table), 4 * primaries);
  }
}

TEST(SuppressAgainstPropertyTest, NoSmallDifferenceIsShownAndBothReleasesStaySafe) {
  std::mt19937 random(20240602);
  for (int i = 0; i < 2000; ++i) {
    const CountTable earlier_counts = RandomTable(random, 4, 4);
    const CountTable later_counts = Grown(earlier_counts, random);
    const PublishedTable earlier = Suppress(earlier_counts);
    const PublishedTable later = SuppressAgainst(later_counts, earlier);
    SCOPED_TRACE(i);
    ExpectHonest(later_counts, later);
    ASSERT_FALSE(Recoverable(later_counts, later));
    const Flat before = Flatten(earlier);
    const Flat after = Flatten(later);
    for (std::size_t v = 0; v < before.values.size(); ++v) {
      if (!before.values[v] || !after.values[v]) continue;
      const long added = *after.values[v] - *before.values[v];
      ASSERT_FALSE(added >= 1 && added <= 5) << v;
    }
  }
}

TEST(SuppressAgainstPropertyTest, SmallPairsPassTheJointAudit) {
  std::mt19937 random(20240603);
  for (int i = 0; i < 1000; ++i) {
    const CountTable earlier_counts = RandomTable(random, 3, 3);
    const CountTable later_counts = Grown(earlier_counts, random);
    const PublishedTable earlier = Suppress(earlier_counts);
    const PublishedTable later = SuppressAgainst(later_counts, earlier);
    SCOPED_TRACE(i);
    ASSERT_FALSE(AnyCountRecoverableAcross(earlier, later, GrandTotal(later_counts) + 1));
  }
}

}  // namespace
}  // namespace harbour::profile
