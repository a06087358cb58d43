#include "storage/migrations.hpp"

#include <soci/soci.h>

#include "domain/errors.hpp"
#include "storage/soci_errors.hpp"
#include "storage/utc_timestamp.hpp"

namespace sagsaudit::storage {
namespace {

// Held for the rest of each migration transaction on PostgreSQL, so that instances starting at
// the same time take turns. Any fixed number works; it only has to be the same everywhere.
constexpr const char* kLockMigrations = "SELECT pg_advisory_xact_lock(7316245001)";

void lock_for_migration(Database& db) {
  if (db.backend() != Backend::postgresql) return;  // SQLite: BEGIN IMMEDIATE already locks
  // The function returns void: an empty text, read only to complete the query.
  std::string ignored;
  soci::indicator void_result = soci::i_ok;
  db.session() << kLockMigrations, soci::into(ignored, void_result);
}

int recorded_number(Database& db) {
  int number = 0;
  db.session() << "SELECT COALESCE(MAX(number), 0) FROM schema_migrations", soci::into(number);
  return number;
}

void ensure_record_table(Database& db) {
  Transaction transaction(db);
  lock_for_migration(db);
  db.session() << "CREATE TABLE IF NOT EXISTS schema_migrations ("
                  "number INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)";
  transaction.commit();
}

void refuse_if_newer(Database& db, int recorded, int known) {
  if (recorded > known) {
    throw StorageError("database is newer than this program: " + db.redacted_url() +
                       " has schema migration " + std::to_string(recorded) +
                       ", this program knows up to " + std::to_string(known) +
                       ". Use the newer sagsaudit that migrated it.");
  }
}

// Runs one migration and records it, in one transaction. False when another process ran it
// first.
bool apply(Database& db, const Migration& migration, int known) {
  Transaction transaction(db);
  lock_for_migration(db);
  // Read again under the lock: another process may have migrated while this one waited.
  const int recorded = recorded_number(db);
  refuse_if_newer(db, recorded, known);
  if (recorded >= migration.number) return false;
  for (const auto& statement : migration.statements) {
    const bool same = statement.postgresql.empty() || db.backend() == Backend::sqlite;
    db.session() << (same ? statement.sqlite : statement.postgresql);
  }
  const std::string applied_at = utc_timestamp_now();
  db.session() << "INSERT INTO schema_migrations (number, name, applied_at) "
                  "VALUES (:number, :name, :applied_at)",
      soci::use(migration.number), soci::use(migration.name), soci::use(applied_at);
  transaction.commit();
  return true;
}

}  // namespace

MigrationReport migrate(Database& db) {
  return migrate(db, known_migrations());
}

MigrationReport migrate(Database& db, const std::vector<Migration>& migrations) {
  const int known = migrations.empty() ? 0 : migrations.back().number;
  MigrationReport report;
  guarded("cannot prepare the migration table in " + db.redacted_url(), [&] {
    ensure_record_table(db);
    refuse_if_newer(db, recorded_number(db), known);
  });
  for (const auto& migration : migrations) {
    const std::string what = "migration " + std::to_string(migration.number) + " (" +
                             migration.name + ") failed on " + db.redacted_url();
    if (guarded(what, [&] { return apply(db, migration, known); })) ++report.applied;
  }
  report.current = guarded("cannot read the schema version of " + db.redacted_url(),
                           [&] { return recorded_number(db); });
  return report;
}

std::vector<AppliedMigration> applied_migrations(Database& db) {
  return guarded("cannot read the migrations of " + db.redacted_url(), [&] {
    std::vector<AppliedMigration> out;
    AppliedMigration row;
    soci::statement query =
        (db.session().prepare << "SELECT number, name, applied_at FROM schema_migrations "
                                 "ORDER BY number",
         soci::into(row.number), soci::into(row.name), soci::into(row.applied_at));
    query.execute();
    while (query.fetch()) out.push_back(row);
    return out;
  });
}

}  // namespace sagsaudit::storage
