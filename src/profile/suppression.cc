#include "profile/suppression.h"

#include <algorithm>
#include <compare>
#include <cstdlib>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <utility>

namespace harbour::profile {
namespace {

// A floor no value is above: the value can never be moved down.
constexpr long kNoMovingDown = std::numeric_limits<long>::max();

long LowestSuppressed(const SuppressionRules& rules) {
  return std::max(1L, rules.lowest_suppressed);
}

bool InSuppressedRange(long value, const SuppressionRules& rules) {
  return value >= LowestSuppressed(rules) && value <= rules.highest_suppressed;
}

// The table with its totals as one (rows + 1) x (columns + 1) grid. Entry (r, c) is a cell when
// r < rows and c < columns, a row total when c == columns, a column total when r == rows, and
// the grand total at (rows, columns). Every row and every column of the grid is a line: its
// last entry is the sum of the others. Entries that are necessarily equal (in a one-column table
// a row's cell and its total, in a one-row table a column's cell and its total) are one
// quantity: a quantity is what is shown or suppressed.
class Grid {
 public:
  explicit Grid(const CountTable& counts);

  int Rows() const { return rows_; }
  int Columns() const { return columns_; }
  int Entries() const { return (rows_ + 1) * (columns_ + 1); }
  int EntryAt(int row, int column) const { return row * (columns_ + 1) + column; }
  int RowOf(int entry) const { return entry / (columns_ + 1); }
  int ColumnOf(int entry) const { return entry % (columns_ + 1); }
  long Value(int entry) const { return values_[entry]; }
  int QuantityOf(int entry) const { return quantity_of_[entry]; }
  int Quantities() const { return static_cast<int>(first_entry_.size()); }
  int FirstEntry(int quantity) const { return first_entry_[quantity]; }
  long QuantityValue(int quantity) const { return values_[first_entry_[quantity]]; }
  // A quantity is a cell when any of its entries is; its first entry is then a cell.
  bool IsCell(int quantity) const {
    const int entry = first_entry_[quantity];
    return RowOf(entry) < rows_ && ColumnOf(entry) < columns_;
  }
  // -1 for the entries whose row or column (but not both) is the totals': moving a cycle's
  // values alternately up and down in this sign keeps every line's sum.
  int Sign(int entry) const {
    return (RowOf(entry) == rows_) == (ColumnOf(entry) == columns_) ? 1 : -1;
  }
  // The nodes of the cycle search: grid rows 0..rows, then grid columns.
  int Nodes() const { return rows_ + columns_ + 2; }
  int RowNode(int row) const { return row; }
  int ColumnNode(int column) const { return rows_ + 1 + column; }

 private:
  int AliasOf(int entry) const;

  int rows_;
  int columns_;
  std::vector<long> values_;
  std::vector<int> quantity_of_;
  std::vector<int> first_entry_;
};

Grid::Grid(const CountTable& counts)
    : rows_(static_cast<int>(counts.cells.size())),
      columns_(counts.cells.empty() ? 0 : static_cast<int>(counts.cells[0].size())),
      values_(Entries(), 0),
      quantity_of_(Entries(), -1) {
  for (int r = 0; r < rows_; ++r) {
    for (int c = 0; c < columns_; ++c) {
      const long value = counts.cells[r][c];
      values_[EntryAt(r, c)] = value;
      values_[EntryAt(r, columns_)] += value;
      values_[EntryAt(rows_, c)] += value;
      values_[EntryAt(rows_, columns_)] += value;
    }
  }
  for (int entry = 0; entry < Entries(); ++entry) {
    const int alias = AliasOf(entry);
    if (alias != entry) {
      quantity_of_[entry] = quantity_of_[alias];
      continue;
    }
    quantity_of_[entry] = Quantities();
    first_entry_.push_back(entry);
  }
}

// The earliest entry necessarily equal to `entry` (itself when none is).
int Grid::AliasOf(int entry) const {
  int row = RowOf(entry);
  int column = ColumnOf(entry);
  if (columns_ == 1 && column == 1) column = 0;
  if (rows_ == 1 && row == 1) row = 0;
  return EntryAt(row, column);
}

// What is suppressed so far, per quantity, and the least value the attacker knows each
// quantity has (a cycle may move a value down only while it stays at or above that).
struct Suppression {
  std::vector<CellMark> marks;
  std::vector<long> floors;

