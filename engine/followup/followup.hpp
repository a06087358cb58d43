#pragma once
// Opfølgning (issue 8), the engine side: who creates and changes initiatives and berigtigelser,
// always with an audit log entry in the same transaction, and the follow-up report as data.
// The rules themselves are domain/followup.hpp; storage is storage/followup_repository.hpp.
//
// When things happen:
//  - A round becomes 'rapporteret' (workflow/round_transitions.cpp calls
//    create_round_initiatives): every center × ydelsestype cell of the round whose light is red
//    gets an initiative, once — calling it again creates nothing new.
//  - A review becomes 'indsendt' (typed in, submitted, or imported; scoring/review_editing.cpp
//    calls sync_review_corrections): every fejl on a nøglekontrol with refusion = true gets a
//    berigtigelse, once per (round, case, control). On a later resubmission an open one follows
//    the answer's amount and period; one whose answer is no longer fejl is closed as
//    ikke relevant with the reason saying so.
//  - `sagsaudit followup sync` does both for data stored before this existed (idempotent).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/concept.hpp"
#include "domain/followup.hpp"
#include "storage/case_review_repository.hpp"
#include "storage/database.hpp"
#include "storage/followup_repository.hpp"

namespace sagsaudit {

struct Stamp {
  std::string actor;
  std::string at;  // UTC ISO 8601
};

// Creates the initiatives of a round's red cells. NotFound (no such round), ConflictError (the
// round is not 'rapporteret'). Returns the ids created now, in the årshjul's center order.
// Joins the caller's Transaction when one is open.
std::vector<std::int64_t> create_round_initiatives(storage::Database& db,
                                                   const std::string& round_id, const Stamp& stamp);

// An initiative for one cell by choice (a yellow light, or a red one created by hand): the
// cell's light must be red or yellow (ValidationError naming --center otherwise), the round
// 'rapporteret', and the cell without one (ConflictError).
std::int64_t create_cell_initiative(storage::Database& db, const std::string& round_id,
                                    const std::string& center, const Stamp& stamp);

// What `followup initiative set` fills in; nullopt leaves a field as it is.
struct InitiativeFields {
  std::optional<std::string> action;
  std::optional<std::string> responsible;
  std::optional<Date> deadline;
  std::optional<std::vector<std::string>> controls;  // must be controls of the round's concept
};
// ValidationError (an unknown control, field --controls; nothing given), NotFound.
storage::Initiative set_initiative(storage::Database& db, std::int64_t id,
                                   const InitiativeFields& fields, const Stamp& stamp);

// Marks the initiative (domain check_marker_change: a reason always), stores the status change
// and audits it. NotFound, ValidationError, ConflictError. `expected` (the web page's view of
// the marker): ConflictError when the stored marker is another one by now (a stale page).
storage::Initiative mark_initiative(storage::Database& db, std::int64_t id, InitiativeMarker to,
                                    const std::string& reason, const Stamp& stamp,
                                    std::optional<InitiativeMarker> expected = std::nullopt);

struct CorrectionSync {
  int created = 0;
  int updated = 0;  // amount or period followed the answer
  int closed = 0;   // the answer is no longer fejl
  friend bool operator==(const CorrectionSync&, const CorrectionSync&) = default;
};

// See the header comment. REQUIRES: a Transaction is open on db; `answers` are the review's
// stored answers.
CorrectionSync sync_review_corrections(storage::Database& db, const storage::CaseReview& review,
                                       const Concept& concept_,
                                       const std::vector<ControlAnswer>& answers,
                                       const Stamp& stamp);

// A correction's new state (domain check_correction_change). NotFound, ValidationError,
// ConflictError; also ConflictError when `expected` is given and the stored state differs.
storage::Correction set_correction_state(storage::Database& db, std::int64_t id, CorrectionState to,
                                         const std::string& reason, const Stamp& stamp,
                                         std::optional<CorrectionState> expected = std::nullopt);

struct SyncSummary {
  std::vector<std::int64_t> initiatives_created;
  CorrectionSync corrections;
};
// Backfill, in one transaction: initiatives for every 'rapporteret' round, corrections for every
// 'indsendt' or 'godkendt' review.
SyncSummary sync_followup(storage::Database& db, const Stamp& stamp);

// ---- the report -------------------------------------------------------------------------

// A targeted control's percent correct in the initiative's round and in the next round of the
// same ydelsestype with reviews for the center.
struct ControlChange {
  std::string control_id;
  std::string question;
  Improvement change;
};

struct InitiativeLine {
  storage::Initiative initiative;
  std::string benefit_name;
  InitiativeStatus status = InitiativeStatus::in_progress;
  int overdue_days = 0;
  std::optional<std::string> next_round_id;  // nullopt: no later round reviewed yet
  std::vector<ControlChange> controls;       // the targeted controls, in the order given
};

struct CorrectionTotal {
  std::string center;  // empty: all centers
  std::int64_t count = 0;
  Decimal amount{0, 1};  // kroner
};

struct FollowupReport {
  Date today;
  FollowupRules rules;
  std::optional<std::string> center;
  // Every initiative, open ones first: rød, gul, i gang (most overdue first), then grøn.
  std::vector<InitiativeLine> initiatives;
  std::vector<storage::Correction> open_corrections;  // by center, round, case, control
  std::vector<CorrectionTotal> open_totals;           // per center, then the total (center "")
  std::int64_t closed_corrections = 0;                // berigtiget or ikke relevant
};

FollowupReport build_followup_report(storage::Database& db,
                                     const std::optional<std::string>& center, Date today,
                                     const FollowupRules& rules);

// The report of several centers (a leder's own, for the web page): each center's report merged,
// initiatives in report order, corrections by center, totals over them; `center` is the codes
// joined by ", " (nullopt when `centers` is empty: then nothing is shown).
FollowupReport build_followup_report(storage::Database& db, const std::vector<std::string>& centers,
                                     Date today, const FollowupRules& rules);

// Totals of `corrections` per center (in order of first appearance) and over all (center "").
std::vector<CorrectionTotal> correction_totals(const std::vector<storage::Correction>& corrections);

}  // namespace sagsaudit
