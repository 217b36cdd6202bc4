#include "web/core/authorise.h"

#include "common/ids.h"
#include "storage/children_repository.h"
#include "storage/panel_repository.h"
#include "web/core/audit.h"
#include "web/core/errors.h"
#include "web/core/pages.h"

namespace harbour::web {

namespace {

constexpr std::string_view kNoChild = "There is no child record at this address.";

}  // namespace

Result<children::Child> Authoriser::Child(const Principal& who, const Request& request,
                                          std::string_view child_id, access::Action action,
                                          access::Decision* decision_out,
                                          access::ChildContext* context_out) {
  if (!IsValidId(child_id)) return NotFound(std::string(kNoChild));
  auto child = children_.Find(child_id);
  if (!child) return std::unexpected(child.error());
  if (!child->has_value()) return NotFound(std::string(kNoChild));
  auto context = children_.Context(child_id, who.user.id, clock_.Now());
  if (!context) return std::unexpected(context.error());
  if (who.user.role == access::Role::kPanelMember) {  // their only need to know
    auto attends = panel_.AttendsMeetingAbout(child_id, who.user.id);
    if (!attends) return std::unexpected(attends.error());
    context->on_attended_agenda = *attends;
  }
  access::Decision decision = access::Decide(who.Subject(), action, *context);
  if (decision_out != nullptr) *decision_out = decision;
  if (context_out != nullptr) *context_out = *context;
  if (decision.allowed) {
    // A merged record (issue 13) is kept so that the merge can be undone; only its page may be
    // opened (it points to the survivor), and nothing more is recorded on it.
    if (!(*child)->merged_into.empty() && action != access::Action::kViewChild) {
      return Fail(ErrorKind::kConflict, "child_merged",
                  "This child's record was merged into another record. Record this on /children/" +
                      (*child)->merged_into + " instead.");
    }
    request.authorised_child.Note(child_id);
    return std::move(**child);
  }
  auditor_.RecordRefusal(auditor_.Entry(who, request, access::ToCode(action), "child", child_id,
                                        "refused", {}, decision.reason));
  if (decision.hide_existence) return NotFound(std::string(kNoChild));
  return Fail(ErrorKind::kForbidden, "forbidden", "Your role does not give access to this.");
}

Response Authoriser::Refuse(const Principal& who, const Request& request,
                            const access::Decision& decision, access::Action action,
                            std::string_view message) {
  auditor_.RecordRefusal(
      auditor_.Entry(who, request, access::ToCode(action), "", "", "refused", {}, decision.reason));
  return pages_.ErrorPage(&who, request,
                          Error{ErrorKind::kForbidden, "forbidden", std::string(message), {}});
}

}  // namespace harbour::web
