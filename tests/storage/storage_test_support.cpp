#include "storage/storage_test_support.hpp"

#include <soci/soci.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "storage/database_url.hpp"
#include "storage/migrations.hpp"

namespace sagsaudit::storage::testing {
namespace {

constexpr const char* kPgUrlVariable = "SAGSAUDIT_TEST_PG_URL";

std::string env(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "";
}

// Unique across the processes ctest runs side by side and the tests of one process.
std::string unique_suffix() {
  static std::atomic<int> counter{0};
  const auto now = std::chrono::steady_clock::now().time_since_epoch().count();
  return std::to_string(::getpid()) + "_" + std::to_string(now % 1000000000) + "_" +
         std::to_string(counter++);
}

std::string with_param(const std::string& url, const std::string& param) {
  return url + (url.find('?') == std::string::npos ? "?" : "&") + param;
}

// Printed once per run, so the CI log shows which backend each half of the suite used.
class BackendBanner : public ::testing::Environment {
 public:
  void SetUp() override {
    if (test_backend() == Backend::sqlite) {
      std::cout << "[storage] backend: SQLite (a temporary file per test in "
                << std::filesystem::temp_directory_path().string() << ")\n";
    } else if (env(kPgUrlVariable).empty()) {
      std::cout << "[storage] backend: PostgreSQL, but " << kPgUrlVariable
                << " is not set: database tests are skipped\n";
    } else {
      std::cout << "[storage] backend: PostgreSQL at "
                << parse_database_url(env(kPgUrlVariable)).redacted << " (a schema per test)\n";
    }
  }
};

[[maybe_unused]] auto* const banner = ::testing::AddGlobalTestEnvironment(new BackendBanner);

}  // namespace

Backend test_backend() {
  const std::string name = env("SAGSAUDIT_TEST_BACKEND");
  if (name.empty() || name == "sqlite") return Backend::sqlite;
  if (name == "postgresql") return Backend::postgresql;
  std::cerr << "SAGSAUDIT_TEST_BACKEND must be sqlite or postgresql, not \"" << name << "\"\n";
  std::abort();
}

ScratchDatabase::ScratchDatabase() : ScratchDatabase(test_backend()) {}

ScratchDatabase::ScratchDatabase(Backend backend) {
  if (backend == Backend::sqlite) {
    sqlite_file_ = (std::filesystem::temp_directory_path() /
                    ("sagsaudit-storage-test-" + unique_suffix() + ".db"))
                       .string();
    url_ = "sqlite:" + sqlite_file_;
  } else {
    const std::string server = env(kPgUrlVariable);
    admin_ = Database::open(server);
    schema_ = "storage_test_" + unique_suffix();
    admin_->session() << "CREATE SCHEMA " + schema_;
    // libpq passes `options` to the server: every connection to url_ sees only this schema.
    url_ = with_param(server, "options=-csearch_path%3D" + schema_);
  }
  db_ = Database::open(url_);
}

ScratchDatabase::~ScratchDatabase() {
  db_.reset();
  if (admin_) {
    try {
      admin_->session() << "DROP SCHEMA " + schema_ + " CASCADE";
    } catch (const std::exception& error) {
      std::cerr << "could not drop test schema " << schema_ << ": " << error.what() << '\n';
    }
  }
  if (!sqlite_file_.empty()) {
    std::error_code ignored;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
      std::filesystem::remove(sqlite_file_ + suffix, ignored);
    }
  }
}

void StorageTest::SetUp() {
  if (test_backend() == Backend::postgresql && env(kPgUrlVariable).empty()) {
    // scripts/test sets SAGSAUDIT_TEST_REQUIRE_PG, so CI can never pass by skipping PostgreSQL.
    if (!env("SAGSAUDIT_TEST_REQUIRE_PG").empty()) {
      FAIL() << kPgUrlVariable << " is not set but SAGSAUDIT_TEST_REQUIRE_PG is";
    }
    GTEST_SKIP() << kPgUrlVariable
                 << " is not set; start a server with: eval \"$(scripts/pg start --owner $$)\"";
  }
  scratch_ = std::make_unique<ScratchDatabase>();
}

void MigratedStorageTest::SetUp() {
  StorageTest::SetUp();
  if (IsSkipped()) return;
  migrate(db());
}

int row_count(Database& db, const std::string& table) {
  int count = 0;
  db.session() << "SELECT COUNT(*) FROM " + table, soci::into(count);
  return count;
}

std::string fake_version(char fill) {
  return std::string(64, fill);
}

}  // namespace sagsaudit::storage::testing
