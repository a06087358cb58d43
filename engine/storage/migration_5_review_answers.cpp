// Migration 5: the answers of case reviews.
#include "storage/migration_steps.hpp"

namespace sagsaudit::storage {

Migration migration_5_review_answers() {
  return Migration{
      5,
      "review answers",
      {
          // One row per control answered in a sagsgennemgang. A draft holds any subset of the
          // concept's controls, a submitted review all of them. amount is the exact decimal text
          // of Decimal::to_string ("1234.5"), never a float, so øre survive both backends; it and
          // the affected period are NULL unless the answer carries them. updated_at/updated_by
          // say who last changed this answer (the audit log keeps every earlier value).
          {R"(CREATE TABLE review_answers (
  round_id TEXT NOT NULL,
  case_number TEXT NOT NULL,
  control_id TEXT NOT NULL,
  answer TEXT NOT NULL CHECK (answer IN ('correct', 'error', 'not_applicable',
                                         'not_assessable')),
  comment TEXT NOT NULL DEFAULT '',
  amount TEXT,
  period_from TEXT,
  period_to TEXT,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  PRIMARY KEY (round_id, case_number, control_id),
  FOREIGN KEY (round_id, case_number) REFERENCES case_reviews (round_id, case_number),
  CHECK ((period_from IS NULL) = (period_to IS NULL))
))",
           ""},
          // The primary key's leading round_id already serves "all answers of a round" (the
          // reports read one round in one query); reviews are read by state per round.
          {"CREATE INDEX case_reviews_by_round_state ON case_reviews (round_id, state)", ""},
      }};
}

}  // namespace sagsaudit::storage
