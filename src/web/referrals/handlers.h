#pragma once
// Referrals to the exploitation panel and the feedback loop (docs/referrals.md): the referral form,
// the coordinator's queue with the screening clock, every move with its message to the referrer,
// "My referrals", and the feedback messages (pages and API). The handlers behind
// web/referrals/referrals.h; included only inside web/referrals/.
#include <string>
#include <vector>

#include "common/working_days.h"
#include "referrals/referral.h"
#include "storage/assessments_repository.h"
#include "storage/children_repository.h"
#include "storage/identity_repository.h"
#include "storage/messages_repository.h"
#include "storage/referrals_repository.h"
#include "storage/tool_library.h"
#include "web/core/handlers.h"
#include "web/referrals/referral_json.h"
#include "web/referrals/referrals.h"

namespace harbour::web {

class ReferralsHandlers : public AreaHandlers {
 public:
  ReferralsHandlers(const Core& core, storage::ToolLibrary& tools, const WorkingCalendar& calendar,
                    FeedbackOptions feedback)
      : AreaHandlers(core), tools_(tools), calendar_(calendar), feedback_(std::move(feedback)) {}

  // Referrals to the panel and the feedback loop (referrals_handlers.cc).
  Response NewReferralForm(Request& request, const Principal& who);
  Response CreateReferral(Request& request, const Principal& who);
  Response ViewReferral(Request& request, const Principal& who);
  Response MoveReferral(Request& request, const Principal& who);
  Response ReferralQueue(Request& request, const Principal& who);
  Response MyReferrals(Request& request, const Principal& who);
  // The child's referral form, with `problems` (422) or without.
  Response ReferralFormPage(const Principal& who, const Request& request,
                            const children::Child& child, const FormData* form,
                            const Error* problems);
  // A referral's page for the coordinator or the referrer; `problems` and `form` show a refused
  // move again.
  Response ReferralPage(const Principal& who, const Request& request,
                        const referrals::Referral& referral, bool coordinator,
                        const Error* problems, const FormData* form, unsigned status);
  // Referrals and their feedback messages (referrals_api.cc).
  Response ApiCreateReferral(Request& request, const Principal& who);
  Response ApiGetReferral(Request& request, const Principal& who);
  Response ApiMoveReferral(Request& request, const Principal& who);
  Response ApiListReferrals(Request& request, const Principal& who);
  // A referral as JSON text: its fields, its recorded moves (the coordinator's view only) and
  // the caller's own messages about it. Reads only; the caller audits.
  Result<std::string> ReferralDetailJson(const Principal& who, const referrals::Referral& referral,
                                         bool coordinator);
  Response ApiListMessages(Request& request, const Principal& who);
  Response ApiReadMessage(Request& request, const Principal& who);
  // The child a message is about (a referral's), for its audit entry; "" for any other.
  std::string ChildOfMessage(const feedback::Message& message);

  // Referral verbs shared by pages and the API. DoRefer validates and stores a referral in the
  // submitted state, tells the referrer and their agency's safeguarding leads, and audits.
  Result<referrals::Referral> DoRefer(const Principal& who, const Request& request,
                                      const children::Child& child,
                                      const referrals::ReferralInput& input,
                                      std::string_view purpose);
  // The referral `id` as the caller may see it: the coordinator (any) or its referrer; anyone
  // else gets kNotFound, audited. `coordinator` says which view applies.
  Result<referrals::Referral> FindReferralFor(const Principal& who, const Request& request,
                                              std::string_view id, bool* coordinator);
  // Moves the referral (guards in referrals::Decide), records the move, messages the referrer
  // and audits, in one transaction. kConflict names the current state; kInvalid has fields.
  Result<referrals::Transition> DoMoveReferral(const Principal& who, const Request& request,
                                               const referrals::Referral& referral,
                                               const referrals::TransitionRequest& move);
  // Stages one referral move inside `tx` (guards in referrals::Decide; the message to the
  // referrer, with `extra_body` appended, and the audit entry); kConflict when the referral
  // moved meanwhile. Shared by DoMoveReferral and the panel's decisions.
  Result<referrals::Transition> MoveReferralIn(storage::Transaction& tx, const Principal& who,
                                               const Request& request,
                                               const referrals::Referral& referral,
                                               const referrals::TransitionRequest& move,
                                               std::string_view extra_body);
  // The child's referrals as chronology entries.
  Result<std::vector<chronology::Entry>> ChronologyEntries(const children::Child& child);

 private:
  storage::ToolLibrary& tools_;
  const WorkingCalendar& calendar_;
  FeedbackOptions feedback_;
  storage::ReferralsRepository referrals_{db_};
  storage::MessagesRepository messages_{db_};
  storage::AssessmentsRepository assessments_{db_};
  storage::ChildrenRepository children_{db_};
  storage::IdentityRepository identity_{db_};
};

}  // namespace harbour::web
