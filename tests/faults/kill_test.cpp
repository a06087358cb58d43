// Issue 9 item 2a: `sagsaudit serve` killed with SIGKILL in the middle of a population import and
// of review submits, on SQLite and on PostgreSQL, then started again on the same database.
// Nothing half-done may be stored, nothing the server said 200 to may be lost, and the audit
// log's hash chain must verify (`sagsaudit audit verify`).
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <algorithm>
#include <atomic>
#include <boost/json.hpp>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <thread>

#include "faults/fault_support.hpp"
#include "storage/database.hpp"
#include "storage/storage_test_support.hpp"

namespace sagsaudit::testing {
namespace {

using namespace std::chrono_literals;

const std::string kRoundPath = "/api/v1/rounds/" + FaultWorld::kRound;

class KillTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "postgresql") {
      if (!std::getenv("SAGSAUDIT_TEST_PG_URL")) {
        if (std::getenv("SAGSAUDIT_TEST_REQUIRE_PG")) FAIL() << "SAGSAUDIT_TEST_PG_URL is not set";
        GTEST_SKIP() << "SAGSAUDIT_TEST_PG_URL is not set (eval \"$(scripts/pg start)\")";
      }
      scratch_ = std::make_unique<storage::testing::ScratchDatabase>(storage::Backend::postgresql);
    }
    world_ = std::make_unique<FaultWorld>(scratch_ ? scratch_->url() : "");
    ASSERT_FALSE(HasFailure()) << "the test world could not be set up";
  }
  void TearDown() override {
    world_.reset();
    scratch_.reset();
  }

  const std::string& url() const { return world_->database_url(); }
  std::string round_state() const {
    return text_value(url(), "SELECT state FROM rounds WHERE id = '" + FaultWorld::kRound + "'");
  }
  std::string review_state(const std::string& case_number) const {
    return text_value(url(), "SELECT state FROM case_reviews WHERE round_id = '" +
                                 FaultWorld::kRound + "' AND case_number = '" + case_number + "'");
  }
  long long submit_entries(const std::string& case_number) const {
    return count_rows(url(),
                      "SELECT COUNT(*) FROM audit_log WHERE action = 'review.transition' "
                      "AND to_state = 'submitted' AND object_id = '" +
                          FaultWorld::kRound + "/" + case_number + "'");
  }
  // The population uploads' staging directories in the server's upload folder, sorted.
  std::vector<std::filesystem::path> staging_directories() const {
    std::vector<std::filesystem::path> out;
    const auto uploads = world_->dir() / "uploads";
    if (!std::filesystem::exists(uploads)) return out;
    for (const auto& entry : std::filesystem::directory_iterator(uploads)) {
      if (entry.is_directory() && entry.path().filename().string().rfind(".upload-", 0) == 0)
        out.push_back(entry.path());
    }
    std::sort(out.begin(), out.end());
    return out;
  }
  void expect_audit_chain_verifies() const {
    const auto r = world_->cli({"audit", "verify"});
    EXPECT_EQ(r.status, 0) << r.output;
  }

  // A drawn and assigned sample (all at jc-amager, all anna's) whose every review has all 20
  // controls answered as drafts (version 2): ready to submit. Returns the case numbers.
  std::vector<std::string> reviews_ready_to_submit(unsigned short port) {
    world_->cli_ok({"population", "import", "--round", FaultWorld::kRound,
                    world_->population_file(2000).string()});
    world_->cli_ok({"sample", "draw", "--round", FaultWorld::kRound, "--seed", "20270401"});
    world_->cli_ok({"assign", "--round", FaultWorld::kRound});
    std::vector<std::string> cases;
    {
      auto db = storage::Database::open(url());
      soci::rowset<std::string> rows =
          (db->session().prepare << "SELECT case_number FROM case_reviews WHERE round_id = '" +
                                        FaultWorld::kRound + "' ORDER BY case_number");
      for (const auto& c : rows) cases.push_back(c);
    }
    std::string answers = "[";
    const char* prefixes[] = {"SD-N0", "SD-K0", "SD-F0"};
    const int counts[] = {8, 7, 5};
    for (int p = 0; p < 3; ++p) {
      for (int i = 1; i <= counts[p]; ++i) {
        answers += std::string(answers.size() > 1 ? "," : "") + R"({"kontrol":")" + prefixes[p] +
                   std::to_string(i) + R"(","svar":"korrekt"})";
      }
    }
    answers += "]";
    const Session anna = log_in(port, "anna");
    for (const auto& c : cases) {
      const HttpReply r = http_call(port, "PUT", kRoundPath + "/reviews/" + c,
                                    R"({"version":1,"svar":)" + answers + "}", anna.headers());
      EXPECT_EQ(r.status, 200u) << c << ": " << r.body << r.error;
    }
    return cases;
  }

  std::unique_ptr<storage::testing::ScratchDatabase> scratch_;
  std::unique_ptr<FaultWorld> world_;
};

