#include "web/core/server.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <condition_variable>
#include <csignal>
#include <exception>
#include <filesystem>
#include <fstream>
#include <limits>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_set>
#include <utility>
#include <vector>

#include "common/ids.h"
#include "web/core/errors.h"
#include "web/core/target.h"
#include "web/parse/form.h"

namespace harbour::web {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace fs = std::filesystem;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;

constexpr std::string_view kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'none'";
constexpr std::string_view kAssetsPrefix = "/assets/";
constexpr std::uintmax_t kMaxAssetBytes = 32 * 1024 * 1024;
// How long Stop() lets requests already being handled finish before stopping the threads.
constexpr auto kShutdownGrace = std::chrono::seconds(5);
// After an error response the server half-closes and discards what the client still sends,
// so that the client reads the response instead of a TCP reset (lingering close).
constexpr auto kMaxLinger = std::chrono::seconds(2);
constexpr std::size_t kMaxLingerBytes = 16 * 1024 * 1024;
constexpr std::size_t kIdleReadBytes = 4096;

// Headers a handler may not set: the server owns the message framing.
bool IsFramingHeader(std::string_view name) {
  return beast::iequals(name, "content-length") || beast::iequals(name, "transfer-encoding") ||
         beast::iequals(name, "connection");
}

bool IsTokenChar(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

// Guards against header injection from a handler that copied outside input into a header.
bool IsSafeHeader(std::string_view name, std::string_view value) {
  if (name.empty() || !std::all_of(name.begin(), name.end(), IsTokenChar)) return false;
  return value.find_first_of(std::string_view("\r\n\0", 3)) == std::string_view::npos;
}

std::string LowerAscii(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string_view TrimSpaces(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// Printable, bounded text for the access log: outside input never forges log lines.
std::string ForLog(std::string_view text) {
  constexpr std::size_t kMaxLogText = 200;
  std::string out(text.substr(0, kMaxLogText));
  for (char& c : out) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7f) c = '?';
  }
  if (text.size() > kMaxLogText) out += "...";
  return out;
}

std::string NewShortId() { return NewId().substr(0, 16); }

Method MethodFrom(http::verb verb) {
  switch (verb) {
    case http::verb::get:
      return Method::kGet;
    case http::verb::head:
      return Method::kHead;
    case http::verb::post:
      return Method::kPost;
    case http::verb::put:
      return Method::kPut;
    case http::verb::patch:
      return Method::kPatch;
    case http::verb::delete_:
      return Method::kDelete;
    case http::verb::options:
      return Method::kOptions;
    default:
      return Method::kOther;
  }
}

std::string ReasonFor(unsigned status) {
  const std::string_view reason = http::obsolete_reason(http::int_to_status(status));
  return reason.empty() || reason == "<unknown-status>" ? "Error" : std::string(reason);
}

// A server-generated error: JSON for API paths, otherwise a small HTML page. `message` is
// the server's own text, never outside input.
Response ErrorResponse(unsigned status, std::string code, std::string message, bool api) {
  if (api) {
    Response response =
        JsonError(Error{ErrorKind::kMalformed, std::move(code), std::move(message), {}});
    response.status = status;
    return response;
  }
  const std::string title = std::to_string(status) + " " + ReasonFor(status);
  return Response::Html(status,
                        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                        "<title>" +
                            title + "</title></head><body><h1>" + title + "</h1><p>" + message +
                            "</p></body></html>\n");
}

std::string_view AssetContentType(const fs::path& file) {
  const std::string extension = LowerAscii(file.extension().string());
  static constexpr std::pair<std::string_view, std::string_view> kTypes[] = {
      {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".woff", "font/woff"},
      {".map", "application/json"},
      {".json", "application/json"},
      {".txt", "text/plain; charset=utf-8"},
  };
  for (const auto& [known, type] : kTypes) {
    if (extension == known) return type;
  }
  return {};
}

// True when `candidate` is strictly inside `root` (both canonical).
bool IsInside(const fs::path& root, const fs::path& candidate) {
  const auto [root_end, candidate_end] =
      std::mismatch(root.begin(), root.end(), candidate.begin(), candidate.end());
  return root_end == root.end() && candidate_end != candidate.end();
}

// Static files under `assets_dir`, read on every request: they are small, the page cache keeps
// them hot, and a rebuilt asset shows up without a restart. Only regular files with a known
// type, inside the canonical directory, with no dot-file segment; anything else is a 404.
Response ServeAsset(const std::string& assets_dir, const Request& request) {
  if (request.method != Method::kGet && request.method != Method::kHead) {
    Response response = Response::Text(405, "Method not allowed.\n");
    response.AddHeader("Allow", "GET, HEAD");
    return response;
  }
  Response not_found = ErrorResponse(404, "not_found", "There is no such file.", false);
  const std::string_view relative = std::string_view(request.path).substr(kAssetsPrefix.size());
  if (assets_dir.empty() || relative.empty()) return not_found;
  std::string_view rest = relative;
  while (true) {
    const std::size_t slash = rest.find('/');
    const std::string_view segment = rest.substr(0, slash);
    if (segment.empty() || segment.front() == '.') return not_found;
    if (slash == std::string_view::npos) break;
    rest.remove_prefix(slash + 1);
  }
  const std::string_view content_type = AssetContentType(fs::path(relative));
  if (content_type.empty()) return not_found;

  std::error_code ec;
  const fs::path root = fs::canonical(assets_dir, ec);
  if (ec) return not_found;
  const fs::path file = fs::weakly_canonical(root / fs::path(relative), ec);
  if (ec || !IsInside(root, file)) return not_found;
  if (!fs::is_regular_file(file, ec) || ec) return not_found;
  const std::uintmax_t size = fs::file_size(file, ec);
  if (ec || size > kMaxAssetBytes) return not_found;

  std::ifstream in(file, std::ios::binary);
  std::string body(static_cast<std::size_t>(size), '\0');
  if (!in.read(body.data(), static_cast<std::streamsize>(size))) return not_found;

  Response response;
  response.status = 200;
  response.content_type = std::string(content_type);
  response.body = std::move(body);
  response.no_store = false;
  response.AddHeader("Cache-Control", "public, max-age=3600");
  return response;
}

class Session;

// Everything the server shares between its threads and connections.
struct ServerCore {
  ServerCore(ServerOptions server_options, std::function<Response(Request&)> handler)
      : options(std::move(server_options)), handle(std::move(handler)) {
    if (options.threads == 0) options.threads = 1;
  }

  void DoAccept();
  void OnAccept(beast::error_code ec, tcp::socket socket);
  void RequestStop();
  void OnSignal(beast::error_code ec, int signal);
  void StopWhenIdle(Clock::time_point deadline);
  void RunThread();
  void CloseAllSessions();

  const ServerOptions& Options() const { return options; }

  ServerOptions options;
  std::function<Response(Request&)> handle;

  // Declared before the io_context: sessions destroyed with it still unregister here.
  std::mutex sessions_mutex;
  std::unordered_set<Session*> sessions;

  std::mutex state_mutex;
  std::condition_variable state_changed;
  bool running = false;         // guarded by state_mutex
  bool stop_requested = false;  // guarded by state_mutex
  std::atomic<bool> stopping{false};
  std::atomic<int> busy{0};  // requests being handled or answered

  asio::io_context ioc;
  asio::strand<asio::io_context::executor_type> acceptor_strand{asio::make_strand(ioc)};
  tcp::acceptor acceptor{acceptor_strand};
  asio::steady_timer accept_retry{acceptor_strand};
  asio::steady_timer shutdown_timer{acceptor_strand};
  std::optional<asio::signal_set> signals;
  unsigned short port = 0;
};

// One TCP connection: reads requests one at a time (keep-alive, pipelining), answers each
// with the handler's response, and closes on any error. All of its work runs on its strand.
class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, ServerCore& server) : stream_(std::move(socket)), server_(server) {
    beast::error_code ec;
    const tcp::endpoint remote = stream_.socket().remote_endpoint(ec);
    if (!ec) remote_address_ = remote.address().to_string();
    stream_.socket().set_option(tcp::no_delay(true), ec);
    std::lock_guard lock(server_.sessions_mutex);
    server_.sessions.insert(this);
  }

