// A partner's batch file for `harbour people match` (matching::ParseBatch) on arbitrary bytes: a
// refusal is kInvalid "invalid_batch"; an accepted batch has unique, non-empty record ids, each
// problem names a line ("line N: ...") in increasing order, and every sex is female, male or
// empty. A small batch is then matched end to end (prepare, block, compare, train, score,
// cluster): each record's cluster is a record at or before it, the first of its cluster, and the
// clusters file has a row per record.
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "matching/batch.h"

namespace {

using namespace harbour;
using namespace harbour::matching;

const NameVariants& Variants() {
  static const NameVariants kVariants = *NameVariants::Parse("katherine, kate, katie\n");
  return kVariants;
}

void CheckBatch(const Batch& batch) {
  std::set<std::string> ids;
  for (const auto& r : batch.records) {
    FUZZ_CHECK(!r.id.empty() && ids.insert(r.id).second);
    FUZZ_CHECK(r.sex.empty() || r.sex == "female" || r.sex == "male");
  }
  std::size_t last_line = 0;
  for (const auto& p : batch.problems) {
    FUZZ_CHECK(p.line >= 2 && p.line >= last_line);
    FUZZ_CHECK(p.message.starts_with("line " + std::to_string(p.line) + ": "));
    last_line = p.line;
  }
}

void CheckMatched(const Batch& batch) {
  auto result = MatchAll(batch.records, Variants());
  const auto& of = result.clusters.cluster_of;
  FUZZ_CHECK(of.size() == batch.records.size());
  for (std::size_t i = 0; i < of.size(); ++i) {
    FUZZ_CHECK(of[i] <= i && of[of[i]] == of[i]);
  }
  FUZZ_CHECK(result.weights.size() == result.pairs.size());
  std::string csv = ClustersCsv(batch.records, result.clusters);
  std::size_t rows = 0;
  for (std::size_t at = csv.find("\r\n"); at != std::string::npos; at = csv.find("\r\n", at + 2)) {
    ++rows;
  }
  FUZZ_CHECK(rows >= batch.records.size() + 1);  // a quoted id may hold a line break of its own
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  auto batch = ParseBatch(input);
  if (!batch) {
    FUZZ_CHECK(batch.error().kind == ErrorKind::kInvalid && batch.error().code == "invalid_batch");
    return 0;
  }
  CheckBatch(*batch);
  if (batch->records.size() <= 50) CheckMatched(*batch);
  return 0;
}
