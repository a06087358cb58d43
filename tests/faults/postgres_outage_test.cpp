// Issue 9 item 2b: PostgreSQL stopped under load and started again, under a running
// `sagsaudit serve`. On a throw-away cluster of its own (scripts/pg start, halt, resume, stop),
// so no other test's database goes away. Meanwhile every request is answered at once with 503
// (the API: {"error":"database_utilgaengelig"}; /healthz too); afterwards the same server answers
// 200 again, without a restart.
#include <gtest/gtest.h>

#include <atomic>
#include <boost/json.hpp>
#include <cstdlib>
#include <mutex>
#include <sstream>
#include <thread>

#include "faults/fault_support.hpp"

namespace sagsaudit::testing {
namespace {

using namespace std::chrono_literals;

// A PostgreSQL cluster for this test alone; stopped and deleted when the object goes.
class OwnCluster {
 public:
  OwnCluster() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "sagsaudit-fault-pg.XXXXXX").string();
    if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    work_ = pattern;
    // As root, scripts/pg runs the server as `postgres`, which must reach the cluster inside.
    std::filesystem::permissions(
        work_, std::filesystem::perms::owner_all | std::filesystem::perms::group_read |
                   std::filesystem::perms::group_exec | std::filesystem::perms::others_read |
                   std::filesystem::perms::others_exec);
    const std::string out = run({"start", "--owner", std::to_string(::getpid())});
    std::istringstream lines(out);
    for (std::string line; std::getline(lines, line);) {
      const auto value = [&](const std::string& name) {
        const std::string prefix = "export " + name + "=";
        return line.rfind(prefix, 0) == 0 ? line.substr(prefix.size()) : std::string();
      };
      if (auto v = value("SAGSAUDIT_TEST_PG_URL"); !v.empty()) url_ = v;
      if (auto v = value("SAGSAUDIT_PG_DIR"); !v.empty()) dir_ = v;
    }
    if (url_.empty() || dir_.empty()) throw std::runtime_error("scripts/pg start: " + out);
  }
  ~OwnCluster() {
    if (!dir_.empty()) run({"stop", dir_});
    std::error_code ignored;
    std::filesystem::remove_all(work_, ignored);
  }
  const std::string& url() const { return url_; }
  void halt() { EXPECT_EQ(status({"halt", dir_}), 0); }
  void resume() { EXPECT_EQ(status({"resume", dir_}), 0); }

 private:
  int status(const std::vector<std::string>& args) {
    last_status_ = 0;
    run(args);
    return last_status_;
  }
  std::string run(const std::vector<std::string>& args) {
    ChildOptions options;
    options.dir = work_;
    const char* path = std::getenv("PATH");
    options.env = {{"PATH", path ? path : "/usr/bin:/bin"}, {"TMPDIR", work_.string()}};
    options.log_file = work_ / "pg.out";
    std::error_code ignored;
    std::filesystem::remove(options.log_file, ignored);
    std::vector<std::string> argv{source_path("scripts/pg").string()};
    argv.insert(argv.end(), args.begin(), args.end());
    Child child(argv, options);
    last_status_ = child.wait();
    return read_file(options.log_file);
  }

  std::filesystem::path work_;
  std::string url_, dir_;
  int last_status_ = 0;
};

struct Outcome {
  int phase_started = 0;
  int phase_ended = 0;
  bool healthz = false;
  unsigned status = 0;
  std::string body;
  std::string error;
  double seconds = 0;
};

TEST(PostgresOutageTest, RequestsFailWith503WhileItIsDownAndTheServerRecoversWithoutRestart) {
  if (!std::filesystem::exists("/usr/lib/postgresql")) {
    if (std::getenv("SAGSAUDIT_TEST_REQUIRE_PG")) FAIL() << "no PostgreSQL server installed";
    GTEST_SKIP() << "no PostgreSQL server installed (/usr/lib/postgresql)";
  }
  OwnCluster cluster;
  FaultWorld world(cluster.url());
  ASSERT_FALSE(::testing::Test::HasFailure());
  ServerProcess server(world, {}, 4);
  const Session admin = log_in(server.port(), "admin");
  ASSERT_FALSE(admin.cookie.empty());

  // Phases: 1 up, 2 being stopped, 3 down, 4 being started, 5 back (after the first 200). A
  // request is judged by the phase it started and ended in; 2 and 4 are in between.
  std::atomic<int> phase{1};
  std::atomic<bool> stop{false};
  std::mutex mutex;
  std::vector<Outcome> outcomes;
  std::vector<std::thread> clients;
  for (int t = 0; t < 6; ++t) {
    clients.emplace_back([&, t] {
      for (int i = 0; !stop; ++i) {
        Outcome o;
        o.healthz = (t + i) % 3 == 0;
        o.phase_started = phase;
        const auto start = std::chrono::steady_clock::now();
        const HttpReply r = o.healthz ? http_call(server.port(), "GET", "/healthz", "", {}, 10s)
                                      : http_call(server.port(), "GET", "/api/v1/rounds", "",
                                                  admin.headers(false), 10s);
        o.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        o.phase_ended = phase;
        o.status = r.status;
        o.body = r.body;
        o.error = r.error;
        if (phase == 4 && r.status == 200) phase = 5;
        std::lock_guard lock(mutex);
        outcomes.push_back(std::move(o));
      }
    });
  }
  std::this_thread::sleep_for(1s);
  phase = 2;
  cluster.halt();
  phase = 3;
  std::this_thread::sleep_for(3s);
  phase = 4;
  cluster.resume();
  for (int i = 0; i < 300 && phase != 5; ++i) std::this_thread::sleep_for(100ms);
  std::this_thread::sleep_for(2s);
  stop = true;
  for (auto& c : clients) c.join();

  int up = 0, down = 0, back = 0;
  for (const auto& o : outcomes) {
    if (o.phase_started != o.phase_ended) continue;  // straddles a change: either answer is fine
    if (o.phase_started == 2 || o.phase_started == 4) continue;
    const std::string what = std::string(o.healthz ? "/healthz" : "/api/v1/rounds") + " in phase " +
                             std::to_string(o.phase_started) + ": " + std::to_string(o.status) +
                             " " + o.body + o.error;
    EXPECT_NE(o.status, 0u) << "no answer (hung or dropped): " << what;
    EXPECT_LT(o.seconds, 5.0) << what;
    if (o.phase_started == 1 || o.phase_started == 5) {
      EXPECT_EQ(o.status, 200u) << what;
      ++(o.phase_started == 1 ? up : back);
    } else if (o.phase_started == 3) {
      ++down;
      EXPECT_EQ(o.status, 503u) << what;
      if (!o.healthz) {
        EXPECT_EQ(
            o.body,
            R"({"error":"database_utilgaengelig","message":"databasen svarer ikke lige nu; prøv igen om lidt"})")
            << what;
      }
    }
  }
  EXPECT_GT(up, 0);
  EXPECT_GT(down, 0);
  EXPECT_GT(back, 0)
      << "the server did not answer 200 again within 30 s after PostgreSQL came back";

  // And writing works again too: a new login (a session row and an audit entry).
  EXPECT_FALSE(log_in(server.port(), "admin").cookie.empty());
  EXPECT_TRUE(server.child().running());
}

}  // namespace
}  // namespace sagsaudit::testing
