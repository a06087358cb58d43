// Migration 6: external reviews (revisorgennemgange) of a round and blind review (issue 7).
#include "storage/migration_steps.hpp"

namespace sagsaudit::storage {

Migration migration_6_external_reviews() {
  return Migration{
      6,
      "external reviews",
      {
          // One external review of a round per source (e.g. "Deloitte"): who brought the file in
          // and when, the file's SHA-256, and whether it is locked. A locked review is final:
          // it cannot be imported again, and it lifts the round's blindness.
          {R"(CREATE TABLE external_reviews (
  round_id TEXT NOT NULL REFERENCES rounds (id),
  source TEXT NOT NULL,
  file_name TEXT NOT NULL,
  file_sha256 TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  imported_by TEXT NOT NULL,
  locked INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1)),
  locked_at TEXT,
  locked_by TEXT,
  PRIMARY KEY (round_id, source),
  CHECK ((locked = 1) = (locked_at IS NOT NULL))
))",
           ""},
          // The auditor's answer per case × control. in_sample = 0 for a case the auditor
          // reviewed outside our stikprøve: kept, listed apart, never paired. line is the line of
          // the imported file, so a disagreement can be traced back to the auditor's sheet.
          {R"(CREATE TABLE external_review_answers (
  round_id TEXT NOT NULL,
  source TEXT NOT NULL,
  case_number TEXT NOT NULL,
  control_id TEXT NOT NULL,
  answer TEXT NOT NULL CHECK (answer IN ('correct', 'error', 'not_applicable',
                                         'not_assessable')),
  comment TEXT NOT NULL DEFAULT '',
  in_sample INTEGER NOT NULL CHECK (in_sample IN (0, 1)),
  line INTEGER NOT NULL,
  PRIMARY KEY (round_id, source, case_number, control_id),
  FOREIGN KEY (round_id, source) REFERENCES external_reviews (round_id, source)
))",
           ""},
          // A round marked blind (before any external review was imported). While it is blind
          // and none of its external reviews is locked, neither side may see the other's answers.
          {R"(CREATE TABLE blind_rounds (
  round_id TEXT PRIMARY KEY REFERENCES rounds (id),
  marked_at TEXT NOT NULL,
  marked_by TEXT NOT NULL
))",
           ""},
      }};
}

}  // namespace sagsaudit::storage
