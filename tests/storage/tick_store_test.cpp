// The scheduler's memory: first year, latest day, milestones once each, and the lock.
#include "storage/tick_store.hpp"

#include <gtest/gtest.h>

#include "domain/errors.hpp"
#include "storage/round_repository.hpp"
#include "storage/storage_test_support.hpp"
#include "storage/workflow_storage_support.hpp"

namespace sagsaudit::storage {
namespace {

class TickStoreTest : public testing::MigratedStorageTest {};

TEST_F(TickStoreTest, TheFirstTickFixesTheFirstYearAndLastDayOnlyMovesForward) {
  auto store = make_tick_store(db());
  EXPECT_FALSE(store->state());
  const auto first = store->record(make_date(2027, 3, 15));
  EXPECT_EQ(first.first_year, 2027);
  store->record(make_date(2028, 1, 2));
  store->record(make_date(2027, 6, 1));
  const auto state = store->state();
  ASSERT_TRUE(state);
  EXPECT_EQ(state->first_year, 2027);
  EXPECT_EQ(to_iso(state->last_day), "2028-01-02");
}

TEST_F(TickStoreTest, MilestonesAreRecordedOnce) {
  testing::insert_versions(db());
  make_round_repository(db())->create(testing::sample_round());
  auto store = make_tick_store(db());
  const Date day = make_date(2027, 10, 1);
  EXPECT_TRUE(store->record_milestone("sygedagpenge-2027-K3", RoundMilestone::window_opened, day));
  EXPECT_FALSE(store->record_milestone("sygedagpenge-2027-K3", RoundMilestone::window_opened, day));
  const auto flags = store->milestones();
  ASSERT_EQ(flags.size(), 1u);
  EXPECT_TRUE(flags.at("sygedagpenge-2027-K3").window_opened);
  EXPECT_FALSE(flags.at("sygedagpenge-2027-K3").window_closed);
}

TEST_F(TickStoreTest, TheLockNeedsATransactionAndExcludesASecondConnection) {
  auto store = make_tick_store(db());
  EXPECT_THROW(store->lock(true), StorageError);
  auto other = Database::open(url());
  if (db().backend() == Backend::postgresql) {
    Transaction mine(db());
    EXPECT_TRUE(store->lock(false));
    Transaction theirs(*other);
    EXPECT_FALSE(make_tick_store(*other)->lock(false));
  } else {
    Transaction mine(db());
    EXPECT_TRUE(store->lock(false));  // SQLite: BEGIN IMMEDIATE is the lock
  }
  Transaction after(*other);
  EXPECT_TRUE(make_tick_store(*other)->lock(false));  // released at the end of `mine`
}

}  // namespace
}  // namespace sagsaudit::storage
