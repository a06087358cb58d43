#pragma once
// Internal to the storage layer: SOCI's exceptions must not leave it. Every public storage
// function runs its SOCI calls through guarded(), which turns soci::soci_error into StorageError.
#include <soci/error.h>

#include <string>
#include <string_view>
#include <utility>

#include "domain/errors.hpp"

namespace sagsaudit::storage {

// The database's own words, on one line: without SOCI's framing ("Cannot execute query. Fatal
// error. ERROR:", "sqlite3_statement_backend::prepare:") and without SOCI's context, which
// quotes the statement's bound values and so could carry personal data into a log.
std::string driver_message(const soci::soci_error& error);

// "<what>: <driver message>"; when the disk under the database is full (SQLite's "database or
// disk is full", PostgreSQL's "No space left on device"), a Danish sentence saying so first.
std::string storage_error_message(std::string_view what, const soci::soci_error& error);

// Runs `work`; a SOCI error becomes StorageError(storage_error_message(what, error)).
template <typename Work>
decltype(auto) guarded(std::string_view what, Work&& work) {
  try {
    return std::forward<Work>(work)();
  } catch (const soci::soci_error& error) {
    throw StorageError(storage_error_message(what, error));
  }
}

}  // namespace sagsaudit::storage
