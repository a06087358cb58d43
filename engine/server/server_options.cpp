#include "server/server_options.hpp"

#include "domain/errors.hpp"

namespace sagsaudit::server {

ServerOptions server_options(const Config& config) {
  ServerOptions o;
  o.config = config;
  const std::string& listen = config.listen;
  const auto colon = listen.rfind(':');
  bool ok = colon != std::string::npos && colon > 0;
  if (ok) {
    o.host = listen.substr(0, colon);
    if (o.host.size() > 2 && o.host.front() == '[' && o.host.back() == ']') {
      o.host = o.host.substr(1, o.host.size() - 2);
    }
    try {
      std::size_t used = 0;
      const std::string port = listen.substr(colon + 1);
      const int value = std::stoi(port, &used);
      ok = used == port.size() && value >= 0 && value <= 65535;
      o.port = static_cast<unsigned short>(value);
    } catch (const std::exception&) {
      ok = false;
    }
  }
  if (!ok) {
    throw ValidationError(std::vector<Issue>{
        {"", 0, 0, "[server] listen", "'" + listen + "' er ikke VÆRT:PORT (fx 127.0.0.1:8080)"}});
  }
  // Whole numbers within their ranges (config.cpp); a file's value was checked when it was read,
  // with its line, and an environment variable's or option's is checked here.
  o.io_threads = config_number(config, &Config::server_threads, o.io_threads);
  o.workers = config_number(config, &Config::server_workers, o.workers);
  o.pool_size = o.workers + 1;  // one for the probes (http_server.cpp)
  o.tls_cert = config.tls_cert;
  o.tls_key = config.tls_key;
  if (o.tls_cert.empty() != o.tls_key.empty()) {
    throw ValidationError(
        std::vector<Issue>{{"", 0, 0, o.tls_cert.empty() ? "[server] tls_cert" : "[server] tls_key",
                            "HTTPS kræver både tls_cert og tls_key"}});
  }
  o.login_failures_per_address =
      config_number(config, &Config::login_failures_per_address, o.login_failures_per_address);
  o.ui_dir = config.ui_dir;
  o.upload_dir = config.upload_dir;
  o.tick_interval = std::chrono::minutes(
      config_number(config, &Config::tick_minutes, static_cast<int>(o.tick_interval.count())));
  return o;
}

}  // namespace sagsaudit::server
