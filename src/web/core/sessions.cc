#include "web/core/sessions.h"

#include <chrono>

#include "common/ids.h"
#include "storage/agencies_repository.h"
#include "storage/identity_repository.h"
#include "web/parse/cookie.h"

namespace harbour::web {

namespace {

// Re-saving last_seen_at on every request would make every page a write; a minute's
// resolution is enough for a 30-minute idle timeout.
constexpr std::chrono::seconds kTouchInterval{60};
constexpr std::size_t kMaxSecret = 128;

}  // namespace

std::optional<Principal> Sessions::Load(const std::string& user_id) {
  auto user = identity_.FindUserById(user_id);
  if (!user || !user->has_value() || !(*user)->active) return std::nullopt;
  auto agency = agencies_.FindById((*user)->agency_id);
  if (!agency || !agency->has_value()) return std::nullopt;
  return Principal{std::move(**user), std::move(**agency), std::nullopt};
}

std::optional<Principal> Sessions::FromSession(const Request& request) {
  auto cookies = ParseCookieHeader(request.Header("cookie"));
  auto it = cookies.find(kSessionCookie);
  if (it == cookies.end() || it->second.empty() || it->second.size() > kMaxSecret)
    return std::nullopt;
  std::string digest = TokenDigest(it->second);
  auto session = identity_.FindSession(digest);
  if (!session || !session->has_value()) return std::nullopt;
  Instant now = clock_.Now();
  if (identity::IsSessionExpired(**session, now)) {
    // Refused either way; a session that could not be deleted expires again next time.
    (void)identity_.DeleteSession(digest);
    return std::nullopt;
  }
  auto principal = Load((*session)->user_id);
  if (!principal) return std::nullopt;
  if (now - (*session)->last_seen_at >= kTouchInterval) {
    // Best effort: a failed touch only brings the idle timeout a minute closer.
    (void)identity_.TouchSession(digest, now);
    (*session)->last_seen_at = now;
  }
  principal->session = std::move(**session);
  return principal;
}

std::optional<Principal> Sessions::FromToken(const Request& request) {
  std::string header = request.Header("authorization");
  constexpr std::string_view kBearer = "Bearer ";
  if (!header.starts_with(kBearer)) return std::nullopt;
  std::string secret = header.substr(kBearer.size());
  if (secret.empty() || secret.size() > kMaxSecret) return std::nullopt;
  auto token = identity_.FindToken(TokenDigest(secret));
  if (!token || !token->has_value()) return std::nullopt;
  if (!identity::IsTokenUsable(**token, clock_.Now())) return std::nullopt;
  return Load((*token)->user_id);
}

}  // namespace harbour::web
