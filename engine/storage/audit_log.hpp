#pragma once
// The audit log (table audit_log, migration 3): append-only, one row per change to review data,
// each row holding the SHA-256 of the previous row's hash and its own content, so that a row
// changed or deleted afterwards breaks the chain and `sagsaudit audit verify` names it.
// Never put a CPR number (or anything else that identifies a citizen beyond the sagsnummer) in
// an entry: the log is kept longer than the case data.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace sagsaudit::storage {

// What the caller says happened. `at` is passed in (the domain never reads a clock).
struct AuditRecord {
  std::string at;           // UTC ISO 8601, e.g. "2027-04-01T08:00:00Z"
  std::string actor;        // username, "cli:<os user>" or "system" (tick)
  std::string action;       // dotted verb, e.g. "round.transition", "population.import",
                            // "sample.draw", "review.assign", "review.reassign"
  std::string object_type;  // "round", "case_review", "population", …
  std::string object_id;    // e.g. "sygedagpenge-2027-K3" or "sygedagpenge-2027-K3/S-0042"
  std::string from_state;   // empty when not a state change
  std::string to_state;
  std::string details;  // a JSON object as text ("{}" when nothing more), no personal data
};

struct AuditEntry {
  std::int64_t seq = 0;  // 1, 2, 3, … in the order appended
  AuditRecord record;
  std::string previous_hash;  // hash of entry seq−1; 64 zeros for the first
  std::string hash;           // hex SHA-256 over previous_hash and the record's fields
};

struct AuditVerification {
  bool ok = true;
  std::int64_t entries = 0;            // how many were checked
  std::optional<std::int64_t> broken;  // the first seq whose hash or link does not hold
  std::string problem;                 // Danish, e.g. "posten er ændret" / "post 41 mangler"
};

struct AuditFilter {
  std::optional<std::string> object_type;
  std::optional<std::string> object_id;
  std::optional<std::int64_t> after_seq;
  int limit = 1000;
};

class AuditLog {
 public:
  virtual ~AuditLog() = default;

  // Appends one entry, chained to the last one. Joins the caller's Transaction when one is open
  // (so the entry is kept exactly when the change it describes is). Concurrent appenders on
  // PostgreSQL are serialised so that the chain never forks.
  virtual AuditEntry append(const AuditRecord& record) = 0;

  // Takes the log's head for the rest of the caller's Transaction, before the change locks
  // anything else: on PostgreSQL the head row's lock, which append takes too and holds until
  // commit; on SQLite nothing, since BEGIN IMMEDIATE has serialised the writers already. A
  // change that locks rows of its own (a review's row) and appends calls this first, so two
  // such changes wait for each other at the head, holding nothing yet, instead of each holding
  // what the other needs (a deadlock PostgreSQL would end by failing one of them).
  // REQUIRES: a Transaction is open on the Database.
  virtual void hold() = 0;

  virtual std::vector<AuditEntry> list(const AuditFilter& filter = {}) = 0;

  // The seq of the newest entry (0 when none): one row read. Every change to review data is an
  // entry, so the web server keys its report cache on it.
  virtual std::int64_t last_seq() = 0;

  // Recomputes every hash and link from the first entry.
  virtual AuditVerification verify() = 0;
};

// REQUIRES: db outlives the log and has been migrated.
std::unique_ptr<AuditLog> make_audit_log(Database& db);

}  // namespace sagsaudit::storage
