// Referrals to the exploitation panel and their feedback messages in the JSON API (issue 4;
// docs/api/openapi.yaml). The same verbs, access rules and audit as the pages
// (referrals_handlers.cc); request bodies are parsed by web/parse/referral_json.h.
#include <nlohmann/json.hpp>

#include "web/core/errors.h"
#include "web/referrals/handlers.h"
#include "web/referrals/referral_json.h"

namespace harbour::web {

namespace {

using nlohmann::json;

constexpr int kQueueListed = 500;
constexpr int kMineListed = 100;

Response JsonOk(unsigned status, const json& body) { return Response::Json(status, body.dump()); }

// What every view of a referral shows, lists included.
json ReferralJson(const referrals::Referral& r, Instant now) {
  const bool waiting =
      r.state == referrals::State::kSubmitted || r.state == referrals::State::kScreening;
  return json{
      {"id", r.id},
      {"child_id", r.child_id},
      {"child_name", r.child_name},
      {"state", referrals::ToCode(r.state)},
      {"state_label", referrals::Label(r.state)},
      {"reason", r.reason},
      {"sharing", referrals::ToCode(r.sharing)},
      {"sharing_reason", r.sharing_reason},
      {"assessment_id", r.assessment_id.empty() ? json(nullptr) : json(r.assessment_id)},
      {"no_assessment_reason", r.no_assessment_reason},
      {"referred_by", r.referrer_name},
      {"agency", r.agency_name},
      {"submitted_at", FormatRfc3339(r.submitted_at)},
      {"screening_due", FormatRfc3339(r.screening_due)},
      {"overdue", waiting && now > r.screening_due},
  };
}

json TransitionsJson(const std::vector<referrals::Transition>& transitions) {
  json out = json::array();
  for (const auto& t : transitions) {
    out.push_back(json{{"from", referrals::ToCode(t.from)},
                       {"to", referrals::ToCode(t.to)},
                       {"reason", t.reason},
                       {"signposting", t.signposting},
                       {"at", FormatRfc3339(t.at)}});
  }
  return out;
}

json MessagesJson(const std::vector<feedback::Message>& messages) {
  json out = json::array();
  for (const auto& m : messages) {
    out.push_back(json{{"title", m.title},
                       {"body", m.body},
                       {"next_steps", m.next_steps},
                       {"contact", m.contact},
                       {"at", FormatRfc3339(m.at)},
                       {"read", m.read_at.has_value()}});
  }
  return out;
}

}  // namespace

Result<std::string> ReferralsHandlers::ReferralDetailJson(const Principal& who,
                                                          const referrals::Referral& referral,
                                                          bool coordinator) {
  json out = ReferralJson(referral, clock_.Now());
  out["transitions"] = json::array();
  if (coordinator) {  // the referrer follows the referral through its messages
    auto history = referrals_.Transitions(referral.id);
    if (!history) return std::unexpected(history.error());
    out["transitions"] = TransitionsJson(*history);
  }
  auto messages = messages_.About(who.user.id, "referral", referral.id);
  if (!messages) return std::unexpected(messages.error());
  out["messages"] = MessagesJson(*messages);
  return out.dump();
}

Response ReferralsHandlers::ApiCreateReferral(Request& request, const Principal& who) {
  access::Decision decision;
  auto child = AuthoriseChild(who, request, request.Param("id"), access::Action::kRefer, &decision);
  if (!child) return JsonError(child.error());
  if (!IsJson(request)) return JsonError(NotJson());
  auto input = ParseReferralJson(request.body);
  if (!input) return JsonError(input.error());
  auto referral = DoRefer(who, request, *child, *input, decision.purpose);
  if (!referral) return JsonError(referral.error());
  bool coordinator = access::Decide(who.Subject(), access::Action::kScreenReferrals).allowed;
  auto body = ReferralDetailJson(who, *referral, coordinator);
  if (!body) return JsonError(body.error());
  Response res = Response::Json(201, *body);
  res.AddHeader("Location", "/api/v1/referrals/" + referral->id);
  return res;
}

Response ReferralsHandlers::ApiGetReferral(Request& request, const Principal& who) {
  bool coordinator = false;
  auto referral = FindReferralFor(who, request, request.Param("id"), &coordinator);
  if (!referral) return JsonError(referral.error());
  auto body = ReferralDetailJson(who, *referral, coordinator);
  if (!body) return JsonError(body.error());
  if (!Audit(AboutChild(AuditEntry(who, request, "referral.view", "referral", referral->id,
                                   "allowed", coordinator ? "coordination" : "safeguarding",
                                   coordinator ? "api; coordinator" : "api; referrer"),
                        referral->child_id))) {
    return JsonError(kAuditUnavailable);
  }
  return Response::Json(200, *body);
}

Response ReferralsHandlers::ApiMoveReferral(Request& request, const Principal& who) {
  bool coordinator = false;
  auto referral = FindReferralFor(who, request, request.Param("id"), &coordinator);
  if (!referral) return JsonError(referral.error());
  if (!IsJson(request)) return JsonError(NotJson());
  auto body = ParseTransitionJson(request.body);
  if (!body) return JsonError(body.error());
  referrals::TransitionRequest move{
      body->to, coordinator ? referrals::Actor::kCoordinator : referrals::Actor::kReferrer,
      body->reason, body->signposting};
  auto moved = DoMoveReferral(who, request, *referral, move);
  if (!moved) return JsonError(moved.error());
  auto after = referrals_.Find(referral->id);
  if (!after) return JsonError(after.error());
  if (!*after) {
    return JsonError(Error{ErrorKind::kInternal, "internal_error", "The referral vanished.", {}});
  }
  auto out = ReferralDetailJson(who, **after, coordinator);
  if (!out) return JsonError(out.error());
  return Response::Json(200, *out);
}

Response ReferralsHandlers::ApiListReferrals(Request& request, const Principal& who) {
  auto decision = access::Decide(who.Subject(), access::Action::kScreenReferrals);
  auto listed = decision.allowed ? referrals_.Open(kQueueListed)
                                 : referrals_.ByReferrer(who.user.id, kMineListed);
  if (!listed) return JsonError(listed.error());
  if (!Audit(AuditEntry(who, request, "referral.list", decision.allowed ? "area" : "user",
                        decision.allowed ? "" : who.user.id, "allowed",
                        decision.allowed ? decision.purpose : "",
                        std::string(decision.allowed ? "api; open queue; " : "api; own; ") +
                            std::to_string(listed->size()) + " referrals"))) {
    return JsonError(kAuditUnavailable);
  }
  Instant now = clock_.Now();
  json out = json::array();
  for (const auto& r : *listed) out.push_back(ReferralJson(r, now));
  return JsonOk(200, json{{"scope", decision.allowed ? "open" : "mine"}, {"referrals", out}});
}

}  // namespace harbour::web
