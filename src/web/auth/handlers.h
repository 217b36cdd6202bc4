#pragma once
// Sign in and sign out (docs/security.md): one message for every failure, lockout after five
// failures, a fresh session id and CSRF token at each sign-in. The handlers behind web/auth/auth.h;
// included only inside web/auth/.

#include "storage/identity_repository.h"
#include "web/core/handlers.h"
#include "web/core/sessions.h"

namespace harbour::web {

class AuthHandlers : public AreaHandlers {
 public:
  AuthHandlers(const Core& core, Sessions& sessions, bool secure_cookies)
      : AreaHandlers(core), sessions_(sessions), secure_cookies_(secure_cookies) {}

  // --- pages ----------------------------------------------------------------------------
  Response SignInForm(Request& request);
  Response SignIn(Request& request);
  Response SignOut(Request& request, const Principal& who);

 private:
  Sessions& sessions_;
  bool secure_cookies_ = false;  // Secure cookies even without X-Forwarded-Proto
  storage::IdentityRepository identity_{db_};
};

}  // namespace harbour::web
