#include "web/profile/xlsx.h"

#include <spdlog/spdlog.h>
#include <stdlib.h>  // mkstemps
#include <unistd.h>
#include <xlsxwriter.h>

#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <iterator>
#include <memory>
#include <optional>

#include "common/text.h"

namespace harbour::web {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD
constexpr std::string_view kFormulaStarts = "=+-@\t\r";    // as common/csv.cc guards

constexpr std::string_view kAboutSheet = "About";
constexpr std::string_view kProfileSheet = "Profile";
constexpr std::string_view kTrendSheet = "Trend";
constexpr std::string_view kMonitoringSheet = "Monitoring";
constexpr bool IsSheetName(std::string_view name) { return !name.empty() && name.size() <= 31; }
static_assert(IsSheetName(kAboutSheet) && IsSheetName(kProfileSheet) && IsSheetName(kTrendSheet) &&
              IsSheetName(kMonitoringSheet));

// `value` with every byte that does not start a well-formed UTF-8 sequence replaced by U+FFFD,
// as CsvCell does. The sequence at the front is its shortest prefix (1 to 4 bytes) that
// IsValidUtf8 accepts; there is none when its first byte starts no valid sequence.
std::string ValidUtf8(std::string_view value) {
  if (IsValidUtf8(value)) return std::string(value);
  std::string out;
  while (!value.empty()) {
    std::size_t n = 1;
    while (n <= 4 && n <= value.size() && !IsValidUtf8(value.substr(0, n))) ++n;
    if (n > 4 || n > value.size()) {
      out += kReplacement;
      n = 1;
    } else {
      out.append(value.substr(0, n));
    }
    value.remove_prefix(n);
  }
  return out;
}

// The workbook's cell formats; libxlsxwriter owns them (they go with the workbook).
struct Formats {
  lxw_format* bold = nullptr;
  lxw_format* wrap = nullptr;     // long text: wrapped, top-aligned
  lxw_format* percent = nullptr;  // 0.0%
};

std::optional<Formats> MakeFormats(lxw_workbook* book) {
  Formats f{workbook_add_format(book), workbook_add_format(book), workbook_add_format(book)};
  if (f.bold == nullptr || f.wrap == nullptr || f.percent == nullptr) return std::nullopt;
  format_set_bold(f.bold);
  format_set_text_wrap(f.wrap);
  format_set_align(f.wrap, LXW_ALIGN_VERTICAL_TOP);
  format_set_num_format(f.percent, "0.0%");
  return f;
}

// One worksheet, written row by row. Every text cell goes through XlsxText and is written as a
// string (never a formula); the first libxlsxwriter error is kept and the rest ignored.
class Sheet {
 public:
  Sheet(lxw_worksheet* sheet, const Formats& formats) : sheet_(sheet), formats_(formats) {}

  const Formats& Format() const { return formats_; }
  lxw_error Error() const { return error_; }
  void Next() { ++row_; }

  // A text cell; "" leaves the cell empty.
  void Text(lxw_col_t col, std::string_view value, lxw_format* format = nullptr) {
    std::string text = XlsxText(value);
    if (text.empty()) return;
    Keep(worksheet_write_string(sheet_, row_, col, text.c_str(), format));
  }
  // Text cells from the first column on, then the next row.
  void Texts(std::initializer_list<std::string_view> values, lxw_format* format = nullptr) {
    lxw_col_t col = 0;
    for (std::string_view value : values) Text(col++, value, format);
    Next();
  }
  // A count as a number, or the text "c" when it is suppressed.
  void Count(lxw_col_t col, const std::optional<long>& count) {
    if (!count) return Text(col, profile::CountText(count));
    Keep(worksheet_write_number(sheet_, row_, col, static_cast<double>(*count), nullptr));
  }
  // A percentage (0 to 100) as a 0.0% number, "c" when suppressed, empty when there is none.
  void Percent(lxw_col_t col, const std::optional<double>& percent, bool suppressed) {
    if (suppressed || !percent) return Text(col, profile::PercentText(percent, suppressed));
    Keep(worksheet_write_number(sheet_, row_, col, *percent / 100.0, formats_.percent));
  }
  void Number(lxw_col_t col, double value) {
    Keep(worksheet_write_number(sheet_, row_, col, value, nullptr));
  }
  void Width(lxw_col_t first, lxw_col_t last, double width) {
    Keep(worksheet_set_column(sheet_, first, last, width, nullptr));
  }

