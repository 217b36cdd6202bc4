#include "web/core/server.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <boost/beast/http.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>

namespace harbour::web {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace fs = std::filesystem;
using std::chrono::milliseconds;
using Clock = std::chrono::steady_clock;

constexpr milliseconds kWait{3000};  // upper bound for anything that should be quick

// A blocking test client on a raw socket, with poll() timeouts so a broken server fails the
// test instead of hanging it.
class RawClient {
 public:
  explicit RawClient(unsigned short port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
      ::close(fd_);
      fd_ = -1;
    }
  }
  ~RawClient() {
    if (fd_ >= 0) ::close(fd_);
  }
  RawClient(const RawClient&) = delete;
  RawClient& operator=(const RawClient&) = delete;

  bool Connected() const { return fd_ >= 0; }

  // Sends everything; false when the server closed or reset the connection first.
  bool Send(std::string_view data) {
    while (!data.empty()) {
      const ssize_t sent = ::send(fd_, data.data(), data.size(), MSG_NOSIGNAL);
      if (sent <= 0) return false;
      data.remove_prefix(static_cast<std::size_t>(sent));
    }
    return true;
  }

  // The next complete response, or nullopt on timeout, close or a parse error.
  std::optional<http::response<http::string_body>> Read(bool head = false,
                                                        milliseconds timeout = kWait) {
    http::response_parser<http::string_body> parser;
    parser.eager(true);
    parser.body_limit(64 * 1024 * 1024);
    if (head) parser.skip(true);
    const auto deadline = Clock::now() + timeout;
    while (true) {
      if (!pending_.empty()) {
        beast::error_code ec;
        const std::size_t used = parser.put(boost::asio::buffer(pending_), ec);
        pending_.erase(0, used);
        if (ec && ec != http::error::need_more) return std::nullopt;
        if (parser.is_done()) return parser.release();
        if (used > 0 && !ec && !pending_.empty()) continue;
      }
      if (!ReceiveSome(deadline)) return std::nullopt;
    }
  }

  // True when the server closes (or resets) the connection before `timeout`; data that
  // arrives meanwhile is discarded.
  bool WaitClosed(milliseconds timeout = kWait) {
    const auto deadline = Clock::now() + timeout;
    while (true) {
      const int remaining = static_cast<int>(
          std::chrono::duration_cast<milliseconds>(deadline - Clock::now()).count());
      if (remaining <= 0) return false;
      pollfd descriptor{fd_, POLLIN, 0};
      if (::poll(&descriptor, 1, remaining) <= 0) return false;
      char buffer[4096];
      const ssize_t got = ::recv(fd_, buffer, sizeof buffer, 0);
      if (got <= 0) return true;
    }
  }

 private:
  bool ReceiveSome(Clock::time_point deadline) {
    const int remaining =
        static_cast<int>(std::chrono::duration_cast<milliseconds>(deadline - Clock::now()).count());
    if (remaining <= 0) return false;
    pollfd descriptor{fd_, POLLIN, 0};
    if (::poll(&descriptor, 1, remaining) <= 0) return false;
    char buffer[16384];
    const ssize_t got = ::recv(fd_, buffer, sizeof buffer, 0);
    if (got <= 0) return false;
    pending_.append(buffer, static_cast<std::size_t>(got));
    return true;
  }

  int fd_ = -1;
  std::string pending_;
};

std::string Get(std::string_view target, std::string_view extra_headers = "") {
  return std::string("GET ") + std::string(target) + " HTTP/1.1\r\nHost: localhost\r\n" +
         std::string(extra_headers) + "\r\n";
}

std::string Field(const http::response<http::string_body>& response, std::string_view name) {
  const auto it = response.find(name);
  return it == response.end() ? std::string("<absent>") : std::string(it->value());
}

