#pragma once
// Registering an area's routes behind the authentication wrappers: pages need a session and,
// on every POST, the session's CSRF token; the API needs a bearer token. Used while the router
// is built, at start-up, from one thread.
#include <functional>
#include <string>

#include "web/core/http.h"
#include "web/core/principal.h"

namespace harbour::web {

class Auditor;
class Pages;
class Sessions;

// A handler that runs once the caller is known.
using SignedInHandler = std::function<Response(Request&, const Principal&)>;

class Routes {
 public:
  // Everything given must outlive the router.
  Routes(Router& router, Sessions& sessions, Auditor& auditor, const Pages& pages)
      : router_(router), sessions_(sessions), auditor_(auditor), pages_(pages) {}

  // A page for signed-in users: without a valid session, GET redirects to the sign-in page
  // (and back afterwards) and anything else to the sign-in page; a POST without the session's
  // CSRF token (the `_csrf` field of a URL-encoded or multipart/form-data body) is refused (403,
  // audited as "csrf.check").
  void Page(Method method, std::string pattern, SignedInHandler handler);
  // An API route: 401 with WWW-Authenticate without a usable bearer token.
  void Api(Method method, std::string pattern, SignedInHandler handler);
  // A route that needs no one signed in (sign-in, /healthz, the API's description).
  void Public(Method method, std::string pattern, Handler handler);

  // The same for a member function of an area's handlers, which must outlive the router.
  template <class H>
  void Page(Method method, std::string pattern, H* handlers,
            Response (H::*member)(Request&, const Principal&)) {
    Page(method, std::move(pattern), Bind(handlers, member));
  }
  template <class H>
  void Api(Method method, std::string pattern, H* handlers,
           Response (H::*member)(Request&, const Principal&)) {
    Api(method, std::move(pattern), Bind(handlers, member));
  }

 private:
  template <class H>
  static SignedInHandler Bind(H* handlers, Response (H::*member)(Request&, const Principal&)) {
    return [handlers, member](Request& request, const Principal& who) {
      return (handlers->*member)(request, who);
    };
  }

  Router& router_;
  Sessions& sessions_;
  Auditor& auditor_;
  const Pages& pages_;
};

}  // namespace harbour::web
