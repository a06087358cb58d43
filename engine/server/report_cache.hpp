#pragma once
// The server's report cache. Reports (overblik, centerrapport, fejlstatistik) are computed from
// the counts of many reviews, which takes a while, and they change only when the report version
// moves (storage/report_version.hpp: submit, return, import, recount, a round's step, retention;
// not a draft save of a review that does not count). So a report is kept under its parameters
// as of one version and reused until the version moves on. The version is read from the
// database on every request, so several server instances sharing one PostgreSQL database never
// serve each other's stale reports. Access is checked by the caller, before.
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>

#include "report_output/report_render.hpp"
#include "server/metrics.hpp"
#include "storage/database.hpp"

namespace sagsaudit::server {

class ReportCache {
 public:
  // REQUIRES: metrics outlives the cache.
  explicit ReportCache(Metrics& metrics) : metrics_(metrics) {}

  // The report under `key` (its kind and parameters, e.g. "center|jc-amager|2027-K1|-"): the
  // copy kept at the database's current report version, or else `build()`'s, which is kept
  // when the version did not move while it was built (then nothing it read can have changed).
  // Every answer is counted in the metrics as a hit or a build. Thread-safe; builds run
  // outside the lock. Throws what `build` throws (nothing is kept then) and StorageError.
  report_output::Download get(storage::Database& db, const std::string& key,
                              const std::function<report_output::Download()>& build);

 private:
  static constexpr std::size_t kMaxEntries = 256;
  Metrics& metrics_;
  std::mutex mutex_;
  std::int64_t version_ = -1;  // the version every kept entry was built at
  std::map<std::string, report_output::Download> entries_;
};

}  // namespace sagsaudit::server