bool IsHex16(std::string_view text) {
  return text.size() == 16 && text.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    previous_level_ = spdlog::get_level();
    spdlog::set_level(spdlog::level::warn);
    options_.port = 0;
    options_.threads = 2;
    options_.body_limit = 1024 * 1024;
    options_.header_limit = 8 * 1024;
    options_.read_timeout = std::chrono::seconds(1);
    options_.idle_timeout = std::chrono::seconds(1);

    router_.Add(Method::kGet, "/hello", [](Request&) { return Response::Html(200, "hello"); });
    router_.Add(Method::kPost, "/echo",
                [](Request& request) { return Response::Text(200, request.body); });
    router_.Add(Method::kGet, "/children/{id}", [](Request& request) {
      return Response::Text(200, "child " + request.Param("id"));
    });
    router_.Add(Method::kPost, "/children/{id}", [](Request&) { return Response::Text(200, ""); });
    router_.Add(Method::kGet, "/boom",
                [](Request&) -> Response { throw std::runtime_error("synthetic failure"); });
    router_.Add(Method::kGet, "/api/v1/boom",
                [](Request&) -> Response { throw std::logic_error("synthetic api failure"); });
    router_.Add(Method::kGet, "/inspect", [this](Request& request) {
      seen_ = request;
      return Response::Text(200, "seen");
    });
  }

  void TearDown() override {
    StopServer();
    spdlog::set_level(previous_level_);
  }

  void StartServer() {
    server_ = std::make_unique<Server>(
        options_, [this](Request& request) { return router_.Dispatch(request); });
    ASSERT_TRUE(server_->Listen());
    ASSERT_NE(server_->Port(), 0);
    thread_ = std::thread([this] { server_->Run(); });
  }

  void StopServer() {
    if (!server_) return;
    server_->Stop();
    if (thread_.joinable()) thread_.join();
    server_.reset();
  }

  unsigned short Port() const { return server_->Port(); }

  ServerOptions options_;
  Router router_;
  std::optional<Request> seen_;  // written by the /inspect handler, read after its response
  std::unique_ptr<Server> server_;
  std::thread thread_;
  spdlog::level::level_enum previous_level_ = spdlog::level::info;
};

