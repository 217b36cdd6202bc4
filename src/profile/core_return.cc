#include "profile/core_return.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <utility>

#include "common/csv.h"
#include "common/json_depth.h"
#include "profile/export.h"
#include "profile/suppression.h"

namespace harbour::profile {
namespace {

using nlohmann::json;

// The file nests root > return > tables > table > rows > row: six levels.
constexpr int kMaxReturnDepth = 8;
constexpr std::size_t kMaxTextBytes = 200;

// ---------------------------------------------------------------------------------------------
// Problems, each under the path of its field.

class Problems {
 public:
  void Add(std::string path, std::string message) {
    if (list_.size() < kMaxReturnProblems) {
      list_.emplace_back(std::move(path), std::move(message));
    } else {
      ++more_;
    }
  }
  bool Empty() const { return list_.empty(); }
  // kInvalid naming `file` and the first problem, every problem in `fields`.
  std::unexpected<Error> Refusal(std::string_view file) const {
    std::map<std::string, std::string> fields;
    for (const auto& [path, message] : list_) fields.emplace(path, message);
    if (more_ > 0) fields["more"] = "and " + std::to_string(more_) + " more problems";
    if (list_.empty()) {
      return Fail(ErrorKind::kInvalid, "invalid_return",
                  std::string(file) + ": file: is not a return", {{"file", "is not a return"}});
    }
    const auto& [path, message] = list_.front();
    return Fail(ErrorKind::kInvalid, "invalid_return",
                std::string(file) + ": " + path + ": " + message, std::move(fields));
  }

 private:
  std::vector<std::pair<std::string, std::string>> list_;
  std::size_t more_ = 0;
};

std::unexpected<Error> Refuse(std::string_view file, std::string path, std::string message) {
  Problems problems;
  problems.Add(std::move(path), std::move(message));
  return problems.Refusal(file);
}

// Reads the members of one JSON object, noting each problem under its path; members it was not
// asked for are noted by Done().
class ObjectReader {
 public:
  ObjectReader(const json& object, std::string path, Problems& problems)
      : object_(object), path_(std::move(path)), problems_(problems) {}

  std::string PathOf(std::string_view key) const {
    return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
  }

  // The member, or nullptr (noted as missing).
  const json* Member(std::string_view key) {
    read_.emplace(key);
    auto it = object_.find(key);
    if (it == object_.end()) {
      problems_.Add(PathOf(key), "is missing");
      return nullptr;
    }
    return &*it;
  }
  std::optional<std::string> Text(std::string_view key) {
    const json* value = Member(key);
    if (value == nullptr) return std::nullopt;
    if (!value->is_string()) return Wrong(key, "must be text");
    const auto& text = value->get_ref<const std::string&>();
    if (text.size() > kMaxTextBytes) return Wrong(key, "must be 200 bytes or fewer");
    return text;
  }
  std::optional<long> Count(std::string_view key) {
    const json* value = Member(key);
    if (value == nullptr) return std::nullopt;
    constexpr std::string_view kWhole = "must be a whole number of 0 or more";
    if (!value->is_number_integer()) return Wrong(key, std::string(kWhole));
    if (value->is_number_unsigned()) {
      if (value->get<std::uint64_t>() > static_cast<std::uint64_t>(kMaxReturnCount)) {
        return Wrong(key, "must be at most " + std::to_string(kMaxReturnCount));
      }
      return static_cast<long>(value->get<std::uint64_t>());
    }
    const std::int64_t n = value->get<std::int64_t>();
    if (n < 0) return Wrong(key, std::string(kWhole));
    if (n > kMaxReturnCount)
      return Wrong(key, "must be at most " + std::to_string(kMaxReturnCount));
    return static_cast<long>(n);
  }
  std::optional<bool> Bool(std::string_view key) {
    const json* value = Member(key);
    if (value == nullptr) return std::nullopt;
    if (!value->is_boolean()) return Wrong(key, "must be true or false");
    return value->get<bool>();
  }
  const json* Object(std::string_view key) {
    const json* value = Member(key);
    if (value == nullptr || value->is_object()) return value;
    Wrong(key, "must be an object");
    return nullptr;
  }
  const json* Array(std::string_view key, std::size_t max_size) {
    const json* value = Member(key);
    if (value == nullptr) return nullptr;
    if (!value->is_array()) {
      Wrong(key, "must be a list");
      return nullptr;
    }
    if (value->size() > max_size) {
      Wrong(key, "must hold at most " + std::to_string(max_size) + " entries");
      return nullptr;
    }
    return value;
  }
  // Notes every member that was not read.
  void Done() {
    for (const auto& [key, value] : object_.items()) {
      if (!read_.contains(key)) problems_.Add(PathOf(key), "is not a field of a version 1 return");
    }
  }
  std::nullopt_t Wrong(std::string_view key, std::string message) {
    problems_.Add(PathOf(key), std::move(message));
    return std::nullopt;
  }

