// The revisorsammenligning end to end on both backends: a drawn and reviewed round, an external
// review imported (refused whole when a line is wrong), paired and compared.
#include "compare/comparison.hpp"

#include <gtest/gtest.h>

#include <unistd.h>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "compare/external_review_import.hpp"
#include "crypto/cpr_hash.hpp"
#include "domain/errors.hpp"
#include "engine/workflow_test_support.hpp"
#include "population/population_import.hpp"
#include "sampling/sample_draw.hpp"
#include "scoring/review_import.hpp"
#include "storage/audit_log.hpp"
#include "storage/external_review_repository.hpp"
#include "storage/sample_repository.hpp"
#include "storage/user_repository.hpp"
#include "workflow/assign.hpp"
#include "workflow/tick.hpp"

namespace sagsaudit {
namespace {

namespace fs = std::filesystem;

const std::string kRound = "sygedagpenge-2027-K1";
const std::string kAt = "2027-04-02T08:00:00Z";

std::vector<std::string> all_controls() {
  std::vector<std::string> ids;
  for (int i = 1; i <= 8; ++i) ids.push_back("SD-N0" + std::to_string(i));
  for (int i = 1; i <= 7; ++i) ids.push_back("SD-K0" + std::to_string(i));
  for (int i = 1; i <= 5; ++i) ids.push_back("SD-F0" + std::to_string(i));
  return ids;
}

class ComparisonTest : public testing::WorkflowTest {
 protected:
  void SetUp() override {
    WorkflowTest::SetUp();
    if (IsSkipped()) return;
    dir_ = fs::temp_directory_path() /
           ("comparison_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
    std::ofstream(dir_ / "key") << std::string(64, 'a');

    tick(db(), make_date(2027, 4, 1), "2027-04-01T06:00:00Z");
    const std::string population = testing::three_center_population(2);
    import_population(db(), kRound, write("pop.csv", population), CprKey::load(dir_ / "key"),
                      ImportOptions{"cli:test", kAt, false});
    draw_sample(db(), kRound, DrawOptions{20270401, 0, "cli:test", kAt});
    auto users = storage::make_user_repository(db());
    for (const std::string name : {"anna", "bo", "carl"}) {
      users->add({name, name, UserRole::coordinator, {}, true, ""}, "t");
    }
    auto samples = storage::make_sample_reader(db());
    assign_round(db(), *samples, kRound, "cli:test", kAt);
    for (const auto& c : samples->sampled_cases(kRound)) cases_.push_back(c.case_number);
    ASSERT_EQ(cases_.size(), 30u);

    // Ours: every control korrekt, except SD-N01 fejl on the first five cases.
    std::string ours = "sagsnummer;kontrol;svar;kommentar\n";
    for (std::size_t i = 0; i < cases_.size(); ++i) {
      for (const auto& id : all_controls()) {
        const bool error = id == "SD-N01" && i < 5;
        ours += cases_[i] + ";" + id + (error ? ";fejl;for lav sats\n" : ";korrekt;\n");
      }
    }
    import_reviews(db(), kRound, write("ours.csv", ours), ReviewImportOptions{"cli:test", kAt});
  }
  void TearDown() override {
    WorkflowTest::TearDown();
    fs::remove_all(dir_);
  }

  std::string write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name, std::ios::binary) << text;
    return (dir_ / name).string();
  }

