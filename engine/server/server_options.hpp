#pragma once
// How `sagsaudit serve` runs (docs/web.md): where it listens, how many threads do what, TLS,
// the UI directory and the limits that protect it.
#include <chrono>
#include <cstddef>
#include <string>

#include "config/config.hpp"

namespace sagsaudit::server {

struct ServerOptions {
  Config config;  // database URL, CPR key file, concept paths
  std::string host = "127.0.0.1";
  unsigned short port = 8080;  // 0: any free port (tests)
  int io_threads = 2;          // read and write connections; never touch the database
  int workers = 4;             // run the API handlers, each on a pooled connection
  int pool_size = 4;           // database connections (≥ workers makes no one wait)
  std::string tls_cert;        // PEM files; both set: HTTPS only
  std::string tls_key;
  std::string ui_dir = "web/ui/dist";
  std::string upload_dir = "uploads";  // population files uploaded, kept for sample verify
  std::size_t header_limit = 16 * 1024;
  std::size_t body_limit = 1024 * 1024;          // JSON bodies
  std::size_t upload_limit = 256 * 1024 * 1024;  // POST …/population (the CSV file)
  std::chrono::seconds read_timeout{30};         // a request, or idle time between requests
  std::chrono::seconds write_timeout{60};
  std::chrono::seconds pool_wait{15};  // waiting for a free database connection
  // Failed logins from one client address (the TCP peer) before that address is refused for
  // login_address_lock, whatever usernames it tries; 0: off (behind a proxy every client has
  // the proxy's address; docs/web.md, Security). [server] login_failures_per_address.
  int login_failures_per_address = 20;
  std::chrono::seconds login_address_lock{300};
  bool access_log = true;                  // one JSON line per request on stderr
  std::chrono::minutes tick_interval{60};  // the scheduler (tick_timer.hpp); 0: off
};

// The options the configuration gives ([server] listen, threads, workers, tls_cert, tls_key,
// ui_dir, upload_dir, tick_minutes, login_failures_per_address). Throws ValidationError naming
// the key of a bad value.
ServerOptions server_options(const Config& config);

}  // namespace sagsaudit::server
