#pragma once
// The banner of a child's active warning flags, shown on every page of the child
// (templates/components/child-flags), and the flag rows it is built from. Thread-safe.
#include <vector>

#include "children/child.h"
#include "children/flag.h"
#include "common/time.h"
#include "web/core/templates.h"

namespace harbour::storage {
class FlagsRepository;
}  // namespace harbour::storage

namespace harbour::web {

// The flags as rows of components/child-flags and the child page's flag history: id, kind,
// label, start, end, panel_reference, active (on `today`), danger. Only the active ones when
// `active_only`.
mstch::array FlagRows(const std::vector<children::Flag>& flags, Date today, bool active_only);

class ChildBanner {
 public:
  // `flags` and `clock` must outlive the banner.
  ChildBanner(storage::FlagsRepository& flags, const Clock& clock) : flags_(flags), clock_(clock) {}

  // Adds "child_flags" and "has_child_flags" for the child's flags active today; false when
  // they cannot be read (the caller shows the error page rather than a page without them).
  bool AddTo(mstch::map& context, const children::Child& child) const;

 private:
  storage::FlagsRepository& flags_;
  const Clock& clock_;
};

}  // namespace harbour::web
