// The auditor's view of the audit trail.
#include "common/ids.h"
#include "web/audit/handlers.h"
#include "web/core/view_helpers.h"

namespace harbour::web {

Response AuditHandlers::AuditTrail(Request& request, const Principal& who) {
  auto decision = access::Decide(who.Subject(), access::Action::kViewAuditTrail);
  if (!decision.allowed) {
    return Refuse(who, request, decision, access::Action::kViewAuditTrail,
                  "Only auditors read the audit trail.");
  }
  std::string record = request.query.Get("record");
  if (!IsValidId(record)) record.clear();
  auto entries = record.empty() ? audit_.Recent(200) : audit_.Recent(200, "child", record);
  if (!entries) return ErrorPage(&who, request, entries.error());
  mstch::array rows;
  for (const auto& e : *entries) {
    rows.push_back(mstch::map{{"seq", static_cast<int>(e.seq)},
                              {"at", FormatLondonDateTime(e.at)},
                              {"username", e.username},
                              {"role", e.role},
                              {"agency", e.agency},
                              {"action", e.action},
                              {"record_type", e.record_type},
                              {"record_id", e.record_id},
                              {"outcome", e.outcome},
                              {"refused", e.outcome == "refused"},
                              {"detail", e.detail},
                              {"request_id", e.request_id}});
  }
  Audit(AuditEntry(who, request, "audit.view", "audit", record, "allowed", decision.purpose));
  return Page(&who, request, "Audit trail", "audit/trail",
              mstch::map{{"entries", rows}, {"record", record}});
}

}  // namespace harbour::web
