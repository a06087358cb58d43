// Migration 1: the kvalitetskoncepter and the årshjul. Released: never edit (see migration_list.cpp).
#include "storage/migration_steps.hpp"

namespace sagsaudit::storage {

Migration migration_1_concepts_and_wheel() {
  return Migration{
      1,
      "concepts and annual wheel",
      {
          // One row per concept version; the version is the content hash, so a row never changes.
          {R"(CREATE TABLE concept_versions (
  version TEXT PRIMARY KEY,
  benefit_type TEXT NOT NULL,
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  source_file TEXT NOT NULL,
  first_stored_at TEXT NOT NULL
))",
           ""},
          {"CREATE INDEX concept_versions_by_benefit_type ON concept_versions (benefit_type)", ""},
          // The controls of a version, in the order of the file (ordinal 0, 1, …).
          {R"(CREATE TABLE concept_controls (
  concept_version TEXT NOT NULL REFERENCES concept_versions (version),
  ordinal INTEGER NOT NULL,
  control_id TEXT NOT NULL,
  category TEXT NOT NULL CHECK (category IN ('key_control', 'quality_goal', 'formality')),
  question TEXT NOT NULL,
  legal_reference TEXT NOT NULL,
  help TEXT NOT NULL,
  affects_reimbursement INTEGER NOT NULL CHECK (affects_reimbursement IN (0, 1)),
  PRIMARY KEY (concept_version, ordinal),
  UNIQUE (concept_version, control_id)
))",
           ""},
          // Each time a version became the current one of its ydelsestype. The highest seq wins:
          // an increasing number, not a clock, decides what is current.
          {R"(CREATE TABLE concept_loads (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  concept_version TEXT NOT NULL REFERENCES concept_versions (version),
  loaded_at TEXT NOT NULL
))",
           R"(CREATE TABLE concept_loads (
  seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  concept_version TEXT NOT NULL REFERENCES concept_versions (version),
  loaded_at TEXT NOT NULL
))"},
          {"CREATE INDEX concept_loads_by_version ON concept_loads (concept_version)", ""},
          // One row per årshjul version (the hash of the file's bytes).
          {R"(CREATE TABLE wheel_versions (
  version TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  source_file TEXT NOT NULL,
  green_min INTEGER NOT NULL,
  yellow_min INTEGER NOT NULL,
  window_days INTEGER NOT NULL,
  not_assessable_is_error INTEGER NOT NULL CHECK (not_assessable_is_error IN (0, 1)),
  first_stored_at TEXT NOT NULL
))",
           ""},
          {R"(CREATE TABLE wheel_centers (
  wheel_version TEXT NOT NULL REFERENCES wheel_versions (version),
  ordinal INTEGER NOT NULL,
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  PRIMARY KEY (wheel_version, ordinal),
  UNIQUE (wheel_version, code)
))",
           ""},
          // One row per ydelsestype of a wheel. The sample rule is one of three kinds; only the
          // columns of its kind are filled, decimals as their exact text ("0.05").
          {R"(CREATE TABLE wheel_entries (
  wheel_version TEXT NOT NULL REFERENCES wheel_versions (version),
  ordinal INTEGER NOT NULL,
  benefit_type TEXT NOT NULL,
  name TEXT NOT NULL,
  frequency TEXT NOT NULL CHECK (frequency IN ('quarterly', 'half_yearly', 'yearly')),
  window_days INTEGER,
  sample_rule TEXT NOT NULL CHECK (sample_rule IN ('fixed', 'percent', 'statistical')),
  fixed_per_center INTEGER,
  percent_value TEXT,
  percent_min INTEGER,
  percent_max INTEGER,
  stat_tolerable TEXT,
  stat_expected TEXT,
  stat_confidence TEXT,
  stat_likelihood TEXT,
  PRIMARY KEY (wheel_version, ordinal),
  UNIQUE (wheel_version, benefit_type),
  CHECK (sample_rule <> 'fixed' OR fixed_per_center IS NOT NULL),
  CHECK (sample_rule <> 'percent' OR
         (percent_value IS NOT NULL AND percent_min IS NOT NULL AND percent_max IS NOT NULL)),
  CHECK (sample_rule <> 'statistical' OR
         (stat_tolerable IS NOT NULL AND stat_expected IS NOT NULL AND
          stat_confidence IS NOT NULL AND
          stat_likelihood IN ('binomial', 'poisson', 'hypergeometric')))
))",
           ""},
          // Each time a wheel version became the current one; the highest seq wins.
          {R"(CREATE TABLE wheel_loads (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  wheel_version TEXT NOT NULL REFERENCES wheel_versions (version),
  loaded_at TEXT NOT NULL
))",
           R"(CREATE TABLE wheel_loads (
  seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  wheel_version TEXT NOT NULL REFERENCES wheel_versions (version),
  loaded_at TEXT NOT NULL
))"},
      }};
}

}  // namespace sagsaudit::storage
