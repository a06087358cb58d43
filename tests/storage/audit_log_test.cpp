// The audit log: a hash chain that verify recomputes; any edit or deletion made by hand in SQL
// is found and named; concurrent appenders never fork the chain.
#include "storage/audit_log.hpp"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include <atomic>
#include <stdexcept>
#include <thread>

#include "domain/portable_sha256.hpp"
#include "storage/audit_hash.hpp"
#include "storage/storage_test_support.hpp"

namespace sagsaudit::storage {
namespace {

using testing::row_count;

class AuditLogTest : public testing::MigratedStorageTest {
 protected:
  AuditRecord record(int n) {
    return AuditRecord{"2027-04-01T08:00:0" + std::to_string(n % 10) + "Z",
                       "cli:kirsten",
                       "round.transition",
                       "round",
                       "sygedagpenge-2027-K" + std::to_string(n % 4 + 1),
                       "planned",
                       "population_loaded",
                       "{\"n\":" + std::to_string(n) + ",\"tekst\":\"æøå\\n\"}"};
  }
  void append(int count) {
    auto log = make_audit_log(db());
    for (int i = 1; i <= count; ++i) log->append(record(i));
  }
};

TEST_F(AuditLogTest, TheHashIsDefinedAsDocumented) {
  const AuditRecord r{"2027-04-01T08:00:00Z", "system", "round.create", "round",
                      "delpension-2027",      "",       "planned",      "{}"};
  const std::string input = audit_hash_input(kAuditGenesisHash, 1, r);
  EXPECT_EQ(input, "64:" + std::string(64, '0') +
                       "\n1:1\n20:2027-04-01T08:00:00Z\n6:system\n12:round.create\n5:round\n"
                       "15:delpension-2027\n0:\n7:planned\n2:{}\n");
  EXPECT_EQ(audit_entry_hash(kAuditGenesisHash, 1, r), portable_sha256_hex(input));
  // The worked example of docs/workflow.md, computed there with Python's hashlib.
  EXPECT_EQ(audit_entry_hash(kAuditGenesisHash, 1, r),
            "3c0789280387609d87065b255fa22ade2b50da27b59af0b76a46fe020b96fe28");
}

TEST_F(AuditLogTest, EntriesAreChainedInOrder) {
  auto log = make_audit_log(db());
  const AuditEntry first = log->append(record(1));
  const AuditEntry second = log->append(record(2));
  EXPECT_EQ(first.seq, 1);
  EXPECT_EQ(first.previous_hash, kAuditGenesisHash);
  EXPECT_EQ(first.hash, audit_entry_hash(kAuditGenesisHash, 1, record(1)));
  EXPECT_EQ(second.seq, 2);
  EXPECT_EQ(second.previous_hash, first.hash);
  const auto listed = log->list();
  ASSERT_EQ(listed.size(), 2u);
  EXPECT_EQ(listed[1].record.details, record(2).details);
  EXPECT_EQ(listed[1].hash, second.hash);
  const auto verification = log->verify();
  EXPECT_TRUE(verification.ok);
  EXPECT_EQ(verification.entries, 2);
  EXPECT_FALSE(verification.broken);
}

TEST_F(AuditLogTest, ListFilters) {
  append(8);
  auto log = make_audit_log(db());
  AuditFilter by_object;
  by_object.object_id = "sygedagpenge-2027-K2";
  const auto k2 = log->list(by_object);
  ASSERT_EQ(k2.size(), 2u);
  EXPECT_EQ(k2[0].seq, 1);
  EXPECT_EQ(k2[1].seq, 5);
  AuditFilter page;
  page.after_seq = 3;
  page.limit = 2;
  const auto rest = log->list(page);
  ASSERT_EQ(rest.size(), 2u);
  EXPECT_EQ(rest[0].seq, 4);
  AuditFilter type;
  type.object_type = "case_review";
  EXPECT_TRUE(log->list(type).empty());
}

TEST_F(AuditLogTest, AnEmptyLogVerifies) {
  const auto v = make_audit_log(db())->verify();
  EXPECT_TRUE(v.ok);
  EXPECT_EQ(v.entries, 0);
}

TEST_F(AuditLogTest, AChangedEntryIsNamed) {
  append(5);
  db().session() << "UPDATE audit_log SET actor = 'cli:mallory' WHERE seq = 3";
  const auto v = make_audit_log(db())->verify();
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.broken, 3);
  EXPECT_EQ(v.problem, "post 3 er ændret");
  EXPECT_EQ(v.entries, 5);
}

TEST_F(AuditLogTest, AnEntryWithARecomputedHashBreaksTheLinkOfTheNext) {
  append(5);
  AuditRecord forged = record(3);
  forged.to_state = "closed";
  const auto entries = make_audit_log(db())->list();
  const std::string hash = audit_entry_hash(entries[1].hash, 3, forged);
  db().session() << "UPDATE audit_log SET to_state = 'closed', hash = :h WHERE seq = 3",
      soci::use(hash);
  const auto v = make_audit_log(db())->verify();
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.broken, 4);
  EXPECT_EQ(v.problem, "post 4 peger ikke på post 3 (kæden er brudt)");
}

