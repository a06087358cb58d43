// Migration 4: populations, their cases, sample protocols and picks.
//
// A round has at most one population (the cases its stikprøve is drawn from) and at most one
// protocol. CPR numbers are never stored: only a keyed hash and the masked form (DESIGN.md).
// The seed is TEXT because it is an unsigned 64-bit number, which neither backend's INTEGER
// holds.
#include "storage/migration_steps.hpp"

namespace sagsaudit::storage {

Migration migration_4_population_and_samples() {
  return Migration{
      4,
      "population and samples",
      {
          {R"(CREATE TABLE populations (
  round_id TEXT PRIMARY KEY REFERENCES rounds (id),
  file_name TEXT NOT NULL,
  file_sha256 TEXT NOT NULL,
  encoding TEXT NOT NULL,
  row_count INTEGER NOT NULL,
  cpr_key_id TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  imported_by TEXT NOT NULL
))",
           ""},
          // case_numbers: the center's sagsnumre in canonical order (ascending by bytes), one
          // per line ('\\' and a line feed in a sagsnummer escaped as "\\\\" and "\\n"), written
          // by the import, which has them all anyway: the draw reads these few rows instead of
          // every case and sorting them again. NULL: not recorded; the draw reads the cases.
          {R"(CREATE TABLE population_centers (
  round_id TEXT NOT NULL REFERENCES populations (round_id),
  center TEXT NOT NULL,
  case_count INTEGER NOT NULL,
  case_numbers TEXT,
  PRIMARY KEY (round_id, center)
))",
           ""},
          // line: where the row was in the file, for messages; attributes: the file's other
          // columns as a JSON object of text values, in file order.
          // round_id deliberately has no REFERENCES: a foreign key is checked row by row, which
          // for a million cases costs more than the insert itself (scripts/bench). The cases are
          // written only by the import, in the transaction that writes their populations row,
          // and removed only together with it (PopulationRepository).
          {R"(CREATE TABLE population_cases (
  round_id TEXT NOT NULL,
  case_number TEXT NOT NULL,
  center TEXT NOT NULL,
  cpr_hash TEXT NOT NULL,
  masked_cpr TEXT NOT NULL,
  case_worker TEXT NOT NULL,
  decision_date TEXT NOT NULL,
  line INTEGER NOT NULL,
  attributes TEXT NOT NULL,
  PRIMARY KEY (round_id, case_number)
))",
           ""},
          {R"(CREATE TABLE sample_protocols (
  round_id TEXT PRIMARY KEY REFERENCES populations (round_id),
  benefit_type TEXT NOT NULL,
  period TEXT NOT NULL,
  population_sha256 TEXT NOT NULL,
  population_file TEXT NOT NULL,
  rule TEXT NOT NULL,
  seed TEXT NOT NULL,
  seed_from_os INTEGER NOT NULL CHECK (seed_from_os IN (0, 1)),
  algorithm TEXT NOT NULL,
  algorithm_version INTEGER NOT NULL,
  exclude_last INTEGER NOT NULL,
  excluded_rounds TEXT NOT NULL,
  drawn_at TEXT NOT NULL,
  drawn_by TEXT NOT NULL
))",
           ""},
          {R"(CREATE TABLE sample_strata (
  round_id TEXT NOT NULL REFERENCES sample_protocols (round_id),
  center TEXT NOT NULL,
  listed INTEGER NOT NULL,
  excluded INTEGER NOT NULL,
  population INTEGER NOT NULL,
  requested INTEGER NOT NULL,
  took_all INTEGER NOT NULL CHECK (took_all IN (0, 1)),
  PRIMARY KEY (round_id, center)
))",
           ""},
          {R"(CREATE TABLE sample_picks (
  round_id TEXT NOT NULL REFERENCES sample_protocols (round_id),
  center TEXT NOT NULL,
  draw_order INTEGER NOT NULL,
  case_number TEXT NOT NULL,
  PRIMARY KEY (round_id, center, draw_order),
  UNIQUE (round_id, case_number),
  FOREIGN KEY (round_id, case_number) REFERENCES population_cases (round_id, case_number)
))",
           ""},
          // Cases left out of a draw because an earlier round of the ydelsestype drew them.
          {R"(CREATE TABLE sample_exclusions (
  round_id TEXT NOT NULL REFERENCES sample_protocols (round_id),
  center TEXT NOT NULL,
  case_number TEXT NOT NULL,
  PRIMARY KEY (round_id, case_number)
))",
           ""},
      }};
}

}  // namespace sagsaudit::storage
