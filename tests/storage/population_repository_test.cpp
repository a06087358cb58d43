// Populations and stikprøver on both backends (issue 3): an import is one unit, cases come back
// as stored, and the same population and seed give the same picks in the same order on SQLite
// and PostgreSQL (the expected picks below are the same for both runs of this suite).
#include "storage/population_repository.hpp"

#include <soci/soci.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "domain/errors.hpp"
#include "domain/sample_selection.hpp"
#include "storage/concept_repository.hpp"
#include "storage/round_repository.hpp"
#include "storage/sample_repository.hpp"
#include "storage/storage_test_support.hpp"
#include "storage/table_inventory.hpp"
#include "storage/wheel_repository.hpp"

namespace sagsaudit::storage {
namespace {

using ::testing::ElementsAre;
using testing::fake_version;
using testing::row_count;

constexpr const char* kRound = "sygedagpenge-2027-K1";

StoredCase stored(std::string number, std::string center, int line) {
  StoredCase c;
  c.case_number = std::move(number);
  c.center = std::move(center);
  // Every eighth byte value, 0x00 and bytes above 0x7f included: all must survive as they are.
  for (std::size_t i = 0; i < c.cpr_hash.size(); ++i) {
    c.cpr_hash[i] = static_cast<unsigned char>(i * 8);
  }
  c.masked_cpr = "010180-xxxx";
  c.case_worker = "Jens Hansen";
  c.decision_date = "2027-02-01";
  c.line = line;
  c.attributes_json = "{}";
  return c;
}

class PopulationRepositoryTest : public testing::MigratedStorageTest {
 protected:
  void SetUp() override {
    MigratedStorageTest::SetUp();
    if (IsSkipped()) return;
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
    Round round;
    round.id = kRound;
    round.benefit_type = "sygedagpenge";
    round.period = *parse_period("2027-K1");
    round.window_opens = make_date(2027, 4, 1);
    round.window_closes = make_date(2027, 4, 30);
    round.concept_version = fake_version('c');
    round.wheel_version = fake_version('w');
    round.created_at = "2027-01-01T00:00:00Z";
    ASSERT_TRUE(make_round_repository(db())->create(round));
  }

  static PopulationInfo info() {
    PopulationInfo info;
    info.round_id = kRound;
    info.file_name = "pop.csv";
    info.cpr_key_id = "k1:0011223344556677";
    info.imported_at = "2027-04-01T08:00:00Z";
    info.imported_by = "cli:jens";
    return info;
  }

  // Imports `cases` as one unit, finishing with their counts.
  void import(const std::vector<StoredCase>& cases) {
    auto repo = make_population_repository(db());
    Transaction transaction(db());
    PopulationInfo i = info();
    repo->begin(i);
    repo->add_cases(kRound, cases);
    i.file_sha256 = std::string(64, 'f');
    i.encoding = "windows-1252";
    i.row_count = static_cast<std::int64_t>(cases.size());
    i.center_counts = {{"jc-amager", 0}, {"jc-nord", 0}};
    for (const auto& c : cases) ++i.center_counts[c.center];
    repo->finish(i);
    transaction.commit();
  }
};

TEST_F(PopulationRepositoryTest, StoresThePopulationWithItsCountsAndCases) {
  import(
      {stored("S-2", "jc-nord", 3), stored("S-1", "jc-amager", 2), stored("S-3", "jc-amager", 4)});
  const auto found = make_population_repository(db())->find(kRound);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->file_name, "pop.csv");
  EXPECT_EQ(found->file_sha256, std::string(64, 'f'));
  EXPECT_EQ(found->encoding, "windows-1252");
  EXPECT_EQ(found->row_count, 3);
  EXPECT_EQ(found->cpr_key_id, "k1:0011223344556677");
  EXPECT_EQ(found->imported_by, "cli:jens");
  EXPECT_EQ(found->center_counts,
            (std::map<std::string, std::int64_t>{{"jc-amager", 2}, {"jc-nord", 1}}));
  auto by_center = make_population_repository(db())->case_numbers_by_center(kRound);
  for (auto& [center, numbers] : by_center) std::sort(numbers.begin(), numbers.end());
  EXPECT_EQ(by_center, (std::map<std::string, std::vector<std::string>>{
                           {"jc-amager", {"S-1", "S-3"}}, {"jc-nord", {"S-2"}}}));
  EXPECT_FALSE(make_population_repository(db())->find("anden-runde"));
}

TEST_F(PopulationRepositoryTest, TextSurvivesTheBatchPathByteForByte) {
  // The PostgreSQL path sends each column as an array literal: quotes, backslashes, braces,
  // commas, blanks, line breaks and Danish letters must all come back unchanged.
  StoredCase c = stored("S-\"{1},\\ x", "jc-amager", 2);
  c.case_worker = "Søren \"Søs\" Ærø\\Åby, {NULL}\nanden linje\ttab";
  c.attributes_json = R"({"beløb":"1.234,50","note":"a \"b\" \\ c"})";
  import({c, stored("NULL", "jc-nord", 3)});
  std::string number, worker, attributes;
  db().session() << "SELECT case_number, case_worker, attributes FROM population_cases "
                    "WHERE line = 2",
      soci::into(number), soci::into(worker), soci::into(attributes);
  EXPECT_EQ(number, c.case_number);
  EXPECT_EQ(worker, c.case_worker);
  EXPECT_EQ(attributes, c.attributes_json);
  std::string null_number;
  db().session() << "SELECT case_number FROM population_cases WHERE line = 3",
      soci::into(null_number);
  EXPECT_EQ(null_number, "NULL");
}

