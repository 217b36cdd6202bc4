#pragma once
// The regional and national return (issue 12; docs/profile.md, "The regional and national return",
// docs/ profile-return.schema.json): a partnership's exact counts of the core data set for one
// period, as codes and numbers only, signed with its Ed25519 key (profile/return_keys.h); and, for
// the region or the nation, reading returns strictly, checking each signature against the key
// trusted for its partnership, and combining them into tables that go through the one
// suppression engine again. Pure: the CLI reads and writes the files.
//
// The file: {"return": BODY, "signature": {"algorithm": "ed25519", "key_id": KeyId,
// "public_key": base64, "value": base64}}, where the signature is of BODY's canonical text:
// keys sorted, no white space, strings as UTF-8 (RFC 8785 for a body of strings, whole
// numbers and booleans).
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"
#include "common/time.h"
#include "profile/breakdown.h"
#include "profile/period.h"
#include "profile/publish.h"
#include "profile/return_keys.h"
#include "reference/catalogue.h"

namespace harbour::profile {

inline constexpr int kReturnSchemaVersion = 1;
inline constexpr std::size_t kMaxReturnBytes = 1024 * 1024;
inline constexpr long kMaxReturnCount = 1'000'000'000;
inline constexpr std::size_t kMaxReturnRows = 200;  // rows in one table
inline constexpr std::size_t kMaxReturnProblems = 20;

// A table of the core data set: its breakdown's id and whether its rows add up to its total.
struct CoreTable {
  std::string_view id;
  bool exclusive = true;
};

// Every breakdown of profile/breakdown.h but the two whose rows are local codes that mean
// nothing across partnerships (referral_agency: agency ids; ward: the partnership's wards), in
// the profile's order. Agencies' completeness is left out for the same reason.
const std::vector<CoreTable>& CoreDataSet();
const CoreTable* FindCoreTable(std::string_view id);

struct ReturnRow {
  std::string code;
  long count = 0;
  friend bool operator==(const ReturnRow&, const ReturnRow&) = default;
};

struct ReturnTable {
  std::string id;
  bool exclusive = true;
  long total = 0;
  std::vector<ReturnRow> rows;
  friend bool operator==(const ReturnTable&, const ReturnTable&) = default;
};

struct CoreReturn {
  int schema_version = kReturnSchemaVersion;
  std::string partnership_code;  // IsPartnershipCode
  std::string partnership_name;
  Period period;  // a month, quarter, year or financial year (ParsePeriod), never custom
  Instant generated_at{};
  std::vector<ReturnTable> tables;  // the core data set's, in its order
};

// The return of `exact` (profile::Breakdowns of the whole area for `period`, unfiltered):
// the core data set's tables with their codes and exact counts. Child ids, labels, notes and
// completeness are not copied. A core table missing from `exact` is left out (and the return
// will not sign).
CoreReturn BuildReturn(const std::vector<Breakdown>& exact, std::string partnership_code,
                       std::string partnership_name, const Period& period, Instant generated_at);

// The signed file's text (the envelope indented by two spaces). kInvalid ("invalid_return")
// naming each field when `core_return` is not what ReadReturn accepts, so that no partnership
// sends a return the aggregator would refuse.
Result<std::string> SignReturn(const CoreReturn& core_return, const SigningKey& key);
// The same envelope around any JSON object `body_json`, signed as it is, unchecked: for tests
// and the fuzz target. kInvalid when `body_json` is not a JSON object.
Result<std::string> SignReturnBody(std::string_view body_json, const SecretKey& key);

// Reads a return file as the aggregator must: at most kMaxReturnBytes, JSON nesting no deeper
// than it needs, no key twice in an object; then schema_version 1, a partnership code with a
// trusted key, the embedded public key equal to it and its key id, and the signature of the
// body; then every field of the body (docs/profile-return.schema.json): exactly the core data
// set's tables, each once, row codes snake_case and distinct, counts whole numbers from 0 to
// kMaxReturnCount, an exclusive table's rows adding up to its total and no row of the others
// above it, the period a named one whose first and last days match, generated after it ended.
// kInvalid (code "invalid_return"): `fields` maps each field's path ("return.tables[3].rows[2].
// count", "signature") to what is wrong with it (at most kMaxReturnProblems, then "more"), and
// the message is "FILE: PATH: PROBLEM" for the first.
Result<CoreReturn> ReadReturn(std::string_view json_text, const TrustedKeys& trusted,
                              std::string_view file_name);

// The problems of a return ReadReturn refused (`error`), as the aggregator shows them (the
// command and the regional analyst's page alike): one line "FILE: FIELD: PROBLEM" per field in
// path order, the "more" note last as "FILE: PROBLEM", or the message alone when no field is
// named. Appended to `lines`.
void AppendReturnProblems(std::string_view file_name, const Error& error,
                          std::vector<std::string>& lines);

// A return that ReadReturn accepted, and the file it came from.
struct ReceivedReturn {
  std::string file_name;
  CoreReturn content;
};

// The labels the aggregator gives the combined rows (the command and the regional analyst's
// page alike): the ethnicity categories of `catalogue`, in its order. Nothing local (agencies,
// wards, the local risk tools' words) labels a region's table.
Labels AggregateLabels(const reference::Catalogue& catalogue);

// The region's or the nation's tables.
struct Combined {
  Period period;
  std::vector<std::pair<std::string, std::string>> partnerships;  // code, name, in file order
  std::vector<Breakdown> tables;  // exact sums, with titles and row labels: never released as is
};

// Sums the returns table by table and row by row, into Breakdowns laid out as the profile's
// (titles, notes, rows in the profile's order, labelled as the profile labels them: from
// `labels` for ethnicity, the level's words for risk levels, else the code), ready for
// ShowAll(..., Release::kPublished). A row a return lacks counts 0. kInvalid ("invalid_return")
// when there are no returns, when they are not all for the same period (naming the file that
// differs from the first), or when one partnership sends two (naming the second file).
Result<Combined> Combine(const std::vector<ReceivedReturn>& returns, const Labels& labels);
// The problems of a refused Combine (`error`) as lines "FILE: PROBLEM", or its message alone.
std::vector<std::string> CombineProblems(const Error& error);

// The combined tables as released (ShowAll of `combined`, kPublished), as JSON: the period,
// the partnerships, `generated_at`, the legend, and each table with "c" for a suppressed value.
std::string CombinedJson(const Combined& combined, const std::vector<ShownBreakdown>& shown,
                         Instant generated_at);
// The same as CSV through the formula-injection guard (common/csv.h).
std::string CombinedCsv(const Combined& combined, const std::vector<ShownBreakdown>& shown,
                        Instant generated_at);

}  // namespace harbour::profile
