// Migration 7: opfølgning (issue 8) — improvement initiatives on red lights, their status
// changes, and berigtigelser (corrections of the state reimbursement).
// (6 and 8 are reserved for other work; the numbers are renumbered on merge if needed.)
#include "storage/migration_steps.hpp"

namespace sagsaudit::storage {
namespace {

// One row per kvalitetsforbedrende initiativ: the cell it was created from (round, center,
// ydelsestype, the light and the percent shown), what people filled in (action, responsible,
// deadline, the controls it targets as a comma-separated list of control ids) and the marker
// (open, done, delayed, at_risk) the status colour is computed from. At most one per cell.
constexpr const char* kInitiativesColumns = R"(
  round_id TEXT NOT NULL REFERENCES rounds (id),
  period TEXT NOT NULL,
  center TEXT NOT NULL,
  benefit_type TEXT NOT NULL,
  source_light TEXT NOT NULL CHECK (source_light IN ('red', 'yellow')),
  source_percent INTEGER,
  action TEXT NOT NULL DEFAULT '',
  responsible TEXT NOT NULL DEFAULT '',
  deadline TEXT,
  controls TEXT NOT NULL DEFAULT '',
  marker TEXT NOT NULL CHECK (marker IN ('open', 'done', 'delayed', 'at_risk')),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (round_id, center, benefit_type)
))";

// One row per berigtigelse: a fejl on a reimbursement-relevant nøglekontrol of a submitted
// review, with the amount (exact decimal text, as review_answers) and the affected period as
// they were when last synchronised, the responsible center, and its state with the last reason.
constexpr const char* kCorrectionsColumns = R"(
  round_id TEXT NOT NULL,
  case_number TEXT NOT NULL,
  control_id TEXT NOT NULL,
  benefit_type TEXT NOT NULL,
  period TEXT NOT NULL,
  center TEXT NOT NULL,
  amount TEXT,
  period_from TEXT,
  period_to TEXT,
  state TEXT NOT NULL CHECK (state IN ('open', 'corrected', 'not_relevant')),
  reason TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  UNIQUE (round_id, case_number, control_id),
  FOREIGN KEY (round_id, case_number) REFERENCES case_reviews (round_id, case_number),
  CHECK ((period_from IS NULL) = (period_to IS NULL)),
  CHECK (state <> 'not_relevant' OR reason <> '')
))";

}  // namespace

Migration migration_7_followup() {
  return Migration{
      7,
      "follow-up: initiatives, their status changes, corrections",
      {
          {std::string("CREATE TABLE initiatives (\n  id INTEGER PRIMARY KEY AUTOINCREMENT,") +
               kInitiativesColumns,
           std::string("CREATE TABLE initiatives (\n  id BIGINT GENERATED ALWAYS AS IDENTITY "
                       "PRIMARY KEY,") +
               kInitiativesColumns},
          {"CREATE INDEX initiatives_by_center ON initiatives (center, benefit_type)", ""},
          // Every change of an initiative's marker with its reason (the audit log has them too;
          // this table is what the report and the UI read).
          {R"(CREATE TABLE initiative_status_changes (
  initiative_id BIGINT NOT NULL REFERENCES initiatives (id),
  seq INTEGER NOT NULL,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  from_marker TEXT NOT NULL,
  to_marker TEXT NOT NULL,
  reason TEXT NOT NULL,
  PRIMARY KEY (initiative_id, seq)
))",
           ""},
          {std::string("CREATE TABLE corrections (\n  id INTEGER PRIMARY KEY AUTOINCREMENT,") +
               kCorrectionsColumns,
           std::string("CREATE TABLE corrections (\n  id BIGINT GENERATED ALWAYS AS IDENTITY "
                       "PRIMARY KEY,") +
               kCorrectionsColumns},
          {"CREATE INDEX corrections_by_center ON corrections (center, state)", ""},
      }};
}

}  // namespace sagsaudit::storage