TEST_F(PopulationRepositoryTest, TheCprHashIsStoredAsItsThirtyTwoBytes) {
  import({stored("S-1", "jc-amager", 2)});
  int length = 0;
  std::string hex;
  db().session()
      << (db().backend() == Backend::sqlite
              ? "SELECT length(cpr_hash), lower(hex(cpr_hash)) FROM population_cases"
              : "SELECT length(cpr_hash), encode(cpr_hash, 'hex') FROM population_cases"),
      soci::into(length), soci::into(hex);
  EXPECT_EQ(length, 32);
  EXPECT_EQ(hex, "0008101820283038404850586068707880889098a0a8b0b8c0c8d0d8e0e8f0f8");
  const auto found = make_population_repository(db())->find_case(kRound, "S-1");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->cpr_hash, stored("S-1", "jc-amager", 2).cpr_hash);
  EXPECT_EQ(found->masked_cpr, "010180-xxxx");
  EXPECT_EQ(found->line, 2);
  EXPECT_FALSE(make_population_repository(db())->find_case(kRound, "S-2"));
  EXPECT_FALSE(make_population_repository(db())->find_case("anden-runde", "S-1"));
}

// The table inventory (storage/table_inventory.hpp), which the backup round-trip test compares
// every table with, reads cpr_hash (BLOB / BYTEA since migration 10) by value, as \x and lower
// hex on both backends: one changed byte of one hash makes the tables differ.
TEST_F(PopulationRepositoryTest, TheTableInventoryReadsTheCprHashBytes) {
  import({stored("S-1", "jc-amager", 2)});
  // The inventory's columns are separated by the unit separator (0x1f).
  auto row = [](const std::string& hash) {
    std::string out;
    for (const std::string field : {"1", "S-1", "jc-amager", hash.c_str(), "010180-xxxx",
                                    "Jens Hansen", "2027-02-01", "2", "{}"}) {
      out += (out.empty() ? "" : "\x1f") + field;
    }
    return out;
  };
  const std::string row_before =
      row("\\x0008101820283038404850586068707880889098a0a8b0b8c0c8d0d8e0e8f0f8");
  EXPECT_EQ(table_rows_as_text(db(), "population_cases"), std::vector<std::string>{row_before});
  // The first byte 0x00 becomes 0x01.
  const std::string changed = "0108101820283038404850586068707880889098a0a8b0b8c0c8d0d8e0e8f0f8";
  db().session() << (db().backend() == Backend::sqlite
                         ? "UPDATE population_cases SET cpr_hash = X'" + changed + "'"
                         : "UPDATE population_cases SET cpr_hash = decode('" + changed +
                               "', 'hex')");
  EXPECT_EQ(table_rows_as_text(db(), "population_cases"),
            std::vector<std::string>{row("\\x" + changed)});
}

TEST_F(PopulationRepositoryTest, CaseNumbersComeBackInCanonicalOrder) {
  // finish() records each center's sagsnumre sorted by bytes, so the draw need not sort them;
  // a line feed or backslash in a sagsnummer must survive that record too.
  import({stored("S-b", "jc-amager", 2), stored("S-\\n\n2", "jc-amager", 3),
          stored("S-B", "jc-amager", 4), stored("S-a\r\t\\", "jc-amager", 5),
          stored("S-1", "jc-nord", 6)});
  const auto by_center = make_population_repository(db())->case_numbers_by_center(kRound);
  EXPECT_EQ(by_center,
            (std::map<std::string, std::vector<std::string>>{
                {"jc-amager", {"S-B", "S-\\n\n2", "S-a\r\t\\", "S-b"}}, {"jc-nord", {"S-1"}}}));
  std::string number;
  db().session() << "SELECT case_number FROM population_cases WHERE line = 5", soci::into(number);
  EXPECT_EQ(number, "S-a\r\t\\");
}