TEST_F(ServerTest, RoundTripCarriesAllSecurityHeaders) {
  StartServer();
  RawClient client(Port());
  ASSERT_TRUE(client.Send(Get("/hello")));
  const auto response = client.Read();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->result_int(), 200u);
  EXPECT_EQ(response->body(), "hello");
  EXPECT_EQ(Field(*response, "Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(Field(*response, "Content-Length"), "5");
  EXPECT_TRUE(IsHex16(Field(*response, "X-Request-Id")));
  EXPECT_EQ(Field(*response, "X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(Field(*response, "Referrer-Policy"), "no-referrer");
  EXPECT_EQ(Field(*response, "X-Frame-Options"), "DENY");
  EXPECT_EQ(Field(*response, "Content-Security-Policy"),
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
            "base-uri 'none'");
  EXPECT_EQ(Field(*response, "Cross-Origin-Opener-Policy"), "same-origin");
  EXPECT_EQ(Field(*response, "Cache-Control"), "no-store");
  EXPECT_EQ(Field(*response, "Server"), "Harbour");
  EXPECT_EQ(Field(*response, "Strict-Transport-Security"), "<absent>");
}

TEST_F(ServerTest, ConvertsTheRequestForHandlers) {
  StartServer();
  RawClient client(Port());
  ASSERT_TRUE(
      client.Send("GET /inspect?name=Sam+Example&tag=a&tag=b HTTP/1.1\r\nHost: localhost\r\n"
                  "X-Custom-Thing: One\r\nX-Custom-Thing: Two\r\nContent-Length: 4\r\n\r\nbody"));
  const auto response = client.Read();
  ASSERT_TRUE(response);
  ASSERT_EQ(response->result_int(), 200u);
  ASSERT_TRUE(seen_);
  EXPECT_EQ(seen_->method, Method::kGet);
  EXPECT_EQ(seen_->target, "/inspect?name=Sam+Example&tag=a&tag=b");
  EXPECT_EQ(seen_->path, "/inspect");
  EXPECT_EQ(seen_->query.Get("name"), "Sam Example");
  EXPECT_EQ(seen_->headers.at("x-custom-thing"), "One, Two");
  EXPECT_EQ(seen_->Header("host"), "localhost");
  EXPECT_EQ(seen_->body, "body");
  EXPECT_EQ(seen_->remote_address, "127.0.0.1");
  EXPECT_EQ(seen_->request_id, Field(*response, "X-Request-Id"));
  EXPECT_FALSE(seen_->secure);
}

TEST_F(ServerTest, ForwardedProtoIsIgnoredUnlessTrusted) {
  StartServer();
  RawClient client(Port());
  ASSERT_TRUE(client.Send(Get("/inspect", "X-Forwarded-Proto: https\r\n")));
  const auto response = client.Read();
  ASSERT_TRUE(response);
  ASSERT_TRUE(seen_);
  EXPECT_FALSE(seen_->secure);
  EXPECT_EQ(Field(*response, "Strict-Transport-Security"), "<absent>");
}

TEST_F(ServerTest, TrustedForwardedProtoMakesRequestSecureAndAddsHsts) {
  options_.trust_forwarded_proto = true;
  StartServer();
  RawClient client(Port());
  ASSERT_TRUE(client.Send(Get("/inspect", "X-Forwarded-Proto: HTTPS\r\n")));
  const auto response = client.Read();
  ASSERT_TRUE(response);
  ASSERT_TRUE(seen_);
  EXPECT_TRUE(seen_->secure);
  EXPECT_EQ(Field(*response, "Strict-Transport-Security"), "max-age=31536000");

  ASSERT_TRUE(client.Send(Get("/hello", "X-Forwarded-Proto: http\r\n")));
  const auto plain = client.Read();
  ASSERT_TRUE(plain);
  EXPECT_EQ(Field(*plain, "Strict-Transport-Security"), "<absent>");
}

TEST_F(ServerTest, KeepAliveServesTwoRequestsOnOneConnection) {
  StartServer();
  RawClient client(Port());
  ASSERT_TRUE(client.Send(Get("/hello")));
  const auto first = client.Read();
  ASSERT_TRUE(first);
  EXPECT_TRUE(first->keep_alive());
  ASSERT_TRUE(client.Send(Get("/children/c1")));
  const auto second = client.Read();
  ASSERT_TRUE(second);
  EXPECT_EQ(second->result_int(), 200u);
  EXPECT_EQ(second->body(), "child c1");
  EXPECT_NE(Field(*first, "X-Request-Id"), Field(*second, "X-Request-Id"));
}

TEST_F(ServerTest, PipelinedRequestsAreAnsweredInOrder) {
  StartServer();
  RawClient client(Port());
  ASSERT_TRUE(client.Send(Get("/children/a") + Get("/children/b")));
  const auto first = client.Read();
  const auto second = client.Read();
  ASSERT_TRUE(first);
  ASSERT_TRUE(second);
  EXPECT_EQ(first->body(), "child a");
  EXPECT_EQ(second->body(), "child b");
}

TEST_F(ServerTest, ConnectionCloseIsHonoured) {
  StartServer();
  RawClient client(Port());
  ASSERT_TRUE(client.Send(Get("/hello", "Connection: close\r\n")));
  const auto response = client.Read();
  ASSERT_TRUE(response);
  EXPECT_FALSE(response->keep_alive());
  EXPECT_TRUE(client.WaitClosed());
}

TEST_F(ServerTest, IdleKeepAliveConnectionIsClosed) {
  StartServer();
  RawClient client(Port());
  ASSERT_TRUE(client.Send(Get("/hello")));
  ASSERT_TRUE(client.Read());
  const auto started = Clock::now();
  EXPECT_TRUE(client.WaitClosed());
  EXPECT_GE(Clock::now() - started, milliseconds(800));
}

TEST_F(ServerTest, PostBodyReachesHandler) {
  StartServer();
  RawClient client(Port());
  ASSERT_TRUE(
      client.Send("POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\n"
                  "Content-Length: 11\r\n\r\nhello world"));
  const auto response = client.Read();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->body(), "hello world");
}

TEST_F(ServerTest, ChunkedBodyReachesHandler) {
  StartServer();
  RawClient client(Port());
  ASSERT_TRUE(
      client.Send("POST /echo HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n"
                  "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n"));
  const auto response = client.Read();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->body(), "hello world");
}

TEST_F(ServerTest, ExpectContinueGetsInterimResponse) {
  StartServer();
  RawClient client(Port());
  ASSERT_TRUE(
      client.Send("POST /echo HTTP/1.1\r\nHost: localhost\r\nExpect: 100-continue\r\n"
                  "Content-Length: 3\r\n\r\n"));
  const auto interim = client.Read();
  ASSERT_TRUE(interim);
  EXPECT_EQ(interim->result_int(), 100u);
  ASSERT_TRUE(client.Send("abc"));
  const auto response = client.Read();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->result_int(), 200u);
  EXPECT_EQ(response->body(), "abc");
}

