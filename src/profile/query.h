#pragma once
// What one request asks of the profile (issue 12), from the query string of the page, the
// export or the API: the period (a named one, or from/to dates), the filters, and the release.
// Pure: validation, the canonical query string, and the words the audit trail records.
#include <string>

#include "common/error.h"
#include "common/time.h"
#include "profile/breakdown.h"
#include "profile/period.h"
#include "profile/publish.h"

namespace harbour::profile {

// The raw text, as sent.
struct QueryInput {
  std::string period;    // "2026-Q3", "2026-09", "2026", "2026-27"; or empty with from and to
  std::string from, to;  // YYYY-MM-DD, both included
  std::string ward, agency, category;
  std::string view;  // "" or "published", or "internal" (coordinators)
};

struct Query {
  Period period;
  Filters filters;
  Release release = Release::kPublished;
};

// Validates `input`: a period or from/to (neither: the last complete quarter before `today`;
// no period may start after `today`), a ward and agency that `labels` knows, a concern
// category, and a view; "internal" only when `internal_allowed`. kInvalid with one message per
// field (period, from, to, ward, agency, category, view).
Result<Query> ParseQuery(const QueryInput& input, const Labels& labels, Date today,
                         bool internal_allowed);

// The query string that asks for `query` again ("period=2026-Q3&ward=E05...").
std::string QueryString(const Query& query);
// "ward Harbourside North; agency Harbour Police" or "no filters".
std::string DescribeFilters(const Filters& filters, const Labels& labels);
// For the audit trail: "2026-Q3; no filters; published".
std::string DescribeQuery(const Query& query, const Labels& labels);

}  // namespace harbour::profile