// The import is stopped (SAGSAUDIT_TEST_IMPORT_PAUSE_ROWS, a hook for these tests only) after
// 50,000 of 60,000 rows, inside its transaction, and the server is killed there.
TEST_P(KillTest, KilledDuringPopulationImportStoresNothingAndTheImportCanBeRedone) {
  const auto file = world_->population_file(60000);
  const std::string csv = read_file(file);
  {
    ServerProcess server(*world_, {{"SAGSAUDIT_TEST_IMPORT_PAUSE_ROWS", "50000"}});
    const Session admin = log_in(server.port(), "admin");
    auto headers = admin.headers();
    headers["Content-Type"] = "text/csv";
    std::thread upload([&] {
      // Never answered: the server is killed while this request is being handled.
      const HttpReply r =
          http_call(server.port(), "POST", kRoundPath + "/population", csv, headers, 120s);
      EXPECT_EQ(r.status, 0u) << r.body;
    });
    const bool paused = server.wait_for_log(R"("event":"import_pause","rows":50000)", 90s);
    // While the import's transaction is open, the round is still planlagt to everyone else.
    const HttpReply during =
        http_call(server.port(), "GET", kRoundPath, "", admin.headers(false), 10s);
    const auto staging_during = staging_directories();
    server.kill9();
    upload.join();
    ASSERT_TRUE(paused) << server.log();
    EXPECT_EQ(during.status, 200u) << during.body;
    EXPECT_EQ(boost::json::parse(during.body).at("tilstand").as_string(), "planned");
    // The received file (CPR numbers) in its staging directory, left by the killed server.
    ASSERT_EQ(staging_during.size(), 1u);
    EXPECT_TRUE(std::filesystem::exists(staging_during[0] / "sygedagpenge-2027-K1.csv"));
    EXPECT_EQ(staging_directories(), staging_during);
  }

  EXPECT_EQ(count_rows(url(), "SELECT COUNT(*) FROM population_cases"), 0);
  EXPECT_EQ(count_rows(url(), "SELECT COUNT(*) FROM populations"), 0);
  EXPECT_EQ(count_rows(url(), "SELECT COUNT(*) FROM audit_log WHERE action LIKE 'population.%'"),
            0);
  EXPECT_EQ(round_state(), "planned");
  expect_audit_chain_verifies();

  // Started again: the killed server's staging directory is gone, and the same file imports
  // whole.
  ServerProcess server(*world_);
  EXPECT_EQ(staging_directories(), std::vector<std::filesystem::path>{});
  const Session admin = log_in(server.port(), "admin");
  auto headers = admin.headers();
  headers["Content-Type"] = "text/csv";
  const HttpReply r =
      http_call(server.port(), "POST", kRoundPath + "/population", csv, headers, 120s);
  ASSERT_EQ(r.status, 200u) << r.body << r.error;
  EXPECT_EQ(boost::json::parse(r.body).at("raekker").as_int64(), 60000);
  EXPECT_EQ(count_rows(url(), "SELECT COUNT(*) FROM population_cases"), 60000);
  EXPECT_EQ(round_state(), "population_loaded");
  expect_audit_chain_verifies();
}

