// Rounds: created once (also under concurrent callers), listed in window order, and moved only
// by compare-and-set.
#include "storage/round_repository.hpp"

#include <gtest/gtest.h>

#include <thread>

#include "domain/errors.hpp"
#include "storage/migrations.hpp"
#include "storage/storage_test_support.hpp"
#include "storage/workflow_storage_support.hpp"

namespace sagsaudit::storage {
namespace {

using testing::row_count;
using testing::sample_round;

class RoundRepositoryTest : public testing::MigratedStorageTest {
 protected:
  void SetUp() override {
    MigratedStorageTest::SetUp();
    if (IsSkipped()) return;
    testing::insert_versions(db());
  }
};

TEST_F(RoundRepositoryTest, CreateStoresTheRoundOnceAndReadsItBack) {
  auto rounds = make_round_repository(db());
  const Round round = sample_round();
  EXPECT_TRUE(rounds->create(round));
  Round changed = round;
  changed.state = RoundState::closed;
  changed.created_at = "later";
  EXPECT_FALSE(rounds->create(changed));
  EXPECT_EQ(row_count(db(), "rounds"), 1);

  const auto stored = rounds->find("sygedagpenge-2027-K3");
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->id, "sygedagpenge-2027-K3");
  EXPECT_EQ(stored->benefit_type, "sygedagpenge");
  EXPECT_EQ(stored->period.to_string(), "2027-K3");
  EXPECT_EQ(stored->state, RoundState::planned);
  EXPECT_EQ(to_iso(stored->window_opens), "2027-10-01");
  EXPECT_EQ(to_iso(stored->window_closes), "2027-10-30");
  EXPECT_EQ(stored->concept_version, testing::kConcept);
  EXPECT_EQ(stored->wheel_version, testing::kWheel);
  EXPECT_EQ(stored->created_at, "2027-07-01T05:00:00Z");
  EXPECT_FALSE(rounds->find("sygedagpenge-2027-K4"));
}

TEST_F(RoundRepositoryTest, ListFiltersAndOrdersByWindowThenId) {
  auto rounds = make_round_repository(db());
  for (const char* id : {"sygedagpenge-2027-K3", "delpension-2027", "kontanthjaelp-2027-K3",
                         "sygedagpenge-2026-K4", "sygedagpenge-2027-K1"}) {
    rounds->create(sample_round(id));
  }
  rounds->set_state("kontanthjaelp-2027-K3", RoundState::planned, RoundState::population_loaded);
  auto ids = [](const std::vector<Round>& list) {
    std::vector<std::string> out;
    for (const auto& r : list) out.push_back(r.id);
    return out;
  };
  EXPECT_EQ(ids(rounds->list()),
            (std::vector<std::string>{"sygedagpenge-2026-K4", "sygedagpenge-2027-K1",
                                      "kontanthjaelp-2027-K3", "sygedagpenge-2027-K3",
                                      "delpension-2027"}));
  RoundFilter year;
  year.year = 2026;
  EXPECT_EQ(ids(rounds->list(year)), std::vector<std::string>{"sygedagpenge-2026-K4"});
  RoundFilter state;
  state.state = RoundState::population_loaded;
  EXPECT_EQ(ids(rounds->list(state)), std::vector<std::string>{"kontanthjaelp-2027-K3"});
  RoundFilter type;
  type.benefit_type = "sygedagpenge";
  type.year = 2027;
  EXPECT_EQ(ids(rounds->list(type)),
            (std::vector<std::string>{"sygedagpenge-2027-K1", "sygedagpenge-2027-K3"}));
}

TEST_F(RoundRepositoryTest, SetStateIsACompareAndSet) {
  auto rounds = make_round_repository(db());
  rounds->create(sample_round());
  rounds->set_state("sygedagpenge-2027-K3", RoundState::planned, RoundState::population_loaded);
  try {
    rounds->set_state("sygedagpenge-2027-K3", RoundState::planned, RoundState::population_loaded);
    FAIL() << "not refused";
  } catch (const ConflictError& error) {
    EXPECT_STREQ(error.what(),
                 "runden sygedagpenge-2027-K3 er 'population indlæst', ikke 'planlagt' (en "
                 "anden har ændret den imens)");
  }
  EXPECT_THROW(rounds->set_state("nope-2027-K1", RoundState::planned, RoundState::closed),
               NotFound);
  EXPECT_EQ(rounds->find("sygedagpenge-2027-K3")->state, RoundState::population_loaded);
}

TEST_F(RoundRepositoryTest, ConcurrentCreatorsMakeOneRow) {
  std::vector<int> created(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      auto connection = Database::open(url());
      auto rounds = make_round_repository(*connection);
      for (int q = 1; q <= 4; ++q) {
        created[t] += rounds->create(sample_round("sygedagpenge-2027-K" + std::to_string(q)));
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(created[0] + created[1] + created[2] + created[3], 4);
  EXPECT_EQ(row_count(db(), "rounds"), 4);
}

TEST_F(RoundRepositoryTest, ARoundMustReferToStoredVersions) {
  Round round = sample_round();
  round.concept_version = std::string(64, 'x');
  EXPECT_THROW(make_round_repository(db())->create(round), StorageError);
}

}  // namespace
}  // namespace sagsaudit::storage
