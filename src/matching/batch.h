#pragma once
// A partner's batch file for `harbour people match FILE.csv` (issue 13; docs/matching.md, "Batch
// files"): the header `record_id,agency,given_name,family_name,date_of_birth,sex,postcode,phone`,
// one record a row. Pure.
//
// A row is left out, with a problem naming its line, when it cannot be read as a record: the
// wrong number of cells, no record_id, a record_id used before, or one longer than 200
// characters. A value that cannot be read (a date that is not ISO or dd/mm/yyyy, a sex that is
// not female or male) is a problem naming the line and the column, and the row is matched
// without that value. The file is refused as a whole only when it is not UTF-8, is larger than
// kMaxBatchBytes, or its header is not the one above.
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"
#include "matching/cluster.h"
#include "matching/matcher.h"

namespace harbour::matching {

inline constexpr std::size_t kMaxBatchBytes = std::size_t(2) << 30;  // 2 GiB
inline constexpr std::string_view kBatchHeader =
    "record_id,agency,given_name,family_name,date_of_birth,sex,postcode,phone";

struct BatchProblem {
  std::size_t line = 0;
  std::string message;  // "line 12: date_of_birth \"31/02/2012\" is not a date ..."
  bool row_left_out = false;
};

struct Batch {
  std::vector<MatchRecord> records;  // the rows read, in file order
  std::vector<BatchProblem> problems;
};

Result<Batch> ParseBatch(std::string_view text);

// clusters.csv: `record_id,cluster_id`, one row per record, in the records' order; a cluster's
// id is the record_id of its first record.
std::string ClustersCsv(const std::vector<MatchRecord>& records, const Clusters& clusters);

// pairs.csv: each scored pair's record ids, match weight and probability, the blocking rule that
// kept it, and each field's level and weight (as in the waterfall), handed to `write` a few
// thousand rows at a time (there can be tens of millions).
void WritePairsCsv(const std::vector<MatchRecord>& records, const MatchResult& result,
                   const std::function<void(std::string_view)>& write);

}  // namespace harbour::matching
