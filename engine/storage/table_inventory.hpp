#pragma once
// What a database holds, table by table: for backups and restores (engine/backup, issue 9),
// which print and check it, and for the tests that compare two databases row by row.
#include <cstdint>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace sagsaudit::storage {

// The tables of the schema (SQLite: the file; PostgreSQL: the current schema), sorted by name.
// Throws StorageError.
std::vector<std::string> table_names(Database& db);

// SELECT COUNT(*) of one table named by table_names. Throws StorageError.
std::int64_t table_row_count(Database& db, const std::string& table);

// Every row of the table as text, one string per row (columns joined by U+001F, NULL as "\\N",
// a binary column as "\\x" and lower-case hex), sorted: two databases hold the same rows exactly
// when these are equal. For tests and checks of small databases; reads the whole table. Throws
// StorageError, also for a column of a type it cannot read as text (never a placeholder).
std::vector<std::string> table_rows_as_text(Database& db, const std::string& table);

// PostgreSQL's major version (15 for 15.4). REQUIRES: db is PostgreSQL. Throws StorageError.
int postgresql_major_version(Database& db);

}  // namespace sagsaudit::storage