TEST_F(AuditLogTest, ADeletedEntryIsNamed) {
  append(5);
  db().session() << "DELETE FROM audit_log WHERE seq = 2";
  const auto v = make_audit_log(db())->verify();
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.broken, 2);
  EXPECT_EQ(v.problem, "post 2 mangler");
  EXPECT_EQ(v.entries, 4);
}

TEST_F(AuditLogTest, DeletedNewestEntriesAreNamedThroughTheHead) {
  append(5);
  db().session() << "DELETE FROM audit_log WHERE seq >= 4";
  const auto v = make_audit_log(db())->verify();
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.broken, 4);
  EXPECT_EQ(v.problem, "post 4–5 mangler");
}

TEST_F(AuditLogTest, AnEntryAddedByHandIsNamedEvenWithACorrectHash) {
  append(2);
  const auto entries = make_audit_log(db())->list();
  const AuditRecord forged = record(9);
  const std::string hash = audit_entry_hash(entries[1].hash, 3, forged);
  db().session() << "INSERT INTO audit_log (seq, at, actor, action, object_type, object_id, "
                    "from_state, to_state, details, previous_hash, hash) VALUES (3, :at, "
                    ":actor, :action, :type, :id, :from_state, :to_state, :details, :previous, "
                    ":hash)",
      soci::use(forged.at), soci::use(forged.actor), soci::use(forged.action),
      soci::use(forged.object_type), soci::use(forged.object_id), soci::use(forged.from_state),
      soci::use(forged.to_state), soci::use(forged.details), soci::use(entries[1].hash),
      soci::use(hash);
  const auto v = make_audit_log(db())->verify();
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.broken, 3);
  EXPECT_EQ(v.problem, "post 3 er ikke skrevet af sagsaudit (hovedet står på post 2)");
}

TEST_F(AuditLogTest, AnAppendInARolledBackTransactionLeavesNoTrace) {
  append(1);
  {
    Transaction transaction(db());
    make_audit_log(db())->append(record(2));
  }
  EXPECT_EQ(row_count(db(), "audit_log"), 1);
  const auto next = make_audit_log(db())->append(record(3));
  EXPECT_EQ(next.seq, 2);
  EXPECT_TRUE(make_audit_log(db())->verify().ok);
}

TEST_F(AuditLogTest, ConcurrentAppendersNeverForkTheChain) {
  constexpr int kThreads = 4;
  constexpr int kEach = 25;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      auto connection = Database::open(url());
      auto log = make_audit_log(*connection);
      for (int i = 0; i < kEach; ++i) log->append(record(t * 100 + i));
    });
  }
  for (auto& thread : threads) thread.join();
  const auto v = make_audit_log(db())->verify();
  EXPECT_TRUE(v.ok) << v.problem;
  EXPECT_EQ(v.entries, kThreads * kEach);
}

// Issue 9: `audit verify` while a server appends (the load bench) must not report the entries
// committed during the check as missing.
TEST_F(AuditLogTest, VerifyWhileOthersAppendReportsNoFalseBreak) {
  append(1);
  std::atomic<bool> done{false};
  std::vector<std::thread> writers;
  for (int t = 0; t < 2; ++t) {
    writers.emplace_back([&, t] {
      auto connection = Database::open(url());
      auto log = make_audit_log(*connection);
      for (int i = 0; i < 150; ++i) log->append(record(t * 1000 + i));
    });
  }
  std::thread stopper([&] {
    for (auto& w : writers) w.join();
    done = true;
  });
  auto reader = Database::open(url());
  int checks = 0;
  while (!done) {
    const auto v = make_audit_log(*reader)->verify();
    EXPECT_TRUE(v.ok) << v.problem;
    if (!v.ok) break;  // (the writers are still joined below)
    ++checks;
  }
  stopper.join();
  EXPECT_GT(checks, 0);
  const auto v = make_audit_log(db())->verify();
  EXPECT_TRUE(v.ok) << v.problem;
  EXPECT_EQ(v.entries, 301);
}

// AuditLog::hold: a change takes the head before anything else, so changes that also lock rows
// of their own (a review's) wait at the head instead of deadlocking each other.
TEST_F(AuditLogTest, HoldOutsideATransactionIsAProgrammingError) {
  EXPECT_THROW(make_audit_log(db())->hold(), std::logic_error);
}

TEST_F(AuditLogTest, HoldKeepsOtherAppendersWaitingUntilCommit) {
  if (db().backend() != Backend::postgresql) {
    GTEST_SKIP() << "SQLite: BEGIN IMMEDIATE serialises writers; hold has nothing to take";
  }
  auto other = Database::open(url());
  // The other connection gives up after waiting 300 ms instead of waiting for the commit: the
  // lock is held either way, so what the test sees does not depend on timing.
  other->session() << "SET lock_timeout = '300ms'";
  {
    Transaction transaction(db());
    make_audit_log(db())->hold();
    EXPECT_THROW(make_audit_log(*other)->append(record(1)), StorageError);
    make_audit_log(db())->append(record(2));
    transaction.commit();
  }
  const auto entry = make_audit_log(*other)->append(record(3));
  EXPECT_EQ(entry.seq, 2);
  EXPECT_TRUE(make_audit_log(db())->verify().ok);
}

}  // namespace
}  // namespace sagsaudit::storage