TEST_F(PopulationRepositoryTest, ManyBatchesOfManyCases) {
  std::vector<StoredCase> cases;
  for (int i = 0; i < 25000; ++i) {
    cases.push_back(stored("S-" + std::to_string(i), i % 2 ? "jc-nord" : "jc-amager", i + 2));
  }
  auto repo = make_population_repository(db());
  {
    Transaction transaction(db());
    repo->begin(info());
    for (std::size_t start = 0; start < cases.size(); start += 10000) {
      const auto end = std::min(cases.size(), start + 10000);
      repo->add_cases(kRound, std::vector<StoredCase>(cases.begin() + static_cast<long>(start),
                                                      cases.begin() + static_cast<long>(end)));
    }
    PopulationInfo i = info();
    i.row_count = 25000;
    i.center_counts = {{"jc-amager", 12500}, {"jc-nord", 12500}};
    repo->finish(i);
    transaction.commit();
  }
  EXPECT_EQ(row_count(db(), "population_cases"), 25000);
  const auto by_center = repo->case_numbers_by_center(kRound);
  EXPECT_EQ(by_center.at("jc-amager").size(), 12500u);
  EXPECT_EQ(by_center.at("jc-nord").size(), 12500u);
}

TEST_F(PopulationRepositoryTest, AnImportThatIsNotCommittedLeavesNothing) {
  {
    auto repo = make_population_repository(db());
    Transaction transaction(db());
    repo->begin(info());
    repo->add_cases(kRound, {stored("S-1", "jc-amager", 2)});
    // No commit: as when the file turns out to be bad half-way.
  }
  EXPECT_EQ(row_count(db(), "populations"), 0);
  EXPECT_EQ(row_count(db(), "population_cases"), 0);
  EXPECT_FALSE(make_population_repository(db())->find(kRound));
}

TEST_F(PopulationRepositoryTest, ABatchTheDatabaseRefusesIsAStorageErrorAndLeavesNothing) {
  // The import's own checks find a duplicate sagsnummer first; here the database has to (the
  // primary key: on SQLite as the rows go in, on PostgreSQL when finish() builds it), and the
  // connection must be usable again after the rollback (PostgreSQL: the COPY is ended and its
  // results consumed).
  {
    auto repo = make_population_repository(db());
    Transaction transaction(db());
    repo->begin(info());
    const auto add_and_finish = [&] {
      repo->add_cases(kRound, {stored("S-1", "jc-amager", 2), stored("S-1", "jc-amager", 3)});
      PopulationInfo i = info();
      i.row_count = 2;
      i.center_counts = {{"jc-amager", 2}, {"jc-nord", 0}};
      repo->finish(i);
    };
    EXPECT_THROW(add_and_finish(), StorageError);
  }
  EXPECT_EQ(row_count(db(), "populations"), 0);
  EXPECT_EQ(row_count(db(), "population_cases"), 0);
  import({stored("S-1", "jc-amager", 2)});
  EXPECT_EQ(make_population_repository(db())->find(kRound)->row_count, 1);
}

TEST_F(PopulationRepositoryTest, ASecondPopulationForTheRoundIsAConflict) {
  import({stored("S-1", "jc-amager", 2)});
  Transaction transaction(db());
  try {
    make_population_repository(db())->begin(info());
    FAIL() << "a second population was begun";
  } catch (const ConflictError& error) {
    EXPECT_STREQ(error.what(), "runden sygedagpenge-2027-K1 har allerede en population");
  }
}

TEST_F(PopulationRepositoryTest, WritesOutsideATransactionAreRefused) {
  EXPECT_THROW(make_population_repository(db())->begin(info()), StorageError);
}

TEST_F(PopulationRepositoryTest, RemoveClearsAPopulationForReimport) {
  import({stored("S-1", "jc-amager", 2)});
  {
    Transaction transaction(db());
    make_population_repository(db())->remove(kRound);
    transaction.commit();
  }
  EXPECT_EQ(row_count(db(), "population_cases"), 0);
  EXPECT_EQ(row_count(db(), "population_centers"), 0);
  import({stored("S-9", "jc-nord", 2)});
  EXPECT_EQ(make_population_repository(db())->find(kRound)->row_count, 1);
}

// 40 cases per center, stored in an order that is neither canonical nor the same per backend's
// natural row order; the database hands them back in whatever order, the draw sorts by bytes.
std::vector<StoredCase> forty_per_center() {
  std::vector<StoredCase> cases;
  for (int i = 40; i >= 1; --i) {
    const std::string number = (i < 10 ? "S-0" : "S-") + std::to_string(i);
    cases.push_back(stored("A" + number, "jc-amager", 100 - i));
    cases.push_back(stored("N" + number, "jc-nord", 200 - i));
  }
  std::rotate(cases.begin(), cases.begin() + 17, cases.end());
  return cases;
}

