#include "profile/publish.h"

#include <cmath>
#include <cstdio>
#include <map>

#include "profile/suppression.h"

namespace harbour::profile {
namespace {

// The counts of `b` in the order of `rows`, 0 for a row it lacks.
std::vector<long> CountsIn(const Breakdown* b, const std::vector<BreakdownRow>& rows) {
  std::vector<long> counts(rows.size(), 0);
  if (b == nullptr) return counts;
  std::map<std::string, long> by_code;
  for (const auto& r : b->rows) by_code[r.code] = r.count;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    auto it = by_code.find(rows[i].code);
    if (it != by_code.end()) counts[i] = it->second;
  }
  return counts;
}

struct Column {
  std::vector<std::optional<long>> cells;
  std::optional<long> total;
};

Column Exact(const std::vector<long>& counts, long total) {
  Column c;
  for (long n : counts) c.cells.emplace_back(n);
  c.total = total;
  return c;
}

// An exclusive breakdown's rows add up to its total: one column with its total, primary and
// secondary suppression. Otherwise each row stands alone.
Column Suppressed(const std::vector<long>& counts, long total, bool exclusive) {
  Column c;
  if (!exclusive) {
    for (long n : counts) c.cells.push_back(PublishedCount(n));
    c.total = PublishedCount(total);
    return c;
  }
  CountTable table;
  for (long n : counts) table.cells.push_back({n});
  PublishedTable published = Suppress(table);
  for (const auto& row : published.cells) c.cells.push_back(row.at(0));
  c.total = published.grand_total;
  return c;
}

Column Released(const std::vector<long>& counts, long total, bool exclusive, Release release) {
  if (release == Release::kInternal) return Exact(counts, total);
  return Suppressed(counts, total, exclusive);
}

// A one-column table as published: its cells, and the total as every line's sum.
PublishedTable OneColumn(const std::vector<std::optional<long>>& cells,
                         const std::optional<long>& total) {
  PublishedTable t;
  for (const auto& cell : cells) {
    t.cells.push_back({cell});
    t.row_totals.push_back(cell);
    t.cell_marks.push_back({cell ? CellMark::kShown : CellMark::kPrimary});
    t.row_total_marks.push_back(cell ? CellMark::kShown : CellMark::kPrimary);
  }
  t.column_totals = {total};
  t.column_total_marks = {total ? CellMark::kShown : CellMark::kPrimary};
  t.grand_total = total;
  t.grand_total_mark = t.column_total_marks[0];
  return t;
}

std::optional<long> EarlierCount(const EarlierTable& earlier, const std::string& code) {
  auto it = earlier.rows.find(code);
  return it == earlier.rows.end() ? std::optional<long>(0) : it->second;
}

// The period's column released against the same table of an earlier, contained release.
Column ReleasedAgainst(const std::vector<BreakdownRow>& rows, long total, bool exclusive,
                       const EarlierTable& earlier) {
  std::vector<std::optional<long>> before;
  before.reserve(rows.size());
  for (const auto& r : rows) before.push_back(EarlierCount(earlier, r.code));
  Column c;
  auto alone = [](long count, const std::optional<long>& was) {
    CountTable one;
    one.cells.push_back({count});
    return SuppressAgainst(one, OneColumn({was}, was)).cells.at(0).at(0);
  };
  if (!exclusive) {
    for (std::size_t i = 0; i < rows.size(); ++i)
      c.cells.push_back(alone(rows[i].count, before[i]));
    c.total = alone(total, earlier.total);
    return c;
  }
  CountTable table;
  for (const auto& r : rows) table.cells.push_back({r.count});
  PublishedTable published = SuppressAgainst(table, OneColumn(before, earlier.total));
  for (const auto& row : published.cells) c.cells.push_back(row.at(0));
  c.total = published.grand_total;
  return c;
}

std::optional<double> Percent(const std::optional<long>& count, const std::optional<long>& total) {
  return PublishedRate(count, total, 100.0);
}

std::vector<ShownCompleteness> ShownCompletenessOf(const Breakdown& b, const Labels& labels,
                                                   Release release) {
  std::vector<ShownCompleteness> out;
  if (b.completeness.empty()) return out;
  // Agencies by (recorded, not recorded), with totals: one two-dimensional table.
  CountTable table;
  for (const auto& c : b.completeness) table.cells.push_back({c.recorded, c.counted - c.recorded});
  std::optional<PublishedTable> published;
  if (release == Release::kPublished) published = Suppress(table);
  for (std::size_t i = 0; i < b.completeness.size(); ++i) {
    const Completeness& c = b.completeness[i];
    ShownCompleteness shown;
    shown.agency_id = c.agency_id;
    auto name = labels.agencies.find(c.agency_id);
    shown.agency = name == labels.agencies.end() ? c.agency_id : name->second;
    if (published) {
      shown.counted = published->row_totals.at(i);
      shown.recorded = published->cells.at(i).at(0);
    } else {
      shown.counted = c.counted;
      shown.recorded = c.recorded;
    }
    shown.percent = Percent(shown.recorded, shown.counted);
    out.push_back(std::move(shown));
  }
  return out;
}

}  // namespace

