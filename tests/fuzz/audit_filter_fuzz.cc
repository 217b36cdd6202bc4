// The auditor's filter (/audit and /audit.csv) on an arbitrary query string: never crashes; a
// filter it accepts is well formed, and its own query string (the page's links to other pages
// and to the export) reads back as the same filter.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "audit/actions.h"
#include "audit/filter.h"
#include "common/ids.h"
#include "fuzz_check.h"
#include "web/parse/form.h"

namespace {

harbour::audit::FilterInput InputOf(const harbour::web::FormData& q) {
  harbour::audit::FilterInput in;
  in.child = q.Get("child");
  in.user = q.Get("user");
  in.agency = q.Get("agency");
  in.action = q.Get("action");
  in.outcome = q.Get("outcome");
  in.from_day = q.Get("from_day");
  in.from_month = q.Get("from_month");
  in.from_year = q.Get("from_year");
  in.from = q.Get("from");
  in.to_day = q.Get("to_day");
  in.to_month = q.Get("to_month");
  in.to_year = q.Get("to_year");
  in.to = q.Get("to");
  in.before = q.Get("before");
  in.after = q.Get("after");
  return in;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace harbour;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto form = web::ParseUrlEncoded(text);
  if (!form) return 0;
  auto query = audit::ParseQuery(InputOf(*form));
  if (!query) {
    FUZZ_CHECK(query.error().kind == ErrorKind::kInvalid);
    FUZZ_CHECK(!query.error().fields.empty());
    return 0;
  }
  const audit::Filter& f = query->filter;
  FUZZ_CHECK(f.child_id.empty() || IsValidId(f.child_id));
  FUZZ_CHECK(f.username.size() <= 100);
  FUZZ_CHECK(f.agency.size() <= 16);
  FUZZ_CHECK(f.action.empty() || !audit::WordsFor(f.action).empty());
  if (f.from && f.to) FUZZ_CHECK(*f.from <= *f.to);
  if (f.from) FUZZ_CHECK(f.from->ok());
  if (f.to) FUZZ_CHECK(f.to->ok());
  if (f.from && f.to) FUZZ_CHECK(*f.FromInstant() < *f.UntilInstant());
  if (query->page.before) FUZZ_CHECK(*query->page.before >= 1);
  if (query->page.after) FUZZ_CHECK(*query->page.after >= 1 && !query->page.before);
  // The page's own links read back as the same filter.
  auto again_form = web::ParseUrlEncoded(audit::ToQueryString(f));
  FUZZ_CHECK(again_form.has_value());
  auto again = audit::ParseQuery(InputOf(*again_form));
  FUZZ_CHECK(again.has_value());
  FUZZ_CHECK(again->filter.child_id == f.child_id && again->filter.username == f.username &&
             again->filter.agency == f.agency && again->filter.action == f.action &&
             again->filter.refused_only == f.refused_only && again->filter.from == f.from &&
             again->filter.to == f.to);
  return 0;
}
