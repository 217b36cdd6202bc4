#pragma once
// The one authorisation step of every handler that touches a child (DESIGN.md §2): read what
// is known about the child, ask access::Decide, audit a refusal, and answer a refusal the way
// the policy says (404 as if absent, or 403). Thread-safe.
#include <string_view>

#include "access/policy.h"
#include "children/child.h"
#include "common/error.h"
#include "common/time.h"
#include "web/core/http.h"
#include "web/core/principal.h"

namespace harbour::storage {
class ChildrenRepository;
class PanelRepository;
}  // namespace harbour::storage

namespace harbour::web {

class Auditor;
class Pages;

class Authoriser {
 public:
  // Everything given must outlive the authoriser.
  Authoriser(storage::ChildrenRepository& children, storage::PanelRepository& panel,
             Auditor& auditor, const Pages& pages, const Clock& clock)
      : children_(children), panel_(panel), auditor_(auditor), pages_(pages), clock_(clock) {}

  // Decides `who`'s access to the child `child_id` for `action`; audits a refusal (as `action`
  // on the child). Returns the child when allowed, and notes it on the request
  // (Request::authorised_child) so that the request's audit entries name it; else kNotFound
  // (no such child, or the policy hides its existence), kForbidden, or kUnavailable when the
  // refusal cannot be audited.
  // `decision` and `context` (when given) receive the decision and what it was based on.
  Result<children::Child> Child(const Principal& who, const Request& request,
                                std::string_view child_id, access::Action action,
                                access::Decision* decision = nullptr,
                                access::ChildContext* context = nullptr);
  // Audits a refusal of `action` (on no particular record) and renders the 403 page with
  // `message`; the 503 page when the refusal cannot be audited.
  Response Refuse(const Principal& who, const Request& request, const access::Decision& decision,
                  access::Action action, std::string_view message);

 private:
  storage::ChildrenRepository& children_;
  storage::PanelRepository& panel_;
  Auditor& auditor_;
  const Pages& pages_;
  const Clock& clock_;
};

}  // namespace harbour::web