TEST_F(ServerTest, HeadHasHeadersButNoBody) {
  StartServer();
  RawClient client(Port());
  ASSERT_TRUE(client.Send("HEAD /hello HTTP/1.1\r\nHost: localhost\r\n\r\n"));
  const auto response = client.Read(/*head=*/true);
  ASSERT_TRUE(response);
  EXPECT_EQ(response->result_int(), 200u);
  EXPECT_EQ(Field(*response, "Content-Length"), "5");
  // The next response must start right after the header: no stray body bytes.
  ASSERT_TRUE(client.Send(Get("/children/x")));
  const auto next = client.Read();
  ASSERT_TRUE(next);
  EXPECT_EQ(next->body(), "child x");
}

TEST_F(ServerTest, MalformedRequestLineGets400AndClose) {
  StartServer();
  RawClient client(Port());
  ASSERT_TRUE(client.Send("GET /hello HTTP/1.1 extra\r\nHost: localhost\r\n\r\n"));
  const auto response = client.Read();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->result_int(), 400u);
  EXPECT_FALSE(response->keep_alive());
  EXPECT_EQ(Field(*response, "X-Content-Type-Options"), "nosniff");
  EXPECT_TRUE(client.WaitClosed());
}

TEST_F(ServerTest, GarbageGets400) {
  StartServer();
  RawClient client(Port());
  ASSERT_TRUE(client.Send("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03 not http\r\n\r\n"));
  const auto response = client.Read();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->result_int(), 400u);
}

TEST_F(ServerTest, UnsupportedVersionGets400) {
  StartServer();
  RawClient client(Port());
  ASSERT_TRUE(client.Send("GET /hello HTTP/2.0\r\nHost: localhost\r\n\r\n"));
  const auto response = client.Read();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->result_int(), 400u);
}

TEST_F(ServerTest, MissingHostOnHttp11Gets400) {
  StartServer();
  RawClient client(Port());
  ASSERT_TRUE(client.Send("GET /hello HTTP/1.1\r\n\r\n"));
  const auto response = client.Read();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->result_int(), 400u);
}

TEST_F(ServerTest, Http10WithoutHostIsServed) {
  StartServer();
  RawClient client(Port());
  ASSERT_TRUE(client.Send("GET /hello HTTP/1.0\r\n\r\n"));
  const auto response = client.Read();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->result_int(), 200u);
  EXPECT_EQ(response->version(), 10u);
  EXPECT_TRUE(client.WaitClosed());
}

TEST_F(ServerTest, ContentLengthWithTransferEncodingGets400) {
  StartServer();
  RawClient client(Port());
  ASSERT_TRUE(
      client.Send("POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\n"
                  "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n"));
  const auto response = client.Read();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->result_int(), 400u);
  EXPECT_TRUE(client.WaitClosed());
}

TEST_F(ServerTest, UnknownTransferCodingGets400) {
  StartServer();
  RawClient client(Port());
  ASSERT_TRUE(
      client.Send("POST /echo HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: gzip\r\n\r\nxyz"));
  const auto response = client.Read();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->result_int(), 400u);
}

