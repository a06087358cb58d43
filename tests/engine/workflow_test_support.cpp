#include "engine/workflow_test_support.hpp"

#include <soci/soci.h>

#include <cstdio>
#include <cstdlib>

#include "config/config.hpp"
#include "setup/database_setup.hpp"
#include "storage/migrations.hpp"
#include "storage/user_repository.hpp"
#include "workflow/assign.hpp"
#include "workflow/round_transitions.hpp"
#include "workflow/tick.hpp"

namespace sagsaudit::testing {
namespace {

std::string pg_server() {
  const char* url = std::getenv("SAGSAUDIT_TEST_PG_URL");
  return url ? url : "";
}

}  // namespace

WorkflowDatabase::WorkflowDatabase(storage::Backend backend) : scratch_(backend) {
  Config config;
  config.database_url = scratch_.url();
  config.concepts_dir = std::string(SAGSAUDIT_SOURCE_DIR) + "/concepts";
  config.annual_wheel_file = std::string(SAGSAUDIT_SOURCE_DIR) + "/annual-wheel/aarshjul.toml";
  db_ = open_database(config);
  initialise(*db_, config);
}

void WorkflowTest::assign_round_to_anna(const std::string& round_id,
                                        storage::SampleReader& sample) {
  tick(db(), make_date(2027, 4, 1), "2027-04-01T06:00:00Z");
  storage::make_user_repository(db())->add({"anna", "Anna", UserRole::coordinator, {}, true, ""},
                                           "t");
  transition_round(db(), round_id, RoundState::population_loaded, "cli:test", "t");
  transition_round(db(), round_id, RoundState::sample_drawn, "cli:test", "t");
  assign_round(db(), sample, round_id, "cli:test", "2027-04-01T07:00:00Z");
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

std::string three_center_population(int month) {
  std::string population = "sagsnummer;cpr;center;sagsbehandler;afgørelsesdato\n";
  const char* centers[] = {"jc-amager", "jc-noerrebro-bispebjerg", "jc-vesterbro-valby"};
  for (int i = 1; i <= 300; ++i) {
    char line[128];
    std::snprintf(line, sizeof line, "S-%04d;%02d%02d%02d-%04d;%s;SB;%02d-%02d-2027\n", i,
                  1 + i % 28, 1 + i % 12, 50 + i % 40, i % 4000, centers[i % 3], 1 + i % 28, month);
    population += line;
  }
  return population;
}

// Every control of the shipped sygedagpenge concept korrekt, except those in `errors`
// (control → amount in kroner, "" for none).
std::vector<ControlAnswer> answers_with(const std::map<std::string, std::string>& errors) {
  std::vector<ControlAnswer> out;
  std::vector<std::string> ids;
  for (int i = 1; i <= 8; ++i) ids.push_back("SD-N0" + std::to_string(i));
  for (int i = 1; i <= 7; ++i) ids.push_back("SD-K0" + std::to_string(i));
  for (int i = 1; i <= 5; ++i) ids.push_back("SD-F0" + std::to_string(i));
  for (const auto& id : ids) {
    ControlAnswer a;
    a.control_id = id;
    const auto error = errors.find(id);
    if (error != errors.end()) {
      a.answer = Answer::error;
      a.comment = "fejl i beregningen";
      if (!error->second.empty()) a.amount = *parse_kroner(error->second);
    }
    out.push_back(a);
  }
  return out;
}

}  // namespace sagsaudit::testing
