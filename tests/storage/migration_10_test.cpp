// Migration 10 (slimmer population_cases) converts what the old schema stored: a database
// written by migrations 1–9 keeps every population readable, with the same CPR hash bytes, the
// same picks, and population ids in import order; new imports continue after them.
#include <soci/soci.h>

#include <gtest/gtest.h>

#include <algorithm>

#include "storage/concept_repository.hpp"
#include "storage/migrations.hpp"
#include "storage/population_repository.hpp"
#include "storage/round_repository.hpp"
#include "storage/sample_repository.hpp"
#include "storage/storage_test_support.hpp"
#include "storage/wheel_repository.hpp"

namespace sagsaudit::storage {
namespace {

using testing::fake_version;
using testing::row_count;

// A hash whose hex has a zero byte and bytes above 0x7f, as stored by migration 4 (lower case).
constexpr const char* kOldHash = "00ff80017f5d15438c1c844d84c865f9ca9a2f95875e1859eaf63c0d81edfacd";

class Migration10Test : public testing::StorageTest {
 protected:
  // The schema as it was before migration 10, with a concept, an årshjul and three rounds.
  void SetUp() override {
    StorageTest::SetUp();
    if (IsSkipped()) return;
    const auto& known = known_migrations();
    migrate(db(), std::vector<Migration>(known.begin(), known.begin() + 9));
    Concept concept_version;
    concept_version.benefit_type = "sygedagpenge";
    concept_version.title = "Kvalitetskoncept for sygedagpenge";
    concept_version.version = fake_version('c');
    concept_version.source_file = "concepts/sygedagpenge.toml";
    concept_version.controls = {
        {"SD-N01", Category::key_control, "Er der refusion?", "Sygedagpengeloven", "", true, {}}};
    make_concept_repository(db())->store(concept_version);
    AnnualWheel wheel;
    wheel.title = "Årshjul";
    wheel.version = fake_version('w');
    wheel.source_file = "aarshjul.toml";
    wheel.centers = {{"jc-amager", "Jobcenter Amager", {}}, {"jc-nord", "Jobcenter Nord", {}}};
    wheel.entries = {{"sygedagpenge",
                      "Sygedagpenge",
                      Frequency::quarterly,
                      FixedSampleRule{3},
                      std::nullopt,
                      {},
                      {},
                      {}}};
    make_wheel_repository(db())->store(wheel);
    for (const char* period : {"2026-K4", "2027-K1", "2027-K2"}) {
      Round round;
      round.id = std::string("sygedagpenge-") + period;
      round.benefit_type = "sygedagpenge";
      round.period = *parse_period(period);
      round.window_opens = make_date(2027, 4, 1);
      round.window_closes = make_date(2027, 4, 30);
      round.concept_version = fake_version('c');
      round.wheel_version = fake_version('w');
      round.created_at = "2027-01-01T00:00:00Z";
      ASSERT_TRUE(make_round_repository(db())->create(round));
    }
  }