  bool IsSuppressed(int quantity) const { return marks[quantity] != CellMark::kShown; }
};

Suppression PrimarySuppression(const Grid& grid, const SuppressionRules& rules) {
  Suppression suppression{std::vector<CellMark>(grid.Quantities(), CellMark::kShown),
                          std::vector<long>(grid.Quantities(), 1)};
  for (int q = 0; q < grid.Quantities(); ++q) {
    if (InSuppressedRange(grid.QuantityValue(q), rules)) suppression.marks[q] = CellMark::kPrimary;
  }
  return suppression;
}

// What suppressing the entries of a cycle costs: the totals among them first, then the sum of
// their values. Entries already suppressed cost nothing.
struct Cost {
  long totals = 0;
  long value = 0;

  friend auto operator<=>(const Cost&, const Cost&) = default;
  Cost operator+(const Cost& other) const { return {totals + other.totals, value + other.value}; }
};

struct Cycle {
  Cost cost;
  std::vector<int> entries;  // besides the one it protects
};

// One search for the cheapest cycle through `entry` that moves it by `direction` (+1 or -1).
// The rest of the cycle is a path from the entry's column node to its row node; an entry
// stepped over from a row node moves by `twist` x Sign, from a column node by -`twist` x Sign.
class CycleSearch {
 public:
  CycleSearch(const Grid& grid, const Suppression& suppression, int entry, int direction)
      : grid_(grid),
        suppression_(suppression),
        entry_(entry),
        twist_(direction * grid.Sign(entry)),
        cost_(grid.Nodes()),
        via_(grid.Nodes(), -1),
        done_(grid.Nodes(), false) {}

  std::optional<Cycle> Run();

 private:
  int NextNode() const;
  void Relax(int node);
  void Step(int node, int entry, int to, bool from_row);
  bool CanMove(int entry, int change) const;
  Cost CostOf(int entry) const;
  Cycle Trace(int target) const;