TEST_F(ServerTest, OversizedBodyGets413AndClose) {
  StartServer();
  RawClient client(Port());
  const std::string body(2 * 1024 * 1024, 'x');
  // The server may stop reading early; the response must arrive regardless.
  client.Send("POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Length: " +
              std::to_string(body.size()) + "\r\n\r\n" + body);
  const auto response = client.Read();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->result_int(), 413u);
  EXPECT_EQ(Field(*response, "Content-Type"), "text/html; charset=utf-8");
  EXPECT_FALSE(response->keep_alive());
  EXPECT_TRUE(client.WaitClosed());
}

TEST_F(ServerTest, OversizedContentLengthIsRefusedUpFrontWithJsonOnApi) {
  StartServer();
  RawClient client(Port());
  ASSERT_TRUE(client.Send(
      "POST /api/v1/concerns HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
      "Content-Length: 2097152\r\n\r\n"));
  const auto response = client.Read();  // without sending any of the body
  ASSERT_TRUE(response);
  EXPECT_EQ(response->result_int(), 413u);
  EXPECT_EQ(Field(*response, "Content-Type"), "application/json");
  EXPECT_NE(response->body().find("\"too_large\""), std::string::npos);
  EXPECT_NE(response->body().find("\"fields\":{}"), std::string::npos);
}

TEST_F(ServerTest, OversizedChunkedBodyGets413) {
  StartServer();
  RawClient client(Port());
  const std::string chunk(512 * 1024, 'y');
  std::ostringstream request;
  request << "POST /echo HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n";
  for (int i = 0; i < 3; ++i) request << std::hex << chunk.size() << "\r\n" << chunk << "\r\n";
  request << "0\r\n\r\n";
  client.Send(request.str());
  const auto response = client.Read();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->result_int(), 413u);
}

TEST_F(ServerTest, OversizedHeaderGets431AndClose) {
  StartServer();
  RawClient client(Port());
  client.Send(Get("/hello", "X-Padding: " + std::string(10 * 1024, 'p') + "\r\n"));
  const auto response = client.Read();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->result_int(), 431u);
  EXPECT_FALSE(response->keep_alive());
  EXPECT_TRUE(client.WaitClosed());
}

TEST_F(ServerTest, SlowClientIsCutOffAfterReadTimeout) {
  StartServer();
  RawClient client(Port());
  const auto started = Clock::now();
  ASSERT_TRUE(client.Send("GET /hello HTTP/1.1\r\nHost: local"));
  EXPECT_TRUE(client.WaitClosed());
  const auto elapsed = Clock::now() - started;
  EXPECT_GE(elapsed, milliseconds(800));
  EXPECT_LT(elapsed, milliseconds(2500));
}

TEST_F(ServerTest, TrickleSenderIsCutOffDespiteProgress) {
  StartServer();
  RawClient client(Port());
  const auto started = Clock::now();
  ASSERT_TRUE(client.Send("GET /hello HTTP/1.1\r\n"));
  bool closed = false;
  for (int i = 0; i < 30 && !closed; ++i) {
    std::this_thread::sleep_for(milliseconds(100));
    closed = !client.Send("X-A: b\r\n");
  }
  EXPECT_TRUE(closed || client.WaitClosed());
  EXPECT_LT(Clock::now() - started, milliseconds(2500));
}

TEST_F(ServerTest, HandlerExceptionGives500AndServerKeepsServing) {
  StartServer();
  {
    RawClient client(Port());
    ASSERT_TRUE(client.Send(Get("/boom")));
    const auto response = client.Read();
    ASSERT_TRUE(response);
    EXPECT_EQ(response->result_int(), 500u);
    EXPECT_NE(response->body().find("error id"), std::string::npos);
    EXPECT_EQ(response->body().find("synthetic"), std::string::npos);  // no internals leak
    EXPECT_EQ(Field(*response, "Cache-Control"), "no-store");
  }
  RawClient next(Port());
  ASSERT_TRUE(next.Send(Get("/hello")));
  const auto response = next.Read();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->result_int(), 200u);
}

