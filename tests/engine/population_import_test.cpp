// Population import, the stikprøve draw and its verification, end to end on a SQLite database
// holding the repository's own concepts and årshjul (issue 3). The storage suite checks the
// same storage on PostgreSQL.
#include "population/population_import.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "crypto/sha256.hpp"
#include "domain/errors.hpp"
#include "loading/read_file.hpp"
#include "sampling/sample_draw.hpp"
#include "setup/database_setup.hpp"
#include "storage/audit_log.hpp"
#include "storage/population_repository.hpp"
#include "storage/round_repository.hpp"
#include "storage/sample_repository.hpp"

namespace sagsaudit {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr const char* kRound = "sygedagpenge-2027-K1";
constexpr const char* kAt = "2027-04-01T08:00:00Z";
const std::vector<std::string> kCenters = {"jc-amager", "jc-noerrebro-bispebjerg",
                                           "jc-vesterbro-valby"};

// A population file: `rows` cases S-0001… spread over kCenters, decided in `month` of 2027,
// with an impossible CPR date on file line `bad_cpr_line` (0: none). Line 1 is the header.
std::string population_text(int rows, int month = 2, int bad_cpr_line = 0) {
  std::string text = "sagsnummer;cpr;center;sagsbehandler;afgørelsesdato;note\r\n";
  for (int i = 1; i <= rows; ++i) {
    char number[16];
    std::snprintf(number, sizeof number, "S-%04d", i);
    char cpr[16];
    std::snprintf(cpr, sizeof cpr, "%02d%02d%02d-%04d", 1 + i % 28, 1 + i % 12, 50 + i % 40,
                  i % 4000);
    std::string cpr_text = cpr;
    if (i + 1 == bad_cpr_line) cpr_text = "310299-1234";
    char date[16];
    std::snprintf(date, sizeof date, "%02d-%02d-2027", 1 + i % 28, month);
    text += std::string(number) + ";" + cpr_text + ";" + kCenters[i % 3] + ";SB " +
            std::to_string(i % 7) + ";" + date + ";\"note; nr. " + std::to_string(i) + "\"\r\n";
  }
  return text;
}

class PopulationImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("population_import_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
    config_.database_url = "sqlite:" + (dir_ / "test.db").string();
    config_.concepts_dir = std::string(SAGSAUDIT_SOURCE_DIR) + "/concepts";
    config_.annual_wheel_file = std::string(SAGSAUDIT_SOURCE_DIR) + "/annual-wheel/aarshjul.toml";
    db_ = open_database(config_);
    const InitReport init = initialise(*db_, config_);
    wheel_version_ = init.wheel.version;
    for (const auto& c : init.concepts) {
      if (c.benefit_type == "sygedagpenge") concept_version_ = c.version;
    }
    create_round(kRound, "2027-K1");
    std::ofstream(dir_ / "key") << std::string(64, 'a');
    key_ = CprKey::load(dir_ / "key");
  }
  void TearDown() override {
    db_.reset();
    fs::remove_all(dir_);
  }

  void create_round(const std::string& id, const std::string& period) {
    storage::Round round;
    round.id = id;
    round.benefit_type = "sygedagpenge";
    round.period = *parse_period(period);
    round.window_opens = add_days(round.period.last_day(), 1);
    round.window_closes = add_days(round.period.last_day(), 30);
    round.concept_version = concept_version_;
    round.wheel_version = wheel_version_;
    round.created_at = kAt;
    ASSERT_TRUE(storage::make_round_repository(*db_)->create(round));
  }

  std::string write(const std::string& name, const std::string& bytes) {
    const fs::path file = dir_ / name;
    std::ofstream(file, std::ios::binary) << bytes;
    return file.string();
  }

  PopulationFileSummary import(const std::string& file, const std::string& round = kRound,
                               bool replace = false) {
    return import_population(*db_, round, file, key_, ImportOptions{"cli:test", kAt, replace});
  }

  RoundState state(const std::string& round = kRound) {
    return storage::make_round_repository(*db_)->find(round)->state;
  }

  SampleProtocol draw(std::uint64_t seed, const std::string& round = kRound, int exclude_last = 0) {
    return draw_sample(*db_, round, DrawOptions{seed, exclude_last, "cli:test", kAt});
  }

  fs::path dir_;
  Config config_;
  std::unique_ptr<storage::Database> db_;
  std::string wheel_version_;
  std::string concept_version_;
  CprKey key_ = CprKey::generate();
};

