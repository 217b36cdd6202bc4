#pragma once
// What every practice area's handlers share (DESIGN.md §2): the core services, and the steps of
// the request path — authorise (a child, or a refusal), persist in one transaction, audit, and
// render — as protected helpers. Each area's handler class derives from AreaHandlers, adds the
// repositories it uses, and registers its routes (web/<area>/<area>.h). Thread-safe as long as
// the derived class holds only repositories and immutable state.
#include <string_view>
#include <utility>
#include <vector>

#include "access/policy.h"
#include "children/child.h"
#include "common/error.h"
#include "common/time.h"
#include "storage/database.h"
#include "web/core/audit.h"
#include "web/core/authorise.h"
#include "web/core/child_banner.h"
#include "web/core/errors.h"
#include "web/core/http.h"
#include "web/core/pages.h"
#include "web/core/principal.h"
#include "web/core/templates.h"

namespace harbour::web {

// The core services, built once by the wiring (web/app.cc); all must outlive every area.
struct Core {
  storage::Database& db;
  const Clock& clock;
  const Pages& pages;
  Auditor& auditor;
  Authoriser& authoriser;
  const ChildBanner& banner;
};

class AreaHandlers {
 public:
  explicit AreaHandlers(const Core& core) : db_(core.db), clock_(core.clock), core_(core) {}

 protected:
  // --- rendering (web/core/pages.h) ---------------------------------------------------
  Response Page(const Principal* who, const Request& request, std::string_view title,
                std::string_view page, mstch::map context, unsigned status = 200) const {
    return core_.pages.Page(who, request, title, page, std::move(context), status);
  }
  Response FormPage(const Principal& who, const Request& request, std::string_view title,
                    std::string_view page, mstch::map context, const Error* problems) const {
    return core_.pages.FormPage(who, request, title, page, std::move(context), problems);
  }
  Response ErrorPage(const Principal* who, const Request& request, const Error& error) const {
    return core_.pages.ErrorPage(who, request, error);
  }
  Response NotFoundPage(const Principal* who, const Request& request) const {
    return core_.pages.NotFoundPage(who, request);
  }
  std::string Render(std::string_view name, const mstch::map& context) const {
    return core_.pages.Render(name, context);
  }

  // --- audit (web/core/audit.h) -------------------------------------------------------
  // The entry names its child: the record when it is a child, else the child the request was
  // authorised for (AuthoriseChild); AboutChild and PerChild name others.
  audit::Entry AuditEntry(const Principal& who, const Request& request, std::string_view action,
                          std::string_view record_type, std::string_view record_id,
                          std::string_view outcome, std::string_view purpose = {},
                          std::string_view detail = {}) const {
    return core_.auditor.Entry(who, request, action, record_type, record_id, outcome, purpose,
                               detail);
  }
  // False when the entry could not be appended: the caller then shows no personal data and
  // changes nothing (kAuditUnavailable). Every call handles the answer.
  [[nodiscard]] bool Audit(audit::Entry entry) { return core_.auditor.Record(std::move(entry)); }
  [[nodiscard]] bool Audit(std::vector<audit::Entry> entries) {
    return core_.auditor.Record(std::move(entries));
  }
  // The entry of a request being refused: the refusal stands whatever happens, a failed append
  // is logged (Auditor::RecordRefusal).
  void AuditRefusal(audit::Entry entry) { core_.auditor.RecordRefusal(std::move(entry)); }
  void AuditRefusal(std::vector<audit::Entry> entries) {
    core_.auditor.RecordRefusal(std::move(entries));
  }
  void AuditIn(storage::Transaction& tx, audit::Entry entry) {
    core_.auditor.RecordIn(tx, std::move(entry));
  }
  void AuditIn(storage::Transaction& tx, std::vector<audit::Entry> entries) {
    core_.auditor.RecordIn(tx, std::move(entries));
  }

  // --- authorisation (web/core/authorise.h) -------------------------------------------
  // When allowed, the request notes the child: its later audit entries name it.
  Result<children::Child> AuthoriseChild(const Principal& who, const Request& request,
                                         std::string_view child_id, access::Action action,
                                         access::Decision* decision = nullptr,
                                         access::ChildContext* context = nullptr) {
    return core_.authoriser.Child(who, request, child_id, action, decision, context);
  }
  Response Refuse(const Principal& who, const Request& request, const access::Decision& decision,
                  access::Action action, std::string_view message) {
    return core_.authoriser.Refuse(who, request, decision, action, message);
  }
  // The banner of the child's active warning flags (web/core/child_banner.h).
  bool AddChildFlags(mstch::map& context, const children::Child& child) const {
    return core_.banner.AddTo(context, child);
  }

  // --- persistence --------------------------------------------------------------------
  // `stage(tx)` in one write transaction, committed when it returns a value
  // (storage::InTransaction).
  template <class F>
  auto Write(std::string_view what, F&& stage) {
    return storage::InTransaction(db_, what, std::forward<F>(stage));
  }

  storage::Database& db_;
  const Clock& clock_;

 private:
  Core core_;
};

}  // namespace harbour::web
