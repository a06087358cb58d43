// Migration 2: the årshjul's uafhaengig_tildeling, [kolonner] (population column names) and
// [strategisk_maal].
#include "storage/migration_steps.hpp"

namespace sagsaudit::storage {

Migration migration_2_wheel_assignment_and_columns() {
  return Migration{
      2,
      "wheel: independent assignment, population column names, strategic goal",
      {
          {"ALTER TABLE wheel_versions ADD COLUMN independent_assignment INTEGER NOT NULL "
           "DEFAULT 0 CHECK (independent_assignment IN (0, 1))",
           ""},
          // The strategic goal: all three set, or all three NULL (no goal in the file).
          {"ALTER TABLE wheel_versions ADD COLUMN goal_baseline_year INTEGER", ""},
          {"ALTER TABLE wheel_versions ADD COLUMN goal_target_year INTEGER", ""},
          {"ALTER TABLE wheel_versions ADD COLUMN goal_reduction TEXT", ""},
          // field: the canonical population field (sagsnummer, cpr, …); header: the file's name.
          {R"(CREATE TABLE wheel_column_names (
  wheel_version TEXT NOT NULL REFERENCES wheel_versions (version),
  field TEXT NOT NULL,
  header TEXT NOT NULL,
  PRIMARY KEY (wheel_version, field)
))",
           ""},
      }};
}

}  // namespace sagsaudit::storage