 private:
  void Keep(lxw_error error) {
    if (error_ == LXW_NO_ERROR) error_ = error;
  }

  lxw_worksheet* sheet_;
  const Formats& formats_;
  lxw_row_t row_ = 0;
  lxw_error error_ = LXW_NO_ERROR;
};

// The header block of the CSV (profile::ProfileCsv), one label and value a row.
void WriteAbout(Sheet& s, const profile::ExportHeader& h) {
  s.Width(0, 0, 26);
  s.Width(1, 1, 100);
  auto pair = [&s](std::string_view label, std::string_view value) {
    s.Text(0, label, s.Format().bold);
    s.Text(1, value, s.Format().wrap);
    s.Next();
  };
  pair("Harbour problem profile", h.period_label);
  pair("Period", h.period_code);
  pair("Shown beside it", h.previous_label);
  pair("Filters", h.filters);
  pair("Generated", h.generated_at);
  pair("Release", h.release == profile::Release::kInternal
                      ? profile::kNotForPublication
                      : "Published: small numbers suppressed. OFFICIAL");
  pair("Legend", profile::kSuppressionLegend);
  pair("Legend", profile::kNotRecordedLegend);
}

// Each agency's completeness below its table, when the table has any.
void WriteCompleteness(Sheet& s, const std::vector<profile::ShownCompleteness>& completeness) {
  if (completeness.empty()) return;
  s.Texts({"", "Completeness by agency", "counted", "recorded", "percent recorded"},
          s.Format().bold);
  for (const auto& c : completeness) {
    s.Text(0, c.agency_id);
    s.Text(1, c.agency);
    s.Count(2, c.counted);
    s.Count(3, c.recorded);
    s.Percent(4, c.percent, !c.recorded || !c.counted);
    s.Next();
  }
}

// One table as the CSV has it: title, note, header row, rows, total, completeness, a blank row.
void WriteTable(Sheet& s, const profile::ShownBreakdown& b, const std::string& period_code) {
  lxw_format* bold = s.Format().bold;
  s.Texts({b.title}, bold);
  if (!b.note.empty()) s.Texts({b.note});
  s.Texts({"code", "row", period_code + " (" + b.counting + ")", "percent", "period before",
           "percent before"},
          bold);
  for (const auto& r : b.rows) {
    s.Text(0, r.code);
    s.Text(1, r.label);
    s.Count(2, r.count);
    s.Percent(3, r.percent, r.percent_suppressed);
    s.Count(4, r.previous);
    s.Percent(5, r.previous_percent, r.previous_percent_suppressed);
    s.Next();
  }
  s.Text(0, "total", bold);
  s.Text(1, b.exclusive ? "Total" : "Total " + b.counting + " (each counted once)", bold);
  s.Count(2, b.total);
  s.Count(4, b.previous_total);
  s.Next();
  WriteCompleteness(s, b.completeness);
  s.Next();
}

void WriteProfile(Sheet& s, const profile::ExportHeader& h,
                  const std::vector<profile::ShownBreakdown>& tables) {
  s.Width(0, 0, 22);
  s.Width(1, 1, 48);
  s.Width(2, 5, 18);
  for (const auto& table : tables) WriteTable(s, table, h.period_code);
}

// The months, suppressed one by one in a published release, exact in an internal one.
void WriteTrend(Sheet& s, const std::vector<profile::MonthCount>& trend, profile::Release release) {
  auto shown = [release](long n) {
    return release == profile::Release::kInternal ? std::optional<long>(n)
                                                  : profile::PublishedCount(n);
  };
  s.Width(0, 0, 12);
  s.Width(1, 3, 20);
  s.Texts({"Trend over 24 months"}, s.Format().bold);
  if (trend.empty()) {
    s.Texts(
        {"Not given for a filtered profile or a single table: the trend covers the whole area."});
    return;
  }
  s.Texts({"month", "children identified", "referrals", "missing episodes"}, s.Format().bold);
  for (const auto& m : trend) {
    s.Text(0, m.month);
    s.Count(1, shown(m.children));
    s.Count(2, shown(m.referrals));
    s.Count(3, shown(m.episodes));
    s.Next();
  }
}

// A grid (groups by levels, the tool against the panel, agencies by judgement) with its totals.
void WriteGrid(Sheet& s, const profile::ShownGrid& grid) {
  if (grid.cells.empty()) return;
  s.Texts({grid.title}, s.Format().bold);
  if (!grid.note.empty()) s.Texts({grid.note});
  lxw_col_t col = 1;
  for (const auto& label : grid.column_labels) s.Text(col++, label, s.Format().bold);
  s.Text(col, "Total", s.Format().bold);
  s.Next();
  for (std::size_t i = 0; i < grid.cells.size(); ++i) {
    s.Text(0, grid.row_labels[i]);
    col = 1;
    for (const auto& cell : grid.cells[i]) s.Count(col++, cell);
    s.Count(col, grid.row_totals[i]);
    s.Next();
  }
  s.Text(0, "Total", s.Format().bold);
  col = 1;
  for (const auto& total : grid.column_totals) s.Count(col++, total);
  s.Count(col, grid.grand_total);
  s.Next();
  s.Next();
}

void WriteEquality(Sheet& s, const profile::EqualityTable& table) {
  s.Texts({table.title, "per 10,000 children, with 95% Wilson intervals"}, s.Format().bold);
  s.Texts({"group", "identified", "population", "rate per 10,000", "95% interval from",
           "95% interval to", "identified well below the others"},
          s.Format().bold);
  for (const auto& row : table.rows) {
    s.Text(0, row.label);
    s.Count(1, row.identified);
    s.Number(2, static_cast<double>(row.population));
    if (row.rate) {
      s.Number(3, row.rate->per_10000);
      s.Number(4, row.rate->interval_per_10000.low);
      s.Number(5, row.rate->interval_per_10000.high);
    } else if (!row.identified) {
      s.Text(3, profile::CountText(std::nullopt));
    }
    s.Text(6, row.under_identified ? "yes" : "");
    s.Next();
  }
  s.Next();
}

// Equality rates, risk levels by group, and the tool's calibration.
void WriteMonitoring(Sheet& s, const Monitoring& m) {
  s.Width(0, 0, 40);
  s.Width(1, 7, 16);
  s.Texts({"Equality monitoring"}, s.Format().bold);
  if (m.equality.empty()) s.Texts({"No child population has been imported: no rates."});
  for (const auto& table : m.equality) WriteEquality(s, table);
  for (const auto& grid : m.levels) WriteGrid(s, grid);
  s.Texts({"Calibration of the risk tool"}, s.Format().bold);
  WriteGrid(s, m.confusion);
  if (m.kappa) {
    s.Text(0, "Linear-weighted kappa, the tool against the panel");
    s.Number(1, m.kappa->kappa);
    s.Next();
    s.Next();
  }
  WriteGrid(s, m.judgement);
}

// The four sheets; the first libxlsxwriter error, or LXW_NO_ERROR.
lxw_error WriteSheets(lxw_workbook* book, const profile::ExportHeader& header,
                      const std::vector<profile::ShownBreakdown>& tables,
                      const std::vector<profile::MonthCount>& trend, const Monitoring& monitoring) {
  std::optional<Formats> formats = MakeFormats(book);
  lxw_worksheet* about = workbook_add_worksheet(book, kAboutSheet.data());
  lxw_worksheet* profile = workbook_add_worksheet(book, kProfileSheet.data());
  lxw_worksheet* months = workbook_add_worksheet(book, kTrendSheet.data());
  lxw_worksheet* checks = workbook_add_worksheet(book, kMonitoringSheet.data());
  if (!formats || about == nullptr || profile == nullptr || months == nullptr ||
      checks == nullptr) {
    return LXW_ERROR_MEMORY_MALLOC_FAILED;
  }
  Sheet a(about, *formats);
  WriteAbout(a, header);
  Sheet p(profile, *formats);
  WriteProfile(p, header, tables);
  Sheet t(months, *formats);
  WriteTrend(t, trend, header.release);
  Sheet m(checks, *formats);
  WriteMonitoring(m, monitoring);
  for (lxw_error error : {a.Error(), p.Error(), t.Error(), m.Error()}) {
    if (error != LXW_NO_ERROR) return error;
  }
  return LXW_NO_ERROR;
}

// A file of this call's own in the temporary directory, made by mkstemps (created exclusively,
// mode 0600) and removed when this goes out of scope, whatever happened. Path() is "" when it
// could not be made.
class TempFile {
 public:
  TempFile() {
    std::error_code ec;
    fs::path dir = fs::temp_directory_path(ec);
    if (ec) return;
    std::string pattern = (dir / "harbour-profile-XXXXXX.xlsx").string();
    int fd = ::mkstemps(pattern.data(), static_cast<int>(std::string_view(".xlsx").size()));
    if (fd < 0) return;
    ::close(fd);
    path_ = std::move(pattern);
  }
  ~TempFile() {
    if (!path_.empty()) ::unlink(path_.c_str());
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;

  const std::string& Path() const { return path_; }

 private:
  std::string path_;
};

std::optional<std::string> ReadBack(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (in.bad()) return std::nullopt;
  return bytes;
}

// Closes (and frees) a workbook that was not closed on the normal path, e.g. on an exception.
struct CloseWorkbook {
  void operator()(lxw_workbook* book) const { workbook_close(book); }
};

// Logs `what` (a libxlsxwriter or file error, never the workbook's content) and fails.
std::unexpected<Error> Failed(std::string_view what) {
  spdlog::error("profile XLSX export failed: {}", what);
  return Fail(ErrorKind::kInternal, "xlsx_failed", "The spreadsheet could not be made.");
}

}  // namespace

std::string XlsxText(std::string_view value) {
  std::string text = ValidUtf8(value);
  if (!text.empty() && kFormulaStarts.find(text.front()) != std::string_view::npos) {
    text.insert(0, 1, '\'');
  }
  return text;
}

Result<std::string> ProfileXlsx(const profile::ExportHeader& header,
                                const std::vector<profile::ShownBreakdown>& tables,
                                const std::vector<profile::MonthCount>& trend,
                                const Monitoring& monitoring) {
  TempFile file;
  if (file.Path().empty()) return Failed("no temporary file could be made");
  std::unique_ptr<lxw_workbook, CloseWorkbook> book(workbook_new(file.Path().c_str()));
  if (!book) return Failed("libxlsxwriter could not start a workbook");
  lxw_error written = WriteSheets(book.get(), header, tables, trend, monitoring);
  lxw_error closed = workbook_close(book.release());
  if (written != LXW_NO_ERROR) return Failed(lxw_strerror(written));
  if (closed != LXW_NO_ERROR) return Failed(lxw_strerror(closed));
  std::optional<std::string> bytes = ReadBack(file.Path());
  if (!bytes || bytes->empty()) return Failed("the workbook could not be read back");
  return std::move(*bytes);
}

}  // namespace harbour::web
