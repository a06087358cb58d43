#pragma once
// One open connection to the sagsaudit database (SQLite or PostgreSQL), and the unit of work on
// it. Repositories are built on a Database; nothing above the storage layer sees SOCI except
// through session(), which is for the storage layer itself.
#include <memory>
#include <string>

#include "storage/database_url.hpp"

namespace soci {
class session;
}

namespace sagsaudit::storage {

// Not thread-safe: use one Database per thread (a connection pool hands them out).
class Database {
 public:
  // Connects to the database the URL names (see parse_database_url). SQLite: foreign keys on,
  // WAL journal (files only), 5 s busy timeout. PostgreSQL: client encoding UTF-8, server
  // notices not printed.
  // Throws ValidationError for a malformed URL, and StorageError when the database cannot be
  // reached or opened; the message names the redacted URL and the driver's reason, never the
  // password.
  static std::unique_ptr<Database> open(const std::string& url);

  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  Backend backend() const { return url_.backend; }
  std::string redacted_url() const { return url_.redacted; }
  // True while a Transaction on this Database is open.
  bool in_transaction() const { return in_transaction_; }

  // The SOCI session. For the storage layer's own code; throws soci::soci_error, which callers
  // inside the storage layer turn into StorageError.
  soci::session& session() { return *session_; }

 private:
  friend class Transaction;
  Database(DatabaseUrl url, std::unique_ptr<soci::session> session);

  DatabaseUrl url_;
  std::unique_ptr<soci::session> session_;
  bool in_transaction_ = false;
};

// Makes the statements between construction and commit() one unit: if it is destroyed without
// commit() (an exception, an early return), everything is rolled back. On SQLite the write lock
// is taken at the start (BEGIN IMMEDIATE), so two writers wait for each other (up to the busy
// timeout) instead of failing half-way.
// REQUIRES: no other Transaction is open on the same Database; nesting throws StorageError.
class Transaction {
 public:
  explicit Transaction(Database& db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  // Throws StorageError if the database refuses (then nothing of the unit is kept).
  // REQUIRES: not committed before.
  void commit();

 private:
  Database& db_;
  bool open_ = true;
};

}  // namespace sagsaudit::storage
