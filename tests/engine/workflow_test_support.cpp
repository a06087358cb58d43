#include "engine/workflow_test_support.hpp"

#include <soci/soci.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "config/config.hpp"
#include "setup/database_setup.hpp"
#include "storage/migrations.hpp"

namespace sagsaudit::testing {
namespace {

std::string pg_server() {
  const char* url = std::getenv("SAGSAUDIT_TEST_PG_URL");
  return url ? url : "";
}

std::string unique_suffix() {
  static std::atomic<int> counter{0};
  const auto now = std::chrono::steady_clock::now().time_since_epoch().count();
  return std::to_string(::getpid()) + "_" + std::to_string(now % 1000000000) + "_" +
         std::to_string(counter++);
}

}  // namespace

WorkflowDatabase::WorkflowDatabase(storage::Backend backend) {
  if (backend == storage::Backend::sqlite) {
    sqlite_file_ = (std::filesystem::temp_directory_path() /
                    ("sagsaudit-workflow-test-" + unique_suffix() + ".db"))
                       .string();
    url_ = "sqlite:" + sqlite_file_;
  } else {
    const std::string server = pg_server();
    admin_ = storage::Database::open(server);
    schema_ = "workflow_test_" + unique_suffix();
    admin_->session() << "CREATE SCHEMA " + schema_;
    url_ = server + (server.find('?') == std::string::npos ? "?" : "&") +
           "options=-csearch_path%3D" + schema_;
  }
  Config config;
  config.database_url = url_;
  config.concepts_dir = std::string(SAGSAUDIT_SOURCE_DIR) + "/concepts";
  config.annual_wheel_file = std::string(SAGSAUDIT_SOURCE_DIR) + "/annual-wheel/aarshjul.toml";
  db_ = open_database(config);
  initialise(*db_, config);
}

WorkflowDatabase::~WorkflowDatabase() {
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

void WorkflowTest::SetUp() {
  if (GetParam() == storage::Backend::postgresql && pg_server().empty()) {
    if (std::getenv("SAGSAUDIT_TEST_REQUIRE_PG")) {
      FAIL() << "SAGSAUDIT_TEST_PG_URL is not set but SAGSAUDIT_TEST_REQUIRE_PG is";
    }
    GTEST_SKIP() << "SAGSAUDIT_TEST_PG_URL is not set";
  }
  scratch_ = std::make_unique<WorkflowDatabase>(GetParam());
}

std::string backend_name(const ::testing::TestParamInfo<storage::Backend>& info) {
  return info.param == storage::Backend::sqlite ? "sqlite" : "postgresql";
}

int count_rows(storage::Database& db, const std::string& table_and_where) {
  int count = 0;
  db.session() << "SELECT COUNT(*) FROM " + table_and_where, soci::into(count);
  return count;
}

}  // namespace sagsaudit::testing