TEST_F(PopulationImportTest, StoresCasesHashCountsAndMovesTheRound) {
  const std::string text = population_text(90);
  const std::string file = write("pop.csv", text);
  const PopulationFileSummary summary = import(file);
  EXPECT_EQ(summary.rows, 90u);
  EXPECT_EQ(summary.encoding, TextEncoding::utf8);
  EXPECT_EQ(summary.sha256, sha256_hex(read_file_bytes(file)));
  EXPECT_EQ(summary.center_counts.at("jc-amager"), 30u);
  EXPECT_EQ(summary.center_counts.at("ydelsescentret"), 0u);

  const auto info = storage::make_population_repository(*db_)->find(kRound);
  ASSERT_TRUE(info);
  EXPECT_EQ(info->file_name, "pop.csv");
  EXPECT_EQ(info->file_sha256, summary.sha256);
  EXPECT_EQ(info->encoding, "utf-8");
  EXPECT_EQ(info->row_count, 90);
  EXPECT_EQ(info->cpr_key_id, key_.id());
  EXPECT_EQ(info->center_counts.at("jc-noerrebro-bispebjerg"), 30);
  EXPECT_EQ(state(), RoundState::population_loaded);

  storage::AuditFilter filter;
  filter.object_id = kRound;
  std::vector<std::string> actions;
  for (const auto& entry : storage::make_audit_log(*db_)->list(filter)) {
    actions.push_back(entry.record.action);
    EXPECT_THAT(entry.record.details, ::testing::Not(HasSubstr("xxxx")));
  }
  EXPECT_THAT(actions, ElementsAre("round.transition", "population.import"));
}

TEST_F(PopulationImportTest, ABadCprOnLine1234RefusesTheWholeFileAndStoresNothing) {
  const std::string file = write("pop.csv", population_text(2000, 2, 1234));
  try {
    import(file);
    FAIL() << "imported a bad file";
  } catch (const PopulationRejected& rejected) {
    EXPECT_EQ(rejected.total(), 1u);
    ASSERT_EQ(rejected.issues().size(), 1u);
    EXPECT_EQ(format_issue(rejected.issues()[0]), file + ":1234: cpr: ugyldig dato i CPR-nummer");
  }
  EXPECT_FALSE(storage::make_population_repository(*db_)->find(kRound));
  EXPECT_TRUE(storage::make_population_repository(*db_)->case_numbers_by_center(kRound).empty());
  EXPECT_EQ(state(), RoundState::planned);
  storage::AuditFilter filter;
  filter.object_id = kRound;
  EXPECT_TRUE(storage::make_audit_log(*db_)->list(filter).empty());
}

TEST_F(PopulationImportTest, ManyProblemsAreCappedAndCounted) {
  std::string text = population_text(200, 5);  // every date in May: outside 2027-K1
  const std::string file = write("pop.csv", text);
  try {
    check_population(*db_, kRound, file);
    FAIL();
  } catch (const PopulationRejected& rejected) {
    EXPECT_EQ(rejected.total(), 200u);
    EXPECT_EQ(rejected.issues().size(), 50u);
    EXPECT_EQ(format_issue(rejected.issues()[0]),
              file +
                  ":2: afgørelsesdato: 02-05-2027 ligger uden for rundens periode 2027-K1 "
                  "(01-01-2027 – 31-03-2027)");
  }
}

TEST_F(PopulationImportTest, AWindows1252FileIsReadAsSuch) {
  const std::string bytes =
      "Sagsnummer;CPR;Center;Sagsbehandler;Afg\xF8relsesdato;Bem\xE6rkning\r\n"
      "S-1;010180-1234;Jobcenter Amager;S\xF8ren \xC6r\xF8;31-03-2027;\xC5rhus\r\n";
  const std::string file = write("excel.csv", bytes);
  const PopulationFileSummary summary = import(file);
  EXPECT_EQ(summary.encoding, TextEncoding::windows1252);
  EXPECT_EQ(storage::make_population_repository(*db_)->find(kRound)->encoding, "windows-1252");
  draw(1);
  const auto sampled = storage::make_sample_reader(*db_)->sampled_cases(kRound);
  ASSERT_EQ(sampled.size(), 1u);
  EXPECT_EQ(sampled[0].case_worker, "Søren Ærø");
  EXPECT_EQ(sampled[0].center, "jc-amager");
  EXPECT_EQ(sampled[0].masked_cpr, "010180-xxxx");
}

TEST_F(PopulationImportTest, OnlyAPlannedRoundTakesAPopulationUnlessReplacing) {
  const std::string file = write("pop.csv", population_text(30));
  import(file);
  try {
    import(file);
    FAIL();
  } catch (const ConflictError& error) {
    EXPECT_THAT(error.what(), HasSubstr("er 'population indlæst'"));
    EXPECT_THAT(error.what(), HasSubstr("--replace"));
  }
  const std::string other = write("other.csv", population_text(60));
  EXPECT_EQ(import(other, kRound, true).rows, 60u);
  EXPECT_EQ(storage::make_population_repository(*db_)->find(kRound)->row_count, 60);
  draw(7);
  EXPECT_THROW(import(other, kRound, true), ConflictError);
}

