#include "web/core/http.h"

#include <algorithm>
#include <stdexcept>
#include <utility>

#include "common/text.h"

namespace harbour::web {
namespace {

// "/a/b" -> {"a", "b"}; "/" -> {""}; "/a/" -> {"a", ""}. `path` starts with '/'.
std::vector<std::string_view> SplitPath(std::string_view path) {
  std::vector<std::string_view> segments;
  path.remove_prefix(1);
  while (true) {
    const std::size_t slash = path.find('/');
    segments.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return segments;
}

bool IsPlaceholder(std::string_view segment) {
  return segment.size() >= 2 && segment.front() == '{' && segment.back() == '}';
}

std::string_view PlaceholderName(std::string_view segment) {
  return segment.substr(1, segment.size() - 2);
}

// True when `path` fits the route; fills `params` only on a match.
bool Matches(const std::vector<std::string>& pattern, const std::vector<std::string_view>& path,
             std::map<std::string, std::string, std::less<>>& params) {
  if (pattern.size() != path.size()) return false;
  std::map<std::string, std::string, std::less<>> found;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (IsPlaceholder(pattern[i])) {
      if (path[i].empty()) return false;
      found.emplace(std::string(PlaceholderName(pattern[i])), std::string(path[i]));
    } else if (pattern[i] != path[i]) {
      return false;
    }
  }
  params = std::move(found);
  return true;
}

Response MethodNotAllowed(const Request& request, const std::vector<Method>& allowed) {
  std::string allow;
  for (Method method : allowed) {
    if (!allow.empty()) allow += ", ";
    allow += ToString(method);
  }
  Response response =
      request.path.starts_with("/api/")
          ? Response::Json(405, R"({"error":{"code":"method_not_allowed",)"
                                R"("message":"This method is not allowed here.","fields":{}}})")
          : Response::Text(405, "Method not allowed.\n");
  response.AddHeader("Allow", std::move(allow));
  return response;
}

}  // namespace

std::string_view ToString(Method method) {
  switch (method) {
    case Method::kGet:
      return "GET";
    case Method::kHead:
      return "HEAD";
    case Method::kPost:
      return "POST";
    case Method::kPut:
      return "PUT";
    case Method::kPatch:
      return "PATCH";
    case Method::kDelete:
      return "DELETE";
    case Method::kOptions:
      return "OPTIONS";
    case Method::kOther:
      return "OTHER";
  }
  return "OTHER";
}

void AuthorisedChild::Note(std::string_view child_id) {
  if (child_id.empty() || several_) return;
  if (id_.empty()) {
    id_ = std::string(child_id);
  } else if (id_ != child_id) {
    several_ = true;
  }
}

std::string Request::Header(std::string_view name) const {
  const auto it = headers.find(AsciiLower(name));
  return it == headers.end() ? std::string() : it->second;
}

std::string Request::Param(std::string_view name) const {
  const auto it = path_params.find(name);
  return it == path_params.end() ? std::string() : it->second;
}

void Response::AddHeader(std::string name, std::string value) {
  headers.emplace_back(std::move(name), std::move(value));
}

Response Response::Html(unsigned status, std::string body) {
  Response response;
  response.status = status;
  response.content_type = "text/html; charset=utf-8";
  response.body = std::move(body);
  return response;
}

Response Response::Json(unsigned status, std::string body) {
  Response response;
  response.status = status;
  response.content_type = "application/json";
  response.body = std::move(body);
  return response;
}

Response Response::Text(unsigned status, std::string body) {
  Response response;
  response.status = status;
  response.content_type = "text/plain; charset=utf-8";
  response.body = std::move(body);
  return response;
}

Response Response::Redirect(std::string location, unsigned status) {
  Response response;
  response.status = status;
  response.content_type.clear();
  response.AddHeader("Location", std::move(location));
  return response;
}

void Router::Add(Method method, std::string pattern, Handler handler) {
  if (!pattern.starts_with('/')) {
    throw std::invalid_argument("route pattern must start with '/': " + pattern);
  }
  std::vector<std::string> segments;
  for (std::string_view segment : SplitPath(pattern)) {
    if (IsPlaceholder(segment) && PlaceholderName(segment).empty()) {
      throw std::invalid_argument("empty placeholder in route pattern: " + pattern);
    }
    segments.emplace_back(segment);
  }
  routes_.push_back(Route{method, std::move(pattern), std::move(segments), std::move(handler)});
}

Response Router::Dispatch(Request& request) const {
  if (!request.path.starts_with('/')) {
    return not_found_ ? not_found_(request) : Response::Text(404, "Not found.\n");
  }
  const std::vector<std::string_view> path = SplitPath(request.path);
  std::map<std::string, std::string, std::less<>> params;
  std::vector<Method> allowed;
  const Route* head_fallback = nullptr;
  std::map<std::string, std::string, std::less<>> head_params;
  for (const Route& route : routes_) {
    if (!Matches(route.segments, path, params)) continue;
    if (route.method == request.method) {
      request.path_params = std::move(params);
      return route.handler(request);
    }
    // HEAD is answered by the first matching GET route unless a HEAD route matches.
    if (request.method == Method::kHead && route.method == Method::kGet && !head_fallback) {
      head_fallback = &route;
      head_params = params;
    }
    if (std::find(allowed.begin(), allowed.end(), route.method) == allowed.end()) {
      allowed.push_back(route.method);
    }
  }
  if (head_fallback) {
    request.path_params = std::move(head_params);
    return head_fallback->handler(request);
  }
  if (!allowed.empty()) {
    const bool has_get = std::find(allowed.begin(), allowed.end(), Method::kGet) != allowed.end();
    const bool has_head = std::find(allowed.begin(), allowed.end(), Method::kHead) != allowed.end();
    if (has_get && !has_head) allowed.push_back(Method::kHead);
    return MethodNotAllowed(request, allowed);
  }
  return not_found_ ? not_found_(request) : Response::Text(404, "Not found.\n");
}

std::vector<Router::RouteInfo> Router::Routes() const {
  std::vector<RouteInfo> infos;
  infos.reserve(routes_.size());
  for (const Route& route : routes_) infos.push_back(RouteInfo{route.method, route.pattern});
  return infos;
}

}  // namespace harbour::web