std::optional<long> PublishedCount(long count) {
  CountTable one;
  one.cells.push_back({count});
  return Suppress(one).cells.at(0).at(0);
}

EarlierRelease PublishedCells(const std::vector<ShownBreakdown>& shown) {
  EarlierRelease out;
  for (const auto& b : shown) {
    EarlierTable& table = out[b.id];
    table.total = b.total;
    for (const auto& r : b.rows) table.rows[r.code] = r.count;
  }
  return out;
}

ShownBreakdown Show(const Breakdown& current, const Breakdown* previous, const Labels& labels,
                    Release release, const EarlierTable* earlier) {
  ShownBreakdown shown;
  shown.id = current.id;
  shown.title = current.title;
  shown.section = current.section;
  shown.counting = current.counting;
  shown.note = current.note;
  shown.exclusive = current.exclusive;
  Column now =
      earlier != nullptr && release == Release::kPublished && !current.rows.empty()
          ? ReleasedAgainst(current.rows, current.total, current.exclusive, *earlier)
          : Released(CountsIn(&current, current.rows), current.total, current.exclusive, release);
  Column before = Released(CountsIn(previous, current.rows), previous ? previous->total : 0,
                           current.exclusive, release);
  shown.total = now.total;
  shown.previous_total = before.total;
  for (std::size_t i = 0; i < current.rows.size(); ++i) {
    const BreakdownRow& r = current.rows[i];
    shown.rows.push_back(ShownRow{.code = r.code,
                                  .label = r.label,
                                  .count = now.cells[i],
                                  .previous = before.cells[i],
                                  .percent = Percent(now.cells[i], now.total),
                                  .previous_percent = Percent(before.cells[i], before.total),
                                  .percent_suppressed = !now.cells[i] || !now.total,
                                  .previous_percent_suppressed = !before.cells[i] || !before.total,
                                  .not_recorded = r.code == kNotRecorded});
  }
  shown.completeness = ShownCompletenessOf(current, labels, release);
  return shown;
}

std::vector<ShownBreakdown> ShowAll(const std::vector<Breakdown>& current,
                                    const std::vector<Breakdown>& previous, const Labels& labels,
                                    Release release, const EarlierRelease* earlier) {
  std::vector<ShownBreakdown> out;
  out.reserve(current.size());
  for (const auto& b : current) {
    const EarlierTable* table = nullptr;
    if (earlier != nullptr) {
      auto it = earlier->find(b.id);
      if (it != earlier->end()) table = &it->second;
    }
    out.push_back(Show(b, Find(previous, b.id), labels, release, table));
  }
  return out;
}

std::string CountText(const std::optional<long>& count) { return ShownCount(count); }

std::string PercentText(const std::optional<double>& percent, bool suppressed) {
  if (suppressed) return std::string(kSuppressedMark);
  if (!percent) return "";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f%%", *percent);
  return buffer;
}

}  // namespace harbour::profile