TEST_F(ServerTest, HandlerExceptionOnApiGivesJson500) {
  StartServer();
  RawClient client(Port());
  ASSERT_TRUE(client.Send(Get("/api/v1/boom")));
  const auto response = client.Read();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->result_int(), 500u);
  EXPECT_EQ(Field(*response, "Content-Type"), "application/json");
  EXPECT_NE(response->body().find("\"internal_error\""), std::string::npos);
}

TEST_F(ServerTest, HeaderInjectionFromHandlerBecomes500) {
  router_.Add(Method::kGet, "/inject",
              [](Request&) { return Response::Redirect("/x\r\nSet-Cookie: evil=1"); });
  StartServer();
  RawClient client(Port());
  ASSERT_TRUE(client.Send(Get("/inject")));
  const auto response = client.Read();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->result_int(), 500u);
  EXPECT_EQ(Field(*response, "Set-Cookie"), "<absent>");
  EXPECT_EQ(Field(*response, "Location"), "<absent>");
}

TEST_F(ServerTest, HandlerHeadersAreSentAndFramingHeadersIgnored) {
  router_.Add(Method::kGet, "/cookies", [](Request&) {
    Response response = Response::Text(200, "ok");
    response.AddHeader("Set-Cookie", "a=1");
    response.AddHeader("Set-Cookie", "b=2");
    response.AddHeader("Content-Length", "999");
    response.AddHeader("Cache-Control", "max-age=60");
    response.no_store = false;
    return response;
  });
  StartServer();
  RawClient client(Port());
  ASSERT_TRUE(client.Send(Get("/cookies")));
  const auto response = client.Read();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->body(), "ok");
  EXPECT_EQ(Field(*response, "Content-Length"), "2");
  EXPECT_EQ(Field(*response, "Cache-Control"), "max-age=60");
  EXPECT_EQ(std::distance(response->equal_range("Set-Cookie").first,
                          response->equal_range("Set-Cookie").second),
            2);
}

TEST_F(ServerTest, MethodNotAllowedCarriesAllow) {
  StartServer();
  RawClient client(Port());
  ASSERT_TRUE(client.Send("DELETE /children/c1 HTTP/1.1\r\nHost: localhost\r\n\r\n"));
  const auto response = client.Read();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->result_int(), 405u);
  EXPECT_EQ(Field(*response, "Allow"), "GET, POST, HEAD");
}

TEST_F(ServerTest, UnknownPathGets404) {
  StartServer();
  RawClient client(Port());
  ASSERT_TRUE(client.Send(Get("/nowhere")));
  const auto response = client.Read();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->result_int(), 404u);
}

TEST_F(ServerTest, InvalidTargetsGet400) {
  StartServer();
  for (const std::string target :
       {"/a/%2e%2e/b", "/a%00", "/a/../b", "/a%2fb", "/bad%zz", "http://example.org/hello"}) {
    RawClient client(Port());
    ASSERT_TRUE(client.Send(Get(target)));
    const auto response = client.Read();
    ASSERT_TRUE(response) << target;
    EXPECT_EQ(response->result_int(), 400u) << target;
    EXPECT_TRUE(client.WaitClosed()) << target;
  }
}

TEST_F(ServerTest, InvalidQueryGets400) {
  StartServer();
  RawClient client(Port());
  ASSERT_TRUE(client.Send(Get("/hello?x=%zz")));
  const auto response = client.Read();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->result_int(), 400u);
}

TEST_F(ServerTest, AccessLogHasNoQueryString) {
  std::ostringstream log;
  auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(log);
  auto previous = spdlog::default_logger();
  auto logger = std::make_shared<spdlog::logger>("server_test", sink);
  logger->set_level(spdlog::level::info);
  spdlog::set_default_logger(logger);
  StartServer();
  std::string request_id;
  {
    RawClient client(Port());
    ASSERT_TRUE(client.Send(Get("/children/c9?name=Sam+Example")));
    const auto response = client.Read();
    ASSERT_TRUE(response);
    request_id = Field(*response, "X-Request-Id");
  }
  StopServer();
  spdlog::set_default_logger(previous);
  const std::string text = log.str();
  EXPECT_NE(text.find("GET /children/c9 200 "), std::string::npos) << text;
  EXPECT_NE(text.find(request_id), std::string::npos) << text;
  EXPECT_EQ(text.find("Sam"), std::string::npos) << text;
  EXPECT_EQ(text.find("name="), std::string::npos) << text;
}