  fs::path dir_;
  std::vector<std::string> cases_;
};

TEST_P(ComparisonTest, TemplateImportAndComparisonOnTheStoredRound) {
  const ExternalReviewTemplate t = external_review_template(db(), kRound);
  EXPECT_EQ(t.cases.size(), 30u);
  EXPECT_EQ(t.concept_.controls.size(), 20u);

  // The auditor re-reviews SD-N01 of the first ten cases: confirms our five fejl, and finds two
  // more (cases 5 and 6); and one case outside the sample.
  std::string theirs = "sagsnummer;kontrol;svar;kommentar\n";
  for (std::size_t i = 0; i < 10; ++i) {
    theirs += cases_[i] + ";SD-N01;" + (i < 7 ? "fejl;sats ikke reguleret\n" : "korrekt;\n");
  }
  theirs += "X-1;SD-N01;korrekt;\n";
  const auto summary = import_external_review(db(), kRound, write("d.csv", theirs),
                                              {"Deloitte", "cli:revi", "2027-05-01T08:00:00Z"});
  EXPECT_EQ(summary.lines, 11u);
  EXPECT_EQ(summary.answers, 11u);
  EXPECT_EQ(summary.cases_in_sample, 10u);
  EXPECT_EQ(summary.cases_outside_sample, (std::vector<std::string>{"X-1"}));
  EXPECT_FALSE(summary.replaced);

  const Comparison c = build_comparison(db(), kRound, "", "cli:anna", "2027-05-02T08:00:00Z");
  EXPECT_EQ(c.benefit_title, "Sygedagpenge");
  EXPECT_EQ(c.pairs, 10);
  EXPECT_EQ(c.paired_cases, 10u);
  EXPECT_EQ(c.outside_sample, (std::vector<std::string>{"X-1"}));
  ASSERT_FALSE(c.groups.empty());
  const AgreementTable& table = c.groups.front().statistics.table;
  EXPECT_EQ(table.counts, (std::vector<std::vector<std::int64_t>>{{3, 2}, {0, 5}}));
  EXPECT_EQ(c.verdict.headline, "Moderat overensstemmelse");  // AC1 = 0.6154
  // Phase 1: 600 answers, 5 fejl; phase 2: 3 korrekt/korrekt, 2 korrekt/fejl, 5 fejl/fejl.
  EXPECT_EQ(c.two_phase.sample_size, 600);
  EXPECT_EQ(c.two_phase.sample_errors, 5);
  EXPECT_EQ(c.two_phase.both_correct, 3);
  EXPECT_EQ(c.two_phase.only_auditor_error, 2);
  EXPECT_EQ(c.two_phase.both_error, 5);
  ASSERT_TRUE(c.true_error_rate);
  // p̂ = (5/600)·1 + (595/600)·(2/5).
  EXPECT_NEAR(c.true_error_rate->estimate, 5.0 / 600 + 595.0 / 600 * 0.4, 1e-12);
  ASSERT_EQ(c.disagreements.size(), 2u);
  EXPECT_EQ(c.disagreements[0].control_id, "SD-N01");
  EXPECT_EQ(c.disagreements[0].auditor_comment, "sats ikke reguleret");
  EXPECT_EQ(c.disagreements[0].municipality, Answer::correct);
}

TEST_P(ComparisonTest, ARefusedFileStoresNothingAndAReimportReplaces) {
  const std::string bad =
      write("bad.csv", "sagsnummer;kontrol;svar;kommentar\n" + cases_[0] + ";SD-N01;korrekt;\n" +
                           cases_[0] + ";SD-N01;korrekt;\n" + cases_[1] + ";SD-Q01;fejl;x\n");
  try {
    import_external_review(db(), kRound, bad, {"Deloitte", "cli:revi", kAt});
    FAIL() << "not refused";
  } catch (const ValidationError& refused) {
    ASSERT_EQ(refused.issues().size(), 2u);
    EXPECT_EQ(refused.issues()[0].line, 3);
    EXPECT_EQ(refused.issues()[0].field, "sagsnummer");
    EXPECT_EQ(refused.issues()[1].line, 4);
    EXPECT_EQ(refused.issues()[1].message,
              "'SD-Q01' findes ikke i rundens kvalitetskoncept for sygedagpenge");
  }
  EXPECT_TRUE(storage::make_external_review_repository(db())->list(kRound).empty());

  const std::string one =
      write("one.csv", "sagsnummer;kontrol;svar;kommentar\n" + cases_[0] + ";SD-N01;fejl;x\n");
  import_external_review(db(), kRound, one, {"Deloitte", "cli:revi", kAt});
  const auto again = import_external_review(db(), kRound, one, {"Deloitte", "cli:revi", kAt});
  EXPECT_TRUE(again.replaced);
  EXPECT_EQ(storage::make_external_review_repository(db())->answers(kRound, "Deloitte").size(), 1u);
  storage::AuditFilter filter;
  filter.object_id = kRound + "/Deloitte";
  const auto log = storage::make_audit_log(db())->list(filter);
  ASSERT_EQ(log.size(), 2u);
  EXPECT_EQ(log[1].record.action, "compare.import");
  EXPECT_NE(log[1].record.details.find("\"erstattet\":true"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Backends, ComparisonTest,
                         ::testing::Values(storage::Backend::sqlite, storage::Backend::postgresql),
                         testing::backend_name);

}  // namespace
}  // namespace sagsaudit
