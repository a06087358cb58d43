#pragma once
// The report version (migration 11): one number that moves, in the same transaction, with every
// change that can alter a report the web server keeps in its cache (overblik, centerrapport,
// fejlstatistik; engine/server/report_cache.hpp) — and with nothing else, so a koordinator's
// draft save of a review that does not count leaves the cached reports valid. Who moves it and
// why: docs/reports.md, "The report version".
#include <cstdint>
#include <memory>

#include "storage/database.hpp"

namespace sagsaudit::storage {

// Both methods throw StorageError when the database refuses.
class ReportVersion {
 public:
  virtual ~ReportVersion() = default;

  // The version as committed (or as this connection's open transaction has it).
  virtual std::int64_t current() = 0;

  // Adds one. Joins the caller's Transaction when one is open, so the new version becomes
  // visible exactly when the change it stands for is committed. On PostgreSQL it first takes
  // the audit log's head row lock (as AuditLog::append does), so every transaction that holds
  // the version's row lock already holds that one: the version adds no lock order of its own.
  // Call it before writing what the reports read (see report_summaries.cpp).
  virtual void bump() = 0;
};

// REQUIRES: db outlives the object and has been migrated.
std::unique_ptr<ReportVersion> make_report_version(Database& db);

}  // namespace sagsaudit::storage
