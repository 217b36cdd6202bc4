#pragma once
// Reading CSV from outside (a population file, a partner's batch of records): RFC 4180 records
// one at a time, with the line each starts on, so that a problem can name its line. Pure; one
// reader per text, not shared between threads.
#include <cstddef>
#include <expected>
#include <string>
#include <string_view>
#include <vector>

namespace harbour {

// One record: the line it starts on and its cells, as written (unquoted, untrimmed).
struct CsvRecord {
  std::size_t line = 0;
  std::vector<std::string> cells;
};

// Why a record is malformed, and the line where.
struct CsvProblem {
  std::size_t line = 0;
  std::string sentence;
};

// Reads RFC 4180 records one at a time, numbering lines; CRLF, LF and a lone CR each end a line.
// After a malformed record (a quote left open, text after a closing quote) it is at its end.
class CsvReader {
 public:
  explicit CsvReader(std::string_view text) : text_(text) {}

  bool AtEnd() const { return pos_ >= text_.size(); }

  // The next record (call only when !AtEnd()), or why it is malformed.
  std::expected<CsvRecord, CsvProblem> Next();

 private:
  bool AtLineBreak() const { return !AtEnd() && (text_[pos_] == '\n' || text_[pos_] == '\r'); }
  // Consumes one line break (CRLF as one) when there is one at the current position, counting it.
  void TakeLineBreak();
  // One cell, up to (not including) the comma or line break that ends it.
  std::expected<std::string, CsvProblem> NextCell();

  std::string_view text_;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
};

}  // namespace harbour