  ~Session() {
    EndBusy();
    std::lock_guard lock(server_.sessions_mutex);
    server_.sessions.erase(this);
  }

  void Start() {
    asio::dispatch(stream_.get_executor(),
                   beast::bind_front_handler(&Session::ReadRequest, shared_from_this()));
  }

  // Only while no io thread runs (after Run's threads have been joined).
  void CloseNow() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
    stream_.socket().close(ec);
  }

 private:
  // What the access line and the security headers need to know about the request.
  struct Exchange {
    std::string request_id;
    std::string log_method = "-";
    std::string log_path = "-";
    unsigned version = 11;
    bool head = false;
    bool secure = false;
    bool keep_alive = false;
    Clock::time_point started = Clock::now();
  };

  const ServerOptions& Options() const { return server_.Options(); }

  void ReadRequest() {
    exchange_ = Exchange{};
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(
        std::min<std::size_t>(Options().header_limit, std::numeric_limits<std::uint32_t>::max())));
    parser_->body_limit(Options().body_limit);
    if (first_request_ || buffer_.size() > 0) {
      first_request_ = false;
      ReadHeader();
      return;
    }
    // Between keep-alive requests the idle timeout applies until the first byte arrives.
    stream_.expires_after(Options().idle_timeout);
    stream_.async_read_some(buffer_.prepare(kIdleReadBytes),
                            beast::bind_front_handler(&Session::OnIdleRead, shared_from_this()));
  }

  void OnIdleRead(beast::error_code ec, std::size_t bytes) {
    if (ec) return Close();
    buffer_.commit(bytes);
    ReadHeader();
  }

  void ReadHeader() {
    exchange_.started = Clock::now();
    stream_.expires_after(Options().read_timeout);  // covers header, body and 100-continue
    http::async_read_header(stream_, buffer_, *parser_,
                            beast::bind_front_handler(&Session::OnHeader, shared_from_this()));
  }

  void OnHeader(beast::error_code ec, std::size_t) {
    if (ec) return OnReadError(ec);
    const auto& request = parser_->get();
    exchange_.log_method = ForLog(request.method_string());
    exchange_.version = request.version();
    const bool api = std::string_view(request.target()).starts_with("/api/");
    if (request.version() != 10 && request.version() != 11) {
      return RespondError(400, "bad_request", "The HTTP version is not supported.", api);
    }
    if (request.version() == 11 && request.find(http::field::host) == request.end()) {
      return RespondError(400, "bad_request", "The request has no Host header.", api);
    }
    // Beast rejects Content-Length with chunked; a non-chunked transfer coding on a request
    // has no defined length, and a proxy might disagree about where the body ends.
    if (request.find(http::field::transfer_encoding) != request.end() && !parser_->chunked()) {
      return RespondError(400, "bad_request", "The transfer coding is not supported.", api);
    }
    if (parser_->is_done()) return HandleRequest();
    const auto expect = request.find(http::field::expect);
    if (expect != request.end() && beast::iequals(expect->value(), "100-continue") &&
        request.version() == 11) {
      static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
      asio::async_write(stream_, asio::buffer(kContinue.data(), kContinue.size()),
                        beast::bind_front_handler(&Session::OnContinueSent, shared_from_this()));
      return;
    }
    ReadBody();
  }

  void OnContinueSent(beast::error_code ec, std::size_t) {
    if (ec) return Close();
    ReadBody();
  }

  void ReadBody() {
    http::async_read(stream_, buffer_, *parser_,
                     beast::bind_front_handler(&Session::OnBody, shared_from_this()));
  }

  void OnBody(beast::error_code ec, std::size_t) {
    if (ec) return OnReadError(ec);
    HandleRequest();
  }

  void OnReadError(beast::error_code ec) {
    const bool parse_error =
        ec.category() == http::make_error_code(http::error::bad_method).category();
    if (!parse_error || ec == http::error::end_of_stream || ec == http::error::partial_message) {
      // The peer went away, was too slow (beast::error::timeout), or the socket failed.
      return Close();
    }
    const std::string_view target = RawTarget();
    const bool api = target.starts_with("/api/");
    if (!parser_->get().target().empty()) {
      exchange_.log_method = ForLog(parser_->get().method_string());
    }
    exchange_.log_path = PathForLog(target);
    if (ec == http::error::body_limit) {
      return RespondError(413, "too_large", "The request body is too large.", api);
    }
    if (ec == http::error::header_limit) {
      return RespondError(431, "headers_too_large", "The request headers are too large.", api);
    }
    RespondError(400, "bad_request", "The request could not be understood.", api);
  }

  // The request-target, from the parser once it has read the request line, else from the raw
  // bytes of the request line (bounded). Only for choosing JSON or HTML and for the log.
  std::string_view RawTarget() const {
    if (!parser_->get().target().empty()) return parser_->get().target();
    const auto data = buffer_.cdata();
    const std::string_view raw(static_cast<const char*>(data.data()),
                               std::min<std::size_t>(data.size(), 1024));
    const std::size_t start = raw.find(' ');
    if (start == std::string_view::npos) return {};
    const std::string_view rest = raw.substr(start + 1);
    return rest.substr(0, rest.find_first_of(" \r\n"));
  }

  static std::string PathForLog(std::string_view target) {
    return ForLog(target.substr(0, target.find('?')));
  }

  void RespondError(unsigned status, std::string code, std::string message, bool api) {
    if (exchange_.request_id.empty()) exchange_.request_id = NewShortId();
    exchange_.keep_alive = false;
    Send(ErrorResponse(status, std::move(code), std::move(message), api));
  }

  void HandleRequest() {
    MarkBusy();
    auto& beast_request = parser_->get();
    exchange_.request_id = NewShortId();
    exchange_.log_path = PathForLog(beast_request.target());
    exchange_.keep_alive = beast_request.keep_alive();

    Request request;
    request.method = MethodFrom(beast_request.method());
    request.target = std::string(beast_request.target());
    request.remote_address = remote_address_;
    request.request_id = exchange_.request_id;
    exchange_.head = request.method == Method::kHead;
    const bool api = request.target.starts_with("/api/");

    Result<Target> target = ParseTarget(request.target);
    if (!target) {
      return RespondError(400, "bad_request", "The request target is not valid.", api);
    }
    Result<FormData> query = ParseUrlEncoded(target->query);
    if (!query) return RespondError(400, "bad_request", "The query string is not valid.", api);
    request.path = std::move(target->path);
    request.query = std::move(*query);
    exchange_.log_path = ForLog(request.path);

    for (const auto& field : beast_request) {
      std::string name = LowerAscii(field.name_string());
      const std::string_view separator = name == "cookie" ? "; " : ", ";
      auto [it, inserted] = request.headers.try_emplace(std::move(name), field.value());
      if (!inserted) it->second.append(separator).append(field.value());
    }
    request.body = std::move(beast_request.body());
    request.secure = Options().trust_forwarded_proto &&
                     beast::iequals(TrimSpaces(request.Header("x-forwarded-proto")), "https");
    exchange_.secure = request.secure;

    if (request.path.starts_with(kAssetsPrefix)) {
      return Send(ServeAsset(Options().assets_dir, request));
    }
    Send(CallHandler(request, api));
  }

  Response CallHandler(Request& request, bool api) {
    if (!server_.handle) return ErrorResponse(404, "not_found", "Not found.", api);
    try {
      return server_.handle(request);
    } catch (const std::exception& e) {
      return InternalError(e.what(), api);
    } catch (...) {
      return InternalError("unknown exception", api);
    }
  }

  Response InternalError(std::string_view what, bool api) {
    const std::string error_id = NewShortId();
    spdlog::error("unhandled error {} in request {}: {}", error_id, exchange_.request_id,
                  ForLog(what));
    exchange_.keep_alive = false;
    return ErrorResponse(
        500, "internal_error",
        "Something went wrong on our side. If it happens again, quote error id " + error_id + ".",
        api);
  }

  void Send(Response response) {
    MarkBusy();
    const bool valid_status = response.status >= 200 && response.status <= 599;
    const bool safe_headers =
        std::all_of(response.headers.begin(), response.headers.end(),
                    [](const auto& header) { return IsSafeHeader(header.first, header.second); }) &&
        IsSafeHeader("content-type", response.content_type);
    if (!valid_status || !safe_headers) {
      response = InternalError(
          valid_status ? "handler set an unsafe header" : "handler set an invalid status",
          exchange_.log_path.starts_with("/api/"));
    }
    response_ = BuildMessage(std::move(response));
    stream_.expires_after(Options().read_timeout);
    http::async_write(stream_, response_,
                      beast::bind_front_handler(&Session::OnWrite, shared_from_this()));
  }

  // The handler's headers, then the security headers it did not set itself (a handler may
  // override one deliberately, e.g. a page-specific CSP); framing, Server and X-Request-Id
  // belong to the server. HEAD gets the length of the body it does not receive.
  http::response<http::string_body> BuildMessage(Response response) const {
    http::response<http::string_body> message;
    message.version(exchange_.version == 10 ? 10 : 11);
    message.result(response.status);
    for (auto& [name, value] : response.headers) {
      if (!IsFramingHeader(name)) message.insert(name, value);
    }
    const auto set_default = [&message](std::string_view name, std::string_view value) {
      if (message.find(name) == message.end()) message.set(name, value);
    };
    set_default("X-Content-Type-Options", "nosniff");
    set_default("Referrer-Policy", "no-referrer");
    set_default("X-Frame-Options", "DENY");
    set_default("Content-Security-Policy", kContentSecurityPolicy);
    set_default("Cross-Origin-Opener-Policy", "same-origin");
    if (exchange_.secure) set_default("Strict-Transport-Security", "max-age=31536000");
    if (response.no_store) message.set(http::field::cache_control, "no-store");
    message.set(http::field::server, "Harbour");
    message.set("X-Request-Id", exchange_.request_id);

    const bool bodiless_status = response.status == 204 || response.status == 304;
    if (!response.content_type.empty() && !bodiless_status) {
      message.set(http::field::content_type, response.content_type);
    }
    if (!bodiless_status) message.content_length(response.body.size());
    if (!exchange_.head && !bodiless_status) message.body() = std::move(response.body);
    message.keep_alive(exchange_.keep_alive && !server_.stopping);
    return message;
  }

  void OnWrite(beast::error_code ec, std::size_t) {
    const auto elapsed =
        std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - exchange_.started);
    spdlog::info("{} {} {} {}ms {}", exchange_.log_method, exchange_.log_path,
                 response_.result_int(), elapsed.count(), exchange_.request_id);
    const bool keep_alive = response_.keep_alive();
    response_ = {};
    EndBusy();
    if (ec) return Close();
    if (!keep_alive) return Linger();
    ReadRequest();
  }

  // Half-closes, then reads and discards for a short while so the client sees the response.
  void Linger() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    if (ec) return Close();
    buffer_.clear();
    lingered_bytes_ = 0;
    stream_.expires_after(std::min<Clock::duration>(Options().read_timeout, kMaxLinger));
    DiscardSome();
  }

  void DiscardSome() {
    stream_.async_read_some(asio::buffer(discard_),
                            beast::bind_front_handler(&Session::OnDiscard, shared_from_this()));
  }

  void OnDiscard(beast::error_code ec, std::size_t bytes) {
    lingered_bytes_ += bytes;
    if (ec || lingered_bytes_ > kMaxLingerBytes) return Close();
    DiscardSome();
  }

  void Close() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
    stream_.close();
  }

  void MarkBusy() {
    if (busy_) return;
    busy_ = true;
    ++server_.busy;
  }

  void EndBusy() {
    if (!busy_) return;
    busy_ = false;
    --server_.busy;
  }

  beast::tcp_stream stream_;
  ServerCore& server_;
  std::string remote_address_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  http::response<http::string_body> response_;  // kept alive while being written
  Exchange exchange_;
  bool first_request_ = true;
  bool busy_ = false;
  std::array<char, 8192> discard_{};
  std::size_t lingered_bytes_ = 0;
};

