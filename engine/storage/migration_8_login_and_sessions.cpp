// Migration 8: logging in to the web application (issue 6). Number 8 was free when written
// (6 and 7 were reserved for other work); renumber on merge if needed, since it depends only on
// migration 3's users table.
#include "storage/migration_steps.hpp"

namespace sagsaudit::storage {

Migration migration_8_login_and_sessions() {
  return Migration{
      8,
      "login and sessions",
      {
          // A user's password, only as libsodium's Argon2id string (crypto_pwhash_str: the
          // algorithm, its cost parameters, the salt and the hash in one text). A user without
          // a row cannot log in. Disabling a user is users.active = 0 (migration 3).
          {R"(CREATE TABLE user_credentials (
  username TEXT PRIMARY KEY REFERENCES users (username),
  password_hash TEXT NOT NULL,
  changed_at TEXT NOT NULL
))",
           ""},
          // Failed logins per typed username (not a foreign key: unknown names are throttled
          // the same way, so a reply never tells whether a name exists). A success deletes the
          // row; locked_until is set after repeated failures.
          {R"(CREATE TABLE login_failures (
  username TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  last_failure_at TEXT NOT NULL,
  locked_until TEXT
))",
           ""},
          // Web sessions. The browser holds the random token; the database only its SHA-256,
          // so a copy of the database does not let anyone log in. csrf_token is the value every
          // state-changing request must repeat in the X-CSRF-Token header.
          {R"(CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  username TEXT NOT NULL REFERENCES users (username),
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL
))",
           ""},
          {"CREATE INDEX sessions_by_user ON sessions (username)", ""},
      }};
}

}  // namespace sagsaudit::storage