class AssetServerTest : public ServerTest {
 protected:
  void SetUp() override {
    ServerTest::SetUp();
    root_ = fs::temp_directory_path() / ("harbour_assets_test_" + std::to_string(::getpid()));
    fs::remove_all(root_);
    fs::create_directories(root_ / "assets" / "css");
    Write(root_ / "assets" / "css" / "app.css", "body { color: black; }\n");
    Write(root_ / "assets" / "app.js", "console.log(1);\n");
    Write(root_ / "assets" / "notes.bin", "binary");
    Write(root_ / "assets" / ".hidden.txt", "hidden");
    Write(root_ / "secret.txt", "secret");
    fs::create_symlink(root_ / "secret.txt", root_ / "assets" / "link.txt");
    fs::create_symlink(root_ / "assets" / "app.js", root_ / "assets" / "alias.js");
    options_.assets_dir = (root_ / "assets").string();
  }

  void TearDown() override {
    ServerTest::TearDown();
    fs::remove_all(root_);
  }

  static void Write(const fs::path& path, std::string_view content) {
    std::ofstream(path, std::ios::binary) << content;
  }

  std::optional<http::response<http::string_body>> Fetch(const std::string& raw,
                                                         bool head = false) {
    RawClient client(Port());
    if (!client.Send(raw)) return std::nullopt;
    return client.Read(head);
  }

  fs::path root_;
};

TEST_F(AssetServerTest, ServesFileWithTypeAndCacheHeaders) {
  StartServer();
  const auto css = Fetch(Get("/assets/css/app.css"));
  ASSERT_TRUE(css);
  EXPECT_EQ(css->result_int(), 200u);
  EXPECT_EQ(css->body(), "body { color: black; }\n");
  EXPECT_EQ(Field(*css, "Content-Type"), "text/css; charset=utf-8");
  EXPECT_EQ(Field(*css, "Cache-Control"), "public, max-age=3600");
  EXPECT_EQ(Field(*css, "X-Content-Type-Options"), "nosniff");

  const auto js = Fetch(Get("/assets/app.js"));
  ASSERT_TRUE(js);
  EXPECT_EQ(Field(*js, "Content-Type"), "text/javascript; charset=utf-8");
}

TEST_F(AssetServerTest, HeadGivesLengthWithoutBody) {
  StartServer();
  const auto head = Fetch("HEAD /assets/app.js HTTP/1.1\r\nHost: localhost\r\n\r\n", true);
  ASSERT_TRUE(head);
  EXPECT_EQ(head->result_int(), 200u);
  EXPECT_EQ(Field(*head, "Content-Length"), "16");
}

TEST_F(AssetServerTest, SymlinkInsideTheDirectoryIsServed) {
  StartServer();
  const auto alias = Fetch(Get("/assets/alias.js"));
  ASSERT_TRUE(alias);
  EXPECT_EQ(alias->result_int(), 200u);
  EXPECT_EQ(alias->body(), "console.log(1);\n");
}

TEST_F(AssetServerTest, RefusesEscapesAndUnknownFiles) {
  StartServer();
  const auto dot_dot = Fetch(Get("/assets/../secret.txt"));
  ASSERT_TRUE(dot_dot);
  EXPECT_EQ(dot_dot->result_int(), 400u);

  const auto encoded = Fetch(Get("/assets/%2e%2e/secret.txt"));
  ASSERT_TRUE(encoded);
  EXPECT_EQ(encoded->result_int(), 400u);

  for (const std::string path : {"/assets/link.txt", "/assets/missing.css", "/assets/notes.bin",
                                 "/assets/.hidden.txt", "/assets/css", "/assets/"}) {
    const auto response = Fetch(Get(path));
    ASSERT_TRUE(response) << path;
    EXPECT_EQ(response->result_int(), 404u) << path;
    EXPECT_EQ(response->body().find("secret"), std::string::npos) << path;
  }
  const auto empty_segment = Fetch(Get("/assets//app.js"));  // 400 or 404, never the file
  ASSERT_TRUE(empty_segment);
  EXPECT_NE(empty_segment->result_int(), 200u);
}