  // One population as migration 4 stored it: its row, its centers and its cases.
  void old_population(const std::string& round, const std::string& imported_at,
                      const std::vector<std::string>& amager_cases) {
    auto& sql = db().session();
    const int rows = static_cast<int>(amager_cases.size());
    const std::string sha(64, 'f'), hash(kOldHash);
    sql << "INSERT INTO populations (round_id, file_name, file_sha256, encoding, row_count, "
           "cpr_key_id, imported_at, imported_by) VALUES (:round, 'pop.csv', :sha, 'utf-8', "
           ":rows, 'k1:0011223344556677', :at, 'cli:jens')",
        soci::use(round), soci::use(sha), soci::use(rows), soci::use(imported_at);
    std::string numbers;
    for (const auto& number : amager_cases) numbers += number + "\n";
    sql << "INSERT INTO population_centers (round_id, center, case_count, case_numbers) "
           "VALUES (:round, 'jc-amager', :rows, :numbers)",
        soci::use(round), soci::use(rows), soci::use(numbers);
    sql << "INSERT INTO population_centers (round_id, center, case_count, case_numbers) "
           "VALUES (:round, 'jc-nord', 0, '')",
        soci::use(round);
    int line = 2;
    for (const auto& number : amager_cases) {
      sql << "INSERT INTO population_cases (round_id, case_number, center, cpr_hash, masked_cpr, "
             "case_worker, decision_date, line, attributes) VALUES (:round, :number, "
             "'jc-amager', :hash, '010180-xxxx', 'Jens Hansen', '2027-02-01', :line, "
             "'{\"beløb\":\"1.234,50\"}')",
          soci::use(round), soci::use(number), soci::use(hash), soci::use(line);
      ++line;
    }
  }
};

TEST_F(Migration10Test, ConvertsThePopulationsTheOldSchemaStored) {
  // Imported K1 first, then K4 of the year before: ids follow the import time, not the round.
  old_population("sygedagpenge-2027-K1", "2027-04-01T08:00:00Z", {"S-1", "S-2", "S-3"});
  old_population("sygedagpenge-2026-K4", "2027-05-01T08:00:00Z", {"T-1"});
  auto& sql = db().session();
  const std::string sha(64, 'f');
  sql << "INSERT INTO sample_protocols (round_id, benefit_type, period, population_sha256, "
         "population_file, rule, seed, seed_from_os, algorithm, algorithm_version, exclude_last, "
         "excluded_rounds, drawn_at, drawn_by) VALUES ('sygedagpenge-2027-K1', 'sygedagpenge', "
         "'2027-K1', :sha, 'pop.csv', '2 pr. center', '42', 0, 'pcg32', 1, 0, '', "
         "'2027-04-02T09:00:00Z', 'cli:jens')",
      soci::use(sha);
  sql << "INSERT INTO sample_strata (round_id, center, listed, excluded, population, requested, "
         "took_all) VALUES ('sygedagpenge-2027-K1', 'jc-amager', 3, 0, 3, 2, 0)";
  sql << "INSERT INTO sample_picks (round_id, center, draw_order, case_number) VALUES "
         "('sygedagpenge-2027-K1', 'jc-amager', 1, 'S-3'), "
         "('sygedagpenge-2027-K1', 'jc-amager', 2, 'S-1')";

  EXPECT_EQ(migrate(db()).applied, 2);  // 10, and 11 (notification reads)

  int k1 = 0, k4 = 0;
  sql << "SELECT population_id FROM populations WHERE round_id = 'sygedagpenge-2027-K1'",
      soci::into(k1);
  sql << "SELECT population_id FROM populations WHERE round_id = 'sygedagpenge-2026-K4'",
      soci::into(k4);
  EXPECT_EQ(k1, 1);
  EXPECT_EQ(k4, 2);
  EXPECT_EQ(row_count(db(), "population_cases"), 4);
  EXPECT_EQ(row_count(db(), "sample_picks"), 2);

  // The hash: the same 32 bytes the hex spelled.
  auto populations = make_population_repository(db());
  const auto found = populations->find_case("sygedagpenge-2027-K1", "S-2");
  ASSERT_TRUE(found);
  std::string hex;
  for (unsigned char byte : found->cpr_hash) {
    constexpr const char* digits = "0123456789abcdef";
    hex += digits[byte >> 4];
    hex += digits[byte & 0xF];
  }
  EXPECT_EQ(hex, kOldHash);
  EXPECT_EQ(found->masked_cpr, "010180-xxxx");
  EXPECT_EQ(found->line, 3);
  EXPECT_EQ(found->attributes_json, "{\"beløb\":\"1.234,50\"}");
  EXPECT_EQ(populations->find_case("sygedagpenge-2026-K4", "T-1")->line, 2);
  EXPECT_FALSE(populations->find_case("sygedagpenge-2026-K4", "S-1"));
  EXPECT_EQ(
      populations->case_numbers_by_center("sygedagpenge-2027-K1"),
      (std::map<std::string, std::vector<std::string>>{{"jc-amager", {"S-1", "S-2", "S-3"}}}));
  EXPECT_EQ(populations->find("sygedagpenge-2027-K1")->row_count, 3);

  // The picks, joined with their cases by the population id.
  const auto sampled = make_sample_reader(db())->sampled_cases("sygedagpenge-2027-K1");
  ASSERT_EQ(sampled.size(), 2u);
  EXPECT_EQ(sampled[0].case_number, "S-3");
  EXPECT_EQ(sampled[0].masked_cpr, "010180-xxxx");
  EXPECT_EQ(sampled[1].case_number, "S-1");
  EXPECT_EQ(sampled[1].draw_order, 2);

  // A new import continues after the converted ids.
  {
    Transaction transaction(db());
    PopulationInfo info;
    info.round_id = "sygedagpenge-2027-K2";
    info.file_name = "ny.csv";
    info.cpr_key_id = "k1:0011223344556677";
    info.imported_at = "2027-07-01T08:00:00Z";
    info.imported_by = "cli:jens";
    populations->begin(info);
    StoredCase c;
    c.case_number = "U-1";
    c.center = "jc-nord";
    c.cpr_hash.fill(0x42);
    c.masked_cpr = "020290-xxxx";
    c.case_worker = "Ida";
    c.decision_date = "2027-05-01";
    c.line = 2;
    c.attributes_json = "{}";
    populations->add_cases(info.round_id, {c});
    info.row_count = 1;
    info.center_counts = {{"jc-amager", 0}, {"jc-nord", 1}};
    populations->finish(info);
    transaction.commit();
  }
  int k2 = 0;
  sql << "SELECT population_id FROM populations WHERE round_id = 'sygedagpenge-2027-K2'",
      soci::into(k2);
  EXPECT_EQ(k2, 3);
  EXPECT_EQ(populations->find_case("sygedagpenge-2027-K2", "U-1")->masked_cpr, "020290-xxxx");

  // A population without a draw can still be removed (PostgreSQL: its partition goes).
  {
    Transaction transaction(db());
    populations->remove("sygedagpenge-2026-K4");
    transaction.commit();
  }
  EXPECT_EQ(row_count(db(), "population_cases"), 4);
  EXPECT_FALSE(populations->find_case("sygedagpenge-2026-K4", "T-1"));

  // Nothing of the conversion is left behind.
  std::vector<std::string> names;
  std::string name;
  soci::statement query =
      db().backend() == Backend::sqlite
          ? (sql.prepare << "SELECT name FROM sqlite_master WHERE type = 'table' "
                            "AND name LIKE 'migration%'",
             soci::into(name))
          : (sql.prepare << "SELECT table_name FROM information_schema.tables "
                            "WHERE table_schema = current_schema() AND (table_name LIKE "
                            "'migration%' OR table_name LIKE 'population_cases_%')",
             soci::into(name));
  query.execute();
  while (query.fetch()) names.push_back(name);
  std::sort(names.begin(), names.end());
  if (db().backend() == Backend::sqlite) {
    EXPECT_TRUE(names.empty());
  } else {
    // One partition per population.
    EXPECT_EQ(names, (std::vector<std::string>{"population_cases_1", "population_cases_3"}));
  }
}

TEST_F(Migration10Test, AnEmptyOldDatabaseMigratesToo) {
  EXPECT_EQ(migrate(db()).applied, 2);  // 10, and 11 (notification reads)
  EXPECT_EQ(row_count(db(), "population_cases"), 0);
  EXPECT_EQ(row_count(db(), "sample_picks"), 0);
}

}  // namespace
}  // namespace sagsaudit::storage