void ServerCore::DoAccept() {
  acceptor.async_accept(asio::make_strand(ioc),
                        beast::bind_front_handler(&ServerCore::OnAccept, this));
}

void ServerCore::OnAccept(beast::error_code ec, tcp::socket socket) {
  if (!acceptor.is_open() || stopping) return;
  if (ec) {
    if (ec == asio::error::operation_aborted) return;
    // E.g. out of file descriptors: back off briefly instead of spinning.
    spdlog::warn("accept failed: {}", ec.message());
    accept_retry.expires_after(std::chrono::milliseconds(100));
    accept_retry.async_wait([this](beast::error_code wait_error) {
      if (!wait_error) DoAccept();
    });
    return;
  }
  std::make_shared<Session>(std::move(socket), *this)->Start();
  DoAccept();
}

void ServerCore::RequestStop() {
  {
    std::lock_guard lock(state_mutex);
    if (stop_requested) return;
    stop_requested = true;
  }
  stopping = true;
  asio::post(acceptor_strand, [this] {
    beast::error_code ec;
    acceptor.close(ec);
    accept_retry.cancel();
    StopWhenIdle(Clock::now() + kShutdownGrace);
  });
}

// The first signal stops gracefully; a second one stops at once.
void ServerCore::OnSignal(beast::error_code ec, int signal) {
  if (ec) return;
  spdlog::info("signal {} received; stopping", signal);
  if (stopping) {
    ioc.stop();
    return;
  }
  RequestStop();
  signals->async_wait(beast::bind_front_handler(&ServerCore::OnSignal, this));
}

