#pragma once
// What the scheduler (workflow/tick) keeps in the database besides rounds: the year of the first
// tick, the latest day ticked, which round windows it has opened and closed (tables tick_state,
// round_milestones; migration 3), and the lock that lets one process tick at a time.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "domain/date.hpp"
#include "storage/database.hpp"

namespace sagsaudit::storage {

enum class RoundMilestone { window_opened, window_closed };

struct TickState {
  int first_year = 0;
  Date last_day;
};

struct MilestoneFlags {
  bool window_opened = false;
  bool window_closed = false;
};

// Every method throws StorageError when the database refuses.
class TickStore {
 public:
  virtual ~TickStore() = default;

  // PostgreSQL: takes the scheduler's transaction-scoped advisory lock (released at commit or
  // rollback); with `wait` false it does not wait and returns false when another process holds
  // it. SQLite: nothing to do (the Transaction's BEGIN IMMEDIATE is the lock); returns true.
  // REQUIRES: a Transaction is open on the Database.
  virtual bool lock(bool wait) = 0;

  virtual std::optional<TickState> state() = 0;
  // Records the first tick (first_year = today's year) or moves last_day forward; never back.
  virtual TickState record(Date today) = 0;

  // True when this call recorded it (it had not been recorded before).
  virtual bool record_milestone(std::string_view round_id, RoundMilestone milestone,
                                Date on_day) = 0;
  // Per round id, for every round with at least one milestone.
  virtual std::map<std::string, MilestoneFlags> milestones() = 0;
};

// REQUIRES: db outlives the store and has been migrated.
std::unique_ptr<TickStore> make_tick_store(Database& db);

}  // namespace sagsaudit::storage
