#pragma once
// `sagsaudit backup FIL` and `sagsaudit restore FIL` (issue 9; docs/operations.md "Backups").
//
// PostgreSQL: pg_dump in its custom format (-Fc) and pg_restore, run with the configured
// connection (the password in PGPASSWORD, never on their command line), after checking that the
// programs exist and are at least the server's major version.
// SQLite: SQLite's online backup API, so a backup is consistent while the server writes; a
// restore copies the backup to a temporary file next to the database and renames it into place,
// refusing while another connection has the database open.
// After a restore the schema is migrated to this program's version and the audit log's chain
// verified; the summary says so, with the rows per table.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "storage/audit_log.hpp"
#include "storage/database.hpp"

namespace sagsaudit {

struct TableRows {
  std::string table;
  std::int64_t rows = 0;
};

struct DatabaseSummary {
  int schema_version = 0;  // the newest migration recorded
  std::vector<TableRows> tables;
  storage::AuditVerification audit;
};

// The schema version, the rows of every table and the audit log's verification.
// REQUIRES: db has been migrated.
DatabaseSummary summarise_database(storage::Database& db);

struct BackupResult {
  storage::Backend backend = storage::Backend::sqlite;
  std::filesystem::path file;
  std::uintmax_t bytes = 0;
  DatabaseSummary summary;  // of the database as it was backed up (SQLite: the copy itself)
};

// Writes a backup of the database at `database_url` to `file` (first to "<file>.tmp", renamed
// when complete). Refuses (ValidationError) when `file` exists; throws StorageError when the
// database or the programs fail, with their own message.
BackupResult backup_database(const std::string& database_url, const std::filesystem::path& file);

struct RestoreOptions {
  bool force = false;  // replace a database that already holds tables
};

struct RestoreResult {
  storage::Backend backend = storage::Backend::sqlite;
  int backup_schema_version = 0;  // as the backup has it
  int migrations_applied = 0;     // brought up to this program's schema afterwards
  bool replaced = false;          // the target held tables before (only with force)
  DatabaseSummary summary;        // of the restored database
};

// Restores `file` (made by backup_database on the same backend) into the database at
// `database_url`. Refuses (ValidationError) a file that is not such a backup, a backup from a
// newer sagsaudit, a target that holds tables unless options.force, and (SQLite) a target in use.
RestoreResult restore_database(const std::string& database_url, const std::filesystem::path& file,
                               const RestoreOptions& options);

}  // namespace sagsaudit
