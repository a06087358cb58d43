#include "server/server_options.hpp"

#include "domain/errors.hpp"

namespace sagsaudit::server {
namespace {

int positive(const std::string& text, const std::string& field, int fallback) {
  if (text.empty()) return fallback;
  try {
    std::size_t used = 0;
    const int value = std::stoi(text, &used);
    if (used == text.size() && value >= 1 && value <= 256) return value;
  } catch (const std::exception&) {
  }
  throw ValidationError(
      std::vector<Issue>{{"", 0, 0, field, "'" + text + "' skal være et helt tal fra 1 til 256"}});
}

}  // namespace

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
  o.io_threads = positive(config.server_threads, "[server] threads", 2);
  o.workers = positive(config.server_workers, "[server] workers", 4);
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
  if (!config.tick_minutes.empty()) {
    int minutes = -1;
    try {
      std::size_t used = 0;
      minutes = std::stoi(config.tick_minutes, &used);
      if (used != config.tick_minutes.size()) minutes = -1;
    } catch (const std::exception&) {
    }
    if (minutes < 0 || minutes > 10080) {
      throw ValidationError(std::vector<Issue>{
          {"", 0, 0, "[server] tick_minutes",
           "'" + config.tick_minutes + "' skal være et helt tal fra 0 (slået fra) til 10080"}});
    }
    o.tick_interval = std::chrono::minutes(minutes);
  }
  return o;
}

}  // namespace sagsaudit::server
