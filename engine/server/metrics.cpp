#include "server/metrics.hpp"

#include <cstdio>
#include <sstream>

namespace sagsaudit::server {
namespace {

std::string label(const std::string& value) {
  std::string out;
  for (const char c : value) {
    if (c == '\\' || c == '"') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

std::string number(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.6g", value);
  return text;
}

}  // namespace

void Metrics::record(const std::string& method, const std::string& route, unsigned status,
                     double seconds) {
  std::lock_guard lock(mutex_);
  ++requests_[{route, method, status}];
  Histogram& h = latency_[route];
  for (std::size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) ++h.buckets[i];
  }
  ++h.count;
  h.sum += seconds;
}

void Metrics::connection_opened() {
  std::lock_guard lock(mutex_);
  ++connections_;
}

void Metrics::connection_closed() {
  std::lock_guard lock(mutex_);
  --connections_;
}

void Metrics::report_cache_hit() {
  std::lock_guard lock(mutex_);
  ++report_cache_hits_;
}

void Metrics::report_cache_built() {
  std::lock_guard lock(mutex_);
  ++report_cache_builds_;
}

std::string Metrics::text(int pool_in_use, int pool_open, int pool_size) const {
  std::lock_guard lock(mutex_);
  std::ostringstream out;
  out << "# HELP sagsaudit_http_requests_total HTTP requests by route template, method and "
         "status.\n# TYPE sagsaudit_http_requests_total counter\n";
  for (const auto& [key, count] : requests_) {
    const auto& [route, method, status] = key;
    out << "sagsaudit_http_requests_total{route=\"" << label(route) << "\",method=\""
        << label(method) << "\",status=\"" << status << "\"} " << count << "\n";
  }
  out << "# HELP sagsaudit_http_request_duration_seconds Time from a whole request read to its "
         "response ready, by route template.\n"
         "# TYPE sagsaudit_http_request_duration_seconds histogram\n";
  for (const auto& [route, h] : latency_) {
    const std::string r = label(route);
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
      out << "sagsaudit_http_request_duration_seconds_bucket{route=\"" << r << "\",le=\""
          << number(kBuckets[i]) << "\"} " << h.buckets[i] << "\n";
    }
    out << "sagsaudit_http_request_duration_seconds_bucket{route=\"" << r << "\",le=\"+Inf\"} "
        << h.count << "\n"
        << "sagsaudit_http_request_duration_seconds_sum{route=\"" << r << "\"} " << number(h.sum)
        << "\n"
        << "sagsaudit_http_request_duration_seconds_count{route=\"" << r << "\"} " << h.count
        << "\n";
  }
  out << "# HELP sagsaudit_db_pool_in_use Database connections lent to a request now.\n"
         "# TYPE sagsaudit_db_pool_in_use gauge\nsagsaudit_db_pool_in_use "
      << pool_in_use
      << "\n# HELP sagsaudit_db_pool_open Database connections open now.\n"
         "# TYPE sagsaudit_db_pool_open gauge\nsagsaudit_db_pool_open "
      << pool_open
      << "\n# HELP sagsaudit_db_pool_size The most database connections the pool opens.\n"
         "# TYPE sagsaudit_db_pool_size gauge\nsagsaudit_db_pool_size "
      << pool_size
      << "\n# HELP sagsaudit_http_connections_open Client connections open now.\n"
         "# TYPE sagsaudit_http_connections_open gauge\nsagsaudit_http_connections_open "
      << connections_
      << "\n# HELP sagsaudit_report_cache_hits_total Reports answered from the report cache.\n"
         "# TYPE sagsaudit_report_cache_hits_total counter\nsagsaudit_report_cache_hits_total "
      << report_cache_hits_
      << "\n# HELP sagsaudit_report_cache_builds_total Reports built (not in the report cache at "
         "the current report version).\n"
         "# TYPE sagsaudit_report_cache_builds_total counter\nsagsaudit_report_cache_builds_total "
      << report_cache_builds_ << "\n";
  return out.str();
}

}  // namespace sagsaudit::server
