// tick(today) on a real database, both backends: the 29 rounds of 2027 exactly once, nothing on a
// second tick of the same day, a gap caught up, and two connections or two processes ticking at
// once giving the same result as one.
#include "workflow/tick.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <soci/soci.h>
#include <spawn.h>
#include <sys/wait.h>

#include <map>
#include <set>
#include <thread>

#include "engine/workflow_test_support.hpp"
#include "storage/audit_log.hpp"
#include "storage/round_repository.hpp"
#include "storage/tick_store.hpp"

extern char** environ;

namespace sagsaudit {
namespace {

using testing::count_rows;

std::string at(Date day) {
  return to_iso(day) + "T06:00:00Z";
}

Date d(int y, unsigned m, unsigned day) {
  return make_date(y, m, day);
}

// What a tick leaves behind, for comparing runs: rounds and their states, milestones, and the
// audit log and notifications without their timestamps.
struct Snapshot {
  std::map<std::string, std::string> rounds;  // id → state, window
  std::set<std::string> milestones;
  std::multiset<std::string> audit;
  std::multiset<std::string> notifications;
  friend bool operator==(const Snapshot&, const Snapshot&) = default;
};

Snapshot snapshot(storage::Database& db) {
  Snapshot s;
  for (const auto& r : storage::make_round_repository(db)->list()) {
    s.rounds[r.id] = state_code(r.state) + " " + to_iso(r.window_opens) + " " +
                     to_iso(r.window_closes) + " " + r.concept_version + " " + r.wheel_version;
  }
  std::string round_id, milestone, on_day;
  soci::statement m = (db.session().prepare << "SELECT round_id, milestone, on_day FROM "
                                               "round_milestones",
                       soci::into(round_id), soci::into(milestone), soci::into(on_day));
  m.execute();
  while (m.fetch()) s.milestones.insert(round_id + " " + milestone + " " + on_day);
  for (const auto& e : storage::make_audit_log(db)->list({std::nullopt, std::nullopt, 0, 100000})) {
    s.audit.insert(e.record.action + " " + e.record.object_id + " " + e.record.from_state + " " +
                   e.record.to_state + " " + e.record.details);
  }
  std::string kind, text;
  soci::statement n = (db.session().prepare << "SELECT kind, text FROM notifications",
                       soci::into(kind), soci::into(text));
  n.execute();
  while (n.fetch()) s.notifications.insert(kind + " " + text);
  return s;
}

class TickTest : public testing::WorkflowTest {};

TEST_P(TickTest, EveryDayOf2027CreatesThe29RoundsOnceOnTheFirstDayOfTheirPeriod) {
  std::map<std::string, std::string> created_on;
  for (Date day = d(2027, 1, 1); day <= d(2027, 12, 31); day = add_days(day, 1)) {
    const TickReport report = tick(db(), day, at(day));
    for (const auto& id : report.created) {
      EXPECT_TRUE(created_on.emplace(id, to_iso(day)).second) << id << " created twice";
    }
    // A second tick the same day: nothing to do, and (checked on busy days) nothing changed.
    const bool busy = !report.created.empty() || !report.windows_closed.empty();
    const Snapshot before = busy ? snapshot(db()) : Snapshot{};
    const TickReport again = tick(db(), day, at(day));
    EXPECT_FALSE(again.changed()) << to_iso(day);
    EXPECT_EQ(again.notifications, 0);
    if (busy) {
      EXPECT_EQ(snapshot(db()), before) << to_iso(day);
    }
  }
  EXPECT_EQ(created_on.size(), 29u);
  EXPECT_EQ(count_rows(db(), "rounds"), 29);
  EXPECT_EQ(created_on.at("sygedagpenge-2027-K3"), "2027-07-01");
  EXPECT_EQ(created_on.at("delpension-2027"), "2027-01-01");
  const auto round = storage::make_round_repository(db())->find("sygedagpenge-2027-K3");
  EXPECT_EQ(round->created_at, "2027-07-01T06:00:00Z");
  EXPECT_EQ(to_iso(round->window_opens), "2027-10-01");
  EXPECT_EQ(round->state, RoundState::planned);
  // 29 created; K1–K3 and H1 windows (19) opened and closed within the year.
  EXPECT_EQ(count_rows(db(), "audit_log WHERE action = 'round.create'"), 29);
  EXPECT_EQ(count_rows(db(), "audit_log WHERE action = 'round.window_open'"), 19);
  EXPECT_EQ(count_rows(db(), "audit_log WHERE action = 'round.window_close'"), 19);
  EXPECT_EQ(count_rows(db(), "notifications"), 19 * 2 + 19 * 2);
  EXPECT_TRUE(storage::make_audit_log(db())->verify().ok);
}

TEST_P(TickTest, AGapOfMonthsCatchesUpToWhatDailyTicksGive) {
  auto daily = another();
  for (Date day = d(2027, 1, 1); day <= d(2027, 11, 15); day = add_days(day, 1)) {
    tick(daily->db(), day, "t");
  }
  tick(db(), d(2027, 1, 1), "t");
  const TickReport caught_up = tick(db(), d(2027, 11, 15), "t");
  EXPECT_EQ(caught_up.created.size(), 19u);
  EXPECT_EQ(caught_up.windows_opened.size(), 19u);
  EXPECT_EQ(caught_up.windows_closed.size(), 19u);
  EXPECT_EQ(snapshot(db()), snapshot(daily->db()));
}

TEST_P(TickTest, WithoutAnArshjulTickSaysRunInit) {
  db().session() << "DELETE FROM wheel_loads";
  EXPECT_THROW(tick(db(), d(2027, 1, 1), "t"), NotFound);
  EXPECT_EQ(count_rows(db(), "tick_state"), 0);
}

TEST_P(TickTest, TwoConnectionsTickingTheYearAtOnceCreateEachRoundOnce) {
  auto reference = another();
  for (Date day = d(2027, 1, 1); day <= d(2027, 12, 31); day = add_days(day, 1)) {
    tick(reference->db(), day, "t");
  }
  std::vector<std::thread> threads;
  std::vector<int> created(2, 0);
  std::vector<std::string> failures(2);
  for (int t = 0; t < 2; ++t) {
    threads.emplace_back([&, t] {
      auto connection = storage::Database::open(url());
      for (Date day = d(2027, 1, 1); day <= d(2027, 12, 31); day = add_days(day, 1)) {
        // SQLite serialises writers with a busy timeout and no fairness: on a loaded machine one
        // loop can find the database locked for longer than the timeout. The server's timer then
        // simply ticks again; so does this loop (a few times, on SQLite only).
        for (int attempt = 1;; ++attempt) {
          try {
            created[t] += static_cast<int>(tick(*connection, day, "t").created.size());
            break;
          } catch (const StorageError& error) {
            if (GetParam() != storage::Backend::sqlite || attempt == 10) {
              failures[t] = error.what();
              return;
            }
          }
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(failures, (std::vector<std::string>{"", ""}));
  EXPECT_EQ(created[0] + created[1], 29);
  EXPECT_EQ(count_rows(db(), "rounds"), 29);
  EXPECT_EQ(snapshot(db()), snapshot(reference->db()));
  const auto verification = storage::make_audit_log(db())->verify();
  EXPECT_TRUE(verification.ok) << verification.problem;
}

// `sagsaudit tick --today 2027-01-01 --until 2027-12-31 --db URL`, started twice at once. On
// SQLite, which serialises writers with a 5 s busy timeout and no fairness, two such day-by-day
// loops can starve each other on a loaded machine; there each process catches the year up in one
// tick instead (the multi-instance case is PostgreSQL's).
TEST_P(TickTest, TwoProcessesTickingTheYearAtOnceCreateEachRoundOnce) {
  std::vector<pid_t> children;
  for (int i = 0; i < 2; ++i) {
    std::vector<std::string> args = {SAGSAUDIT_BINARY, "tick", "--db", url(), "--json"};
    if (GetParam() == storage::Backend::postgresql) {
      args.insert(args.end(), {"--today", "2027-01-01", "--until", "2027-12-31"});
    } else {
      args.insert(args.end(), {"--today", "2027-12-31"});
    }
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    pid_t pid = 0;
    ASSERT_EQ(posix_spawn(&pid, SAGSAUDIT_BINARY, &actions, nullptr, argv.data(), environ), 0);
    posix_spawn_file_actions_destroy(&actions);
    children.push_back(pid);
  }
  for (pid_t pid : children) {
    int status = 0;
    ASSERT_EQ(waitpid(pid, &status, 0), pid);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "status " << status;
  }
  EXPECT_EQ(count_rows(db(), "rounds"), 29);
  EXPECT_EQ(count_rows(db(), "audit_log WHERE action = 'round.create'"), 29);
  EXPECT_EQ(count_rows(db(), "audit_log"), 29 + 19 + 19);
  EXPECT_EQ(count_rows(db(), "notifications"), 76);
  EXPECT_TRUE(storage::make_audit_log(db())->verify().ok);
}

// The server's timer does not wait: while another process ticks, it does nothing at all.
TEST_P(TickTest, WithoutWaitingATickGivesWayToOneInProgress) {
  if (GetParam() != storage::Backend::postgresql) GTEST_SKIP() << "SQLite: BEGIN IMMEDIATE waits";
  auto other = storage::Database::open(url());
  {
    storage::Transaction holding(*other);
    ASSERT_TRUE(storage::make_tick_store(*other)->lock(true));
    TickOptions options;
    options.wait_for_lock = false;
    const TickReport report = tick(db(), d(2027, 1, 1), "t", options);
    EXPECT_FALSE(report.ran);
    EXPECT_FALSE(report.changed());
    EXPECT_EQ(count_rows(db(), "rounds"), 0);
    EXPECT_EQ(count_rows(db(), "tick_state"), 0);
  }
  TickOptions options;
  options.wait_for_lock = false;
  EXPECT_EQ(tick(db(), d(2027, 1, 1), "t", options).created.size(), 10u);
}

INSTANTIATE_TEST_SUITE_P(Backends, TickTest,
                         ::testing::Values(storage::Backend::sqlite, storage::Backend::postgresql),
                         testing::backend_name);

}  // namespace
}  // namespace sagsaudit
