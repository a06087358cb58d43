// TickStore on SOCI: tables tick_state and round_milestones (migration 3).
#include <soci/soci.h>

#include "domain/errors.hpp"
#include "storage/soci_errors.hpp"
#include "storage/tick_store.hpp"
#include "storage/write_scope.hpp"

namespace sagsaudit::storage {
namespace {

// The scheduler's advisory lock: the two-key form (7316245, hash of the current schema), so that
// every process working on the same schema takes turns, while installations (or test runs) in
// other schemas of the same PostgreSQL database do not wait for each other. (The migrations use
// the one-key lock 7316245001, a different key space.)
constexpr int kTickLockClass = 7316245;

std::string milestone_code(RoundMilestone milestone) {
  return milestone == RoundMilestone::window_opened ? "window_opened" : "window_closed";
}

class SociTickStore final : public TickStore {
 public:
  explicit SociTickStore(Database& db) : db_(db), sql_(db.session()) {}

  bool lock(bool wait) override {
    if (!db_.in_transaction()) throw StorageError("the tick lock needs an open transaction");
    if (db_.backend() != Backend::postgresql) return true;
    return guarded("cannot take the tick lock in " + db_.redacted_url(), [&] {
      if (wait) {
        // The function returns void: an empty text, read only to complete the query.
        std::string ignored;
        soci::indicator void_result = soci::i_ok;
        sql_ << "SELECT pg_advisory_xact_lock(:class, hashtext(current_schema()))",
            soci::use(kTickLockClass), soci::into(ignored, void_result);
        return true;
      }
      int got = 0;
      sql_ << "SELECT CASE WHEN pg_try_advisory_xact_lock(:class, hashtext(current_schema())) "
              "THEN 1 ELSE 0 END",
          soci::use(kTickLockClass), soci::into(got);
      return got == 1;
    });
  }

  std::optional<TickState> state() override {
    return guarded("cannot read the tick state in " + db_.redacted_url(),
                   [&]() -> std::optional<TickState> { return read_state(); });
  }

  TickState record(Date today) override {
    return guarded("cannot record the tick in " + db_.redacted_url(), [&] {
      WriteScope scope(db_);
      auto current = read_state();
      const std::string day = to_iso(today);
      TickState result;
      if (!current) {
        const int year = static_cast<int>(today.year());
        sql_ << "INSERT INTO tick_state (id, first_year, last_day) VALUES (1, :year, :day)",
            soci::use(year), soci::use(day);
        result = TickState{year, today};
      } else if (std::chrono::sys_days{today} > std::chrono::sys_days{current->last_day}) {
        sql_ << "UPDATE tick_state SET last_day = :day WHERE id = 1", soci::use(day);
        result = TickState{current->first_year, today};
      } else {
        result = *current;
      }
      scope.done();
      return result;
    });
  }

  bool record_milestone(std::string_view round_id, RoundMilestone milestone, Date on_day) override {
    const std::string id(round_id);
    return guarded("cannot record a milestone of round " + id + " in " + db_.redacted_url(), [&] {
      WriteScope scope(db_);
      const std::string code = milestone_code(milestone);
      const std::string day = to_iso(on_day);
      soci::statement insert =
          (sql_.prepare << "INSERT INTO round_milestones (round_id, milestone, on_day) "
                           "VALUES (:id, :milestone, :day) "
                           "ON CONFLICT (round_id, milestone) DO NOTHING",
           soci::use(id), soci::use(code), soci::use(day));
      insert.execute(true);
      const bool recorded = insert.get_affected_rows() == 1;
      scope.done();
      return recorded;
    });
  }

  std::map<std::string, MilestoneFlags> milestones() override {
    return guarded("cannot read round milestones in " + db_.redacted_url(), [&] {
      std::map<std::string, MilestoneFlags> out;
      std::string id, code;
      soci::statement query = (sql_.prepare << "SELECT round_id, milestone FROM round_milestones",
                               soci::into(id), soci::into(code));
      query.execute();
      while (query.fetch()) {
        auto& flags = out[id];
        if (code == "window_opened") flags.window_opened = true;
        if (code == "window_closed") flags.window_closed = true;
      }
      return out;
    });
  }

 private:
  std::optional<TickState> read_state() {
    int first_year = 0;
    std::string last_day;
    sql_ << "SELECT first_year, last_day FROM tick_state WHERE id = 1", soci::into(first_year),
        soci::into(last_day);
    if (!sql_.got_data()) return std::nullopt;
    const auto day = parse_iso_date(last_day);
    if (!day) throw StorageError("tick_state has an unreadable last_day " + last_day);
    return TickState{first_year, *day};
  }

  Database& db_;
  soci::session& sql_;
};

}  // namespace

std::unique_ptr<TickStore> make_tick_store(Database& db) {
  return std::make_unique<SociTickStore>(db);
}

}  // namespace sagsaudit::storage
