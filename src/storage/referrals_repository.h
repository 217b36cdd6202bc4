#pragma once
// Persistence of referrals and their recorded moves (referrals/referral.h). A move updates the
// state only from the state it was decided on, so two coordinators cannot both move it.
#include <optional>
#include <string>
#include <vector>

#include "common/error.h"
#include "referrals/referral.h"
#include "storage/database.h"

namespace harbour::storage {

class ReferralsRepository {
 public:
  explicit ReferralsRepository(Database& db) : db_(db) {}

  void InsertIn(Transaction& tx, const referrals::Referral& referral);
  // Records `t` and moves the referral from t.from to t.to; false when the referral is no
  // longer in t.from (someone moved it first) or absent.
  bool MoveIn(Transaction& tx, std::string_view referral_id, const referrals::Transition& t,
              std::string_view transition_id);
  Result<std::optional<referrals::Referral>> Find(std::string_view id);
  // Every recorded move, oldest first.
  Result<std::vector<referrals::Transition>> Transitions(std::string_view referral_id);
  // Referrals in a state that is not final, the screening deadline soonest first.
  Result<std::vector<referrals::Referral>> Open(int limit);
  // Every referral of the child, newest first.
  Result<std::vector<referrals::Referral>> ForChild(std::string_view child_id);
  // The user's own referrals, newest first.
  Result<std::vector<referrals::Referral>> ByReferrer(std::string_view user_id, int limit);

 private:
  Database& db_;
};

}  // namespace harbour::storage
