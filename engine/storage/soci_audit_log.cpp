// AuditLog on SOCI: tables audit_log and audit_head (migration 3).
#include <soci/soci.h>

#include <stdexcept>

#include "domain/errors.hpp"
#include "storage/audit_hash.hpp"
#include "storage/audit_log.hpp"
#include "storage/soci_errors.hpp"
#include "storage/write_scope.hpp"

namespace sagsaudit::storage {
namespace {

struct AuditRow {
  long long seq = 0;
  AuditRecord record;
  std::string previous_hash;
  std::string hash;
};

}  // namespace
}  // namespace sagsaudit::storage

// Reads the columns of kSelect, in order.
template <>
struct soci::type_conversion<sagsaudit::storage::AuditRow> {
  using base_type = soci::values;
  static void from_base(const soci::values& v, soci::indicator, sagsaudit::storage::AuditRow& r) {
    // INTEGER on SQLite, BIGINT on PostgreSQL: both read as long long.
    r.seq = v.get_properties(0).get_data_type() == soci::dt_integer
                ? v.get<int>(0)
                : static_cast<long long>(v.get<long long>(0));
    r.record.at = v.get<std::string>(1);
    r.record.actor = v.get<std::string>(2);
    r.record.action = v.get<std::string>(3);
    r.record.object_type = v.get<std::string>(4);
    r.record.object_id = v.get<std::string>(5);
    r.record.from_state = v.get<std::string>(6);
    r.record.to_state = v.get<std::string>(7);
    r.record.details = v.get<std::string>(8);
    r.previous_hash = v.get<std::string>(9);
    r.hash = v.get<std::string>(10);
  }
  static void to_base(const sagsaudit::storage::AuditRow&, soci::values&, soci::indicator&) {}
};

namespace sagsaudit::storage {
namespace {

constexpr const char* kSelect =
    "SELECT seq, at, actor, action, object_type, object_id, from_state, to_state, details, "
    "previous_hash, hash FROM audit_log ";

AuditEntry to_entry(const AuditRow& row) {
  return AuditEntry{row.seq, row.record, row.previous_hash, row.hash};
}

class SociAuditLog final : public AuditLog {
 public:
  explicit SociAuditLog(Database& db) : db_(db), sql_(db.session()) {}

  void hold() override {
    if (!db_.in_transaction()) {
      throw std::logic_error("AuditLog::hold outside a transaction holds nothing");
    }
    if (db_.backend() != Backend::postgresql) return;
    guarded("cannot lock the audit log's head in " + db_.redacted_url(), [&] {
      long long last_seq = 0;
      sql_ << "SELECT last_seq FROM audit_head WHERE id = 1 FOR UPDATE", soci::into(last_seq);
      if (!sql_.got_data()) throw StorageError("the audit log's head row is missing");
    });
  }

  AuditEntry append(const AuditRecord& record) override {
    return guarded("cannot append to the audit log in " + db_.redacted_url(), [&] {
      WriteScope scope(db_);
      // PostgreSQL: the row lock makes concurrent appenders take turns, and the second one reads
      // the head the first one committed. SQLite: BEGIN IMMEDIATE has serialised writers already.
      long long last_seq = 0;
      std::string last_hash;
      sql_ << std::string("SELECT last_seq, last_hash FROM audit_head WHERE id = 1") +
                  (db_.backend() == Backend::postgresql ? " FOR UPDATE" : ""),
          soci::into(last_seq), soci::into(last_hash);
      if (!sql_.got_data()) throw StorageError("the audit log's head row is missing");
      AuditEntry entry;
      entry.seq = last_seq + 1;
      entry.record = record;
      entry.previous_hash = last_hash;
      entry.hash = audit_entry_hash(last_hash, entry.seq, record);
      const long long seq = entry.seq;
      sql_ << "INSERT INTO audit_log (seq, at, actor, action, object_type, object_id, "
              "from_state, to_state, details, previous_hash, hash) VALUES (:seq, :at, :actor, "
              ":action, :object_type, :object_id, :from_state, :to_state, :details, "
              ":previous_hash, :hash)",
          soci::use(seq), soci::use(record.at), soci::use(record.actor), soci::use(record.action),
          soci::use(record.object_type), soci::use(record.object_id), soci::use(record.from_state),
          soci::use(record.to_state), soci::use(record.details), soci::use(entry.previous_hash),
          soci::use(entry.hash);
      sql_ << "UPDATE audit_head SET last_seq = :seq, last_hash = :hash WHERE id = 1",
          soci::use(seq), soci::use(entry.hash);
      scope.done();
      return entry;
    });
  }

  std::int64_t last_seq() override {
    return guarded("cannot read the audit log in " + db_.redacted_url(), [&] {
      long long seq = 0;
      sql_ << "SELECT last_seq FROM audit_head WHERE id = 1", soci::into(seq);
      return static_cast<std::int64_t>(seq);
    });
  }

