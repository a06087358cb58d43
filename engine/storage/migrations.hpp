#pragma once
// The database schema as numbered migrations, run at every start and recorded in the table
// schema_migrations(number, name, applied_at). The list itself is in migration_list.cpp.
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace sagsaudit::storage {

// One SQL statement, in the dialect of each backend; `postgresql` empty means the same text.
struct MigrationStatement {
  std::string sqlite;
  std::string postgresql;
};

struct Migration {
  int number = 0;    // 1, 2, 3, … in the order they run
  std::string name;  // what it does, e.g. "concepts and annual wheel"
  std::vector<MigrationStatement> statements;
};

// Every migration this program knows, ordered by number, numbered 1… without gaps.
const std::vector<Migration>& known_migrations();

struct AppliedMigration {
  int number = 0;
  std::string name;
  std::string applied_at;  // UTC, ISO 8601
};

struct MigrationReport {
  int applied = 0;  // migrations run by this call
  int current = 0;  // the schema's migration number afterwards
};

// Brings the schema up to date: runs each migration not yet recorded, each in one transaction
// together with its schema_migrations row, so a failure leaves the schema at the previous
// number. Running it again is a no-op. Several processes may run it at once: on PostgreSQL they
// take turns (advisory lock), on SQLite the write lock serialises them.
// Throws StorageError on a database refusal, and when the database has a migration number this
// program does not know ("database is newer than this program"); nothing is run then.
// REQUIRES: no Transaction is open on db.
MigrationReport migrate(Database& db);
// The same with another list of migrations (for tests).
MigrationReport migrate(Database& db, const std::vector<Migration>& migrations);

// The recorded migrations, by number. REQUIRES: migrate() has run on this database.
std::vector<AppliedMigration> applied_migrations(Database& db);

}  // namespace sagsaudit::storage
