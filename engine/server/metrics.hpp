#pragma once
// The server's Prometheus metrics (GET /metrics): requests by route template, method and
// status, a latency histogram per route template, the database pool's use, and the report
// cache's hits and builds.
#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <tuple>

namespace sagsaudit::server {

class Metrics {
 public:
  void record(const std::string& method, const std::string& route, unsigned status, double seconds);
  void connection_opened();
  void connection_closed();
  // The report cache (report_cache.hpp): a report answered from memory, or built.
  void report_cache_hit();
  void report_cache_built();
  // The exposition text; pool figures are read by the caller at the moment of the scrape.
  std::string text(int pool_in_use, int pool_open, int pool_size) const;

  static constexpr std::array<double, 12> kBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                      0.1,   0.25,   0.5,   1.0,  2.5,   10.0};

 private:
  struct Histogram {
    std::array<std::uint64_t, kBuckets.size()> buckets{};
    std::uint64_t count = 0;
    double sum = 0;
  };
  mutable std::mutex mutex_;
  std::map<std::tuple<std::string, std::string, unsigned>, std::uint64_t> requests_;
  std::map<std::string, Histogram> latency_;
  std::int64_t connections_ = 0;
  std::uint64_t report_cache_hits_ = 0;
  std::uint64_t report_cache_builds_ = 0;
};

}  // namespace sagsaudit::server