void ServerCore::StopWhenIdle(Clock::time_point deadline) {
  if (busy == 0 || Clock::now() >= deadline) {
    ioc.stop();
    return;
  }
  shutdown_timer.expires_after(std::chrono::milliseconds(20));
  shutdown_timer.async_wait([this, deadline](beast::error_code ec) {
    if (ec) {
      ioc.stop();
      return;
    }
    StopWhenIdle(deadline);
  });
}

void ServerCore::RunThread() {
  while (true) {
    try {
      ioc.run();
      return;
    } catch (const std::exception& e) {
      spdlog::error("uncaught exception on a server thread: {}", e.what());
    } catch (...) {
      spdlog::error("uncaught non-standard exception on a server thread");
    }
  }
}

void ServerCore::CloseAllSessions() {
  std::lock_guard lock(sessions_mutex);
  for (Session* session : sessions) session->CloseNow();
}

}  // namespace

struct Server::Impl : ServerCore {
  using ServerCore::ServerCore;
};

Server::Server(ServerOptions options, std::function<Response(Request&)> handle)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(handle))) {}

Server::~Server() { Stop(); }

bool Server::Listen() {
  Impl& impl = *impl_;
  if (impl.acceptor.is_open()) return true;
  beast::error_code ec;
  const asio::ip::address address = asio::ip::make_address(impl.options.address, ec);
  if (ec) {
    spdlog::error("cannot listen: bad address '{}': {}", impl.options.address, ec.message());
    return false;
  }
  const tcp::endpoint endpoint(address, impl.options.port);
  const auto fail = [&](std::string_view step) {
    spdlog::error("cannot listen on {}:{} ({}): {}", impl.options.address, impl.options.port, step,
                  ec.message());
    beast::error_code ignored;
    impl.acceptor.close(ignored);
    return false;
  };
  impl.acceptor.open(endpoint.protocol(), ec);
  if (ec) return fail("open");
  impl.acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (ec) return fail("option");
  impl.acceptor.bind(endpoint, ec);
  if (ec) return fail("bind");
  impl.acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) return fail("listen");
  impl.port = impl.acceptor.local_endpoint(ec).port();
  if (ec) return fail("local endpoint");
  impl.DoAccept();
  spdlog::debug("listening on {}:{}", impl.options.address, impl.port);
  return true;
}