  const Grid& grid_;
  const Suppression& suppression_;
  int entry_;
  int twist_;
  std::vector<std::optional<Cost>> cost_;
  std::vector<int> via_;  // the entry stepped over to reach each node
  std::vector<bool> done_;
};

std::optional<Cycle> CycleSearch::Run() {
  const int start = grid_.ColumnNode(grid_.ColumnOf(entry_));
  const int target = grid_.RowNode(grid_.RowOf(entry_));
  cost_[start] = Cost{};
  for (int node = NextNode(); node >= 0 && node != target; node = NextNode()) {
    done_[node] = true;
    Relax(node);
  }
  if (!cost_[target]) return std::nullopt;
  return Trace(target);
}

// The unfinished node with the lowest cost (the lowest node on ties); -1 when none is reached.
int CycleSearch::NextNode() const {
  int best = -1;
  for (int node = 0; node < grid_.Nodes(); ++node) {
    if (done_[node] || !cost_[node]) continue;
    if (best < 0 || *cost_[node] < *cost_[best]) best = node;
  }
  return best;
}

void CycleSearch::Relax(int node) {
  if (node <= grid_.Rows()) {
    for (int c = 0; c <= grid_.Columns(); ++c) {
      Step(node, grid_.EntryAt(node, c), grid_.ColumnNode(c), true);
    }
    return;
  }
  const int column = node - grid_.Rows() - 1;
  for (int r = 0; r <= grid_.Rows(); ++r) {
    Step(node, grid_.EntryAt(r, column), grid_.RowNode(r), false);
  }
}

void CycleSearch::Step(int node, int entry, int to, bool from_row) {
  if (entry == entry_ || done_[to]) return;
  const int change = (from_row ? twist_ : -twist_) * grid_.Sign(entry);
  if (!CanMove(entry, change)) return;
  const Cost cost = *cost_[node] + CostOf(entry);
  if (cost_[to] && *cost_[to] <= cost) return;
  cost_[to] = cost;
  via_[to] = entry;
}

// A zero is shown and never suppressed, so it cannot be in a cycle; a value moves down only
// while it stays at or above its floor.
bool CycleSearch::CanMove(int entry, int change) const {
  const int quantity = grid_.QuantityOf(entry);
  const long value = grid_.Value(entry);
  if (!suppression_.IsSuppressed(quantity) && value == 0) return false;
  return change > 0 || value > suppression_.floors[quantity];
}

Cost CycleSearch::CostOf(int entry) const {
  const int quantity = grid_.QuantityOf(entry);
  if (suppression_.IsSuppressed(quantity)) return {};
  return {grid_.IsCell(quantity) ? 0 : 1, grid_.Value(entry)};
}

Cycle CycleSearch::Trace(int target) const {
  Cycle cycle{*cost_[target], {}};
  for (int node = target; via_[node] >= 0;) {
    const int entry = via_[node];
    cycle.entries.push_back(entry);
    const bool reached_row = node <= grid_.Rows();
    node =
        reached_row ? grid_.ColumnNode(grid_.ColumnOf(entry)) : grid_.RowNode(grid_.RowOf(entry));
  }
  return cycle;
}

// The cheapest cycle that protects `quantity`, moving it up if that is no dearer than down.
std::optional<Cycle> CheapestCycle(const Grid& grid, const Suppression& suppression, int quantity) {
  const int entry = grid.FirstEntry(quantity);
  std::optional<Cycle> up = CycleSearch(grid, suppression, entry, 1).Run();
  if (grid.QuantityValue(quantity) <= suppression.floors[quantity]) return up;
  std::optional<Cycle> down = CycleSearch(grid, suppression, entry, -1).Run();
  if (!up || (down && down->cost < up->cost)) return down;
  return up;
}

// Secondary suppression. A quantity of value v >= 1 always has a cycle moving it up: the cell,
// its row total, its column total and the grand total (for a total: it, one of its non-zero
// cells and that cell's other totals) all go up together.
void Protect(const Grid& grid, Suppression& suppression) {
  for (int q = 0; q < grid.Quantities(); ++q) {
    if (!suppression.IsSuppressed(q)) continue;
    const std::optional<Cycle> cycle = CheapestCycle(grid, suppression, q);
    if (!cycle) continue;
    for (const int entry : cycle->entries) {
      const int other = grid.QuantityOf(entry);
      if (!suppression.IsSuppressed(other)) suppression.marks[other] = CellMark::kSecondary;
    }
  }
}

void Put(const Grid& grid, const Suppression& suppression, int row, int column,
         std::optional<long>& value, CellMark& mark) {
  const int entry = grid.EntryAt(row, column);
  mark = suppression.marks[grid.QuantityOf(entry)];
  value = mark == CellMark::kShown ? std::optional<long>(grid.Value(entry)) : std::nullopt;
}

PublishedTable Publish(const Grid& grid, const Suppression& suppression) {
  const int rows = grid.Rows();
  const int columns = grid.Columns();
  PublishedTable table;
  table.cells.assign(rows, std::vector<std::optional<long>>(columns));
  table.cell_marks.assign(rows, std::vector<CellMark>(columns, CellMark::kShown));
  table.row_totals.resize(rows);
  table.row_total_marks.resize(rows);
  table.column_totals.resize(columns);
  table.column_total_marks.resize(columns);
  for (int r = 0; r < rows; ++r) {
    for (int c = 0; c < columns; ++c) {
      Put(grid, suppression, r, c, table.cells[r][c], table.cell_marks[r][c]);
    }
    Put(grid, suppression, r, columns, table.row_totals[r], table.row_total_marks[r]);
  }
  for (int c = 0; c < columns; ++c) {
    Put(grid, suppression, rows, c, table.column_totals[c], table.column_total_marks[c]);
  }
  Put(grid, suppression, rows, columns, table.grand_total, table.grand_total_mark);
  return table;
}

void RequireCountTable(const CountTable& counts) {
  if (!IsCountTable(counts)) {
    throw std::invalid_argument("suppression: counts must be rectangular and not negative");
  }
}

// True when `table` has `rows` rows of `columns` cells and one total per row and per column.
bool HasShape(const PublishedTable& table, int rows, int columns) {
  if (static_cast<int>(table.cells.size()) != rows) return false;
  if (static_cast<int>(table.row_totals.size()) != rows) return false;
  if (static_cast<int>(table.column_totals.size()) != columns) return false;
  return std::all_of(table.cells.begin(), table.cells.end(), [columns](const auto& row) {
    return static_cast<int>(row.size()) == columns;
  });
}

int ColumnsOf(const PublishedTable& table) { return static_cast<int>(table.column_totals.size()); }

void RequireShape(const PublishedTable& table, int rows, int columns) {
  if (!HasShape(table, rows, columns)) {
    throw std::invalid_argument("suppression: published table has the wrong shape");
  }
}

// The published value at grid position (row, column); the table's shape is checked.
const std::optional<long>& PublishedAt(const PublishedTable& table, int row, int column) {
  const int rows = static_cast<int>(table.cells.size());
  const int columns = ColumnsOf(table);
  if (row == rows) return column == columns ? table.grand_total : table.column_totals[column];
  return column == columns ? table.row_totals[row] : table.cells[row][column];
}

// The most an attacker of `table` knows a "c" member of one line can be: the line's total less
// its shown members and 1 for each other "c"; nullopt when the total is suppressed.
std::optional<long> LineCeiling(const Grid& grid, const PublishedTable& table,
                                const std::vector<int>& members, int total, int self) {
  const std::optional<long>& sum = PublishedAt(table, grid.RowOf(total), grid.ColumnOf(total));
  if (!sum) return std::nullopt;
  long ceiling = *sum;
  for (const int member : members) {
    if (member == self) continue;
    const std::optional<long>& value =
        PublishedAt(table, grid.RowOf(member), grid.ColumnOf(member));
    ceiling -= value ? *value : 1;
  }
  return ceiling;
}

// What the earlier release says about each quantity of the later grid.
struct Earlier {
  std::vector<std::optional<long>> shown;     // its shown value, nullopt for "c"
  std::vector<std::optional<long>> ceilings;  // for a "c": the most it can be, if bounded
  std::vector<int> groups;                    // for a "c": its group of linked "c"s
};

std::optional<long> EntryCeiling(const Grid& grid, const PublishedTable& table, int entry) {
  const int row = grid.RowOf(entry);
  const int column = grid.ColumnOf(entry);
  std::optional<long> ceiling;
  const auto tighten = [&ceiling](std::optional<long> bound) {
    if (bound && (!ceiling || *bound < *ceiling)) ceiling = bound;
  };
  if (column < grid.Columns()) {
    std::vector<int> members;
    members.reserve(grid.Columns());
    for (int c = 0; c < grid.Columns(); ++c) members.push_back(grid.EntryAt(row, c));
    tighten(LineCeiling(grid, table, members, grid.EntryAt(row, grid.Columns()), entry));
  }
  if (row < grid.Rows()) {
    std::vector<int> members;
    members.reserve(grid.Rows());
    for (int r = 0; r < grid.Rows(); ++r) members.push_back(grid.EntryAt(r, column));
    tighten(LineCeiling(grid, table, members, grid.EntryAt(grid.Rows(), column), entry));
  }
  return ceiling;
}

int FindRoot(std::vector<int>& parents, int node) {
  while (parents[node] != node) node = parents[node] = parents[parents[node]];
  return node;
}

// Groups of earlier "c"s: quantities linked through a row or column both have entries in.
std::vector<int> EarlierGroups(const Grid& grid, const std::vector<std::optional<long>>& shown) {
  std::vector<int> parents(grid.Nodes());
  std::iota(parents.begin(), parents.end(), 0);
  for (int entry = 0; entry < grid.Entries(); ++entry) {
    if (shown[grid.QuantityOf(entry)]) continue;
    const int row = FindRoot(parents, grid.RowNode(grid.RowOf(entry)));
    parents[row] = FindRoot(parents, grid.ColumnNode(grid.ColumnOf(entry)));
  }
  std::vector<int> groups(grid.Quantities());
  for (int q = 0; q < grid.Quantities(); ++q) {
    groups[q] = FindRoot(parents, grid.RowNode(grid.RowOf(grid.FirstEntry(q))));
  }
  return groups;
}

Earlier ReadEarlier(const Grid& grid, const PublishedTable& table) {
  Earlier earlier{std::vector<std::optional<long>>(grid.Quantities()),
                  std::vector<std::optional<long>>(grid.Quantities()),
                  {}};
  for (int entry = 0; entry < grid.Entries(); ++entry) {
    const std::optional<long>& value = PublishedAt(table, grid.RowOf(entry), grid.ColumnOf(entry));
    std::optional<long>& shown = earlier.shown[grid.QuantityOf(entry)];
    if (value && !shown) shown = value;
  }
  for (int entry = 0; entry < grid.Entries(); ++entry) {
    const int quantity = grid.QuantityOf(entry);
    if (earlier.shown[quantity]) continue;
    const std::optional<long> ceiling = EntryCeiling(grid, table, entry);
    std::optional<long>& best = earlier.ceilings[quantity];
    if (ceiling && (!best || *ceiling < *best)) best = ceiling;
  }
  earlier.groups = EarlierGroups(grid, earlier.shown);
  return earlier;
}

// True when the later value of earlier "c" `quantity` is above the most it could have been.
bool GrewPast(const Grid& grid, const Earlier& earlier, int quantity) {
  const std::optional<long>& ceiling = earlier.ceilings[quantity];
  return ceiling && grid.QuantityValue(quantity) > *ceiling;
}

// The earlier groups whose "c"s may be shown now: every one has grown past its maximum.
std::vector<bool> GroupsGrownPast(const Grid& grid, const Earlier& earlier) {
  std::vector<bool> grown(grid.Nodes(), true);
  for (int q = 0; q < grid.Quantities(); ++q) {
    if (!earlier.shown[q] && !GrewPast(grid, earlier, q)) grown[earlier.groups[q]] = false;
  }
  return grown;
}

bool RevealsDifference(const Grid& grid, const Earlier& earlier, int quantity,
                       const SuppressionRules& rules) {
  const std::optional<long>& before = earlier.shown[quantity];
  return before && InSuppressedRange(std::abs(grid.QuantityValue(quantity) - *before), rules);
}

// Differencing suppression, and the floors for secondary suppression: a later value may move
// down only while it stays at or above its earlier shown value, or above every value its earlier
// "c" could have been (never, when the earlier release leaves that unbounded).
void SuppressDifferences(const Grid& grid, const Earlier& earlier, const SuppressionRules& rules,
                         Suppression& suppression) {
  const std::vector<bool> grown = GroupsGrownPast(grid, earlier);
  for (int q = 0; q < grid.Quantities(); ++q) {
    const bool was_suppressed = !earlier.shown[q];
    const bool differs =
        was_suppressed ? !grown[earlier.groups[q]] : RevealsDifference(grid, earlier, q, rules);
    if (differs && !suppression.IsSuppressed(q)) suppression.marks[q] = CellMark::kDifferencing;
    const std::optional<long>& floor = was_suppressed ? earlier.ceilings[q] : earlier.shown[q];
    suppression.floors[q] = floor ? std::max(1L, *floor) : kNoMovingDown;
  }
}

// ----- The audit: whole-number unknowns, sums of them and differences between them. -----

struct Range {
  long lowest = 0;
  long highest = 0;
};

struct Term {
  int unknown = 0;
  int sign = 1;  // +1 or -1
};

// The terms add up to `sum`.
struct Equation {
  std::vector<Term> terms;
  long sum = 0;
};

// x[larger] - x[smaller] >= at_least.
struct Difference {
  int larger = 0;
  int smaller = 0;
  long at_least = 0;
};

struct Constraints {
  std::vector<Range> ranges;  // one per unknown
  std::vector<Equation> equations;
  std::vector<Difference> differences;
};

// Narrows `range` to `wanted`; false when nothing is left.
bool Narrow(Range& range, Range wanted, bool& changed) {
  if (wanted.lowest > range.lowest) {
    range.lowest = wanted.lowest;
    changed = true;
  }
  if (wanted.highest < range.highest) {
    range.highest = wanted.highest;
    changed = true;
  }
  return range.lowest <= range.highest;
}

Range TermRange(const Term& term, const std::vector<Range>& ranges) {
  const Range& range = ranges[term.unknown];
  return term.sign > 0 ? range : Range{-range.highest, -range.lowest};
}

// Narrows each unknown of `equation` to what the others leave it.
bool Narrow(const Equation& equation, std::vector<Range>& ranges, bool& changed) {
  Range total;
  for (const Term& term : equation.terms) {
    const Range range = TermRange(term, ranges);
    total.lowest += range.lowest;
    total.highest += range.highest;
  }
  if (equation.sum < total.lowest || equation.sum > total.highest) return false;
  for (const Term& term : equation.terms) {
    const Range range = TermRange(term, ranges);
    const Range wanted{equation.sum - (total.highest - range.highest),
                       equation.sum - (total.lowest - range.lowest)};
    const Range signed_wanted = term.sign > 0 ? wanted : Range{-wanted.highest, -wanted.lowest};
    if (!Narrow(ranges[term.unknown], signed_wanted, changed)) return false;
  }
  return true;
}

bool Narrow(const Difference& difference, std::vector<Range>& ranges, bool& changed) {
  const Range larger = ranges[difference.larger];
  const Range smaller = ranges[difference.smaller];
  const long most = std::numeric_limits<long>::max();
  const long least = std::numeric_limits<long>::min();
  return Narrow(ranges[difference.larger], {smaller.lowest + difference.at_least, most}, changed) &&
         Narrow(ranges[difference.smaller], {least, larger.highest - difference.at_least}, changed);
}

// Narrows every range until nothing changes; false when some constraint cannot hold.
bool Propagate(const Constraints& constraints, std::vector<Range>& ranges) {
  for (bool changed = true; changed;) {
    changed = false;
    for (const Equation& equation : constraints.equations) {
      if (!Narrow(equation, ranges, changed)) return false;
    }
    for (const Difference& difference : constraints.differences) {
      if (!Narrow(difference, ranges, changed)) return false;
    }
  }
  return true;
}

// The unknown with the fewest possible values, among those with more than one; -1 when none.
int NarrowestOpen(const std::vector<Range>& ranges) {
  int best = -1;
  for (int u = 0; u < static_cast<int>(ranges.size()); ++u) {
    const long width = ranges[u].highest - ranges[u].lowest;
    if (width == 0) continue;
    if (best < 0 || width < ranges[best].highest - ranges[best].lowest) best = u;
  }
  return best;
}

// True when some assignment within `ranges` meets every constraint; it is left in `solution`.
// Exact: ranges are halved until every unknown has one value, and propagation between halvings
// only removes values no assignment can take.
bool Solve(const Constraints& constraints, std::vector<Range> ranges, std::vector<long>* solution) {
  if (!Propagate(constraints, ranges)) return false;
  const int open = NarrowestOpen(ranges);
  if (open < 0) {
    solution->clear();
    for (const Range& range : ranges) solution->push_back(range.lowest);
    return true;
  }
  const Range whole = ranges[open];
  const long middle = whole.lowest + (whole.highest - whole.lowest) / 2;
  ranges[open] = {whole.lowest, middle};
  if (Solve(constraints, ranges, solution)) return true;
  ranges[open] = {middle + 1, whole.highest};
  return Solve(constraints, ranges, solution);
}

// True when `unknown` can take a value other than `value`.
bool HasOtherValue(const Constraints& constraints, int unknown, long value) {
  std::vector<long> ignored;
  std::vector<Range> below = constraints.ranges;
  below[unknown].highest = value - 1;
  if (below[unknown].lowest <= value - 1 && Solve(constraints, below, &ignored)) return true;
  std::vector<Range> above = constraints.ranges;
  above[unknown].lowest = value + 1;
  return above[unknown].highest >= value + 1 && Solve(constraints, above, &ignored);
}

// An attacker's view of one published table: per grid entry, its shown value or its unknown.
struct View {
  int rows = 0;
  int columns = 0;
  std::vector<std::optional<long>> shown;
  std::vector<int> unknowns;  // -1 where shown
};

void AddLine(const View& view, const std::vector<int>& members, int total,
             Constraints& constraints) {
  Equation equation;
  for (const int member : members) {
    if (view.unknowns[member] >= 0) equation.terms.push_back({view.unknowns[member], 1});
    if (view.shown[member]) equation.sum -= *view.shown[member];
  }
  if (view.unknowns[total] >= 0) equation.terms.push_back({view.unknowns[total], -1});
  if (view.shown[total]) equation.sum += *view.shown[total];
  constraints.equations.push_back(std::move(equation));
}

void AddLines(const View& view, Constraints& constraints) {
  const int width = view.columns + 1;
  for (int r = 0; r <= view.rows; ++r) {
    std::vector<int> members;
    members.reserve(view.columns);
    for (int c = 0; c < view.columns; ++c) members.push_back(r * width + c);
    AddLine(view, members, r * width + view.columns, constraints);
  }
  for (int c = 0; c <= view.columns; ++c) {
    std::vector<int> members;
    members.reserve(view.rows);
    for (int r = 0; r < view.rows; ++r) members.push_back(r * width + c);
    AddLine(view, members, view.rows * width + c, constraints);
  }
}

View AddTable(const PublishedTable& table, long value_cap, Constraints& constraints) {
  View view{static_cast<int>(table.cells.size()), ColumnsOf(table), {}, {}};
  RequireShape(table, view.rows, view.columns);
  for (int r = 0; r <= view.rows; ++r) {
    for (int c = 0; c <= view.columns; ++c) {
      view.shown.push_back(PublishedAt(table, r, c));
      const bool unknown = !view.shown.back();
      view.unknowns.push_back(unknown ? static_cast<int>(constraints.ranges.size()) : -1);
      if (unknown) constraints.ranges.push_back({1, value_cap});
    }
  }
  AddLines(view, constraints);
  return view;
}

// No count of the longer period is below the same count of the period it contains.
void AddGrowth(const View& before, const View& after, int entry, Constraints& constraints) {
  const int earlier = before.unknowns[entry];
  const int later = after.unknowns[entry];
  if (earlier >= 0 && later >= 0) {
    constraints.differences.push_back({later, earlier, 0});
  } else if (earlier >= 0) {
    Range& range = constraints.ranges[earlier];
    range.highest = std::min(range.highest, *after.shown[entry]);
  } else if (later >= 0) {
    Range& range = constraints.ranges[later];
    range.lowest = std::max(range.lowest, *before.shown[entry]);
  }
}

// True when some unknown has one possible value, or when there is no assignment at all.
bool AnyUnknownFixed(const Constraints& constraints, std::vector<long>& solution) {
  if (!Solve(constraints, constraints.ranges, &solution)) return true;
  for (int u = 0; u < static_cast<int>(solution.size()); ++u) {
    if (!HasOtherValue(constraints, u, solution[u])) return true;
  }
  return false;
}

// True when the count of the added months at `entry` is in the rules' range and is shown (both
// releases show the entry) or has one possible value (both suppress it; where only one does,
// it has one possible value only if that "c" does).
bool AddedCountRevealed(const Constraints& constraints, const View& before, const View& after,
                        int entry, const std::vector<long>& solution,
                        const SuppressionRules& rules) {
  const int earlier = before.unknowns[entry];
  const int later = after.unknowns[entry];
  if (earlier < 0 && later < 0) {
    return InSuppressedRange(*after.shown[entry] - *before.shown[entry], rules);
  }
  if (earlier < 0 || later < 0) return false;
  const long added = solution[later] - solution[earlier];
  if (!InSuppressedRange(added, rules)) return false;
  std::vector<long> ignored;
  Constraints more = constraints;
  more.differences.push_back({later, earlier, added + 1});
  if (Solve(more, more.ranges, &ignored)) return false;
  more.differences.back() = {earlier, later, 1 - added};
  return !Solve(more, more.ranges, &ignored);
}

}  // namespace

bool IsCountTable(const CountTable& counts) {
  if (counts.cells.empty()) return true;
  const std::size_t columns = counts.cells[0].size();
  return std::all_of(counts.cells.begin(), counts.cells.end(), [columns](const auto& row) {
    return row.size() == columns &&
           std::all_of(row.begin(), row.end(), [](long count) { return count >= 0; });
  });
}

PublishedTable Suppress(const CountTable& counts, const SuppressionRules& rules) {
  RequireCountTable(counts);
  const Grid grid(counts);
  Suppression suppression = PrimarySuppression(grid, rules);
  Protect(grid, suppression);
  return Publish(grid, suppression);
}

PublishedTable SuppressAgainst(const CountTable& counts, const PublishedTable& earlier_contained,
                               const SuppressionRules& rules) {
  RequireCountTable(counts);
  const Grid grid(counts);
  RequireShape(earlier_contained, grid.Rows(), grid.Columns());
  const Earlier earlier = ReadEarlier(grid, earlier_contained);
  Suppression suppression = PrimarySuppression(grid, rules);
  SuppressDifferences(grid, earlier, rules, suppression);
  Protect(grid, suppression);
  return Publish(grid, suppression);
}

std::optional<double> PublishedRate(std::optional<long> numerator, std::optional<long> denominator,
                                    double per) {
  if (!numerator || !denominator || *denominator <= 0) return std::nullopt;
  return static_cast<double>(*numerator) / static_cast<double>(*denominator) * per;
}

std::string ShownCount(std::optional<long> count) {
  return count ? std::to_string(*count) : std::string(kSuppressedMark);
}

bool AnySuppressedCellRecoverable(const PublishedTable& table, long value_cap) {
  Constraints constraints;
  AddTable(table, value_cap, constraints);
  std::vector<long> solution;
  return AnyUnknownFixed(constraints, solution);
}

bool AnyCountRecoverableAcross(const PublishedTable& earlier, const PublishedTable& later,
                               long value_cap, const SuppressionRules& rules) {
  Constraints constraints;
  const View before = AddTable(earlier, value_cap, constraints);
  const View after = AddTable(later, value_cap, constraints);
  RequireShape(later, before.rows, before.columns);
  for (int entry = 0; entry < static_cast<int>(before.shown.size()); ++entry) {
    AddGrowth(before, after, entry, constraints);
  }
  std::vector<long> solution;
  if (AnyUnknownFixed(constraints, solution)) return true;
  for (int entry = 0; entry < static_cast<int>(before.shown.size()); ++entry) {
    if (AddedCountRevealed(constraints, before, after, entry, solution, rules)) return true;
  }
  return false;
}

}  // namespace harbour::profile
