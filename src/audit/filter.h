#pragma once
// What the auditor asks of the audit trail (DESIGN.md §2): entries about one child, by one
// user or agency, of one action, refusals only, within dates; and which page of the answer.
// Parsed from the text of a query string, validated field by field. Pure and thread-safe.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/error.h"
#include "common/time.h"

namespace harbour::audit {

// The auditor's query as typed (every member may hold anything).
struct FilterInput {
  std::string child;    // a child record id
  std::string user;     // a username, as recorded ("demo.practitioner", "cli:root")
  std::string agency;   // an agency code ("HPOL"; "-" for the CLI)
  std::string action;   // an action code from audit/actions.h
  std::string outcome;  // "" (any) or "refused"
  // The dates as GOV.UK date boxes, or as ISO dates in `from` / `to` (which win when given).
  std::string from_day, from_month, from_year, from;
  std::string to_day, to_month, to_year, to;
  // Paging: entries older than seq `before`, or newer than seq `after` (ignored unless a
  // whole number from 1; `before` wins).
  std::string before, after;
};

struct Filter {
  std::string child_id;  // "" for any
  std::string username;
  std::string agency;
  std::string action;
  bool refused_only = false;
  std::optional<Date> from;  // first day included (Europe/London)
  std::optional<Date> to;    // last day included (Europe/London)

  // The instants the dates stand for: [from 00:00, the day after `to` 00:00) in
  // Europe/London, in UTC.
  std::optional<Instant> FromInstant() const;
  std::optional<Instant> UntilInstant() const;
  bool Empty() const;
};

struct PageCursor {
  std::optional<std::int64_t> before;  // show entries with seq < before
  std::optional<std::int64_t> after;   // show entries with seq > after (the previous page)
};

struct Query {
  Filter filter;
  PageCursor page;
};

// kInvalid with one message per bad field ("child", "user", "agency", "action", "outcome",
// "from", "to"; GOV.UK wording) when any field is wrong; the cursor is never an error.
Result<Query> ParseQuery(const FilterInput& input);

// The filter as a query string ("child=…&from=2026-03-01"), with dates in ISO form: the
// links to other pages and to the export carry it. Empty for an empty filter.
std::string ToQueryString(const Filter& filter);

// The filter in a few words for the audit trail's own entries ("child …; user …; refusals
// only; from 2026-03-01"), or "no filter".
std::string Describe(const Filter& filter);

}  // namespace harbour::audit