  std::vector<AuditEntry> list(const AuditFilter& filter) override {
    return guarded("cannot read the audit log in " + db_.redacted_url(), [&] {
      const int has_type = filter.object_type ? 1 : 0;
      const std::string type = filter.object_type.value_or("");
      const int has_id = filter.object_id ? 1 : 0;
      const std::string id = filter.object_id.value_or("");
      const long long after = filter.after_seq.value_or(0);
      const int limit = filter.limit;
      std::vector<AuditEntry> out;
      AuditRow row;
      soci::statement query =
          (sql_.prepare << std::string(kSelect) +
                               "WHERE (:has_type = 0 OR object_type = :type) "
                               "AND (:has_id = 0 OR object_id = :id) AND seq > :after "
                               "ORDER BY seq LIMIT :limit",
           soci::into(row), soci::use(has_type), soci::use(type), soci::use(has_id), soci::use(id),
           soci::use(after), soci::use(limit));
      query.execute();
      while (query.fetch()) out.push_back(to_entry(row));
      return out;
    });
  }

  AuditVerification verify() override {
    return guarded("cannot verify the audit log in " + db_.redacted_url(), [&] {
      AuditVerification result;
      // Appends may commit while this runs (a server at work; issue 9's load bench found the
      // false "post N mangler" that reading the head last gave). So the head is read first and
      // only the entries up to it are checked: an append writes its entry and moves the head in
      // one transaction, so all of those were committed before. Entries above the head are
      // looked for at the end, in one statement with the head of that moment.
      long long head_seq = 0;
      std::string head_hash;
      sql_ << "SELECT last_seq, last_hash FROM audit_head WHERE id = 1", soci::into(head_seq),
          soci::into(head_hash);
      if (!sql_.got_data()) {
        fail(result, 1, "loggens hoved (tabellen audit_head) mangler");
        return result;
      }
      std::string expected_previous = kAuditGenesisHash;
      long long expected_seq = 1;
      AuditRow row;
      soci::statement query =
          (sql_.prepare << std::string(kSelect) + "WHERE seq <= :head ORDER BY seq",
           soci::use(head_seq), soci::into(row));
      query.execute();
      while (query.fetch()) {
        ++result.entries;
        if (!result.ok) continue;  // count the rest, report the first break
        if (row.seq != expected_seq) {
          fail(result, expected_seq,
               row.seq > expected_seq ? missing(expected_seq, row.seq - 1)
                                      : "post " + std::to_string(row.seq) + " står forkert");
        } else if (row.previous_hash != expected_previous) {
          fail(result, row.seq,
               "post " + std::to_string(row.seq) + " peger ikke på post " +
                   std::to_string(row.seq - 1) + " (kæden er brudt)");
        } else if (audit_entry_hash(row.previous_hash, row.seq, row.record) != row.hash) {
          fail(result, row.seq, "post " + std::to_string(row.seq) + " er ændret");
        }
        expected_previous = row.hash;
        expected_seq = row.seq + 1;
      }
      // The newest entries leave no gap when deleted; the head still remembers them.
      if (result.ok && head_seq > expected_seq - 1) {
        fail(result, expected_seq, missing(expected_seq, head_seq));
      } else if (result.ok && head_hash != expected_previous) {
        fail(result, head_seq, "post " + std::to_string(head_seq) + " er ændret");
      }
      long long foreign = 0, first_foreign = 0, head_now = 0;
      soci::indicator first_ind = soci::i_ok;
      sql_ << "SELECT COUNT(*), MIN(l.seq), h.last_seq FROM audit_log l JOIN audit_head h "
              "ON h.id = 1 WHERE l.seq > h.last_seq GROUP BY h.last_seq",
          soci::into(foreign), soci::into(first_foreign, first_ind), soci::into(head_now);
      if (sql_.got_data() && foreign > 0) {
        result.entries += foreign;
        if (result.ok) {
          fail(result, first_foreign,
               "post " + std::to_string(first_foreign) +
                   " er ikke skrevet af sagsaudit (hovedet står på post " +
                   std::to_string(head_now) + ")");
        }
      }
      return result;
    });
  }

 private:
  static std::string missing(long long first, long long last) {
    return first == last
               ? "post " + std::to_string(first) + " mangler"
               : "post " + std::to_string(first) + "–" + std::to_string(last) + " mangler";
  }

  static void fail(AuditVerification& result, long long seq, std::string problem) {
    result.ok = false;
    result.broken = seq;
    result.problem = std::move(problem);
  }

  Database& db_;
  soci::session& sql_;
};

}  // namespace

std::unique_ptr<AuditLog> make_audit_log(Database& db) {
  return std::make_unique<SociAuditLog>(db);
}

}  // namespace sagsaudit::storage
