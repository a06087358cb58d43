// Migration 9: report summaries — the counts behind the reports, kept per round × center so the
// overview reads a few thousand rows instead of every answer (docs/reports.md, "Speed").
#include "storage/migration_steps.hpp"

namespace sagsaudit::storage {

Migration migration_9_report_summaries() {
  return Migration{
      9,
      "report summaries",
      {
          // The rounds whose summaries are complete: every center's counts are in the two tables
          // below. A round not listed (answered before this migration) is counted from
          // review_answers as before, until its first change or `report genopbyg` lists it.
          {R"(CREATE TABLE report_summary_rounds (
  round_id TEXT PRIMARY KEY REFERENCES rounds (id),
  built_at TEXT NOT NULL
))",
           ""},
          // Per round × center and level (0 nøglekontrol, 1 kvalitetsmål, 2 formalia, 3 all
          // categories): the counted reviews (indsendt or godkendt), their answers by kind, and
          // the cases by kind (domain/scoring.hpp CaseTally). Only centers with counted reviews
          // have rows. Rewritten from the answers, in the same transaction, whenever an answer or
          // a state of a counted review changes (engine/reports/report_summaries.hpp).
          {R"(CREATE TABLE report_cell_levels (
  round_id TEXT NOT NULL REFERENCES rounds (id),
  center TEXT NOT NULL,
  level INTEGER NOT NULL CHECK (level BETWEEN 0 AND 3),
  reviews INTEGER NOT NULL,
  correct INTEGER NOT NULL,
  error INTEGER NOT NULL,
  not_applicable INTEGER NOT NULL,
  not_assessable INTEGER NOT NULL,
  with_error INTEGER NOT NULL,
  correct_only INTEGER NOT NULL,
  correct_and_not_assessable INTEGER NOT NULL,
  not_assessable_only INTEGER NOT NULL,
  not_counted INTEGER NOT NULL,
  PRIMARY KEY (round_id, center, level)
))",
           ""},
          // Per round × center × control: its answers by kind, for the center report and the
          // fejlstatistik.
          {R"(CREATE TABLE report_cell_controls (
  round_id TEXT NOT NULL REFERENCES rounds (id),
  center TEXT NOT NULL,
  control_id TEXT NOT NULL,
  correct INTEGER NOT NULL,
  error INTEGER NOT NULL,
  not_applicable INTEGER NOT NULL,
  not_assessable INTEGER NOT NULL,
  PRIMARY KEY (round_id, center, control_id)
))",
           ""},
      }};
}

}  // namespace sagsaudit::storage
