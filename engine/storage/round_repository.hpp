#pragma once
// The review rounds (table rounds, migration 3). A round is created once, by tick, from the
// årshjul and concept versions current at that moment, and never changes except for its state;
// so a later change to the files does not change a round that exists.
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.hpp"
#include "domain/period.hpp"
#include "domain/round_state.hpp"
#include "storage/database.hpp"

namespace sagsaudit::storage {

struct Round {
  std::string id;            // "<ydelsestype>-<period>", e.g. "sygedagpenge-2027-K3"
  std::string benefit_type;  // ydelsestype code
  Period period;             // the cases decided in it are the round's population
  RoundState state = RoundState::planned;
  Date window_opens;          // first day of the review window
  Date window_closes;         // last day, inclusive
  std::string concept_version;  // the kvalitetskoncept in force when the round was created
  std::string wheel_version;    // the årshjul in force; its entry for benefit_type holds the
                                // sample rule, which is therefore frozen with the round
  std::string created_at;       // UTC ISO 8601, for people
};

struct RoundFilter {
  std::optional<int> year;
  std::optional<RoundState> state;
  std::optional<std::string> benefit_type;
};

// Every method throws StorageError when the database refuses. Writes are atomic and join the
// caller's Transaction when one is open on the Database (storage/write_scope.hpp).
class RoundRepository {
 public:
  virtual ~RoundRepository() = default;

  // Inserts the round unless one with its id exists (then nothing changes, also under
  // concurrent callers). True when this call created it.
  virtual bool create(const Round& round) = 0;

  virtual std::optional<Round> find(std::string_view id) = 0;

  // Ordered by window_opens, then id.
  virtual std::vector<Round> list(const RoundFilter& filter = {}) = 0;

  // Sets the state when the round is in `from` (compare-and-set); throws ConflictError naming
  // the current state when it is not (someone else moved it), NotFound when there is no round.
  // Does not check the state machine or write the audit log: workflow/round_transitions does.
  virtual void set_state(std::string_view id, RoundState from, RoundState to) = 0;
};

// REQUIRES: db outlives the repository and has been migrated.
std::unique_ptr<RoundRepository> make_round_repository(Database& db);

}  // namespace sagsaudit::storage
