#pragma once
// One suite, two backends: SAGSAUDIT_TEST_BACKEND picks SQLite (default, a temporary file per
// test) or PostgreSQL (SAGSAUDIT_TEST_PG_URL; a schema of its own per test, dropped afterwards).
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "domain/annual_wheel.hpp"
#include "domain/concept.hpp"
#include "storage/database.hpp"

namespace sagsaudit::storage::testing {

// From SAGSAUDIT_TEST_BACKEND: "sqlite" (or unset) or "postgresql".
Backend test_backend();

// An empty database for one test, on the backend under test; gone again after the destructor.
class ScratchDatabase {
 public:
  // On the backend under test (test_backend()) or the one given.
  // REQUIRES: on PostgreSQL, SAGSAUDIT_TEST_PG_URL is set.
  ScratchDatabase();
  explicit ScratchDatabase(Backend backend);
  ~ScratchDatabase();
  ScratchDatabase(const ScratchDatabase&) = delete;
  ScratchDatabase& operator=(const ScratchDatabase&) = delete;

  // Opens one more connection to the same database.
  const std::string& url() const { return url_; }
  Database& db() { return *db_; }

 private:
  std::string url_;
  std::string sqlite_file_;          // SQLite: the temporary file
  std::unique_ptr<Database> admin_;  // PostgreSQL: the connection that owns the schema
  std::string schema_;               // PostgreSQL: the schema of this test
  std::unique_ptr<Database> db_;
};

// A fresh, empty database per test. Skips the test on PostgreSQL when no server is configured.
class StorageTest : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override { scratch_.reset(); }
  Database& db() { return scratch_->db(); }
  const std::string& url() const { return scratch_->url(); }

 private:
  std::unique_ptr<ScratchDatabase> scratch_;
};

// The same, with the schema migrated.
class MigratedStorageTest : public StorageTest {
 protected:
  void SetUp() override;
};

// Number of rows in a table, to check what a store did or did not write.
int row_count(Database& db, const std::string& table);

// A 64-character stand-in for a SHA-256 version: `fill` repeated.
std::string fake_version(char fill);

}  // namespace sagsaudit::storage::testing
