// The schema is built by numbered migrations, each run once and recorded.
#include "storage/migrations.hpp"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include <algorithm>
#include <numeric>
#include <regex>
#include <thread>

#include "domain/errors.hpp"
#include "storage/storage_test_support.hpp"

namespace sagsaudit::storage {
namespace {

using testing::row_count;

class MigrationsTest : public testing::StorageTest {};

std::vector<std::string> table_names(Database& db) {
  std::vector<std::string> names;
  std::string name;
  soci::statement query =
      db.backend() == Backend::sqlite
          ? (db.session().prepare << "SELECT name FROM sqlite_master WHERE type = 'table' "
                                     "AND name NOT LIKE 'sqlite%'",
             soci::into(name))
          : (db.session().prepare << "SELECT table_name FROM information_schema.tables "
                                     "WHERE table_schema = current_schema()",
             soci::into(name));
  query.execute();
  while (query.fetch()) names.push_back(name);
  std::sort(names.begin(), names.end());
  return names;
}

std::string migrate_error(Database& db, const std::vector<Migration>& migrations) {
  try {
    migrate(db, migrations);
  } catch (const StorageError& error) {
    return error.what();
  }
  return "(no error)";
}

// The newest migration this program knows; the tests below run all of them.
int latest() {
  return static_cast<int>(known_migrations().size());
}

TEST(KnownMigrations, AreNumberedFromOneWithoutGaps) {
  const auto& list = known_migrations();
  ASSERT_FALSE(list.empty());
  for (std::size_t i = 0; i < list.size(); ++i) {
    EXPECT_EQ(list[i].number, static_cast<int>(i) + 1);
    EXPECT_FALSE(list[i].name.empty());
    EXPECT_FALSE(list[i].statements.empty());
  }
}

TEST_F(MigrationsTest, FirstMigrateCreatesTheTablesAndRecordsEveryMigration) {
  const MigrationReport report = migrate(db());
  EXPECT_EQ(report.applied, 12);
  EXPECT_EQ(report.current, 12);
  EXPECT_EQ(latest(), 12);

  const auto applied = applied_migrations(db());
  ASSERT_EQ(applied.size(), 12u);
  for (int i = 0; i < 12; ++i) EXPECT_EQ(applied[static_cast<std::size_t>(i)].number, i + 1);
  EXPECT_EQ(applied[0].name, "concepts and annual wheel");
  EXPECT_TRUE(
      std::regex_match(applied[0].applied_at, std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)")))
      << applied[0].applied_at;

  // Every table of migrations 1–12 (docs/storage.md lists which migration makes which).
  EXPECT_EQ(table_names(db()), (std::vector<std::string>{
                                   "audit_head",
                                   "audit_log",
                                   "blind_rounds",
                                   "case_reviews",
                                   "concept_controls",
                                   "concept_loads",
                                   "concept_versions",
                                   "corrections",
                                   "external_review_answers",
                                   "external_reviews",
                                   "initiative_status_changes",
                                   "initiatives",
                                   "login_failures",
                                   "notification_reads",
                                   "notifications",
                                   "population_cases",
                                   "population_centers",
                                   "populations",
                                   "report_cell_controls",
                                   "report_cell_levels",
                                   "report_summary_rounds",
                                   "report_version",
                                   "review_answers",
                                   "round_milestones",
                                   "rounds",
                                   "sample_exclusions",
                                   "sample_picks",
                                   "sample_protocols",
                                   "sample_strata",
                                   "schema_migrations",
                                   "sessions",
                                   "tick_state",
                                   "user_centers",
                                   "user_credentials",
                                   "users",
                                   "wheel_centers",
                                   "wheel_column_names",
                                   "wheel_entries",
                                   "wheel_loads",
                                   "wheel_versions",
                               }));
}

TEST_F(MigrationsTest, MigrateAgainIsANoOp) {
  migrate(db());
  const auto before = applied_migrations(db());
  const MigrationReport again = migrate(db());
  EXPECT_EQ(again.applied, 0);
  EXPECT_EQ(again.current, latest());
  const auto after = applied_migrations(db());
  ASSERT_EQ(after.size(), static_cast<std::size_t>(latest()));
  EXPECT_EQ(after[0].applied_at, before[0].applied_at);

  // Another connection (another instance of the program) finds nothing to do either.
  auto other = Database::open(url());
  EXPECT_EQ(migrate(*other).applied, 0);
}

TEST_F(MigrationsTest, InstancesStartingTogetherMigrateOnce) {
  constexpr int kInstances = 4;
  std::vector<int> applied(kInstances, -1);
  std::vector<std::string> errors(kInstances);
  std::vector<std::thread> instances;
  for (int i = 0; i < kInstances; ++i) {
    instances.emplace_back([&, i] {
      try {
        auto own = Database::open(url());
        applied[i] = migrate(*own).applied;
      } catch (const std::exception& error) {
        errors[i] = error.what();
      }
    });
  }
  for (auto& instance : instances) instance.join();
  for (int i = 0; i < kInstances; ++i) EXPECT_EQ(errors[i], "") << "instance " << i;
  // Each migration runs in a transaction of its own, so the instances may share the work (one
  // runs 1–2, another 3–5); what matters is that every migration ran exactly once.
  EXPECT_EQ(std::accumulate(applied.begin(), applied.end(), 0), latest());
  const auto recorded = applied_migrations(db());
  ASSERT_EQ(recorded.size(), static_cast<std::size_t>(latest()));
  for (int i = 0; i < latest(); ++i) {
    EXPECT_EQ(recorded[static_cast<std::size_t>(i)].number, i + 1);
  }
}

TEST_F(MigrationsTest, NewerDatabaseIsRefused) {
  migrate(db());
  const int newer = latest() + 1;
  db().session() << "INSERT INTO schema_migrations (number, name, applied_at) "
                    "VALUES (:number, 'from a newer sagsaudit', '2027-01-01T00:00:00Z')",
      soci::use(newer);
  EXPECT_EQ(migrate_error(db(), known_migrations()),
            "database is newer than this program: " + db().redacted_url() +
                " has schema migration " + std::to_string(newer) + ", this program knows up to " +
                std::to_string(latest()) + ". Use the newer sagsaudit that migrated it.");
}

TEST_F(MigrationsTest, FailedMigrationLeavesTheSchemaAtThePreviousNumber) {
  std::vector<Migration> list = known_migrations();
  const int broken = latest() + 1;
  list.push_back(Migration{broken,
                           "broken",
                           {{"CREATE TABLE half_done (x INTEGER)", ""},
                            {"CREATE TABLE concept_versions (x INTEGER)", ""}}});
  const std::string message = migrate_error(db(), list);
  EXPECT_EQ(message.rfind("migration " + std::to_string(broken) + " (broken) failed on " +
                              db().redacted_url() + ": ",
                          0),
            0u)
      << message;

  const auto applied = applied_migrations(db());
  ASSERT_EQ(applied.size(), static_cast<std::size_t>(latest()));
  EXPECT_EQ(applied.back().number, latest());
  const auto tables = table_names(db());
  EXPECT_EQ(std::count(tables.begin(), tables.end(), "half_done"), 0);
  EXPECT_EQ(row_count(db(), "schema_migrations"), latest());
}

}  // namespace
}  // namespace sagsaudit::storage
