#pragma once
// Opfølgning (tables initiatives, initiative_status_changes, corrections; migration 7): the
// improvement initiatives created from red (or chosen yellow) cells of published rounds, and the
// berigtigelser created from fejl on reimbursement-relevant nøglekontroller. The repository
// stores and reads; the rules are domain/followup.hpp, and who creates and changes what, with
// the audit log, is engine/followup/followup.hpp.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "domain/answer.hpp"
#include "domain/followup.hpp"
#include "domain/traffic_light.hpp"
#include "storage/database.hpp"

namespace sagsaudit::storage {

struct Initiative {
  std::int64_t id = 0;  // set by add()
  std::string round_id;
  std::string period;  // the round's period, "2027-K1"
  std::string center;
  std::string benefit_type;
  TrafficLight source_light = TrafficLight::red;  // the light it was created from
  std::optional<int> source_percent;              // the percent shown beside that light
  std::string action;                             // what is done (empty until filled in)
  std::string responsible;                        // who is responsible
  std::optional<Date> deadline;                   // expected completion
  std::vector<std::string> controls;              // the control ids it targets
  InitiativeMarker marker = InitiativeMarker::open;
  std::string created_at;  // UTC ISO 8601
  std::string created_by;
  std::string updated_at;
};

struct InitiativeStatusChange {
  std::int64_t initiative_id = 0;
  int seq = 0;  // 1, 2, … per initiative
  std::string at;
  std::string actor;
  InitiativeMarker from = InitiativeMarker::open;
  InitiativeMarker to = InitiativeMarker::open;
  std::string reason;
};

struct Correction {
  std::int64_t id = 0;  // set by add()
  std::string round_id;
  std::string case_number;
  std::string control_id;
  std::string benefit_type;
  std::string period;  // the round's period
  std::string center;  // responsible center (the case's)
  std::optional<Decimal> amount;
  std::optional<AffectedPeriod> affected_period;
  CorrectionState state = CorrectionState::open;
  std::string reason;  // the last change's reason; required for ikke relevant
  std::string created_at;
  std::string updated_at;
  std::string updated_by;
};

struct FollowupFilter {
  std::optional<std::string> center;
  std::optional<std::string> round_id;
};

// Every method throws StorageError when the database refuses. Writes join the caller's
// Transaction when one is open.
class FollowupRepository {
 public:
  virtual ~FollowupRepository() = default;

  // Inserts and returns the id. ConflictError when the cell (round, center, ydelsestype)
  // already has one.
  virtual std::int64_t add_initiative(const Initiative& initiative) = 0;
  virtual std::optional<Initiative> find_initiative(std::int64_t id) = 0;
  virtual std::optional<Initiative> find_initiative(const std::string& round_id,
                                                    const std::string& center,
                                                    const std::string& benefit_type) = 0;
  // Ordered by id.
  virtual std::vector<Initiative> initiatives(const FollowupFilter& filter = {}) = 0;
  // Stores action, responsible, deadline, controls, marker and updated_at of `initiative.id`.
  // NotFound for an unknown id.
  virtual void update_initiative(const Initiative& initiative) = 0;
  // Appends the change with the next seq of its initiative and returns that seq.
  virtual int add_status_change(const InitiativeStatusChange& change) = 0;
  // Oldest first.
  virtual std::vector<InitiativeStatusChange> status_changes(std::int64_t initiative_id) = 0;

  // Inserts and returns the id. ConflictError when (round, case, control) already has one.
  virtual std::int64_t add_correction(const Correction& correction) = 0;
  virtual std::optional<Correction> find_correction(std::int64_t id) = 0;
  // The corrections of one review, ordered by control id.
  virtual std::vector<Correction> review_corrections(const std::string& round_id,
                                                     const std::string& case_number) = 0;
  // Ordered by center, round, case number, control id.
  virtual std::vector<Correction> corrections(const FollowupFilter& filter = {}) = 0;
  // Stores amount, affected period, state, reason, updated_at and updated_by of
  // `correction.id`. NotFound for an unknown id.
  virtual void update_correction(const Correction& correction) = 0;
};

// REQUIRES: db outlives the repository and has been migrated.
std::unique_ptr<FollowupRepository> make_followup_repository(Database& db);

// The targeted controls as stored and typed: "k1,k2" ⇄ {"k1", "k2"} (blanks around ids are
// dropped, empty items ignored).
std::string join_controls(const std::vector<std::string>& controls);
std::vector<std::string> split_controls(const std::string& text);

}  // namespace sagsaudit::storage
