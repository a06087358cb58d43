// Migration 3: rounds, audit log, users, case reviews and assignment, notifications.
#include "storage/migration_steps.hpp"

namespace sagsaudit::storage {

Migration migration_3_workflow() {
  return Migration{
      3,
      "workflow: rounds, audit log, users, case reviews, notifications",
      {
          // One row per gennemgangsrunde, created once by tick and never changed except for its
          // state. It freezes the concept and årshjul versions (and so the sample rule).
          {R"(CREATE TABLE rounds (
  id TEXT PRIMARY KEY,
  benefit_type TEXT NOT NULL,
  period TEXT NOT NULL,
  year INTEGER NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('planned', 'population_loaded', 'sample_drawn',
                                       'in_review', 'closed', 'reported')),
  window_opens TEXT NOT NULL,
  window_closes TEXT NOT NULL,
  concept_version TEXT NOT NULL REFERENCES concept_versions (version),
  wheel_version TEXT NOT NULL REFERENCES wheel_versions (version),
  created_at TEXT NOT NULL
))",
           ""},
          {"CREATE INDEX rounds_by_year ON rounds (year, state)", ""},
          // What tick has done to a round (its window opened, closed), once each: the primary
          // key is what makes a second tick of the same day a no-op.
          {R"(CREATE TABLE round_milestones (
  round_id TEXT NOT NULL REFERENCES rounds (id),
  milestone TEXT NOT NULL CHECK (milestone IN ('window_opened', 'window_closed')),
  on_day TEXT NOT NULL,
  PRIMARY KEY (round_id, milestone)
))",
           ""},
          // The scheduler's own memory: the year of the first tick (rounds of earlier years are
          // never created) and the latest day ticked. One row, id 1.
          {R"(CREATE TABLE tick_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  first_year INTEGER NOT NULL,
  last_day TEXT NOT NULL
))",
           ""},
          // The hash-chained audit log. seq is given by the appender under a lock (not an
          // identity column: PostgreSQL sequences leave gaps on rollback, and a gap must mean a
          // deleted entry).
          {R"(CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  object_type TEXT NOT NULL,
  object_id TEXT NOT NULL,
  from_state TEXT NOT NULL,
  to_state TEXT NOT NULL,
  details TEXT NOT NULL,
  previous_hash TEXT NOT NULL,
  hash TEXT NOT NULL
))",
           R"(CREATE TABLE audit_log (
  seq BIGINT PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  object_type TEXT NOT NULL,
  object_id TEXT NOT NULL,
  from_state TEXT NOT NULL,
  to_state TEXT NOT NULL,
  details TEXT NOT NULL,
  previous_hash TEXT NOT NULL,
  hash TEXT NOT NULL
))"},
          {"CREATE INDEX audit_log_by_object ON audit_log (object_type, object_id)", ""},
          // The chain's head: the last seq and hash. Appenders lock this row (PostgreSQL:
          // SELECT … FOR UPDATE) so the chain never forks, and verify compares it with the last
          // entry, so that deleting the newest entries is detected too.
          {R"(CREATE TABLE audit_head (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  last_seq INTEGER NOT NULL,
  last_hash TEXT NOT NULL
))",
           R"(CREATE TABLE audit_head (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  last_seq BIGINT NOT NULL,
  last_hash TEXT NOT NULL
))"},
          {"INSERT INTO audit_head (id, last_seq, last_hash) VALUES (1, 0, "
           "'0000000000000000000000000000000000000000000000000000000000000000')",
           ""},
          // People. Passwords (the web issue) come in a later migration as a column of their own.
          {R"(CREATE TABLE users (
  username TEXT PRIMARY KEY,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'koordinator', 'leder', 'revisor')),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL
))",
           ""},
          // The centers a user belongs to (codes of the årshjul's centers; not a foreign key,
          // since centers belong to årshjul versions).
          {R"(CREATE TABLE user_centers (
  username TEXT NOT NULL REFERENCES users (username),
  center TEXT NOT NULL,
  PRIMARY KEY (username, center)
))",
           ""},
          // One sagsgennemgang per sampled case. center is copied from the sample so progress per
          // center needs no other table; version increases with every change (optimistic lock).
          {R"(CREATE TABLE case_reviews (
  round_id TEXT NOT NULL REFERENCES rounds (id),
  case_number TEXT NOT NULL,
  center TEXT NOT NULL,
  assignee TEXT NOT NULL REFERENCES users (username),
  state TEXT NOT NULL CHECK (state IN ('assigned', 'in_progress', 'submitted', 'approved',
                                       'returned')),
  return_reason TEXT NOT NULL DEFAULT '',
  due_date TEXT NOT NULL,
  overdue INTEGER NOT NULL DEFAULT 0 CHECK (overdue IN (0, 1)),
  version INTEGER NOT NULL DEFAULT 1,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (round_id, case_number)
))",
           ""},
          {"CREATE INDEX case_reviews_by_assignee ON case_reviews (assignee, state)", ""},
          // The outbox the web UI shows (e-mail may come later). A notification goes to one user,
          // or to everyone with a role (optionally only those of one center).
          {R"(CREATE TABLE notifications (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  created_at TEXT NOT NULL,
  recipient_user TEXT REFERENCES users (username),
  recipient_role TEXT CHECK (recipient_role IN ('admin', 'koordinator', 'leder', 'revisor')),
  recipient_center TEXT,
  kind TEXT NOT NULL,
  round_id TEXT REFERENCES rounds (id),
  text TEXT NOT NULL,
  is_read INTEGER NOT NULL DEFAULT 0 CHECK (is_read IN (0, 1)),
  CHECK (recipient_user IS NOT NULL OR recipient_role IS NOT NULL)
))",
           R"(CREATE TABLE notifications (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  created_at TEXT NOT NULL,
  recipient_user TEXT REFERENCES users (username),
  recipient_role TEXT CHECK (recipient_role IN ('admin', 'koordinator', 'leder', 'revisor')),
  recipient_center TEXT,
  kind TEXT NOT NULL,
  round_id TEXT REFERENCES rounds (id),
  text TEXT NOT NULL,
  is_read INTEGER NOT NULL DEFAULT 0 CHECK (is_read IN (0, 1)),
  CHECK (recipient_user IS NOT NULL OR recipient_role IS NOT NULL)
))"},
      }};
}

}  // namespace sagsaudit::storage
