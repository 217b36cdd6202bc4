#pragma once
// CSV for exports (DESIGN.md §6): RFC 4180 text in UTF-8, with the formula-injection guard on
// every cell, so that a spreadsheet never runs what someone typed. Pure and thread-safe.
#include <string>
#include <string_view>
#include <vector>

namespace harbour {

// The UTF-8 byte order mark, written first so that spreadsheet programs read the file as UTF-8.
inline constexpr std::string_view kCsvByteOrderMark = "\xEF\xBB\xBF";

// One cell: a value starting with '=', '+', '-', '@', a tab or a carriage return (what
// spreadsheets read as the start of a formula) gets a leading apostrophe; invalid UTF-8 is
// replaced by U+FFFD; the cell is then quoted, with '"' doubled, when it holds a comma, a
// quote, a line break or a leading or trailing space.
std::string CsvCell(std::string_view value);

// One record: the cells joined by commas, ending in CRLF.
std::string CsvRow(const std::vector<std::string>& values);

}  // namespace harbour