TEST_F(PopulationImportTest, DrawFollowsTheRuleAndVerifyRedoesIt) {
  // sygedagpenge: 5 % per center, at least 10, at most 30.
  const std::string file = write("pop.csv", population_text(900));
  import(file);
  const SampleProtocol p = draw(20270401);
  EXPECT_EQ(p.rule, "5 % pr. center (min. 10, maks. 30)");
  EXPECT_FALSE(p.seed_from_os);
  ASSERT_EQ(p.strata.size(), 6u);
  EXPECT_EQ(p.strata[0].center, "center-sprog-integration");
  EXPECT_EQ(p.strata[0].population, 0u);
  const StratumProtocol& amager = p.strata[2];
  EXPECT_EQ(amager.center, "jc-amager");
  EXPECT_EQ(amager.population, 300u);
  EXPECT_EQ(amager.requested, 15u);
  EXPECT_EQ(amager.picks.size(), 15u);
  EXPECT_EQ(state(), RoundState::sample_drawn);
  EXPECT_EQ(sample_protocol(*db_, kRound).total_drawn(), 45u);

  const SampleVerification ok = verify_sample(*db_, kRound, file);
  EXPECT_TRUE(ok.ok) << (ok.problems.empty() ? "" : ok.problems[0]);
  EXPECT_TRUE(ok.problems.empty());

  // One byte changed in a column nobody draws on: the file is no longer the imported one.
  std::string changed = population_text(900);
  changed[changed.find("note; nr. 17\"") + 5] = ',';
  const SampleVerification bad = verify_sample(*db_, kRound, write("changed.csv", changed));
  EXPECT_FALSE(bad.ok);
  ASSERT_EQ(bad.problems.size(), 1u);
  EXPECT_THAT(bad.problems[0], HasSubstr("filens SHA-256 er "));
  EXPECT_THAT(bad.problems[0], HasSubstr("det er ikke den samme fil"));

  const SampleVerification seed = verify_sample(*db_, kRound, file, 20270402);
  EXPECT_FALSE(seed.ok);
  EXPECT_EQ(seed.problems[0], "frøet 20270402 er ikke protokollens 20270401");
  EXPECT_THAT(seed.problems[1], HasSubstr("center jc-amager: træk "));
}

TEST_F(PopulationImportTest, SameFileAndSeedGiveTheSamePicksInAnotherDatabase) {
  const std::string text = population_text(300);
  import(write("pop.csv", text));
  const SampleProtocol first = draw(99);

  TearDown();
  SetUp();
  // The same cases listed in reverse order: the canonical order does not depend on the file.
  std::string reversed = text.substr(0, text.find("\r\n") + 2);
  std::vector<std::string> lines;
  for (std::size_t start = reversed.size(); start < text.size();) {
    const std::size_t end = text.find("\r\n", start) + 2;
    lines.push_back(text.substr(start, end - start));
    start = end;
  }
  for (auto it = lines.rbegin(); it != lines.rend(); ++it) reversed += *it;
  import(write("reversed.csv", reversed));
  const SampleProtocol second = draw(99);
  ASSERT_EQ(first.strata.size(), second.strata.size());
  for (std::size_t i = 0; i < first.strata.size(); ++i) {
    EXPECT_EQ(first.strata[i].picks, second.strata[i].picks) << first.strata[i].center;
  }
  EXPECT_NE(first.population_sha256, second.population_sha256);
}

TEST_F(PopulationImportTest, ExcludeLastLeavesOutCasesEarlierRoundsDrew) {
  import(write("k1.csv", population_text(60, 2)));
  const SampleProtocol k1 = draw(5);
  create_round("sygedagpenge-2027-K2", "2027-K2");
  const std::string k2_file = write("k2.csv", population_text(60, 5));
  import(k2_file, "sygedagpenge-2027-K2");
  const SampleProtocol k2 = draw(5, "sygedagpenge-2027-K2", 1);
  EXPECT_THAT(k2.excluded_rounds, ElementsAre(kRound));
  for (std::size_t i = 0; i < k2.strata.size(); ++i) {
    std::vector<std::string> earlier = k1.strata[i].picks;
    std::sort(earlier.begin(), earlier.end());
    EXPECT_EQ(k2.strata[i].excluded_cases, earlier) << k2.strata[i].center;
    EXPECT_EQ(k2.strata[i].population + k2.strata[i].excluded, k2.strata[i].listed);
    for (const auto& pick : k2.strata[i].picks) {
      EXPECT_FALSE(std::binary_search(earlier.begin(), earlier.end(), pick)) << pick;
    }
  }
  EXPECT_TRUE(verify_sample(*db_, "sygedagpenge-2027-K2", k2_file).ok);
  EXPECT_THROW(draw(5, "sygedagpenge-2027-K2"), ConflictError);
}

}  // namespace
}  // namespace sagsaudit