// Submits from four clients at once; the server is killed right after the third 200. Every
// review the server said 200 to is submitted after the restart; every other one is whole either
// way: submitted exactly when the audit log has its submit, never half.
TEST_P(KillTest, KilledDuringSubmitsLosesNoAnsweredSubmitAndKeepsNoHalfOne) {
  std::vector<std::string> cases;
  std::vector<unsigned> status;
  {
    ServerProcess server(*world_);
    cases = reviews_ready_to_submit(server.port());
    ASSERT_GE(cases.size(), 12u);
    status.assign(cases.size(), 0);
    const Session anna = log_in(server.port(), "anna");
    std::atomic<int> ok{0};
    std::atomic<std::size_t> next{0};
    std::vector<std::thread> clients;
    for (int t = 0; t < 4; ++t) {
      clients.emplace_back([&] {
        for (std::size_t i = next++; i < cases.size(); i = next++) {
          const HttpReply r =
              http_call(server.port(), "POST", kRoundPath + "/reviews/" + cases[i] + "/submit",
                        R"({"version":2})", anna.headers(), 30s);
          status[i] = r.status;
          if (r.status == 200) ++ok;
        }
      });
    }
    while (ok < 3) std::this_thread::sleep_for(100us);
    server.kill9();
    for (auto& c : clients) c.join();
  }
  std::size_t answered = 0;
  for (unsigned s : status) answered += s == 200 ? 1 : 0;
  EXPECT_LT(answered, cases.size()) << "the kill came after the last submit";

  ServerProcess server(*world_);
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const std::string state = review_state(cases[i]);
    if (status[i] == 200) {
      EXPECT_EQ(state, "submitted") << cases[i];
    }
    EXPECT_TRUE(state == "submitted" || state == "in_progress") << cases[i] << ": " << state;
    EXPECT_EQ(submit_entries(cases[i]), state == "submitted" ? 1 : 0) << cases[i];
  }
  expect_audit_chain_verifies();
  // And the rest can be submitted now.
  const Session anna = log_in(server.port(), "anna");
  for (std::size_t i = 0; i < cases.size(); ++i) {
    if (review_state(cases[i]) == "submitted") continue;
    const HttpReply r =
        http_call(server.port(), "POST", kRoundPath + "/reviews/" + cases[i] + "/submit",
                  R"({"version":2})", anna.headers(), 30s);
    EXPECT_EQ(r.status, 200u) << cases[i] << ": " << r.body;
  }
  EXPECT_EQ(count_rows(url(), "SELECT COUNT(*) FROM case_reviews WHERE state = 'submitted'"),
            static_cast<long long>(cases.size()));
  expect_audit_chain_verifies();
}

// PostgreSQL only, at an exact point: another connection holds a SHARE lock on case_reviews, so
// the submit stops at its UPDATE — after its audit entry is written, before its commit — and the
// server is killed there. After the restart the review is as before, and so is the audit log.
class PostgresKillTest : public KillTest {};

TEST_P(PostgresKillTest, KilledWhileASubmitWaitsInsideItsTransaction) {
  ServerProcess first(*world_);
  const auto cases = reviews_ready_to_submit(first.port());
  ASSERT_GE(cases.size(), 2u);
  const Session anna = log_in(first.port(), "anna");
  const HttpReply done =
      http_call(first.port(), "POST", kRoundPath + "/reviews/" + cases[0] + "/submit",
                R"({"version":2})", anna.headers(), 30s);
  ASSERT_EQ(done.status, 200u) << done.body;
  const long long audit_before = count_rows(url(), "SELECT COUNT(*) FROM audit_log");

  auto holder = storage::Database::open(url());
  int holder_pid = 0;
  holder->session() << "SELECT pg_backend_pid()", soci::into(holder_pid);
  holder->session() << "BEGIN";
  holder->session() << "LOCK TABLE case_reviews IN SHARE MODE";
  std::thread submit([&] {
    const HttpReply r =
        http_call(first.port(), "POST", kRoundPath + "/reviews/" + cases[1] + "/submit",
                  R"({"version":2})", anna.headers(), 60s);
    EXPECT_EQ(r.status, 0u) << r.body;  // killed before it could answer
  });
  std::string blocked;
  for (int i = 0; i < 600 && blocked.empty(); ++i) {
    std::this_thread::sleep_for(50ms);
    blocked = text_value(url(), "SELECT query FROM pg_stat_activity WHERE " +
                                    std::to_string(holder_pid) + " = ANY(pg_blocking_pids(pid))");
  }
  first.kill9();
  submit.join();
  holder->session() << "ROLLBACK";
  ASSERT_EQ(blocked.rfind("UPDATE case_reviews", 0), 0u) << "blocked: '" << blocked << "'";

  ServerProcess second(*world_);
  EXPECT_EQ(review_state(cases[0]), "submitted");
  EXPECT_EQ(submit_entries(cases[0]), 1);
  EXPECT_EQ(review_state(cases[1]), "in_progress");
  EXPECT_EQ(submit_entries(cases[1]), 0);
  EXPECT_EQ(count_rows(url(), "SELECT COUNT(*) FROM audit_log"), audit_before);
  expect_audit_chain_verifies();
  const Session again = log_in(second.port(), "anna");
  const HttpReply redo =
      http_call(second.port(), "POST", kRoundPath + "/reviews/" + cases[1] + "/submit",
                R"({"version":2})", again.headers(), 30s);
  EXPECT_EQ(redo.status, 200u) << redo.body;
  EXPECT_EQ(review_state(cases[1]), "submitted");
  expect_audit_chain_verifies();
}

INSTANTIATE_TEST_SUITE_P(Backends, KillTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& param_info) { return param_info.param; });
INSTANTIATE_TEST_SUITE_P(Backends, PostgresKillTest, ::testing::Values("postgresql"),
                         [](const auto& param_info) { return param_info.param; });

}  // namespace
}  // namespace sagsaudit::testing
