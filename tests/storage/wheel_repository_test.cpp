// The årshjul is stored whole, frozen per version, and the one stored last is current.
#include "storage/wheel_repository.hpp"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include "domain/errors.hpp"
#include "storage/storage_test_support.hpp"

namespace sagsaudit::storage {
namespace {

using testing::fake_version;
using testing::row_count;

class WheelRepositoryTest : public testing::MigratedStorageTest {};

Decimal dec(const char* text) {
  return *parse_decimal(text);
}

AnnualWheel wheel(const std::string& version) {
  AnnualWheel w;
  w.title = "Årshjul for kvalitetskontrol 2026 – Beskæftigelses- og Integrationsforvaltningen";
  w.thresholds.green_min = 96;
  w.thresholds.yellow_min = 80;
  w.window_days = 45;
  w.not_assessable_is_error = true;
  w.independent_assignment = true;
  w.strategic_goal = StrategicGoal{2026, 2028, dec("0.50")};
  w.column_names = {{"cpr", "CPR-nr."}, {"afgørelsesdato", "Afgørelse"}};
  w.version = version;
  w.source_file = "annual-wheel/aarshjul.toml";
  w.centers = {{"jc-amager", "Jobcenter Amager", {}},
               {"jc-noerrebro", "Jobcenter Nørrebro", {}},
               {"jc-oesterbro", "Jobcenter Østerbro", {}}};
  w.entries = {
      {"sygedagpenge",
       "Sygedagpenge",
       Frequency::quarterly,
       FixedSampleRule{10},
       std::nullopt,
       {},
       {},
       {}},
      {"integration",
       "Integrations- og repatrieringsloven",
       Frequency::half_yearly,
       PercentSampleRule{dec("2.5"), 5, 40},
       60,
       {},
       {},
       {}},
      {"delpension",
       "Delpension",
       Frequency::yearly,
       StatisticalSampleRule{dec("0.05"), dec("0.010"), dec("0.95"), Likelihood::poisson},
       std::nullopt,
       {},
       {},
       {}},
      {"kontanthjaelp",
       "Kontanthjælp",
       Frequency::quarterly,
       StatisticalSampleRule{dec("0.1"), dec("2"), dec("0.9"), Likelihood::hypergeometric},
       0,
       {},
       {},
       {}},
  };
  return w;
}

void expect_same(const AnnualWheel& actual, const AnnualWheel& expected) {
  EXPECT_EQ(actual.title, expected.title);
  EXPECT_EQ(actual.thresholds.green_min, expected.thresholds.green_min);
  EXPECT_EQ(actual.thresholds.yellow_min, expected.thresholds.yellow_min);
  EXPECT_EQ(actual.window_days, expected.window_days);
  EXPECT_EQ(actual.not_assessable_is_error, expected.not_assessable_is_error);
  EXPECT_EQ(actual.independent_assignment, expected.independent_assignment);
  EXPECT_EQ(actual.column_names, expected.column_names);
  ASSERT_EQ(actual.strategic_goal.has_value(), expected.strategic_goal.has_value());
  if (expected.strategic_goal) {
    EXPECT_EQ(actual.strategic_goal->baseline_year, expected.strategic_goal->baseline_year);
    EXPECT_EQ(actual.strategic_goal->target_year, expected.strategic_goal->target_year);
    EXPECT_EQ(actual.strategic_goal->reduction.to_string(),
              expected.strategic_goal->reduction.to_string());
  }
  EXPECT_EQ(actual.version, expected.version);
  EXPECT_EQ(actual.source_file, expected.source_file);
  ASSERT_EQ(actual.centers.size(), expected.centers.size());
  for (std::size_t i = 0; i < expected.centers.size(); ++i) {
    EXPECT_EQ(actual.centers[i].code, expected.centers[i].code);
    EXPECT_EQ(actual.centers[i].name, expected.centers[i].name);
  }
  ASSERT_EQ(actual.entries.size(), expected.entries.size());
  for (std::size_t i = 0; i < expected.entries.size(); ++i) {
    SCOPED_TRACE(expected.entries[i].benefit_type);
    EXPECT_EQ(actual.entries[i].benefit_type, expected.entries[i].benefit_type);
    EXPECT_EQ(actual.entries[i].name, expected.entries[i].name);
    EXPECT_EQ(actual.entries[i].frequency, expected.entries[i].frequency);
    EXPECT_EQ(actual.entries[i].window_days, expected.entries[i].window_days);
    EXPECT_EQ(describe(actual.entries[i].sample_rule), describe(expected.entries[i].sample_rule));
  }
}

TEST_F(WheelRepositoryTest, WheelRoundTripKeepsEveryRuleKindExactly) {
  auto repo = make_wheel_repository(db());
  const AnnualWheel original = wheel(fake_version('w'));
  EXPECT_TRUE(repo->store(original));

  const auto loaded = repo->load(fake_version('w'));
  ASSERT_TRUE(loaded);
  expect_same(*loaded, original);

  const auto& e = loaded->entries;
  ASSERT_EQ(e.size(), 4u);
  EXPECT_EQ(std::get<FixedSampleRule>(e[0].sample_rule).per_center, 10);
  EXPECT_EQ(e[0].window_days, std::nullopt);
  EXPECT_EQ(loaded->window_days_for(e[0]), 45);

  const auto& percent = std::get<PercentSampleRule>(e[1].sample_rule);
  EXPECT_EQ(percent.percent.to_string(), "2.5");
  EXPECT_EQ(percent.min, 5);
  EXPECT_EQ(percent.max, 40);
  EXPECT_EQ(e[1].window_days, 60);

  const auto& poisson = std::get<StatisticalSampleRule>(e[2].sample_rule);
  EXPECT_EQ(poisson.tolerable.to_string(), "0.05");
  EXPECT_EQ(poisson.expected.to_string(), "0.01");  // the same number as "0.010"
  EXPECT_TRUE(poisson.expected == dec("0.010"));
  EXPECT_EQ(poisson.confidence.to_string(), "0.95");
  EXPECT_EQ(poisson.likelihood, Likelihood::poisson);

  const auto& hyper = std::get<StatisticalSampleRule>(e[3].sample_rule);
  EXPECT_EQ(hyper.expected.to_string(), "2");
  EXPECT_EQ(hyper.likelihood, Likelihood::hypergeometric);
  EXPECT_EQ(e[3].window_days, 0);  // written as 0 is not the same as not written
}

TEST_F(WheelRepositoryTest, NoWheelBeforeTheFirstStore) {
  auto repo = make_wheel_repository(db());
  EXPECT_FALSE(repo->current());
  EXPECT_FALSE(repo->load(fake_version('w')));
}

TEST_F(WheelRepositoryTest, CurrentWheelIsTheOneStoredLastAndRevertingMakesTheOldOneCurrent) {
  auto repo = make_wheel_repository(db());
  AnnualWheel v1 = wheel(fake_version('1'));
  AnnualWheel v2 = wheel(fake_version('2'));
  v2.title = "Årshjul 2027";
  v2.centers.pop_back();

  EXPECT_TRUE(repo->store(v1));
  EXPECT_TRUE(repo->store(v2));
  ASSERT_TRUE(repo->current());
  expect_same(*repo->current(), v2);

  EXPECT_FALSE(repo->store(v2));  // unchanged file: nothing new
  EXPECT_EQ(row_count(db(), "wheel_loads"), 2);

  EXPECT_FALSE(repo->store(v1));  // the old file back
  ASSERT_TRUE(repo->current());
  expect_same(*repo->current(), v1);
  EXPECT_EQ(row_count(db(), "wheel_versions"), 2);
  EXPECT_EQ(row_count(db(), "wheel_centers"), 5);
  EXPECT_EQ(row_count(db(), "wheel_entries"), 8);
}

TEST_F(WheelRepositoryTest, WheelStoreInsideATransactionIsUndoneWithIt) {
  auto repo = make_wheel_repository(db());
  {
    Transaction transaction(db());
    EXPECT_TRUE(repo->store(wheel(fake_version('w'))));
  }
  EXPECT_FALSE(repo->current());
  EXPECT_EQ(row_count(db(), "wheel_versions"), 0);
  EXPECT_EQ(row_count(db(), "wheel_centers"), 0);
  EXPECT_EQ(row_count(db(), "wheel_entries"), 0);
  EXPECT_EQ(row_count(db(), "wheel_loads"), 0);
}

TEST_F(WheelRepositoryTest, FailedWheelStoreLeavesNothing) {
  auto repo = make_wheel_repository(db());
  AnnualWheel broken = wheel(fake_version('b'));
  broken.centers.push_back(broken.centers.front());  // the database refuses duplicate codes
  EXPECT_THROW(repo->store(broken), StorageError);
  EXPECT_FALSE(repo->current());
  EXPECT_EQ(row_count(db(), "wheel_versions"), 0);
}

TEST_F(WheelRepositoryTest, HandEditedDecimalIsAStorageErrorNamingTheColumn) {
  make_wheel_repository(db())->store(wheel(fake_version('w')));
  db().session() << "UPDATE wheel_entries SET percent_value = '2,5' "
                    "WHERE benefit_type = 'integration'";
  try {
    make_wheel_repository(db())->current();
    ADD_FAILURE() << "loaded";
  } catch (const StorageError& error) {
    EXPECT_EQ(std::string(error.what()),
              "årshjul version " + fake_version('w') +
                  ", ydelsestype integration, column percent_value: \"2,5\" is not an exact "
                  "decimal");
  }
}

TEST_F(WheelRepositoryTest, WheelWithoutVersionIsRefused) {
  EXPECT_THROW(make_wheel_repository(db())->store(wheel("")), ValidationError);
}

}  // namespace
}  // namespace sagsaudit::storage
