#include "web/core/routes.h"

#include <spdlog/spdlog.h>

#include "common/ids.h"
#include "common/text.h"
#include "web/core/audit.h"
#include "web/core/errors.h"
#include "web/core/pages.h"
#include "web/core/sessions.h"

namespace harbour::web {

namespace {

constexpr std::size_t kMaxNext = 512;  // longer targets come back to the home page

const Error kFormExpired{ErrorKind::kForbidden,
                         "csrf_failed",
                         "This form has expired. Go back, reload the page and try again.",
                         {}};

}  // namespace

void Routes::Page(Method method, std::string pattern, SignedInHandler handler) {
  // The Routes object lives only while the router is built: capture the services themselves.
  router_.Add(method, std::move(pattern),
              [&sessions = sessions_, &auditor = auditor_, &pages = pages_,
               handler = std::move(handler)](Request& request) {
                auto who = sessions.FromSession(request);
                if (!who) {
                  if (request.method != Method::kGet) return Response::Redirect("/sign-in");
                  std::string next = request.target.size() < kMaxNext ? request.target : "/";
                  return Response::Redirect("/sign-in?next=" + PercentEncode(next));
                }
                if (request.method != Method::kPost) return handler(request, *who);
                auto form = ParseUrlEncoded(request.body);
                if (form && SecretsEqual(form->Get("_csrf"), who->session->csrf_token)) {
                  return handler(request, *who);
                }
                spdlog::warn("CSRF check failed (request {})", request.request_id);
                auditor.RecordRefusal(auditor.Entry(
                    *who, request, "csrf.check", "request", "", "refused", {},
                    "missing or wrong form token on POST " + request.path.substr(0, 200)));
                return pages.ErrorPage(&*who, request, kFormExpired);
              });
}

void Routes::Api(Method method, std::string pattern, SignedInHandler handler) {
  router_.Add(method, std::move(pattern),
              [&sessions = sessions_, handler = std::move(handler)](Request& request) {
                auto who = sessions.FromToken(request);
                if (who) return handler(request, *who);
                Response res =
                    JsonError(Error{ErrorKind::kUnauthenticated,
                                    "unauthenticated",
                                    "Send a valid API token: Authorization: Bearer TOKEN.",
                                    {}});
                res.AddHeader("WWW-Authenticate", "Bearer realm=\"harbour\"");
                return res;
              });
}

void Routes::Public(Method method, std::string pattern, Handler handler) {
  router_.Add(method, std::move(pattern), std::move(handler));
}

}  // namespace harbour::web
