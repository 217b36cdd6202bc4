#pragma once
// Sign in and sign out (docs/security.md): one message for every failure, lockout after five
// failures, a fresh session id and CSRF token at each sign-in.
#include <memory>

#include "web/core/handlers.h"
#include "web/core/routes.h"

namespace harbour::web {

class AuthHandlers;
class Sessions;

class AuthArea {
 public:
  // Everything given must outlive the area and the router it registers on.
  AuthArea(const Core& core, Sessions& sessions, bool secure_cookies);
  ~AuthArea();
  AuthArea(const AuthArea&) = delete;
  AuthArea& operator=(const AuthArea&) = delete;

  void Register(Routes& routes);

 private:
  std::unique_ptr<AuthHandlers> handlers_;
};

}  // namespace harbour::web
