#include "web/auth/auth.h"

#include "web/auth/handlers.h"

namespace harbour::web {

AuthArea::AuthArea(const Core& core, Sessions& sessions, bool secure_cookies)
    : handlers_(std::make_unique<AuthHandlers>(core, sessions, secure_cookies)) {}

AuthArea::~AuthArea() = default;

void AuthArea::Register(Routes& routes) {
  auto* h = handlers_.get();
  routes.Public(Method::kGet, "/sign-in", [h](Request& q) { return h->SignInForm(q); });
  routes.Public(Method::kPost, "/sign-in", [h](Request& q) { return h->SignIn(q); });
  routes.Page(Method::kPost, "/sign-out", h, &AuthHandlers::SignOut);
}

}  // namespace harbour::web