TEST_F(AssetServerTest, OtherMethodsGet405) {
  StartServer();
  const auto response =
      Fetch("POST /assets/app.js HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n\r\n");
  ASSERT_TRUE(response);
  EXPECT_EQ(response->result_int(), 405u);
  EXPECT_EQ(Field(*response, "Allow"), "GET, HEAD");
}

TEST_F(AssetServerTest, AssetsAreNeverPassedToTheHandler) {
  bool called = false;
  server_ = std::make_unique<Server>(options_, [&called](Request&) {
    called = true;
    return Response::Text(200, "handler");
  });
  ASSERT_TRUE(server_->Listen());
  thread_ = std::thread([this] { server_->Run(); });
  const auto response = Fetch(Get("/assets/missing.css"));
  ASSERT_TRUE(response);
  EXPECT_EQ(response->result_int(), 404u);
  EXPECT_FALSE(called);
}

TEST(ServerLifecycleTest, ListenFailsWhenThePortIsTaken) {
  ServerOptions options;
  options.port = 0;
  options.threads = 1;
  Server first(options, [](Request&) { return Response::Text(200, ""); });
  ASSERT_TRUE(first.Listen());
  options.port = first.Port();
  Server second(options, [](Request&) { return Response::Text(200, ""); });
  EXPECT_FALSE(second.Listen());
}

TEST(ServerLifecycleTest, ListenFailsOnABadAddress) {
  ServerOptions options;
  options.address = "not-an-address";
  options.port = 0;
  Server server(options, [](Request&) { return Response::Text(200, ""); });
  EXPECT_FALSE(server.Listen());
}

TEST(ServerLifecycleTest, StopEndsRunPromptlyWithOpenConnections) {
  ServerOptions options;
  options.port = 0;
  options.threads = 3;
  options.idle_timeout = std::chrono::seconds(60);
  Server server(options, [](Request&) { return Response::Text(200, "ok"); });
  ASSERT_TRUE(server.Listen());
  std::thread runner([&server] { server.Run(); });
  RawClient client(server.Port());
  ASSERT_TRUE(client.Send(Get("/")));
  ASSERT_TRUE(client.Read());  // now idle on a keep-alive connection
  const auto started = Clock::now();
  server.Stop();
  runner.join();
  EXPECT_LT(Clock::now() - started, milliseconds(1000));
  EXPECT_TRUE(client.WaitClosed(milliseconds(1000)));
  RawClient late(server.Port());
  EXPECT_FALSE(late.Connected() && late.Send(Get("/")) && late.Read(false, milliseconds(300)));
}

TEST(ServerLifecycleTest, StopLetsARequestInProgressFinish) {
  ServerOptions options;
  options.port = 0;
  options.threads = 2;
  std::atomic<bool> entered = false;
  Server server(options, [&entered](Request&) {
    entered = true;
    std::this_thread::sleep_for(milliseconds(300));
    return Response::Text(200, "finished");
  });
  ASSERT_TRUE(server.Listen());
  std::thread runner([&server] { server.Run(); });
  RawClient client(server.Port());
  ASSERT_TRUE(client.Send(Get("/")));
  while (!entered) std::this_thread::sleep_for(milliseconds(5));
  server.Stop();
  runner.join();
  const auto response = client.Read();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->body(), "finished");
  EXPECT_FALSE(response->keep_alive());
}

TEST(ServerLifecycleTest, StopBeforeRunMakesRunReturn) {
  ServerOptions options;
  options.port = 0;
  options.threads = 1;
  Server server(options, [](Request&) { return Response::Text(200, ""); });
  ASSERT_TRUE(server.Listen());
  server.Stop();
  server.Run();  // returns at once
  SUCCEED();
}

}  // namespace
}  // namespace harbour::web
