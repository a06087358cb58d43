#pragma once
// The workflow tests run on both backends in one executable: each test is instantiated for
// SQLite (a temporary file) and PostgreSQL (a schema of its own on SAGSAUDIT_TEST_PG_URL; skipped
// when that is not set). The database is migrated and loaded with the shipped concepts and
// årshjul, as `sagsaudit init` does.
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "domain/answer.hpp"
#include "storage/database.hpp"
#include "storage/sample_repository.hpp"
#include "storage/storage_test_support.hpp"

namespace sagsaudit::testing {

// One initialised database for one test; dropped/deleted again by the destructor.
class WorkflowDatabase {
 public:
  explicit WorkflowDatabase(storage::Backend backend);
  WorkflowDatabase(const WorkflowDatabase&) = delete;
  WorkflowDatabase& operator=(const WorkflowDatabase&) = delete;

  const std::string& url() const { return scratch_.url(); }
  storage::Database& db() { return *db_; }

 private:
  storage::testing::ScratchDatabase scratch_;  // the empty database (file or schema)
  std::unique_ptr<storage::Database> db_;      // declared after scratch_: closed before it goes
};

// Parameterised on the backend; skips PostgreSQL when no server is configured.
class WorkflowTest : public ::testing::TestWithParam<storage::Backend> {
 protected:
  void SetUp() override;
  void TearDown() override { scratch_.reset(); }
  storage::Database& db() { return scratch_->db(); }
  const std::string& url() const { return scratch_->url(); }
  // The usual start of a review test: tick to 1 April 2027, coordinator "anna", the round
  // `round_id` moved to stikprøve udtrukket and `sample`'s cases assigned (to anna, the only
  // coordinator).
  void assign_round_to_anna(const std::string& round_id, storage::SampleReader& sample);
  // A second, independent initialised database on the same backend (for comparisons).
  std::unique_ptr<WorkflowDatabase> another() {
    return std::make_unique<WorkflowDatabase>(GetParam());
  }

 private:
  std::unique_ptr<WorkflowDatabase> scratch_;
};

std::string backend_name(const ::testing::TestParamInfo<storage::Backend>& info);

int count_rows(storage::Database& db, const std::string& table_and_where);

// A population file of 300 cases S-0001…S-0300, spread over jc-amager, jc-noerrebro-bispebjerg
// and jc-vesterbro-valby, decided in `month` of 2027 (so it fits a round of that quarter).
std::string three_center_population(int month);

// Every control of the shipped sygedagpenge concept korrekt, except those in `errors`
// (control → amount in kroner, "" for none).
std::vector<ControlAnswer> answers_with(const std::map<std::string, std::string>& errors);

}  // namespace sagsaudit::testing
