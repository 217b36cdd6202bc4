#include "matching/batch.h"

#include <array>
#include <cstdio>
#include <unordered_set>

#include "common/csv.h"
#include "common/csv_reader.h"
#include "common/text.h"

namespace harbour::matching {
namespace {

constexpr std::size_t kColumns = 8;
constexpr std::size_t kMaxIdChars = 200;
constexpr std::size_t kMaxValueChars = 200;
constexpr std::array<std::string_view, kColumns> kColumnNames = {
    "record_id",     "agency", "given_name", "family_name",
    "date_of_birth", "sex",    "postcode",   "phone"};

std::string LinePrefix(std::size_t line) { return "line " + std::to_string(line) + ": "; }

// `value` quoted for a message, cut short when long.
std::string Quoted(std::string_view value) {
  std::string shown(value.substr(0, 40));
  return "\"" + shown + (value.size() > 40 ? "...\"" : "\"");
}

bool IsAllDigits(std::string_view text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// ISO yyyy-mm-dd, or dd/mm/yyyy (d/m/yyyy too).
Result<Date> ReadDate(std::string_view text) {
  if (text.find('/') == std::string_view::npos) return ParseDate(text);
  std::size_t first = text.find('/'), second = text.find('/', first + 1);
  if (second == std::string_view::npos) return ParseDate("");
  std::string_view day = text.substr(0, first), month = text.substr(first + 1, second - first - 1),
                   year = text.substr(second + 1);
  if (!IsAllDigits(day) || !IsAllDigits(month) || !IsAllDigits(year) || year.size() != 4) {
    return ParseDate("");
  }
  return DateFromParts(day, month, year);
}

// "female", "male" or "" from what the row says; nullopt when it says something else.
std::optional<std::string> ReadSex(std::string_view text) {
  std::string lower = AsciiLower(text);
  if (lower == "female" || lower == "f") return "female";
  if (lower == "male" || lower == "m") return "male";
  if (lower.empty() || lower == "not_known" || lower == "not known" || lower == "unknown" ||
      lower == "u") {
    return "";
  }
  return std::nullopt;
}

// The row's record, noting in `problems` each value left out.
MatchRecord ReadRecord(const CsvRecord& row, std::vector<BatchProblem>& problems) {
  auto cell = [&](std::size_t i) { return Trim(row.cells[i]); };
  auto leave_out = [&](std::size_t column, std::string_view value, const std::string& why) {
    problems.push_back({row.line,
                        LinePrefix(row.line) + std::string(kColumnNames[column]) + " " +
                            Quoted(value) + " " + why + "; matched without it.",
                        false});
  };
  MatchRecord r;
  r.id = cell(0);
  std::array<std::string*, 6> texts = {&r.agency, &r.given_name, &r.family_name,
                                       nullptr,   nullptr,       &r.postcode};
  for (std::size_t i = 1; i <= 6; ++i) {
    if (texts[i - 1] == nullptr) continue;
    std::string value = cell(i);
    if (CharacterCount(value) > kMaxValueChars) {
      leave_out(i, value, "is longer than 200 characters");
      continue;
    }
    *texts[i - 1] = std::move(value);
  }
  if (std::string value = cell(4); !value.empty()) {
    if (auto date = ReadDate(value); date) {
      r.date_of_birth = *date;
    } else {
      leave_out(4, value, "is not a date like 2012-03-04 or 04/03/2012");
    }
  }
  if (std::string value = cell(5); auto sex = ReadSex(value)) {
    r.sex = *sex;
  } else {
    leave_out(5, value, "is not female or male");
  }
  std::string phone = cell(7);
  if (phone.size() <= 100) r.phone = std::move(phone);
  return r;
}

std::unexpected<Error> Refuse(std::string message) {
  return Fail(ErrorKind::kInvalid, "invalid_batch", message, {{"file", message}});
}

std::string Number(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.4f", value);
  return buffer;
}

}  // namespace

Result<Batch> ParseBatch(std::string_view text) {
  if (text.size() > kMaxBatchBytes) return Refuse("The file is larger than 2 GiB.");
  if (text.starts_with(kCsvByteOrderMark)) text.remove_prefix(kCsvByteOrderMark.size());
  if (!IsValidUtf8(text)) return Refuse("The file is not UTF-8 text.");
  CsvReader reader(text);
  if (reader.AtEnd())
    return Refuse("The file is empty: it needs the header " + std::string(kBatchHeader) + ".");
  auto header = reader.Next();
  std::string joined;
  if (header) {
    for (std::size_t i = 0; i < header->cells.size(); ++i) {
      joined += (i > 0 ? "," : "") + AsciiLower(Trim(header->cells[i]));
    }
  }
  if (!header || joined != kBatchHeader) {
    return Refuse("The first line must be the header " + std::string(kBatchHeader) + ".");
  }
  Batch batch;
  std::unordered_set<std::string> ids;
  while (!reader.AtEnd()) {
    auto row = reader.Next();
    if (!row) {
      batch.problems.push_back({row.error().line,
                                LinePrefix(row.error().line) + row.error().sentence +
                                    " The rest of the file was not read.",
                                true});
      break;
    }
    if (row->cells.size() == 1 && Trim(row->cells[0]).empty()) continue;  // a blank line
    auto left_out = [&](const std::string& why) {
      batch.problems.push_back(
          {row->line, LinePrefix(row->line) + why + " The row is left out.", true});
    };
    if (row->cells.size() != kColumns) {
      left_out("has " + std::to_string(row->cells.size()) + " values, not 8.");
      continue;
    }
    std::string id = Trim(row->cells[0]);
    if (id.empty()) {
      left_out("has no record_id.");
      continue;
    }
    if (CharacterCount(id) > kMaxIdChars) {
      left_out("has a record_id longer than 200 characters.");
      continue;
    }
    if (!ids.insert(id).second) {
      left_out("uses the record_id " + Quoted(id) + " of an earlier row.");
      continue;
    }
    batch.records.push_back(ReadRecord(*row, batch.problems));
  }
  return batch;
}

std::string ClustersCsv(const std::vector<MatchRecord>& records, const Clusters& clusters) {
  std::string out = CsvRow({"record_id", "cluster_id"});
  for (std::size_t i = 0; i < records.size(); ++i) {
    out += CsvRow({records[i].id, records[clusters.cluster_of[i]].id});
  }
  return out;
}

void WritePairsCsv(const std::vector<MatchRecord>& records, const MatchResult& result,
                   const std::function<void(std::string_view)>& write) {
  std::vector<std::string> header = {"record_id_l", "record_id_r", "match_weight",
                                     "match_probability", "blocking_rule"};
  for (const auto& field : Fields()) {
    header.push_back(std::string(field.id) + "_level");
    header.push_back(std::string(field.id) + "_weight");
  }
  std::string chunk = CsvRow(header);
  const auto& rules = BlockingRules();
  for (std::size_t i = 0; i < result.pairs.size(); ++i) {
    const auto& p = result.pairs[i];
    Explanation e = Explain(result.model, p.levels, result.prepared[p.pair.a]);
    // Numbers are written as they are: a number is never read as a formula, and the guard's
    // apostrophe would make a negative weight text.
    std::string row = CsvCell(records[p.pair.a].id) + "," + CsvCell(records[p.pair.b].id) + "," +
                      Number(result.weights[i]) + "," + Number(e.probability) + "," +
                      std::string(rules[p.pair.rule].id);
    for (std::size_t f = 0; f < kFieldCount; ++f) {
      double weight = 0;  // the field's bar and its frequency adjustment, if any
      for (const auto& bar : e.bars) {
        if (bar.field == Field(f)) weight += bar.weight;
      }
      row += "," + CsvCell(Fields()[f].levels[p.levels[f]]) + "," + Number(weight);
    }
    chunk += row + "\r\n";
    if (chunk.size() > (1u << 20)) {
      write(chunk);
      chunk.clear();
    }
  }
  if (!chunk.empty()) write(chunk);
}

}  // namespace harbour::matching
