#include "storage/database.hpp"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include "domain/errors.hpp"
#include "storage/soci_errors.hpp"

namespace sagsaudit::storage {
namespace {

// SOCI puts this in front of every connection failure; the driver's reason follows it.
constexpr std::string_view kSociConnectPrefix = "Cannot establish connection to the database. ";

std::string connect_failure(const soci::soci_error& error) {
  std::string reason = driver_message(error);
  if (reason.substr(0, kSociConnectPrefix.size()) == kSociConnectPrefix) {
    reason.erase(0, kSociConnectPrefix.size());
  }
  return reason;
}

void prepare_sqlite(soci::session& session, const std::string& connect_string) {
  // The busy timeout first: switching to WAL needs a lock another process may hold.
  session << "PRAGMA busy_timeout = 5000";
  // Off by default in SQLite; the schema relies on its REFERENCES being enforced.
  session << "PRAGMA foreign_keys = ON";
  // WAL lets readers (the web server) go on while one writer works. An in-memory database has
  // no journal file; asking is harmless but pointless.
  if (connect_string != R"(db=":memory:")") {
    std::string mode;
    session << "PRAGMA journal_mode = WAL", soci::into(mode);
  }
}

}  // namespace

Database::Database(DatabaseUrl url, std::unique_ptr<soci::session> session)
    : url_(std::move(url)), session_(std::move(session)) {}

Database::~Database() = default;

std::unique_ptr<Database> Database::open(const std::string& url) {
  DatabaseUrl parsed = parse_database_url(url);
  const std::string where = to_string(parsed.backend) + " database " + parsed.redacted;
  auto session = std::make_unique<soci::session>();
  try {
    if (parsed.backend == Backend::sqlite) {
      session->open(soci::sqlite3, parsed.connect_string);
    } else {
      session->open(soci::postgresql, parsed.connect_string);
    }
  } catch (const soci::soci_error& error) {
    throw StorageError("cannot connect to the " + where + ": " +
                       redact_password(connect_failure(error), url));
  }
  try {
    if (parsed.backend == Backend::sqlite) {
      prepare_sqlite(*session, parsed.connect_string);
    } else {
      // The schema holds Danish text; the server must not convert it to another encoding.
      *session << "SET client_encoding = 'UTF8'";
      // libpq prints server NOTICEs on stderr ("relation already exists, skipping" at every
      // start); only warnings and errors are worth a user's attention.
      *session << "SET client_min_messages = warning";
    }
  } catch (const soci::soci_error& error) {
    throw StorageError("cannot use the " + where + ": " +
                       redact_password(driver_message(error), url));
  }
  return std::unique_ptr<Database>(new Database(std::move(parsed), std::move(session)));
}

Transaction::Transaction(Database& db) : db_(db) {
  if (db_.in_transaction_) {
    throw StorageError("a transaction is already open on " + db_.redacted_url() +
                       " (transactions do not nest)");
  }
  guarded("cannot begin a transaction on " + db_.redacted_url(), [&] {
    db_.session() << (db_.backend() == Backend::sqlite ? "BEGIN IMMEDIATE" : "BEGIN");
  });
  db_.in_transaction_ = true;
}

Transaction::~Transaction() {
  if (!open_) return;
  db_.in_transaction_ = false;
  try {
    db_.session() << "ROLLBACK";
  } catch (...) {
    // A destructor must not throw; if even ROLLBACK fails the connection is gone, and the
    // server discards the unfinished transaction with it.
  }
}

void Transaction::commit() {
  if (!open_) throw StorageError("transaction committed twice on " + db_.redacted_url());
  // Whatever happens now, this object no longer owns an open transaction: a failed COMMIT ends
  // it on both SQLite (when it is not busy) and PostgreSQL.
  open_ = false;
  db_.in_transaction_ = false;
  try {
    db_.session() << "COMMIT";
  } catch (const soci::soci_error& error) {
    try {
      db_.session() << "ROLLBACK";
    } catch (...) {
      // Already ended by the failed COMMIT; nothing left to undo.
    }
    throw StorageError("cannot commit on " + db_.redacted_url() + ": " + driver_message(error));
  }
}

}  // namespace sagsaudit::storage
