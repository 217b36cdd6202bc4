#pragma once
// The small-number suppression engine (DOMAIN.md §9, §13) that every published table goes
// through: counts of 1 to 5 are shown as "c" (primary suppression), more cells are suppressed
// until no "c" can be worked out from the row and column totals (secondary suppression), a
// release over a period that contains an earlier release's period is suppressed so that no
// count of the added months can be worked out by subtracting the two (differencing), and rates
// on a suppressed count are suppressed. Zero is always shown. Pure, deterministic and
// thread-safe.
//
// What an attacker is assumed to know: every shown value, that every "c" is a whole number of at
// least 1 (zeros are shown), and that each row's and each column's cells add up to its total,
// the column totals and the row totals each to the grand total. A "c" is recoverable when it
// has the same value in every assignment of whole numbers that fits all of that. Across two
// releases the attacker also knows that no count of the longer period is below the same count
// of the period it contains.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace harbour::profile {

inline constexpr std::string_view kSuppressedMark = "c";

// Scales for PublishedRate.
inline constexpr double kPercent = 100;
inline constexpr double kPer10000 = 10'000;  // rates per 10,000 children (DOMAIN.md §13)

// Rows x columns of counts, [row][column]: rectangular and none negative (IsCountTable). One
// column is the common case: a breakdown and its total.
struct CountTable {
  std::vector<std::vector<long>> cells;
};

// Why a published value is shown or suppressed.
enum class CellMark {
  kShown,         // the true count
  kPrimary,       // "c": the count is in the suppressed range (1 to 5)
  kSecondary,     // "c": shown, it would let a "c" of this table be worked out
  kDifferencing,  // "c": shown, it would let a count be worked out from the earlier release
};

// A table as released: the cells and every total, each either its true count or "c"
// (nullopt), with the reason beside it. The totals are published values like the cells. In a
// one-column table the row totals are the cells themselves, and in a one-row table the column
// totals are: they are always shown or suppressed together, with the same mark.
struct PublishedTable {
  std::vector<std::vector<std::optional<long>>> cells;  // same shape as the counts
  std::vector<std::optional<long>> row_totals;          // one per row
  std::vector<std::optional<long>> column_totals;       // one per column
  std::optional<long> grand_total;
  std::vector<std::vector<CellMark>> cell_marks;
  std::vector<CellMark> row_total_marks;
  std::vector<CellMark> column_total_marks;
  CellMark grand_total_mark = CellMark::kShown;
};

// The range of counts suppressed as too small to publish. Zero is never suppressed: a
// lowest_suppressed below 1 counts as 1.
struct SuppressionRules {
  long lowest_suppressed = 1;
  long highest_suppressed = 5;
};

// True when `counts` is rectangular and holds no negative count. An empty table (no rows, or
// rows of no cells) is one.
bool IsCountTable(const CountTable& counts);

// The table as it may be published. Every count (cell or total) in the rules' range is
// kPrimary. Then, for each suppressed value in turn (cells row by row, then the totals, in grid
// order), if no cycle of suppressed values protects it, the cheapest cycle of shown non-zero
// values that does is suppressed (kSecondary). A cycle is a closed path alternating between a
// row and a column of the table extended by its totals, along which the values can be moved by
// one (up or down, every line keeping its sum) without any going below what the attacker knows
// it is at least (1 for a "c"); so every "c" has at least two possible values. Cheapest means
// the fewest totals, then the smallest sum of values: the smallest shown non-zero cell of the
// line is taken before a larger one, and a total only when no cells will do. Ties are broken
// the same way every time (lower rows and columns first, moving the value up before down).
// Zeros are never suppressed. One pass is enough: values suppressed for a cycle are protected
// by that cycle, and suppressing more never unprotects a value. Work is about (cells + totals)
// x ((rows + columns)² + cells + totals): a 30 x 10 table takes milliseconds. Throws
// std::invalid_argument unless IsCountTable(counts) (a caller's bug).
PublishedTable Suppress(const CountTable& counts, const SuppressionRules& rules = {});

// The same table over a period that contains `earlier_contained`'s period (year to date after
// the previous quarter's year to date; a half-year after its first quarter), given as it was
// published (by Suppress or SuppressAgainst, which it must have been: its own "c"s are assumed
// protected). As Suppress, and besides:
//   - a value shown in both whose difference is in the rules' range would publish the count of
//     the added months: it is suppressed (kDifferencing);
//   - a value that was "c" before stays "c" (kDifferencing) unless it and every other "c" of
//     its earlier group (the earlier "c"s linked through shared rows and columns, which protect
//     each other) are now above the most the earlier release allows them to be (its line total
//     less its shown members and 1 for each other "c"). Showing a later count bounds the
//     earlier "c" from above (a count cannot fall as the period grows), which can pin it: an
//     earlier [[c, c], [c, c]] with totals (13, 32 / 15, 30) and a later [[9, 10], [12, 20]]
//     would show that row 2 did not grow, so its earlier cells were 12 and 20 and the first
//     was 3. Once every "c" of a group is above its earlier maximum, showing them adds nothing
//     the earlier release did not allow;
//   - secondary suppression moves a value down only when it stays at or above what the earlier
//     release says it is at least (its earlier shown value, or for an earlier "c" its earlier
//     maximum), so the two releases together still leave every "c" of both, and every count of
//     the added months that is not published, at least two possible values.
// A decrease (a count corrected since) is treated like an increase of the same size. A later
// release should be checked against the latest release it contains; Q3 against Q2 also covers
// Q1 when Q2 was checked against Q1. Throws std::invalid_argument unless IsCountTable(counts)
// and `earlier_contained` has the same shape.
PublishedTable SuppressAgainst(const CountTable& counts, const PublishedTable& earlier_contained,
                               const SuppressionRules& rules = {});

// numerator / denominator x per (kPercent, kPer10000); nullopt when either is suppressed or the
// denominator is not positive.
std::optional<double> PublishedRate(std::optional<long> numerator, std::optional<long> denominator,
                                    double per);

// "c" for a suppressed count, else the number.
std::string ShownCount(std::optional<long> count);

// The exact recoverability audit, for tests and checks of small tables (the search is
// exponential in the worst case): true when some "c" of `table` has only one possible value
// (see the top of this file), or when no assignment fits at all (an inconsistent table, or a
// `value_cap` below a true count). `value_cap` bounds every value the search tries: pass one
// more than the largest true count (the true grand total plus 1). Throws std::invalid_argument
// when the table is not rectangular with one total per row and per column.
bool AnySuppressedCellRecoverable(const PublishedTable& table, long value_cap);

// The same audit over two releases of one table, `later`'s period containing `earlier`'s: true
// when some "c" of either has only one possible value given both and that no count decreases
// from `earlier` to `later`, or when some count of the added months (later less earlier) in the
// rules' range is shown or has only one possible value, or when nothing fits. Throws
// std::invalid_argument when the tables are malformed or differ in shape.
bool AnyCountRecoverableAcross(const PublishedTable& earlier, const PublishedTable& later,
                               long value_cap, const SuppressionRules& rules = {});

}  // namespace harbour::profile
