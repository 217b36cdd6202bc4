#pragma once
// Referrals to the exploitation panel and the feedback loop (docs/referrals.md): the referral
// form, the coordinator's queue with the screening clock, every move with its message to the
// referrer, "My referrals", and the feedback messages (pages and API). The panel moves a
// referral when it discusses the child (MoveReferralIn); the chronology lists referrals.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "children/child.h"
#include "chronology/chronology.h"
#include "referrals/referral.h"
#include "web/core/handlers.h"
#include "web/core/routes.h"

namespace harbour::storage {
class ToolLibrary;
}  // namespace harbour::storage

namespace harbour::web {

class ReferralsHandlers;

// How the feedback loop names the panel and whom to contact ([panel] in harbour.toml).
struct FeedbackOptions {
  std::string panel_name = "exploitation panel";
  std::string panel_contact = "the exploitation coordinator, through Harbour";
};

class ReferralsArea {
 public:
  // Everything given must outlive the area and the router it registers on.
  ReferralsArea(const Core& core, storage::ToolLibrary& tools, const WorkingCalendar& calendar,
                FeedbackOptions feedback);
  ~ReferralsArea();
  ReferralsArea(const ReferralsArea&) = delete;
  ReferralsArea& operator=(const ReferralsArea&) = delete;

  void Register(Routes& routes);

  // Stages one move of `referral` inside `tx`: the guards of referrals::Decide, the move, the
  // message to the referrer (with `extra_body` appended) and the audit entry. kConflict when
  // the referral moved meanwhile.
  Result<referrals::Transition> MoveReferralIn(storage::Transaction& tx, const Principal& who,
                                               const Request& request,
                                               const referrals::Referral& referral,
                                               const referrals::TransitionRequest& move,
                                               std::string_view extra_body) const;
  // The child's referrals as chronology entries. Reads only; the chronology audits.
  Result<std::vector<chronology::Entry>> ChronologyEntries(const children::Child& child) const;

 private:
  std::unique_ptr<ReferralsHandlers> handlers_;
};

}  // namespace harbour::web