TEST_F(PopulationRepositoryTest, SameSeedGivesTheSamePicksOnEveryBackend) {
  import(forty_per_center());
  auto by_center = make_population_repository(db())->case_numbers_by_center(kRound);
  const auto amager =
      draw_stratum("sygedagpenge", "jc-amager", "2027-K1", by_center.at("jc-amager"), 5, 42);
  const auto nord =
      draw_stratum("sygedagpenge", "jc-nord", "2027-K1", by_center.at("jc-nord"), 5, 42);
  // Checked against an independent re-implementation (Python) of docs/sampling.md.
  EXPECT_THAT(amager.picks, ElementsAre("AS-18", "AS-24", "AS-16", "AS-28", "AS-01"));
  EXPECT_THAT(nord.picks, ElementsAre("NS-17", "NS-25", "NS-33", "NS-13", "NS-28"));
}

SampleProtocol protocol_for(const std::vector<std::string>& amager,
                            const std::vector<std::string>& nord) {
  SampleProtocol p;
  p.round_id = kRound;
  p.benefit_type = "sygedagpenge";
  p.period = "2027-K1";
  p.population_sha256 = std::string(64, 'f');
  p.population_file = "pop.csv";
  p.rule = "3 pr. center";
  p.seed = 18446744073709551615ULL;  // the largest seed: stored as text, not INTEGER
  p.seed_from_os = true;
  p.algorithm = std::string(sample_algorithm);
  p.algorithm_version = sample_algorithm_version;
  p.exclude_last = 2;
  p.excluded_rounds = {"sygedagpenge-2026-K4", "sygedagpenge-2026-K3"};
  p.drawn_at = "2027-04-02T09:00:00Z";
  p.drawn_by = "cli:jens";
  p.strata = {StratumProtocol{"jc-nord", 40, 2, 38, 3, false, nord, {"N-S-01", "N-S-02"}},
              StratumProtocol{"jc-amager", 40, 0, 40, 3, false, amager, {}}};
  return p;
}

TEST_F(PopulationRepositoryTest, TheProtocolComesBackWholeAndTheSampleInDrawOrder) {
  import(forty_per_center());
  auto samples = make_sample_repository(db());
  EXPECT_FALSE(samples->has_protocol(kRound));
  EXPECT_TRUE(samples->sampled_cases(kRound).empty());
  const SampleProtocol p = protocol_for({"AS-07", "AS-31", "AS-02"}, {"NS-40", "NS-01", "NS-13"});
  samples->store(p);
  EXPECT_TRUE(samples->has_protocol(kRound));

  const auto loaded = samples->protocol(kRound);
  ASSERT_TRUE(loaded);
  EXPECT_EQ(loaded->seed, 18446744073709551615ULL);
  EXPECT_TRUE(loaded->seed_from_os);
  EXPECT_EQ(loaded->excluded_rounds, p.excluded_rounds);
  EXPECT_EQ(loaded->algorithm, "pcg32-xsh-rr+fisher-yates-partial-down");
  SampleProtocol by_center = p;  // stored nord first; read back by center code
  std::swap(by_center.strata[0], by_center.strata[1]);
  EXPECT_EQ(protocol_text(*loaded), protocol_text(by_center));
  ASSERT_EQ(loaded->strata.size(), 2u);
  EXPECT_EQ(loaded->strata[0].center, "jc-amager");
  EXPECT_THAT(loaded->strata[1].picks, ElementsAre("NS-40", "NS-01", "NS-13"));
  EXPECT_THAT(loaded->strata[1].excluded_cases, ElementsAre("N-S-01", "N-S-02"));
  EXPECT_EQ(loaded->strata[1].population, 38u);

  const auto sampled = make_sample_reader(db())->sampled_cases(kRound);
  ASSERT_EQ(sampled.size(), 6u);
  EXPECT_EQ(sampled[0].case_number, "AS-07");
  EXPECT_EQ(sampled[0].center, "jc-amager");
  EXPECT_EQ(sampled[0].draw_order, 1);
  EXPECT_EQ(sampled[0].masked_cpr, "010180-xxxx");
  EXPECT_EQ(sampled[0].case_worker, "Jens Hansen");
  EXPECT_EQ(sampled[5].case_number, "NS-13");
  EXPECT_EQ(sampled[5].draw_order, 3);

  EXPECT_THAT(samples->drawn_case_numbers({kRound}).size(), 6u);
  EXPECT_THROW(samples->store(p), ConflictError);
  EXPECT_EQ(row_count(db(), "sample_picks"), 6);
}

TEST_F(PopulationRepositoryTest, APickMustBeACaseOfThePopulation) {
  import(forty_per_center());
  EXPECT_THROW(make_sample_repository(db())->store(protocol_for({"AS-07"}, {"no-such-case"})),
               StorageError);
  EXPECT_EQ(row_count(db(), "sample_protocols"), 0);
}

}  // namespace
}  // namespace sagsaudit::storage
