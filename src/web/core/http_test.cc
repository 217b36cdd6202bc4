#include "web/core/http.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace harbour::web {
namespace {

Request MakeRequest(Method method, std::string path) {
  Request request;
  request.method = method;
  request.target = path;
  request.path = std::move(path);
  return request;
}

// A handler that answers with the route's name and the parameters it saw.
Handler Named(const std::string& name) {
  return [name](Request& request) {
    std::string body = name;
    for (const auto& [key, value] : request.path_params) body += " " + key + "=" + value;
    return Response::Text(200, body);
  };
}

std::string HeaderValue(const Response& response, std::string_view name) {
  for (const auto& [key, value] : response.headers) {
    if (key == name) return value;
  }
  return "";
}

TEST(MethodTest, ToStringNamesEveryMethod) {
  EXPECT_EQ(ToString(Method::kGet), "GET");
  EXPECT_EQ(ToString(Method::kHead), "HEAD");
  EXPECT_EQ(ToString(Method::kPost), "POST");
  EXPECT_EQ(ToString(Method::kPut), "PUT");
  EXPECT_EQ(ToString(Method::kPatch), "PATCH");
  EXPECT_EQ(ToString(Method::kDelete), "DELETE");
  EXPECT_EQ(ToString(Method::kOptions), "OPTIONS");
  EXPECT_EQ(ToString(Method::kOther), "OTHER");
}

TEST(RequestTest, HeaderIsEmptyWhenAbsentAndFoundCaseInsensitively) {
  Request request;
  request.headers["content-type"] = "text/plain";
  EXPECT_EQ(request.Header("content-type"), "text/plain");
  EXPECT_EQ(request.Header("Content-Type"), "text/plain");
  EXPECT_EQ(request.Header("accept"), "");
}

TEST(RequestTest, ParamIsEmptyWhenAbsent) {
  Request request;
  request.path_params["id"] = "abc";
  EXPECT_EQ(request.Param("id"), "abc");
  EXPECT_EQ(request.Param("other"), "");
}

// Regression (the audit trail missed actions about a child): the request remembers the one
// child it was authorised for, so that its audit entries name it.
TEST(AuthorisedChildTest, NamesTheOneChildARequestWasAuthorisedFor) {
  AuthorisedChild none;
  EXPECT_EQ(none.Id(), "");
  AuthorisedChild one;
  one.Note("c-1");
  one.Note("c-1");  // authorised twice for the same child
  one.Note("");     // an empty id changes nothing
  EXPECT_EQ(one.Id(), "c-1");
}

TEST(AuthorisedChildTest, NamesNoneOnceASecondChildIsAuthorised) {
  AuthorisedChild two;
  two.Note("c-1");
  two.Note("c-2");
  EXPECT_EQ(two.Id(), "");
  two.Note("c-1");  // and stays so
  EXPECT_EQ(two.Id(), "");
}

TEST(ResponseTest, HelpersSetStatusContentTypeAndBody) {
  const Response html = Response::Html(201, "<p>hi</p>");
  EXPECT_EQ(html.status, 201u);
  EXPECT_EQ(html.content_type, "text/html; charset=utf-8");
  EXPECT_EQ(html.body, "<p>hi</p>");
  EXPECT_TRUE(html.no_store);

  const Response json = Response::Json(422, "{}");
  EXPECT_EQ(json.status, 422u);
  EXPECT_EQ(json.content_type, "application/json");
  EXPECT_EQ(json.body, "{}");

  const Response text = Response::Text(404, "missing");
  EXPECT_EQ(text.status, 404u);
  EXPECT_EQ(text.content_type, "text/plain; charset=utf-8");
  EXPECT_EQ(text.body, "missing");
}

TEST(ResponseTest, RedirectSetsLocationWithSeeOtherByDefault) {
  const Response see_other = Response::Redirect("/children");
  EXPECT_EQ(see_other.status, 303u);
  EXPECT_EQ(HeaderValue(see_other, "Location"), "/children");
  EXPECT_TRUE(see_other.body.empty());

  EXPECT_EQ(Response::Redirect("/login", 302).status, 302u);
}

TEST(ResponseTest, AddHeaderKeepsRepeatedHeaders) {
  Response response;
  response.AddHeader("Set-Cookie", "a=1");
  response.AddHeader("Set-Cookie", "b=2");
  ASSERT_EQ(response.headers.size(), 2u);
  EXPECT_EQ(response.headers[1].second, "b=2");
}

TEST(RouterTest, MatchesExactSegmentsAndFillsPlaceholders) {
  Router router;
  router.Add(Method::kGet, "/children", Named("list"));
  router.Add(Method::kGet, "/children/{id}/concerns/{concern}", Named("concern"));

  Request list = MakeRequest(Method::kGet, "/children");
  EXPECT_EQ(router.Dispatch(list).body, "list");

  Request concern = MakeRequest(Method::kGet, "/children/c1/concerns/k9");
  const Response response = router.Dispatch(concern);
  EXPECT_EQ(response.status, 200u);
  EXPECT_EQ(response.body, "concern concern=k9 id=c1");
  EXPECT_EQ(concern.Param("id"), "c1");
  EXPECT_EQ(concern.Param("concern"), "k9");
}

TEST(RouterTest, PlaceholderNeedsOneNonEmptySegment) {
  Router router;
  router.Add(Method::kGet, "/children/{id}", Named("child"));

  Request empty = MakeRequest(Method::kGet, "/children/");
  EXPECT_EQ(router.Dispatch(empty).status, 404u);
  Request two = MakeRequest(Method::kGet, "/children/a/b");
  EXPECT_EQ(router.Dispatch(two).status, 404u);
  Request none = MakeRequest(Method::kGet, "/children");
  EXPECT_EQ(router.Dispatch(none).status, 404u);
}

TEST(RouterTest, TrailingSlashIsNotEquivalent) {
  Router router;
  router.Add(Method::kGet, "/children", Named("list"));
  router.Add(Method::kGet, "/admin/", Named("admin"));

  Request slash = MakeRequest(Method::kGet, "/children/");
  EXPECT_EQ(router.Dispatch(slash).status, 404u);
  Request admin = MakeRequest(Method::kGet, "/admin/");
  EXPECT_EQ(router.Dispatch(admin).body, "admin");
  Request admin_bare = MakeRequest(Method::kGet, "/admin");
  EXPECT_EQ(router.Dispatch(admin_bare).status, 404u);
}

TEST(RouterTest, RootMatchesOnlyRoot) {
  Router router;
  router.Add(Method::kGet, "/", Named("home"));
  Request root = MakeRequest(Method::kGet, "/");
  EXPECT_EQ(router.Dispatch(root).body, "home");
  Request other = MakeRequest(Method::kGet, "/x");
  EXPECT_EQ(router.Dispatch(other).status, 404u);
  Request double_slash = MakeRequest(Method::kGet, "//");
  EXPECT_EQ(router.Dispatch(double_slash).status, 404u);
}

TEST(RouterTest, FirstRegisteredRouteWins) {
  Router router;
  router.Add(Method::kGet, "/children/new", Named("new"));
  router.Add(Method::kGet, "/children/{id}", Named("child"));

  Request fixed = MakeRequest(Method::kGet, "/children/new");
  EXPECT_EQ(router.Dispatch(fixed).body, "new");
  Request param = MakeRequest(Method::kGet, "/children/c7");
  EXPECT_EQ(router.Dispatch(param).body, "child id=c7");
}

TEST(RouterTest, LaterRouteWithRightMethodIsFoundAfterWrongMethod) {
  Router router;
  router.Add(Method::kGet, "/children/{id}", Named("show"));
  router.Add(Method::kPost, "/children/{id}", Named("update"));

  Request post = MakeRequest(Method::kPost, "/children/c1");
  EXPECT_EQ(router.Dispatch(post).body, "update id=c1");
}

TEST(RouterTest, WrongMethodGives405WithAllow) {
  Router router;
  router.Add(Method::kGet, "/children/{id}", Named("show"));
  router.Add(Method::kPost, "/children/{id}", Named("update"));
  router.Add(Method::kPost, "/children/{id}", Named("duplicate"));

  Request request = MakeRequest(Method::kDelete, "/children/c1");
  const Response response = router.Dispatch(request);
  EXPECT_EQ(response.status, 405u);
  EXPECT_EQ(HeaderValue(response, "Allow"), "GET, POST, HEAD");
  EXPECT_EQ(response.content_type, "text/plain; charset=utf-8");
}

TEST(RouterTest, WrongMethodUnderApiGivesJson405) {
  Router router;
  router.Add(Method::kPost, "/api/v1/concerns", Named("create"));

  Request request = MakeRequest(Method::kGet, "/api/v1/concerns");
  const Response response = router.Dispatch(request);
  EXPECT_EQ(response.status, 405u);
  EXPECT_EQ(HeaderValue(response, "Allow"), "POST");
  EXPECT_EQ(response.content_type, "application/json");
  EXPECT_NE(response.body.find("\"method_not_allowed\""), std::string::npos);
}

TEST(RouterTest, HeadFallsBackToGetRoute) {
  Router router;
  router.Add(Method::kGet, "/children", Named("list"));
  Request head = MakeRequest(Method::kHead, "/children");
  EXPECT_EQ(router.Dispatch(head).body, "list");
}

TEST(RouterTest, ExplicitHeadRouteBeatsGetFallback) {
  Router router;
  router.Add(Method::kGet, "/children", Named("get"));
  router.Add(Method::kHead, "/children", Named("head"));
  Request head = MakeRequest(Method::kHead, "/children");
  EXPECT_EQ(router.Dispatch(head).body, "head");
}

TEST(RouterTest, DefaultNotFoundIsPlain404) {
  Router router;
  router.Add(Method::kGet, "/children", Named("list"));
  Request request = MakeRequest(Method::kGet, "/nowhere");
  const Response response = router.Dispatch(request);
  EXPECT_EQ(response.status, 404u);
  EXPECT_EQ(response.content_type, "text/plain; charset=utf-8");
}

TEST(RouterTest, CustomNotFoundHandlerIsUsed) {
  Router router;
  router.SetNotFound([](Request& request) { return Response::Html(404, "gone " + request.path); });
  Request request = MakeRequest(Method::kGet, "/nowhere");
  const Response response = router.Dispatch(request);
  EXPECT_EQ(response.status, 404u);
  EXPECT_EQ(response.body, "gone /nowhere");
}

TEST(RouterTest, PathParamsFromAnEarlierAttemptDoNotLeak) {
  Router router;
  router.Add(Method::kGet, "/a/{x}", Named("a"));
  Request request = MakeRequest(Method::kGet, "/b");
  request.path_params["stale"] = "1";
  EXPECT_EQ(router.Dispatch(request).status, 404u);

  Request matched = MakeRequest(Method::kGet, "/a/1");
  matched.path_params["stale"] = "1";
  router.Dispatch(matched);
  EXPECT_EQ(matched.Param("stale"), "");
  EXPECT_EQ(matched.Param("x"), "1");
}

TEST(RouterTest, RoutesListsEveryRouteInOrder) {
  Router router;
  router.Add(Method::kGet, "/api/v1/children", Named("list"));
  router.Add(Method::kPost, "/api/v1/children/{id}/concerns", Named("create"));
  const std::vector<Router::RouteInfo> routes = router.Routes();
  ASSERT_EQ(routes.size(), 2u);
  EXPECT_EQ(routes[0].method, Method::kGet);
  EXPECT_EQ(routes[0].pattern, "/api/v1/children");
  EXPECT_EQ(routes[1].method, Method::kPost);
  EXPECT_EQ(routes[1].pattern, "/api/v1/children/{id}/concerns");
}

TEST(RouterTest, AddRejectsMalformedPatterns) {
  Router router;
  EXPECT_THROW(router.Add(Method::kGet, "children", Named("x")), std::invalid_argument);
  EXPECT_THROW(router.Add(Method::kGet, "/children/{}", Named("x")), std::invalid_argument);
  EXPECT_TRUE(router.Routes().empty());
}

}  // namespace
}  // namespace harbour::web
