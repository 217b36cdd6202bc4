#include "profile/population.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstddef>
#include <expected>
#include <map>
#include <tuple>
#include <utility>

#include "common/csv.h"
#include "common/csv_reader.h"
#include "common/text.h"

namespace harbour::profile {
namespace {

constexpr std::size_t kMaxAreaCodeChars = 20;
constexpr std::size_t kMaxQuotedValueBytes = 40;

// The columns ParsePopulationCsv reads, in the order of kColumnNames.
enum class Column { kAreaCode, kSex, kAge, kEthnicity, kPopulation };
constexpr std::array<std::string_view, 5> kColumnNames = {"area_code", "sex", "age", "ethnicity",
                                                          "population"};
constexpr std::size_t kColumnCount = kColumnNames.size();

constexpr std::string_view Name(Column column) {
  return kColumnNames[static_cast<std::size_t>(column)];
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiAlnum(char c) { return IsDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

std::string AsciiUpper(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

bool IsBlank(const CsvRecord& record) {
  return std::ranges::all_of(record.cells, [](const std::string& c) { return Trim(c).empty(); });
}

// The problems found so far, at most kMaxPopulationProblems; the first for a key is kept.
class Problems {
 public:
  bool Empty() const { return fields_.empty(); }
  bool Full() const { return fields_.size() >= kMaxPopulationProblems; }

  void Add(std::string key, std::string message) {
    if (fields_.contains(key)) return;
    if (Full()) {
      truncated_ = true;
      return;
    }
    fields_.emplace(std::move(key), std::move(message));
  }
  void MarkTruncated() { truncated_ = true; }

  std::unexpected<Error> Refusal() && {
    std::string message = Summary();
    if (truncated_) {
      fields_["more"] = "Checking stopped after " + std::to_string(fields_.size()) + " problems.";
    }
    return Fail(ErrorKind::kInvalid, "invalid_population", std::move(message), std::move(fields_));
  }

 private:
  // One sentence saying how many problems there are.
  std::string Summary() const {
    const std::string listed = std::to_string(fields_.size());
    if (truncated_) {
      return "The population file has at least " + listed + " problems (checking stopped there).";
    }
    if (fields_.size() == 1) return "The population file has a problem.";
    return "The population file has " + listed + " problems.";
  }

  std::map<std::string, std::string> fields_;
  bool truncated_ = false;
};

std::unexpected<Error> TooLarge(std::string message) {
  return Fail(ErrorKind::kTooLarge, "population_too_large", std::move(message));
}

std::unexpected<Error> RefuseFile(std::string key, std::string message) {
  Problems problems;
  problems.Add(std::move(key), std::move(message));
  return std::move(problems).Refusal();
}

// The first line of `text` (numbered from 1, line breaks as CsvReader counts them) that is not
// valid UTF-8; 0 when it all is. A line break is never part of a multi-byte sequence.
std::size_t FirstLineNotUtf8(std::string_view text) {
  std::size_t line = 1;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find_first_of("\r\n", start);
    if (end == std::string_view::npos) end = text.size();
    if (!IsValidUtf8(text.substr(start, end - start))) return line;
    if (end == text.size()) return 0;
    if (text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n') ++end;
    start = end + 1;
    ++line;
  }
  return 0;
}

// ` "value"` for a message, when the value is short and printable; otherwise nothing.
std::string Quoted(std::string_view value) {
  if (value.size() > kMaxQuotedValueBytes || HasControlCharacters(value) ||
      value.find('"') != std::string_view::npos) {
    return {};
  }
  return " \"" + std::string(value) + "\"";
}

// Where each column is in the header (index into the cells), or nullopt.
using ColumnIndex = std::array<std::optional<std::size_t>, kColumnCount>;

std::string LineKey(std::size_t line) { return "line " + std::to_string(line); }
std::string LineKey(std::size_t line, Column column) {
  return LineKey(line) + ": " + std::string(Name(column));
}
std::string LinePrefix(std::size_t line) { return "Line " + std::to_string(line); }

// Finds the columns named in the header; a required column missing or any named twice is a
// problem of the header's line.
ColumnIndex ReadHeader(const CsvRecord& header, Problems& problems) {
  ColumnIndex index;
  for (std::size_t i = 0; i < header.cells.size(); ++i) {
    const std::string name = AsciiLower(Trim(header.cells[i]));
    auto found = std::ranges::find(kColumnNames, name);
    if (found == kColumnNames.end()) continue;
    const auto column = static_cast<Column>(found - kColumnNames.begin());
    auto& at = index[static_cast<std::size_t>(column)];
    if (at) {
      problems.Add(LineKey(header.line, column),
                   LinePrefix(header.line) + ": the column " + name + " appears more than once.");
      continue;
    }
    at = i;
  }
  for (std::size_t c = 0; c < kColumnCount; ++c) {
    const auto column = static_cast<Column>(c);
    if (column == Column::kAreaCode || index[c]) continue;
    problems.Add(LineKey(header.line, column), LinePrefix(header.line) + ": the header has no " +
                                                   std::string(Name(column)) + " column.");
  }
  return index;
}

std::optional<std::string> ParseSex(std::string_view cell) {
  const std::string sex = AsciiLower(cell);
  if (sex == "1" || sex == "m" || sex == "male") return "male";
  if (sex == "2" || sex == "f" || sex == "female") return "female";
  return std::nullopt;
}

// A whole number of at most `max_digits` digits, nothing else.
std::optional<long> ParseWholeNumber(std::string_view cell, std::size_t max_digits) {
  if (cell.empty() || cell.size() > max_digits || !std::ranges::all_of(cell, IsDigit)) {
    return std::nullopt;
  }
  long value = 0;
  std::from_chars(cell.data(), cell.data() + cell.size(), value);
  return value;
}

std::optional<int> ParseAge(std::string_view cell) {
  if (cell == "90+") return kMaxPopulationAge;
  auto age = ParseWholeNumber(cell, 3);
  if (!age || *age > kMaxPopulationAge) return std::nullopt;
  return static_cast<int>(*age);
}

bool IsAreaCode(std::string_view code) {
  return !code.empty() && code.size() <= kMaxAreaCodeChars &&
         std::ranges::all_of(code, IsAsciiAlnum);
}

// One data row's values, once every one of them is valid.
struct Row {
  std::string area_code;
  std::string sex;
  int age = 0;
  std::string ethnicity;
  long count = 0;
};

// Reads and checks the row `record` against the header `index`, adding its problems.
class RowReader {
 public:
  RowReader(const CsvRecord& record, const ColumnIndex& index, Problems& problems)
      : record_(record), index_(index), problems_(problems) {}

  // The trimmed cell of `column`; nullopt when the file has no such column.
  std::optional<std::string> Cell(Column column) const {
    const auto& at = index_[static_cast<std::size_t>(column)];
    if (!at || *at >= record_.cells.size()) return std::nullopt;
    return Trim(record_.cells[*at]);
  }

  void Problem(Column column, std::string_view sentence) {
    problems_.Add(
        LineKey(record_.line, column),
        LinePrefix(record_.line) + ": " + std::string(Name(column)) + " " + std::string(sentence));
  }

  std::optional<Row> Read(const EthnicityCodes& ethnicity_codes, std::size_t header_cells) {
    if (!HasHeaderCells(header_cells)) return std::nullopt;
    Row row;
    bool valid = true;
    if (auto area = Cell(Column::kAreaCode)) {
      row.area_code = AsciiUpper(*area);
      valid = CheckArea(row.area_code) && valid;
    }
    auto sex = Required(Column::kSex, ParseSex,
                        "must be 1 or 2 (as ONS codes them), M, F, male or female.");
    auto age = Required(Column::kAge, ParseAge,
                        "must be a whole number of years from 0 to 90 (90 or 90+ for 90 and "
                        "over).");
    auto ethnicity = Ethnicity(ethnicity_codes);
    auto count = Count();
    if (!valid || !sex || !age || !ethnicity || !count) return std::nullopt;
    row.sex = std::move(*sex);
    row.age = *age;
    row.ethnicity = std::move(*ethnicity);
    row.count = *count;
    return row;
  }

 private:
  // True when the row has a cell for every header cell (more only when the extra ones are
  // blank).
  bool HasHeaderCells(std::size_t header_cells) {
    const std::size_t cells = record_.cells.size();
    bool extra_blank =
        std::all_of(record_.cells.begin() + std::min(cells, header_cells), record_.cells.end(),
                    [](const std::string& c) { return Trim(c).empty(); });
    if (cells == header_cells || (cells > header_cells && extra_blank)) return true;
    problems_.Add(LineKey(record_.line), LinePrefix(record_.line) + " has " +
                                             std::to_string(cells) + " cells; the header has " +
                                             std::to_string(header_cells) + ".");
    return false;
  }

  bool CheckArea(std::string_view code) {
    if (code.empty()) {
      Problem(Column::kAreaCode, "is blank.");
      return false;
    }
    if (!IsAreaCode(code)) {
      Problem(Column::kAreaCode,
              "must be letters and digits (an ONS code such as E06000001), at most 20.");
      return false;
    }
    return true;
  }

  // The value of a required column parsed by `parse`, or a problem: blank, or `invalid`.
  template <typename Parse>
  auto Required(Column column, Parse parse, std::string_view invalid)
      -> decltype(parse(std::string_view())) {
    const std::string cell = Cell(column).value_or("");
    if (cell.empty()) {
      Problem(column, "is blank.");
      return std::nullopt;
    }
    auto value = parse(cell);
    if (!value) Problem(column, invalid);
    return value;
  }

  std::optional<std::string> Ethnicity(const EthnicityCodes& ethnicity_codes) {
    const std::string cell = Cell(Column::kEthnicity).value_or("");
    if (cell.empty()) {
      Problem(Column::kEthnicity, "is blank.");
      return std::nullopt;
    }
    std::string code = AsciiLower(cell);
    if (ethnicity_codes.contains(code)) return code;
    problems_.Add(LineKey(record_.line, Column::kEthnicity),
                  LinePrefix(record_.line) + ": ethnicity" + Quoted(cell) +
                      " is not one of Harbour's ethnicity codes (such as white_british).");
    return std::nullopt;
  }

  std::optional<long> Count() {
    const std::string cell = Cell(Column::kPopulation).value_or("");
    if (cell.empty()) {
      Problem(Column::kPopulation, "is blank.");
      return std::nullopt;
    }
    auto count = ParseWholeNumber(cell, 18);
    if (!count) {
      Problem(Column::kPopulation, "must be a whole number of 0 or more.");
      return std::nullopt;
    }
    if (*count > kMaxPopulationCount) {
      Problem(Column::kPopulation, "must be at most " + std::to_string(kMaxPopulationCount) + ".");
      return std::nullopt;
    }
    return count;
  }

  const CsvRecord& record_;
  const ColumnIndex& index_;
  Problems& problems_;
};

// What the rows add up to, and what is needed to check each new row against the earlier ones.
class Tally {
 public:
  explicit Tally(std::string wanted_area) : wanted_area_(std::move(wanted_area)) {}

  // False when the row belongs to an area other than the one asked for (skip it unchecked).
  bool Wanted(const RowReader& reader) const {
    if (wanted_area_.empty()) return true;
    auto area = reader.Cell(Column::kAreaCode);
    return !area || AsciiUpper(*area) == wanted_area_;
  }

  void Add(const Row& row, std::size_t line, Problems& problems) {
    ++rows_;
    CheckArea(row.area_code, line, problems);
    auto [earlier, fresh] =
        lines_.try_emplace(std::tuple(row.area_code, row.sex, row.age, row.ethnicity), line);
    if (!fresh) {
      std::string what = (row.area_code.empty() ? "" : row.area_code + ", ") + row.sex + ", age " +
                         std::to_string(row.age) + ", " + row.ethnicity;
      problems.Add(LineKey(line), LinePrefix(line) + " repeats line " +
                                      std::to_string(earlier->second) + " (" + what + ").");
      return;
    }
    const AgeBand band = AgeBandOf(row.age);
    if (band == AgeBand::k18AndOver) {
      aged_18_and_over_ += row.count;
      return;
    }
    counts_[std::tuple(band, row.sex, row.ethnicity)] += row.count;
  }

  std::size_t Rows() const { return rows_; }

  Population Build() && {
    Population population;
    population.area_code = wanted_area_.empty() ? first_area_ : wanted_area_;
    population.aged_18_and_over = aged_18_and_over_;
    for (auto& [key, count] : counts_) {
      auto& [band, sex, ethnicity] = key;
      population.cells.push_back(PopulationCell{band, sex, ethnicity, count});
    }
    return population;
  }

 private:
  // Without an area asked for, every row must be of the first row's area (said once).
  void CheckArea(const std::string& area, std::size_t line, Problems& problems) {
    if (!wanted_area_.empty()) return;
    if (rows_ == 1) {
      first_area_ = area;
      first_area_line_ = line;
      return;
    }
    if (area == first_area_) return;
    problems.Add("area_code", "The file holds more than one area (" + first_area_ + " on line " +
                                  std::to_string(first_area_line_) + ", " + area + " on line " +
                                  std::to_string(line) + "): say which one to read.");
  }

  std::string wanted_area_;
  std::string first_area_;
  std::size_t first_area_line_ = 0;
  std::size_t rows_ = 0;
  long aged_18_and_over_ = 0;
  std::map<std::tuple<std::string, std::string, int, std::string>, std::size_t> lines_;
  std::map<std::tuple<AgeBand, std::string, std::string>, long> counts_;
};

bool Matches(const PopulationCell& cell, const PopulationSlice& slice) {
  return (!slice.band || cell.band == *slice.band) && (!slice.sex || cell.sex == *slice.sex) &&
         (!slice.ethnicity || cell.ethnicity == *slice.ethnicity);
}

}  // namespace

Result<Population> ParsePopulationCsv(std::string_view text, const EthnicityCodes& ethnicity_codes,
                                      std::string_view area_code) {
  if (text.size() > kMaxPopulationFileBytes) {
    return TooLarge("The population file is larger than " +
                    std::to_string(kMaxPopulationFileBytes / (1024 * 1024)) + " MB.");
  }
  if (text.starts_with(kCsvByteOrderMark)) text.remove_prefix(kCsvByteOrderMark.size());
  if (Trim(text).empty()) return RefuseFile("file", "The population file is empty.");
  if (std::size_t line = FirstLineNotUtf8(text); line != 0) {
    return RefuseFile(LineKey(line), LinePrefix(line) + " is not valid UTF-8 text.");
  }
  Problems problems;
  CsvReader reader(text);
  std::optional<CsvRecord> header;
  while (!header && !reader.AtEnd()) {
    auto record = reader.Next();
    if (!record) return RefuseFile(LineKey(record.error().line), record.error().sentence);
    if (!IsBlank(*record)) header = std::move(*record);
  }
  if (!header) return RefuseFile("file", "The population file is empty.");
  const ColumnIndex index = ReadHeader(*header, problems);
  if (!problems.Empty()) return std::move(problems).Refusal();

  const std::string wanted_area = AsciiUpper(Trim(area_code));
  Tally tally(wanted_area);
  std::size_t rows = 0;
  while (!reader.AtEnd()) {
    if (problems.Full()) {
      problems.MarkTruncated();
      break;
    }
    auto record = reader.Next();
    if (!record) {
      problems.Add(LineKey(record.error().line), record.error().sentence);
      break;
    }
    if (IsBlank(*record)) continue;
    if (++rows > kMaxPopulationRows) {
      return TooLarge("The population file has more than " + std::to_string(kMaxPopulationRows) +
                      " rows.");
    }
    RowReader row_reader(*record, index, problems);
    if (!tally.Wanted(row_reader)) continue;
    if (auto row = row_reader.Read(ethnicity_codes, header->cells.size())) {
      tally.Add(*row, record->line, problems);
    }
  }
  if (!problems.Empty()) return std::move(problems).Refusal();
  if (tally.Rows() == 0) {
    if (!wanted_area.empty() && rows > 0) {
      return RefuseFile("area_code",
                        "The population file has no rows for area " + wanted_area + ".");
    }
    return RefuseFile("file", "The population file has a header but no rows.");
  }
  return std::move(tally).Build();
}

long Count(const Population& population, const PopulationSlice& slice) {
  long total = 0;
  for (const PopulationCell& cell : population.cells) {
    if (Matches(cell, slice)) total += cell.count;
  }
  return total;
}

long Total(const Population& population) { return Count(population, {}); }

long CountBySex(const Population& population, std::string_view sex) {
  return Count(population, {.sex = std::string(sex)});
}

long CountByBand(const Population& population, AgeBand band) {
  return Count(population, {.band = band});
}

long CountByEthnicity(const Population& population, std::string_view ethnicity) {
  return Count(population, {.ethnicity = std::string(ethnicity)});
}

}  // namespace harbour::profile
