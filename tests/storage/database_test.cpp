// Opening a database, what a connection is set up with, and transactions.
#include "storage/database.hpp"

#include <gtest/gtest.h>
#include <netinet/in.h>
#include <soci/soci.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "domain/errors.hpp"
#include "storage/migrations.hpp"
#include "storage/storage_test_support.hpp"

namespace sagsaudit::storage {
namespace {

using testing::row_count;

class DatabaseTest : public testing::MigratedStorageTest {};

// A port on 127.0.0.1 that nothing listens on: bound by the kernel's choice, then released.
int closed_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  EXPECT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  socklen_t length = sizeof address;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  ::close(fd);
  return ntohs(address.sin_port);
}

std::string message_of_open(const std::string& url) {
  try {
    Database::open(url);
  } catch (const StorageError& error) {
    return error.what();
  }
  return "(no error)";
}

TEST(DatabaseOpen, UnreachablePostgresqlIsAStorageErrorWithoutThePassword) {
  const std::string port = std::to_string(closed_port());
  const std::string message = message_of_open("postgresql://audit:hemmelig@127.0.0.1:" + port +
                                              "/sagsaudit?connect_timeout=2");
  EXPECT_EQ(message.rfind("cannot connect to the PostgreSQL database postgresql://audit:***@"
                          "127.0.0.1:" +
                              port + "/sagsaudit?connect_timeout=2: ",
                          0),
            0u)
      << message;
  EXPECT_NE(message.find("Connection refused"), std::string::npos) << message;
  EXPECT_EQ(message.find("hemmelig"), std::string::npos) << message;
}

TEST(DatabaseOpen, SqliteFileInAMissingFolderIsAStorageError) {
  EXPECT_EQ(message_of_open("sqlite:/nonexistent-sagsaudit-folder/sagsaudit.db"),
            "cannot connect to the SQLite database "
            "sqlite:/nonexistent-sagsaudit-folder/sagsaudit.db: unable to open database file");
}

TEST(DatabaseOpen, SqlitePathMayHoldBlanksAndEqualsSigns) {
  const auto folder =
      std::filesystem::temp_directory_path() / ("sagsaudit test=" + std::to_string(::getpid()));
  std::filesystem::create_directories(folder);
  const auto file = folder / "kvalitet og kontrol.db";
  {
    auto db = Database::open("sqlite:" + file.string());
    EXPECT_EQ(migrate(*db).current, known_migrations().back().number);
  }
  EXPECT_TRUE(std::filesystem::exists(file));
  std::filesystem::remove_all(folder);
}

TEST(DatabaseOpen, FileThatIsNoDatabaseIsAStorageError) {
  const auto file = std::filesystem::temp_directory_path() /
                    ("sagsaudit-not-a-db-" + std::to_string(::getpid()) + ".db");
  std::ofstream(file) << "Ydelsestype;Center;CPR\nkontanthjaelp;jc-amager;010180-xxxx\n";
  EXPECT_EQ(message_of_open("sqlite:" + file.string()),
            "cannot use the SQLite database sqlite:" + file.string() + ": file is not a database");
  std::filesystem::remove(file);
}

TEST(DatabaseOpen, MalformedUrlIsAValidationError) {
  EXPECT_THROW(Database::open("oracle://db/sagsaudit"), ValidationError);
}

TEST(DatabaseOpen, SqliteInMemoryWorksWithoutAFile) {
  auto db = Database::open("sqlite::memory:");
  EXPECT_EQ(db->backend(), Backend::sqlite);
  EXPECT_EQ(db->redacted_url(), "sqlite::memory:");
  EXPECT_EQ(migrate(*db).current, known_migrations().back().number);
}

TEST_F(DatabaseTest, ConnectionSettings) {
  EXPECT_EQ(db().backend(), testing::test_backend());
  if (db().backend() == Backend::sqlite) {
    int foreign_keys = 0, busy_timeout = 0;
    std::string journal_mode;
    db().session() << "PRAGMA foreign_keys", soci::into(foreign_keys);
    db().session() << "PRAGMA busy_timeout", soci::into(busy_timeout);
    db().session() << "PRAGMA journal_mode", soci::into(journal_mode);
    EXPECT_EQ(foreign_keys, 1);
    EXPECT_EQ(busy_timeout, 5000);
    EXPECT_EQ(journal_mode, "wal");
  } else {
    std::string encoding, messages;
    db().session() << "SHOW client_encoding", soci::into(encoding);
    db().session() << "SHOW client_min_messages", soci::into(messages);
    EXPECT_EQ(encoding, "UTF8");
    EXPECT_EQ(messages, "warning");
  }
}

TEST_F(DatabaseTest, ForeignKeysAreEnforced) {
  EXPECT_THROW(db().session() << "INSERT INTO concept_loads (concept_version, loaded_at) "
                                 "VALUES ('no-such-version', '2026-01-01T00:00:00Z')",
               soci::soci_error);
  EXPECT_EQ(row_count(db(), "concept_loads"), 0);
}

TEST_F(DatabaseTest, TransactionWithoutCommitLeavesNothing) {
  {
    Transaction transaction(db());
    EXPECT_TRUE(db().in_transaction());
    db().session() << "INSERT INTO schema_migrations (number, name, applied_at) "
                      "VALUES (100, 'rolled back', '2026-01-01T00:00:00Z')";
  }
  EXPECT_FALSE(db().in_transaction());
  EXPECT_EQ(row_count(db(), "schema_migrations"), static_cast<int>(known_migrations().size()));
}

TEST_F(DatabaseTest, CommittedTransactionIsSeenByAnotherConnection) {
  Transaction transaction(db());
  db().session() << "INSERT INTO schema_migrations (number, name, applied_at) "
                    "VALUES (0, 'committed', '2026-01-01T00:00:00Z')";
  transaction.commit();
  EXPECT_FALSE(db().in_transaction());
  auto other = Database::open(url());
  EXPECT_EQ(row_count(*other, "schema_migrations"),
            static_cast<int>(known_migrations().size()) + 1);
}

TEST_F(DatabaseTest, TransactionsDoNotNest) {
  Transaction outer(db());
  EXPECT_THROW(Transaction inner(db()), StorageError);
  EXPECT_TRUE(db().in_transaction());
}

TEST_F(DatabaseTest, CommitTwiceIsAStorageError) {
  Transaction transaction(db());
  transaction.commit();
  EXPECT_THROW(transaction.commit(), StorageError);
}

}  // namespace
}  // namespace sagsaudit::storage
