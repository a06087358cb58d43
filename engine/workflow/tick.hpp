#pragma once
// tick(today): the scheduler. Creates the rounds the årshjul makes due, opens and closes review
// windows, marks overdue reviews, closes rounds whose reviews are all approved, and writes
// notifications and audit log entries — all in one transaction, planned by plan_tick
// (domain/tick_plan.hpp) from what is stored, so it is idempotent and catches up after a gap.
// On PostgreSQL a transaction-scoped advisory lock lets only one process tick at a time; the
// next one, once it has the lock, finds the work done. docs/workflow.md has the rules.
#include <string>
#include <vector>

#include "domain/date.hpp"
#include "domain/errors.hpp"
#include "domain/tick_plan.hpp"
#include "storage/database.hpp"

namespace sagsaudit {

struct TickOptions {
  // Wait for another process's tick to finish (CLI), or give up at once (the server's timer:
  // the other process is doing the work anyway).
  bool wait_for_lock = true;
  std::string actor = "system";  // the audit log's "who"
};

struct TickReport {
  Date today;
  bool ran = true;  // false: another process held the lock and wait_for_lock was false
  int first_year = 0;
  std::vector<std::string> created;         // round ids
  std::vector<std::string> windows_opened;  // round ids
  std::vector<std::string> windows_closed;  // round ids
  std::vector<ReviewRef> overdue;
  std::vector<std::string> rounds_closed;  // in_review → closed
  std::vector<Issue> skipped;              // rounds that could not be created
  int notifications = 0;

  bool changed() const {
    return !created.empty() || !windows_opened.empty() || !windows_closed.empty() ||
           !overdue.empty() || !rounds_closed.empty();
  }
};

// `at` is the wall-clock time for the audit log and notifications (UTC ISO 8601); `today` is the
// day the rules are judged on. Throws NotFound when no årshjul is stored (run init first).
// REQUIRES: no Transaction is open on db (tick is its own unit: the lock lasts until its commit).
TickReport tick(storage::Database& db, Date today, const std::string& at,
                const TickOptions& options = {});

}  // namespace sagsaudit