 private:
  const json& object_;
  std::string path_;
  Problems& problems_;
  std::set<std::string, std::less<>> read_;
};

bool IsRowCode(std::string_view code) {
  if (code.empty() || code.size() > 64) return false;
  return std::ranges::all_of(
      code, [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

std::string Indexed(const std::string& path, std::size_t index) {
  return path + "[" + std::to_string(index) + "]";
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// The core data set.

const std::vector<CoreTable>& CoreDataSet() {
  static const std::vector<CoreTable> kTables = {
      {"children", true},
      {"risk_tool_level", true},
      {"risk_judged_level", true},
      {"panel_category", true},
      {"age_band", true},
      {"sex", true},
      {"ethnicity", true},
      {"disability", true},
      {"looked_after", true},
      {"placing_authority", true},
      {"school", true},
      {"concern_category", false},
      {"exploitation_model", false},
      {"exploitation_element", false},
      {"missing_episodes", true},
      {"return_interview_offered", true},
      {"return_interview_held", true},
      {"screening_time", true},
      {"repeat_referrals", true},
      {"panel_outcomes", true},
      {"disruption", true},
      {"people_sex", true},
      {"people_age_band", true},
      {"people_ethnicity", true},
      {"people_group", true},
      {"reviews_overdue", true},
      {"actions_overdue", true},
  };
  return kTables;
}

const CoreTable* FindCoreTable(std::string_view id) {
  for (const CoreTable& table : CoreDataSet()) {
    if (table.id == id) return &table;
  }
  return nullptr;
}

CoreReturn BuildReturn(const std::vector<Breakdown>& exact, std::string partnership_code,
                       std::string partnership_name, const Period& period, Instant generated_at) {
  CoreReturn out;
  out.partnership_code = std::move(partnership_code);
  out.partnership_name = std::move(partnership_name);
  out.period = period;
  out.generated_at = generated_at;
  for (const CoreTable& core : CoreDataSet()) {
    const Breakdown* b = Find(exact, core.id);
    if (b == nullptr) continue;
    ReturnTable table{.id = b->id, .exclusive = b->exclusive, .total = b->total, .rows = {}};
    for (const BreakdownRow& row : b->rows) table.rows.push_back({row.code, row.count});
    out.tables.push_back(std::move(table));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Writing and signing.

namespace {

json BodyJson(const CoreReturn& r) {
  json tables = json::array();
  for (const ReturnTable& t : r.tables) {
    json rows = json::array();
    for (const ReturnRow& row : t.rows) rows.push_back({{"code", row.code}, {"count", row.count}});
    tables.push_back(
        {{"id", t.id}, {"exclusive", t.exclusive}, {"total", t.total}, {"rows", std::move(rows)}});
  }
  return json{{"schema_version", r.schema_version},
              {"partnership_code", r.partnership_code},
              {"partnership_name", r.partnership_name},
              {"period",
               {{"code", PeriodCode(r.period)},
                {"first_day", FormatDate(r.period.first)},
                {"last_day", FormatDate(r.period.last)}}},
              {"generated_at", FormatRfc3339(r.generated_at)},
              {"tables", std::move(tables)}};
}

// What is signed: the body with its keys sorted (nlohmann's objects are ordered maps) and no
// white space; strings as UTF-8, escaped as RFC 8785 escapes them.
std::optional<std::string> Canonical(const json& body) {
  try {
    return body.dump();
  } catch (const json::exception&) {
    return std::nullopt;  // not UTF-8: the parser never lets such a string through
  }
}

std::string SignedFileText(const json& body, const std::string& canonical, const SecretKey& key) {
  json file = {{"return", body},
               {"signature",
                {{"algorithm", "ed25519"},
                 {"key_id", KeyId(key.Public())},
                 {"public_key", EncodePublicKey(key.Public())},
                 {"value", Base64(key.Sign(canonical))}}}};
  return file.dump(2) + "\n";
}

std::optional<CoreReturn> ReadBody(const json& body, Problems& problems);

// The JSON value of `text`, or why it is not one the reader takes.
std::optional<json> ParseStrict(std::string_view text, std::string_view file, Error& error) {
  auto refuse = [&](std::string message) {
    error = Refuse(file, "file", std::move(message)).error();
    return std::nullopt;
  };
  if (text.size() > kMaxReturnBytes) {
    return refuse("is larger than a return can be (" + std::to_string(kMaxReturnBytes / 1024) +
                  " KiB)");
  }
  if (NestsDeeperThan(text, kMaxReturnDepth)) return refuse("nests deeper than a return does");
  std::vector<std::set<std::string>> keys;
  std::string repeated;
  bool infinite = false;
  json::parser_callback_t track = [&](int, json::parse_event_t event, json& parsed) {
    if (event == json::parse_event_t::value && parsed.is_number_float() &&
        !std::isfinite(parsed.get<double>())) {
      infinite = true;  // it would be written back as null
    }
    if (event == json::parse_event_t::object_start) keys.emplace_back();
    if (event == json::parse_event_t::object_end && !keys.empty()) keys.pop_back();
    if (event == json::parse_event_t::key && !keys.empty() &&
        !keys.back().insert(parsed.get<std::string>()).second && repeated.empty()) {
      repeated = parsed.get<std::string>();
    }
    return true;
  };
  json root = json::parse(text, track, false);
  if (root.is_discarded()) return refuse("is not JSON text");
  if (infinite) return refuse("has a number too large for JSON");
  if (!repeated.empty()) {
    return refuse("has the key \"" + repeated.substr(0, 64) + "\" twice in one object");
  }
  return root;
}

}  // namespace

Result<std::string> SignReturnBody(std::string_view body_json, const SecretKey& key) {
  Error error;
  auto body = ParseStrict(body_json, "the return", error);
  if (!body) return std::unexpected(error);
  if (!body->is_object()) return Refuse("the return", "return", "must be a JSON object");
  auto canonical = Canonical(*body);
  if (!canonical) return Refuse("the return", "return", "must be UTF-8 text");
  return SignedFileText(*body, *canonical, key);
}

Result<std::string> SignReturn(const CoreReturn& core_return, const SigningKey& key) {
  if (core_return.partnership_code != key.partnership_code) {
    return Refuse("the return", "return.partnership_code",
                  "is " + core_return.partnership_code + ", but the key is the key of " +
                      key.partnership_code);
  }
  json body = BodyJson(core_return);
  Problems problems;
  if (!ReadBody(body, problems)) return problems.Refusal("the return");
  auto canonical = Canonical(body);
  if (!canonical) return Refuse("the return", "return", "must be UTF-8 text");
  return SignedFileText(body, *canonical, key.key);
}

// ---------------------------------------------------------------------------------------------
// Reading the body, field by field.

namespace {

std::optional<Period> ReadPeriod(const json& object, Problems& problems) {
  ObjectReader r(object, "return.period", problems);
  auto code = r.Text("code");
  auto first = r.Text("first_day");
  auto last = r.Text("last_day");
  r.Done();
  if (!code || !first || !last) return std::nullopt;
  auto period = ParsePeriod(*code);
  if (!period) {
    return r.Wrong("code",
                   "must be a month (2026-09), a quarter (2026-Q3), a year (2026) or a "
                   "financial year (2026-27)");
  }
  auto first_day = ParseDate(*first);
  auto last_day = ParseDate(*last);
  if (!first_day || *first_day != period->first) {
    return r.Wrong("first_day",
                   "must be " + FormatDate(period->first) + ", the first day of " + *code);
  }
  if (!last_day || *last_day != period->last) {
    return r.Wrong("last_day",
                   "must be " + FormatDate(period->last) + ", the last day of " + *code);
  }
  return *period;
}

std::optional<ReturnRow> ReadRow(const json& value, const std::string& path, Problems& problems) {
  if (!value.is_object()) {
    problems.Add(path, "must be an object");
    return std::nullopt;
  }
  ObjectReader r(value, path, problems);
  auto code = r.Text("code");
  auto count = r.Count("count");
  r.Done();
  if (code && !IsRowCode(*code)) {
    return r.Wrong("code", "must be a code of 1 to 64 lower-case letters, digits and '_'");
  }
  if (!code || !count) return std::nullopt;
  return ReturnRow{*code, *count};
}

// The rows of a table; nullopt when one is unusable (each problem noted).
std::optional<std::vector<ReturnRow>> ReadRows(const json& rows, const std::string& path,
                                               Problems& problems) {
  std::vector<ReturnRow> out;
  std::set<std::string> codes;
  bool usable = true;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    auto row = ReadRow(rows[i], Indexed(path, i), problems);
    if (!row) {
      usable = false;
      continue;
    }
    if (!codes.insert(row->code).second) {
      problems.Add(Indexed(path, i) + ".code", "\"" + row->code + "\" is a row already");
      usable = false;
      continue;
    }
    out.push_back(std::move(*row));
  }
  if (!usable) return std::nullopt;
  return out;
}

// An exclusive table's rows add up to its total; no row of another is above it.
void CheckSums(const ReturnTable& t, const std::string& path, Problems& problems) {
  long sum = 0;
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    sum += t.rows[i].count;
    if (!t.exclusive && t.rows[i].count > t.total) {
      problems.Add(Indexed(path + ".rows", i) + ".count",
                   "is more than the table's total (" + std::to_string(t.total) + ")");
    }
  }
  if (t.exclusive && sum != t.total) {
    problems.Add(path + ".total", "is " + std::to_string(t.total) + ", but the rows add up to " +
                                      std::to_string(sum) + " (each one counted is in one row)");
  }
}

std::optional<ReturnTable> ReadTable(const json& value, const std::string& path,
                                     Problems& problems) {
  if (!value.is_object()) {
    problems.Add(path, "must be an object");
    return std::nullopt;
  }
  ObjectReader r(value, path, problems);
  auto id = r.Text("id");
  auto exclusive = r.Bool("exclusive");
  auto total = r.Count("total");
  const json* rows = r.Array("rows", kMaxReturnRows);
  r.Done();
  const CoreTable* core = id ? FindCoreTable(*id) : nullptr;
  if (id && core == nullptr) return r.Wrong("id", "\"" + *id + "\" is not a core data set table");
  if (core != nullptr && exclusive && *exclusive != core->exclusive) {
    return r.Wrong("exclusive", std::string("must be ") + (core->exclusive ? "true" : "false") +
                                    " for the table " + *id);
  }
  auto read_rows = rows != nullptr ? ReadRows(*rows, path + ".rows", problems) : std::nullopt;
  if (!id || !exclusive || !total || !read_rows) return std::nullopt;
  ReturnTable table{.id = *id, .exclusive = *exclusive, .total = *total, .rows = *read_rows};
  CheckSums(table, path, problems);
  return table;
}

// Every table of the core data set, once each, in the core data set's order.
std::optional<std::vector<ReturnTable>> ReadTables(const json& tables, Problems& problems) {
  std::map<std::string, ReturnTable> by_id;
  bool usable = true;
  for (std::size_t i = 0; i < tables.size(); ++i) {
    std::string path = Indexed("return.tables", i);
    auto table = ReadTable(tables[i], path, problems);
    if (!table) {
      usable = false;
    } else if (by_id.contains(table->id)) {
      problems.Add(path + ".id", "the table " + table->id + " is in the return already");
      usable = false;
    } else {
      by_id.emplace(table->id, std::move(*table));
    }
  }
  std::vector<ReturnTable> out;
  std::string lacking;
  for (const CoreTable& core : CoreDataSet()) {
    auto it = by_id.find(std::string(core.id));
    if (it != by_id.end()) {
      out.push_back(std::move(it->second));
    } else if (usable) {
      lacking += (lacking.empty() ? "" : ", ") + std::string(core.id);
    }
  }
  if (!lacking.empty()) problems.Add("return.tables", "lacks core data set tables: " + lacking);
  if (!usable || !lacking.empty()) return std::nullopt;
  return out;
}

void ReadPartnership(ObjectReader& r, CoreReturn& out, bool& usable) {
  auto code = r.Text("partnership_code");
  if (code && !IsPartnershipCode(*code)) {
    r.Wrong("partnership_code", "must be 1 to 32 letters, digits, '-' or '_'");
    code.reset();
  }
  auto name = r.Text("partnership_name");
  if (name) {
    if (auto problem = PartnershipNameProblem(*name); !problem.empty()) {
      r.Wrong("partnership_name", problem);
      name.reset();
    }
  }
  if (!code || !name) usable = false;
  if (code) out.partnership_code = *code;
  if (name) out.partnership_name = *name;
}

std::optional<Instant> ReadGeneratedAt(ObjectReader& r, const std::optional<Period>& period) {
  auto text = r.Text("generated_at");
  if (!text) return std::nullopt;
  auto at = ParseRfc3339(*text);
  if (!at) return r.Wrong("generated_at", "must be a time such as 2026-10-01T09:00:00Z");
  if (period && LondonDate(*at) <= period->last) {
    return r.Wrong("generated_at", "is before the period ended (" + FormatDate(period->last) +
                                       "): a return covers a period that is over");
  }
  return *at;
}

std::optional<CoreReturn> ReadBody(const json& body, Problems& problems) {
  CoreReturn out;
  ObjectReader r(body, "return", problems);
  bool usable = true;
  auto version = r.Count("schema_version");
  if (version && *version != kReturnSchemaVersion) {
    r.Wrong("schema_version", "must be 1: this Harbour reads version 1 returns");
  }
  ReadPartnership(r, out, usable);
  const json* period_json = r.Object("period");
  auto period = period_json ? ReadPeriod(*period_json, problems) : std::nullopt;
  auto generated_at = ReadGeneratedAt(r, period);
  const json* tables_json = r.Array("tables", CoreDataSet().size() + 16);
  auto tables = tables_json ? ReadTables(*tables_json, problems) : std::nullopt;
  r.Done();
  if (!usable || !period || !generated_at || !tables || !problems.Empty()) return std::nullopt;
  out.period = *period;
  out.generated_at = *generated_at;
  out.tables = std::move(*tables);
  return out;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Reading the file: its text, the envelope, the key and the signature, then the body.

namespace {

struct SignedFile {
  const json* body = nullptr;
  std::string key_id, public_key, value;
};

// The envelope's shape: {"return": {...}, "signature": {four texts}}.
std::optional<SignedFile> ReadEnvelope(const json& root, Problems& problems) {
  if (!root.is_object()) {
    problems.Add("file", "must be a JSON object with \"return\" and \"signature\"");
    return std::nullopt;
  }
  SignedFile out;
  ObjectReader r(root, "", problems);
  out.body = r.Object("return");
  const json* signature = r.Object("signature");
  r.Done();
  if (signature == nullptr) return std::nullopt;
  ObjectReader s(*signature, "signature", problems);
  auto algorithm = s.Text("algorithm");
  if (algorithm && *algorithm != "ed25519") s.Wrong("algorithm", "must be \"ed25519\"");
  auto key_id = s.Text("key_id");
  auto public_key = s.Text("public_key");
  auto value = s.Text("value");
  s.Done();
  if (out.body == nullptr || !key_id || !public_key || !value || !problems.Empty()) {
    return std::nullopt;
  }
  out.key_id = *key_id;
  out.public_key = *public_key;
  out.value = *value;
  return out;
}

// What must hold before the signature can be checked: the version and whose return it is.
std::optional<std::string> ReadWhose(const json& body, Problems& problems) {
  auto version = body.find("schema_version");
  if (version == body.end() || !version->is_number_integer() ||
      version->get<long>() != kReturnSchemaVersion) {
    problems.Add("return.schema_version", "must be 1: this Harbour reads version 1 returns");
    return std::nullopt;
  }
  auto code = body.find("partnership_code");
  if (code == body.end() || !code->is_string() ||
      !IsPartnershipCode(code->get_ref<const std::string&>())) {
    problems.Add("return.partnership_code", "must be a partnership code");
    return std::nullopt;
  }
  return code->get<std::string>();
}

// The signature of the body, by the key trusted for its partnership.
void CheckSignature(const SignedFile& envelope, const std::string& code, const TrustedKeys& trusted,
                    Problems& problems) {
  auto trusted_key = trusted.find(code);
  if (trusted_key == trusted.end()) {
    return problems.Add("return.partnership_code",
                        "no key is trusted for the partnership " + code +
                            " (the trusted-keys file has no line for it)");
  }
  auto key = DecodePublicKey(envelope.public_key);
  if (!key) return problems.Add("signature.public_key", "must be 44 characters of base64");
  if (*key != trusted_key->second) {
    return problems.Add("signature.public_key", "is the key " + KeyId(*key) +
                                                    ", not the key trusted for " + code + " (" +
                                                    KeyId(trusted_key->second) + ")");
  }
  if (envelope.key_id != KeyId(*key)) {
    return problems.Add("signature.key_id", "must be " + KeyId(*key) + ", the public key's id");
  }
  auto value = FromBase64(envelope.value);
  if (!value || value->size() != 64) {
    return problems.Add("signature.value", "must be 88 characters of base64 (64 bytes)");
  }
  auto canonical = Canonical(*envelope.body);
  if (!canonical || !Verify(*key, *canonical, *value)) {
    problems.Add("signature",
                 "does not match the return (the file was changed after it was "
                 "signed, or signed by another key)");
  }
}

}  // namespace

Result<CoreReturn> ReadReturn(std::string_view json_text, const TrustedKeys& trusted,
                              std::string_view file_name) {
  Error error;
  auto root = ParseStrict(json_text, file_name, error);
  if (!root) return std::unexpected(error);
  Problems problems;
  auto envelope = ReadEnvelope(*root, problems);
  if (!envelope) return problems.Refusal(file_name);
  auto code = ReadWhose(*envelope->body, problems);
  if (!code) return problems.Refusal(file_name);
  CheckSignature(*envelope, *code, trusted, problems);
  if (!problems.Empty()) return problems.Refusal(file_name);
  auto body = ReadBody(*envelope->body, problems);
  if (!body) return problems.Refusal(file_name);
  return *body;
}

// ---------------------------------------------------------------------------------------------
// Combining.

namespace {

// "very_high" as "Very high" (the profile's words for a risk level).
std::string Capitalised(const std::string& code) {
  std::string text = code;
  std::replace(text.begin(), text.end(), '_', ' ');
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = char(text[0] - 'a' + 'A');
  return text;
}

std::string RowLabel(std::string_view table, const std::string& code, const Labels& labels) {
  if (table == "ethnicity" || table == "people_ethnicity") {
    auto it = labels.ethnicity.find(code);
    return it == labels.ethnicity.end() ? code : it->second;
  }
  if (table == "risk_tool_level" || table == "risk_judged_level") {
    const ToolLevel* level = FindLevel(labels, code);
    return level != nullptr ? level->label : Capitalised(code);
  }
  return code;
}

// The profile's tables with nothing counted: their titles, notes and rows.
std::vector<Breakdown> Skeleton(const Labels& labels) {
  AreaFacts nothing;
  return Breakdowns(nothing, labels, WorkingCalendar(std::set<Date>{}));
}

void AddRow(Breakdown& b, const ReturnRow& row, const Labels& labels) {
  for (BreakdownRow& existing : b.rows) {
    if (existing.code == row.code) {
      existing.count += row.count;
      return;
    }
  }
  // A code the profile has no fixed row for goes before "Not recorded", which stays last.
  auto at = std::find_if(b.rows.begin(), b.rows.end(),
                         [](const BreakdownRow& r) { return r.code == kNotRecorded; });
  b.rows.insert(at, BreakdownRow{.code = row.code,
                                 .label = RowLabel(b.id, row.code, labels),
                                 .count = row.count,
                                 .child_ids = {}});
}

Breakdown CombinedTable(const CoreTable& core, const std::vector<Breakdown>& skeleton,
                        const std::vector<ReceivedReturn>& returns, const Labels& labels) {
  const Breakdown* shape = Find(skeleton, core.id);
  Breakdown b = shape != nullptr ? *shape : Breakdown{};
  b.id = std::string(core.id);
  if (b.title.empty()) b.title = b.id;
  b.exclusive = core.exclusive;
  b.completeness.clear();
  b.total = 0;
  for (const ReceivedReturn& r : returns) {
    for (const ReturnTable& t : r.content.tables) {
      if (t.id != core.id) continue;
      b.total += t.total;
      for (const ReturnRow& row : t.rows) AddRow(b, row, labels);
    }
  }
  return b;
}

// The problems that stop returns being combined: another period, or a partnership twice.
void CheckCombinable(const std::vector<ReceivedReturn>& returns,
                     std::map<std::string, std::string>& problems) {
  const ReceivedReturn& first = returns.front();
  std::map<std::string, std::string> file_of;  // partnership code -> file
  for (const ReceivedReturn& r : returns) {
    const Period& p = r.content.period;
    if (p.kind != first.content.period.kind || p.first != first.content.period.first ||
        p.last != first.content.period.last) {
      problems.emplace(r.file_name, "return.period: is " + PeriodCode(p) + ", but " +
                                        first.file_name + " is for " +
                                        PeriodCode(first.content.period) +
                                        ": the returns combined must all be for one period");
      continue;
    }
    auto [it, fresh] = file_of.emplace(r.content.partnership_code, r.file_name);
    if (!fresh) {
      problems.emplace(r.file_name, "return.partnership_code: the return of " + it->first + " is " +
                                        it->second +
                                        " already: each partnership's "
                                        "return is combined once");
    }
  }
}

}  // namespace

Labels AggregateLabels(const reference::Catalogue& catalogue) {
  Labels labels;
  for (const auto& e : catalogue.Ethnicities()) {
    labels.ethnicity[e.code] = e.label;
    labels.ethnicity_order.push_back(e.code);
  }
  return labels;
}

void AppendReturnProblems(std::string_view file_name, const Error& error,
                          std::vector<std::string>& lines) {
  const std::string file(file_name);
  if (error.fields.empty()) lines.push_back(error.message);
  for (const auto& [field, message] : error.fields) {
    if (field != "more") lines.push_back(file + ": " + field + ": " + message);
  }
  if (auto more = error.fields.find("more"); more != error.fields.end()) {
    lines.push_back(file + ": " + more->second);
  }
}

std::vector<std::string> CombineProblems(const Error& error) {
  std::vector<std::string> lines;
  lines.reserve(error.fields.size());
  for (const auto& [file, message] : error.fields) lines.push_back(file + ": " + message);
  if (lines.empty()) lines.push_back(error.message);
  return lines;
}

Result<Combined> Combine(const std::vector<ReceivedReturn>& returns, const Labels& labels) {
  if (returns.empty()) {
    return Fail(ErrorKind::kInvalid, "invalid_return", "There are no returns to combine.");
  }
  std::map<std::string, std::string> problems;
  CheckCombinable(returns, problems);
  if (!problems.empty()) {
    const auto& [file, message] = *problems.begin();
    return Fail(ErrorKind::kInvalid, "invalid_return", file + ": " + message, problems);
  }
  Combined out;
  out.period = returns.front().content.period;
  for (const ReceivedReturn& r : returns) {
    out.partnerships.emplace_back(r.content.partnership_code, r.content.partnership_name);
  }
  const std::vector<Breakdown> skeleton = Skeleton(labels);
  for (const CoreTable& core : CoreDataSet()) {
    out.tables.push_back(CombinedTable(core, skeleton, returns, labels));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The combined tables as released.

namespace {

json CountJson(const std::optional<long>& count) {
  if (!count) return std::string(kSuppressedMark);
  return *count;
}

json PercentJson(const std::optional<double>& percent, bool suppressed) {
  if (suppressed) return std::string(kSuppressedMark);
  if (!percent) return nullptr;
  return *percent;
}

json ShownTableJson(const ShownBreakdown& b) {
  json rows = json::array();
  for (const ShownRow& r : b.rows) {
    rows.push_back({{"code", r.code},
                    {"label", r.label},
                    {"count", CountJson(r.count)},
                    {"percent", PercentJson(r.percent, r.percent_suppressed)},
                    {"not_recorded", r.not_recorded}});
  }
  return {{"id", b.id},
          {"title", b.title},
          {"section", b.section},
          {"counting", b.counting},
          {"exclusive", b.exclusive},
          {"note", b.note},
          {"rows", std::move(rows)},
          {"total", CountJson(b.total)}};
}

std::string PartnershipsText(const Combined& combined) {
  std::string text;
  for (const auto& [code, name] : combined.partnerships) {
    text += (text.empty() ? "" : "; ") + name + " (" + code + ")";
  }
  return text;
}

}  // namespace

std::string CombinedJson(const Combined& combined, const std::vector<ShownBreakdown>& shown,
                         Instant generated_at) {
  json partnerships = json::array();
  for (const auto& [code, name] : combined.partnerships) {
    partnerships.push_back({{"code", code}, {"name", name}});
  }
  json tables = json::array();
  for (const ShownBreakdown& b : shown) tables.push_back(ShownTableJson(b));
  const Period& p = combined.period;
  json out = {{"kind", "harbour-combined-returns"},
              {"schema_version", kReturnSchemaVersion},
              {"period",
               {{"code", PeriodCode(p)},
                {"label", PeriodLabel(p)},
                {"first_day", FormatDate(p.first)},
                {"last_day", FormatDate(p.last)}}},
              {"generated_at", FormatRfc3339(generated_at)},
              {"release", "published"},
              {"partnerships", std::move(partnerships)},
              {"legend",
               {{"c", std::string(kSuppressionLegendShort)},
                {"not_recorded", std::string(kNotRecordedLabel)}}},
              {"tables", std::move(tables)}};
  return out.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

std::string CombinedCsv(const Combined& combined, const std::vector<ShownBreakdown>& shown,
                        Instant generated_at) {
  const std::string period = PeriodCode(combined.period);
  std::string csv(kCsvByteOrderMark);
  csv += CsvRow({"Harbour combined returns", PeriodLabel(combined.period)});
  csv += CsvRow({"Period", period});
  csv += CsvRow({"Partnerships", PartnershipsText(combined)});
  csv += CsvRow({"Generated", FormatLondonDateTime(generated_at)});
  csv += CsvRow({"Release", "Published: small numbers suppressed. OFFICIAL"});
  csv += CsvRow({"Legend", std::string(kSuppressionLegend)});
  csv += CsvRow({"Legend", std::string(kNotRecordedLegend)});
  csv += "\r\n";
  for (const ShownBreakdown& b : shown) {
    csv += CsvRow({b.title});
    if (!b.note.empty()) csv += CsvRow({b.note});
    csv += CsvRow({"code", "row", period + " (" + b.counting + ")", "percent"});
    for (const ShownRow& r : b.rows) {
      csv += CsvRow(
          {r.code, r.label, CountText(r.count), PercentText(r.percent, r.percent_suppressed)});
    }
    csv += CsvRow({"total", b.exclusive ? "Total" : "Total " + b.counting + " (each counted once)",
                   CountText(b.total), ""});
    csv += "\r\n";
  }
  return csv;
}

}  // namespace harbour::profile
