#pragma once
// Who a request comes from: the session cookie of the pages (30 minutes idle, 12 hours absolute;
// identity/) or the bearer token of the API. Thread-safe: reads and touches go through the
// database pool.
#include <optional>
#include <string>
#include <string_view>

#include "common/time.h"
#include "web/core/http.h"
#include "web/core/principal.h"

namespace harbour::storage {
class AgenciesRepository;
class IdentityRepository;
}  // namespace harbour::storage

namespace harbour::web {

// The cookie that carries the session id (HttpOnly, SameSite=Strict; Secure behind TLS).
inline constexpr std::string_view kSessionCookie = "harbour_session";

class Sessions {
 public:
  // The repositories and `clock` must outlive the sessions.
  Sessions(storage::IdentityRepository& identity, storage::AgenciesRepository& agencies,
           const Clock& clock)
      : identity_(identity), agencies_(agencies), clock_(clock) {}

  // The signed-in user of a page request, with their session; nullopt without a valid,
  // unexpired session (an expired one is deleted). Touches the session at most once a minute.
  std::optional<Principal> FromSession(const Request& request);
  // The user of an API request ("Authorization: Bearer TOKEN"); nullopt without a usable token.
  std::optional<Principal> FromToken(const Request& request);
  // An active user and their agency; nullopt when either is missing or the user is inactive.
  std::optional<Principal> Load(const std::string& user_id);

 private:
  storage::IdentityRepository& identity_;
  storage::AgenciesRepository& agencies_;
  const Clock& clock_;
};

}  // namespace harbour::web
