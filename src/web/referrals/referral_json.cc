#include "web/referrals/referral_json.h"

#include <algorithm>
#include <array>
#include <map>
#include <utility>

#include "common/text.h"
#include "web/parse/json_body.h"
#include "web/parse/json_members.h"

namespace harbour::web {
namespace {

using nlohmann::json;
using referrals::State;

constexpr std::array<std::string_view, 5> kReferralMembers = {
    "assessment_id", "no_assessment_reason", "reason", "sharing", "sharing_reason"};
constexpr std::array<std::string_view, 3> kTransitionMembers = {"to", "reason", "signposting"};
constexpr std::array<State, 8> kStates = {State::kSubmitted,   State::kScreening, State::kAccepted,
                                          State::kNotAccepted, State::kWithdrawn, State::kDiscussed,
                                          State::kUnderReview, State::kClosed};

std::string StateCodes() {
  std::string out;
  for (State s : kStates) {
    if (!out.empty()) out += ", ";
    out += referrals::ToCode(s);
  }
  return out;
}

}  // namespace

Result<referrals::ReferralInput> ParseReferralJson(std::string_view body) {
  auto parsed = ParseJsonObject(body);
  if (!parsed) return std::unexpected(parsed.error());
  std::map<std::string, std::string> errors;
  JsonMembers r(*parsed, "", errors);
  referrals::ReferralInput out;
  out.assessment_id = r.Text("assessment_id", kMaxReferralCodeChars, /*multi_line=*/false);
  out.no_assessment_reason =
      r.Text("no_assessment_reason", referrals::kMaxReason, /*multi_line=*/true);
  out.reason = r.Text("reason", referrals::kMaxReason, /*multi_line=*/true);
  out.sharing = r.Text("sharing", kMaxReferralCodeChars, /*multi_line=*/false);
  out.sharing_reason = r.Text("sharing_reason", referrals::kMaxReason, /*multi_line=*/true);
  r.RefuseOthers(kReferralMembers, "Is not a field of this resource");
  if (!errors.empty()) return Invalid(std::move(errors), "Check the highlighted fields.");
  return out;
}

Result<TransitionBody> ParseTransitionJson(std::string_view body) {
  auto parsed = ParseJsonObject(body);
  if (!parsed) return std::unexpected(parsed.error());
  std::map<std::string, std::string> errors;
  JsonMembers r(*parsed, "", errors);
  TransitionBody out;
  std::string to = r.Text("to", kMaxReferralCodeChars, /*multi_line=*/false);
  if (to.empty()) {
    if (!errors.contains("to")) r.Problem("to", "Give the state to move to, for example screening");
  } else if (auto state = referrals::StateFromCode(to)) {
    out.to = *state;
  } else {
    r.Problem("to", "Must be one of " + StateCodes());
  }
  out.reason = r.Text("reason", referrals::kMaxReason, /*multi_line=*/true);
  out.signposting = r.Text("signposting", referrals::kMaxReason, /*multi_line=*/true);
  r.RefuseOthers(kTransitionMembers, "Is not a field of this resource");
  if (!errors.empty()) return Invalid(std::move(errors), "Check the highlighted fields.");
  return out;
}

}  // namespace harbour::web
