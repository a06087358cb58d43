#include "server/report_cache.hpp"

#include "storage/report_version.hpp"

namespace sagsaudit::server {

report_output::Download ReportCache::get(storage::Database& db, const std::string& key,
                                         const std::function<report_output::Download()>& build) {
  auto version = storage::make_report_version(db);
  const std::int64_t before = version->current();
  {
    std::lock_guard lock(mutex_);
    if (before == version_) {
      const auto it = entries_.find(key);
      if (it != entries_.end()) {
        metrics_.report_cache_hit();
        return it->second;
      }
    }
  }
  report_output::Download d = build();
  metrics_.report_cache_built();
  // Kept only when no report-relevant change was committed while it was built, so an entry
  // never mixes data from before and after a change. Every kept entry was built at version_: a
  // build at another version (newer; or older, read just before another request's change, or
  // from a database restored under a running server) replaces them all.
  if (version->current() != before) return d;
  std::lock_guard lock(mutex_);
  if (before != version_ || entries_.size() >= kMaxEntries) {
    entries_.clear();
    version_ = before;
  }
  entries_.insert_or_assign(key, d);
  return d;
}

}  // namespace sagsaudit::server
