#pragma once
// Harbour's own request/response types: what handlers see, independent of Boost.Beast
// (web/server.cc converts). A Request is owned by the connection that read it and is used
// by one thread at a time.
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "web/parse/form.h"

namespace harbour::web {

enum class Method { kGet, kHead, kPost, kPut, kPatch, kDelete, kOptions, kOther };
std::string_view ToString(Method method);

// The one child a request acts on, as its authorisations found it.
class AuthorisedChild {
 public:
  // Notes an allowed authorisation for `child_id`. A second, different child makes the request
  // about several children: it then names none, and each entry names its own.
  void Note(std::string_view child_id);
  // The child, or "" when none or several were authorised.
  std::string_view Id() const { return several_ ? std::string_view{} : std::string_view{id_}; }

 private:
  std::string id_;
  bool several_ = false;
};

struct Request {
  Method method = Method::kGet;
  std::string target;                                       // raw request-target
  std::string path;                                         // decoded path (web/parse/target.h)
  FormData query;                                           // decoded query string
  std::map<std::string, std::string, std::less<>> headers;  // names lower-cased
  std::string body;
  std::string remote_address;
  std::string request_id;  // 16 hex chars, also sent back as X-Request-Id
  bool secure = false;     // true when the front proxy says the client used TLS
  std::map<std::string, std::string, std::less<>> path_params;  // filled by the Router
  // The child this request was authorised to act on (web/core/authorise.h notes it), so that
  // every audit entry the request makes names the child it concerns (web/core/audit.h). Not
  // input: bookkeeping about the request, hence mutable on a const Request.
  mutable AuthorisedChild authorised_child;

  std::string Header(std::string_view name) const;  // "" when absent; name lower-case
  std::string Param(std::string_view name) const;   // path parameter or ""
};

struct Response {
  unsigned status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers
  std::string body;
  // Personal data is never cached: true unless a handler serves public static content.
  bool no_store = true;

  void AddHeader(std::string name, std::string value);
  static Response Html(unsigned status, std::string body);
  static Response Json(unsigned status, std::string body);
  static Response Text(unsigned status, std::string body);
  static Response Redirect(std::string location, unsigned status = 303);
};

using Handler = std::function<Response(Request&)>;

// Exact-segment routes with {name} placeholders ("/api/v1/children/{id}/concerns").
// Built once at start-up, then read-only and safe to use from many threads.
class Router {
 public:
  void Add(Method method, std::string pattern, Handler handler);
  // 404 handler, and the response for a known path with the wrong method (405 with Allow).
  void SetNotFound(Handler handler) { not_found_ = std::move(handler); }
  Response Dispatch(Request& request) const;

  struct RouteInfo {
    Method method;
    std::string pattern;
  };
  std::vector<RouteInfo> Routes() const;

 private:
  struct Route {
    Method method;
    std::string pattern;
    std::vector<std::string> segments;
    Handler handler;
  };
  std::vector<Route> routes_;
  Handler not_found_;
};

}  // namespace harbour::web
