#pragma once
// The web server (issue 6, docs/web.md): Boost.Beast over Asio, HTTP/1.1 with keep-alive, a
// fixed number of I/O threads that only read and write, and the API handlers on a separate
// worker pool with pooled database connections, so that a slow query never holds up another
// connection. TLS when a certificate and key are configured. stop() is graceful: no new
// connections, requests being handled are answered, idle connections are closed.
#include <memory>
#include <ostream>

#include "server/router.hpp"
#include "server/server_options.hpp"

namespace sagsaudit::server {

class HttpServer {
 public:
  // Opens the database once (running the migrations), loads the TLS files. Throws
  // StorageError, ValidationError.
  explicit HttpServer(ServerOptions options);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds and starts the threads. Throws StorageError when the address cannot be bound.
  void start();
  // The bound port (the chosen one when options.port was 0).
  unsigned short port() const;
  // Also stop on SIGTERM and SIGINT (serve); call before start().
  void stop_on_signals();
  // Graceful stop; returns at once (wait() waits). Safe from any thread, more than once.
  void stop();
  // Until every I/O and worker thread has ended.
  void wait();

  const Router& router() const;

  struct Impl;  // the connections (http_server.cpp) reach into it

 private:
  std::unique_ptr<Impl> impl_;
};

// `sagsaudit serve`: start, print the address to `out`, run until SIGTERM/SIGINT, stop
// gracefully. Returns 0.
int serve(const ServerOptions& options, std::ostream& out);

}  // namespace sagsaudit::server