unsigned short Server::Port() const { return impl_->port; }

void Server::Run() {
  Impl& impl = *impl_;
  if (!impl.acceptor.is_open() && !Listen()) return;
  {
    std::lock_guard lock(impl.state_mutex);
    if (impl.stop_requested) return;
    impl.running = true;
  }
  impl.signals.emplace(impl.ioc, SIGINT, SIGTERM);
  impl.signals->async_wait(beast::bind_front_handler(&ServerCore::OnSignal, &impl));

  std::vector<std::thread> workers;
  for (unsigned i = 1; i < impl.options.threads; ++i) {
    workers.emplace_back([&impl] { impl.RunThread(); });
  }
  impl.RunThread();
  for (std::thread& worker : workers) worker.join();

  // No io thread runs now: close what is left without racing any handler.
  beast::error_code ec;
  impl.acceptor.close(ec);
  impl.signals.reset();
  impl.CloseAllSessions();
  {
    std::lock_guard lock(impl.state_mutex);
    impl.running = false;
    impl.stop_requested = true;
  }
  impl.state_changed.notify_all();
}

void Server::Stop() {
  Impl& impl = *impl_;
  impl.RequestStop();
  // From a handler or signal callback the io threads cannot be waited for: Run() joins them.
  if (impl.ioc.get_executor().running_in_this_thread()) return;
  std::unique_lock lock(impl.state_mutex);
  impl.state_changed.wait(lock, [&impl] { return !impl.running; });
}

}  // namespace harbour::web
