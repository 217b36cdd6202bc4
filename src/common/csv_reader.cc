#include "common/csv_reader.h"

#include <utility>

namespace harbour {

std::expected<CsvRecord, CsvProblem> CsvReader::Next() {
  CsvRecord record{line_, {}};
  while (true) {
    auto cell = NextCell();
    if (!cell) {
      pos_ = text_.size();
      return std::unexpected(std::move(cell.error()));
    }
    record.cells.push_back(std::move(*cell));
    if (AtEnd()) return record;
    if (text_[pos_] == ',') {
      ++pos_;
      continue;
    }
    TakeLineBreak();
    return record;
  }
}

void CsvReader::TakeLineBreak() {
  if (!AtLineBreak()) return;
  if (text_[pos_] == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') ++pos_;
  ++pos_;
  ++line_;
}

std::expected<std::string, CsvProblem> CsvReader::NextCell() {
  if (AtEnd() || text_[pos_] != '"') {
    const std::size_t start = pos_;
    while (!AtEnd() && text_[pos_] != ',' && !AtLineBreak()) ++pos_;
    return std::string(text_.substr(start, pos_ - start));
  }
  const std::size_t opened = line_;
  ++pos_;
  std::string cell;
  while (true) {
    if (AtEnd()) {
      return std::unexpected(CsvProblem{
          opened, "Line " + std::to_string(opened) + " opens a quoted cell that is never closed."});
    }
    if (AtLineBreak()) {
      const std::size_t start = pos_;
      TakeLineBreak();
      cell.append(text_.substr(start, pos_ - start));
      continue;
    }
    const char c = text_[pos_++];
    if (c != '"') {
      cell.push_back(c);
      continue;
    }
    if (AtEnd() || text_[pos_] != '"') break;
    cell.push_back('"');
    ++pos_;
  }
  if (!AtEnd() && text_[pos_] != ',' && !AtLineBreak()) {
    return std::unexpected(CsvProblem{
        line_,
        "Line " + std::to_string(line_) + " has text after the closing quote of a quoted cell."});
  }
  return cell;
}

}  // namespace harbour
