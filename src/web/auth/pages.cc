// Sign in and sign out (docs/security.md): one message for every failure, lockout after
// five failures, a fresh session id and CSRF token at each sign-in.
#include <spdlog/spdlog.h>

#include "common/ids.h"
#include "common/text.h"
#include "web/auth/handlers.h"
#include "web/parse/cookie.h"

namespace harbour::web {

namespace {

constexpr std::string_view kSignInCookie = "harbour_signin";  // double-submit CSRF before sign-in

// Only same-site relative paths are followed after sign-in (no open redirect).
std::string SafeNext(const std::string& next) {
  if (next.empty() || next[0] != '/' || next.starts_with("//") || next.starts_with("/\\"))
    return "/";
  if (next.find_first_of("\r\n") != std::string::npos) return "/";
  return next;
}

}  // namespace

Response AuthHandlers::SignInForm(Request& request) {
  if (auto who = sessions_.FromSession(request)) return Response::Redirect("/");
  std::string token = RandomToken();
  mstch::map context{
      {"csrf_token", token}, {"next", SafeNext(request.query.Get("next"))}, {"has_errors", false}};
  Response res = Page(nullptr, request, "Sign in", "auth/sign-in", context);
  CookieOptions cookie;
  cookie.secure = secure_cookies_ || request.secure;
  cookie.max_age = 3600;
  res.AddHeader("Set-Cookie", BuildSetCookie(kSignInCookie, token, cookie));
  return res;
}

Response AuthHandlers::SignIn(Request& request) {
  auto form = ParseUrlEncoded(request.body);
  auto cookies = ParseCookieHeader(request.Header("cookie"));
  auto pre = cookies.find(kSignInCookie);
  std::string username_input = form ? Trim(form->Get("username")) : "";
  std::string next = SafeNext(form ? form->Get("next") : "");
  auto fail = [&](std::string message, unsigned status) {
    std::string token = RandomToken();
    mstch::map context{{"csrf_token", token},
                       {"username", username_input},
                       {"next", next},
                       {"has_errors", true},
                       {"errors", mstch::array{mstch::map{{"message", std::move(message)},
                                                          {"href", Str("#username")}}}}};
    Response res = Page(nullptr, request, "Sign in", "auth/sign-in", context, status);
    CookieOptions cookie;
    cookie.secure = secure_cookies_ || request.secure;
    cookie.max_age = 3600;
    res.AddHeader("Set-Cookie", BuildSetCookie(kSignInCookie, token, cookie));
    return res;
  };
  if (!form || pre == cookies.end() || !SecretsEqual(form->Get("_csrf"), pre->second)) {
    return fail("Your sign-in form expired. Enter your username and password again.", 400);
  }
  std::string failed_message(identity::kSignInFailedMessage);
  auto username = identity::NormaliseUsername(username_input);
  if (!username) return fail(failed_message, 422);
  auto found = identity_.FindUserByUsername(*username);
  if (!found) return ErrorPage(nullptr, request, found.error());
  if (!found->has_value() || !(*found)->active) {
    // Spend the same time as a real check so that timing does not reveal unknown users.
    static const std::string kDummyHash = identity::HashPassword("timing-equaliser-only");
    (void)identity::VerifyPassword(form->Get("password"), kDummyHash);
    audit::Entry entry;
    entry.at = clock_.Now();
    entry.username = *username;  // as typed (normalised): who tried, for the auditor
    entry.role = "-";
    entry.agency = "-";
    entry.action = "sign-in";
    entry.record_type = "user";
    entry.outcome = "refused";
    entry.detail = "unknown or inactive user";
    entry.request_id = request.request_id;
    AuditRefusal(std::move(entry));
    return fail(failed_message, 422);
  }
  identity::User& user = **found;
  Instant now = clock_.Now();
  auto principal = sessions_.Load(user.id);
  if (!principal) return fail(failed_message, 422);
  if (identity::IsLocked(user, now)) {
    AuditRefusal(
        AuditEntry(*principal, request, "sign-in", "user", user.id, "refused", {}, "locked"));
    return fail(failed_message, 422);
  }
  // Lockout must never silently stop working: when the sign-in state (the failure count and
  // lock) cannot be saved, sign-in fails closed with the usual message, and the failure is
  // logged and audited.
  auto state_unsaved = [&](const Error& error) {
    spdlog::error("sign-in refused for user {}: the sign-in state could not be saved: {}", user.id,
                  error.message);
    AuditRefusal(AuditEntry(*principal, request, "sign-in", "user", user.id, "refused", {},
                            "sign-in state could not be saved"));
    return fail(failed_message, 422);
  };
  if (!identity::VerifyPassword(form->Get("password"), user.password_hash)) {
    identity::RecordFailedSignIn(user, now);
    if (auto saved = identity_.SaveSignInState(user); !saved) return state_unsaved(saved.error());
    AuditRefusal(AuditEntry(
        *principal, request, "sign-in", "user", user.id, "refused", {},
        identity::IsLocked(user, now) ? "wrong password; account locked" : "wrong password"));
    return fail(failed_message, 422);
  }
  identity::RecordSuccessfulSignIn(user);
  if (auto saved = identity_.SaveSignInState(user); !saved) return state_unsaved(saved.error());
  std::string session_id = RandomToken();
  identity::Session session{TokenDigest(session_id), user.id, RandomToken(), now, now};
  if (auto saved = identity_.InsertSession(session); !saved) {
    return ErrorPage(nullptr, request, saved.error());
  }
  // A sign-in the trail does not show does not happen: the session is withdrawn before its
  // cookie is ever sent (were the delete to fail too, nobody holds the token).
  if (!Audit(AuditEntry(*principal, request, "sign-in", "user", user.id, "allowed"))) {
    static_cast<void>(identity_.DeleteSession(session.id_digest));
    return ErrorPage(nullptr, request, kAuditUnavailable);
  }
  Response res = Response::Redirect(next);
  CookieOptions cookie;
  cookie.secure = secure_cookies_ || request.secure;
  res.AddHeader("Set-Cookie", BuildSetCookie(kSessionCookie, session_id, cookie));
  CookieOptions expire;
  expire.max_age = 0;
  res.AddHeader("Set-Cookie", BuildSetCookie(kSignInCookie, "", expire));
  return res;
}

Response AuthHandlers::SignOut(Request& request, const Principal& who) {
  if (who.session) (void)identity_.DeleteSession(who.session->id_digest);
  // Signing out always works (a session left open is the greater risk): a failed append is
  // logged by the Auditor and does not keep the user signed in.
  static_cast<void>(Audit(AuditEntry(who, request, "sign-out", "user", who.user.id, "allowed")));
  Response res = Response::Redirect("/sign-in");
  CookieOptions expire;
  expire.secure = secure_cookies_ || request.secure;
  expire.max_age = 0;
  res.AddHeader("Set-Cookie", BuildSetCookie(kSessionCookie, "", expire));
  return res;
}

}  // namespace harbour::web
