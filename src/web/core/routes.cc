#include "web/core/routes.h"

#include <spdlog/spdlog.h>

#include "common/ids.h"
#include "common/text.h"
#include "web/core/audit.h"
#include "web/core/errors.h"
#include "web/core/pages.h"
#include "web/core/sessions.h"
#include "web/parse/form.h"
#include "web/parse/multipart.h"

namespace harbour::web {

namespace {

constexpr std::size_t kMaxNext = 512;  // longer targets come back to the home page

const Error kFormExpired{ErrorKind::kForbidden,
                         "csrf_failed",
                         "This form has expired. Go back, reload the page and try again.",
                         {}};

// The POST's form token: the `_csrf` field of its URL-encoded or multipart/form-data body ("" when
// the body cannot be read or has none).
std::string FormToken(const Request& request) {
  const std::string type = request.Header("content-type");
  if (IsMultipartFormData(type)) {
    auto parts = ParseMultipartRequest(type, request.body);
    return parts ? MultipartField(*parts, "_csrf") : std::string();
  }
  auto form = ParseUrlEncoded(request.body);
  return form ? form->Get("_csrf") : std::string();
}

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
                const std::string token = FormToken(request);
                if (!token.empty() && SecretsEqual(token, who->session->csrf_token)) {
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
