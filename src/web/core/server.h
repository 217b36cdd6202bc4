#pragma once
// The HTTP/1.1 server (Boost.Beast): strict limits, timeouts, security headers, request ids.
// Run() blocks until Stop() or SIGINT/SIGTERM; handlers run synchronously on the server's
// worker threads and must be thread-safe.
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "web/core/http.h"

namespace harbour::web {

struct ServerOptions {
  std::string address = "127.0.0.1";
  unsigned short port = 8080;             // 0 picks a free port (see Server::Port)
  unsigned threads = 8;                   // worker threads; handlers may block on the database
  std::size_t body_limit = 1024 * 1024;   // bytes; larger bodies get 413
  std::size_t header_limit = 8 * 1024;    // bytes; larger headers get 431
  std::chrono::seconds read_timeout{15};  // whole request, incl. slow senders
  std::chrono::seconds idle_timeout{60};  // keep-alive between requests
  bool trust_forwarded_proto = false;     // honour X-Forwarded-Proto: https from a proxy
  std::string assets_dir;                 // served at /assets/ (public, cacheable)
};

class Server {
 public:
  // `handle` is called for every well-formed request that is not under /assets/.
  Server(ServerOptions options, std::function<Response(Request&)> handle);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and listens; returns false (and logs) when the address cannot be bound.
  bool Listen();
  unsigned short Port() const;  // the bound port, valid after Listen()
  // Blocks on `threads` threads (the caller's included) until stopped; installs SIGINT/SIGTERM
  // handlers (a first signal stops gracefully, a second at once). Calls Listen() if needed.
  // At most once per Server; returns at once if Stop() came first.
  void Run();
  // Thread-safe and idempotent: stops accepting, lets requests already being handled finish
  // (up to 5 s), then stops the threads and closes every connection. Called from outside the
  // server's threads it returns only after Run() has returned; from a handler it does not wait.
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace harbour::web
