// The report summaries (migration 9) against a recount from the answers, on both backends: after
// every save, submit, return, approve and import, the counts the reports read from the summaries
// equal the counts made from review_answers (the way the reports counted before the summaries),
// and hold the values worked out by hand below.
#include "reports/report_summaries.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <soci/soci.h>
#include <unistd.h>

#include "domain/errors.hpp"
#include "engine/workflow_test_support.hpp"
#include "reports/report_data.hpp"
#include "reports/reports.hpp"
#include "scoring/review_editing.hpp"
#include "scoring/review_import.hpp"
#include "storage/user_repository.hpp"
#include "workflow/assign.hpp"
#include "workflow/review_transitions.hpp"
#include "workflow/round_transitions.hpp"
#include "workflow/tick.hpp"

namespace sagsaudit {
namespace {

using testing::count_rows;

const std::string kRound = "sygedagpenge-2027-K1";
const Period kPeriod = *parse_period("2027-K1");

class FiveCases final : public storage::SampleReader {
 public:
  std::vector<storage::SampledCase> sampled_cases(std::string_view round_id) override {
    if (round_id != kRound) return {};
    return {{kRound, "S-1", "jc-amager", "sb", "010180-xxxx", 1},
            {kRound, "S-2", "jc-amager", "sb", "010180-xxxx", 2},
            {kRound, "S-3", "jc-amager", "sb", "010180-xxxx", 3},
            {kRound, "S-4", "jc-vesterbro-valby", "sb", "010180-xxxx", 4},
            {kRound, "S-5", "jc-vesterbro-valby", "sb", "010180-xxxx", 5}};
  }
};

// The 20 controls of the shipped sygedagpenge concept: 8 nøglekontroller, 7 kvalitetsmål, 5
// formalia.
std::vector<std::string> all_controls() {
  std::vector<std::string> ids;
  for (int i = 1; i <= 8; ++i) ids.push_back("SD-N0" + std::to_string(i));
  for (int i = 1; i <= 7; ++i) ids.push_back("SD-K0" + std::to_string(i));
  for (int i = 1; i <= 5; ++i) ids.push_back("SD-F0" + std::to_string(i));
  return ids;
}

// Every control korrekt except those given.
std::vector<ControlAnswer> answers(const std::map<std::string, Answer>& except = {}) {
  std::vector<ControlAnswer> out;
  for (const auto& id : all_controls()) {
    ControlAnswer a;
    a.control_id = id;
    a.answer = except.count(id) ? except.at(id) : Answer::correct;
    if (needs_comment(a.answer)) a.comment = "se akten";
    out.push_back(a);
  }
  return out;
}

class ReportSummariesTest : public testing::WorkflowTest {
 protected:
  void SetUp() override {
    WorkflowTest::SetUp();
    if (IsSkipped()) return;
    FiveCases sample;
    assign_round_to_anna(kRound, sample);
  }
  void TearDown() override {
    std::filesystem::remove(file_);
    WorkflowTest::TearDown();
  }

  int save_and_submit(const std::string& number, int version,
                      const std::map<std::string, Answer>& except) {
    save_review_draft(db(), kRound, number, answers(except), version, "anna", "t");
    return submit_review(db(), kRound, number, version + 1, "anna", "t").version;
  }

  // Every round of the period counted from the summaries (with and without the controls) and
  // from the answers: the same rounds, cells and pending reviews.
  void expect_summary_equals_recount() {
    const auto recount =
        load_round_cells(db(), RoundQuery{kPeriod, std::nullopt, std::nullopt, true, true});
    const auto summary =
        load_round_cells(db(), RoundQuery{kPeriod, std::nullopt, std::nullopt, true, false});
    const auto categories_only =
        load_round_cells(db(), RoundQuery{kPeriod, std::nullopt, std::nullopt, false, false});
    ASSERT_EQ(recount.size(), 1u);
    ASSERT_EQ(summary.size(), recount.size());
    ASSERT_EQ(categories_only.size(), recount.size());
    for (std::size_t r = 0; r < recount.size(); ++r) {
      EXPECT_EQ(summary[r].round.id, recount[r].round.id);
      EXPECT_EQ(summary[r].pending, recount[r].pending);
      EXPECT_EQ(categories_only[r].pending, recount[r].pending);
      ASSERT_EQ(summary[r].cells.size(), recount[r].cells.size());
      for (std::size_t c = 0; c < recount[r].cells.size(); ++c) {
        const Cell& expected = recount[r].cells[c];
        EXPECT_EQ(summary[r].cells[c].center, expected.center);
        EXPECT_EQ(summary[r].cells[c].tally, expected.tally) << expected.center;
        Tally without_controls = expected.tally;
        without_controls.controls.clear();
        EXPECT_EQ(categories_only[r].cells[c].tally, without_controls) << expected.center;
      }
    }
  }

  const Tally& cell(const std::string& center) {
    cells_ = load_round_cells(db(), RoundQuery{kPeriod, std::nullopt, std::nullopt, true, false});
    return find_cell(cells_.at(0), center)->tally;
  }

  int summarised() { return count_rows(db(), "report_summary_rounds"); }

  std::string write_import(
      const std::vector<std::pair<std::string, std::vector<ControlAnswer>>>& cases) {
    std::ofstream out(file_);
    out << "sagsnummer;kontrol;svar;kommentar;beløb\n";
    for (const auto& [number, list] : cases) {
      for (const auto& a : list) {
        out << number << ";" << a.control_id << ";" << answer_code(a.answer) << ";" << a.comment
            << ";\n";
      }
    }
    return file_.string();
  }

  std::filesystem::path file_ = std::filesystem::temp_directory_path() /
                                ("report-summaries-" + std::to_string(::getpid()) + ".csv");
  std::vector<RoundCells> cells_;
};

TEST_P(ReportSummariesTest, EqualTheAnswersAfterSavesSubmitsReturnsApprovalsAndImports) {
  // A draft does not count: nothing is summarised, and the round's five reviews are pending.
  save_review_draft(db(), kRound, "S-1", answers(), 1, "anna", "t");
  EXPECT_EQ(summarised(), 0);
  expect_summary_equals_recount();

  // S-1 all korrekt; S-2 one fejl (nøglekontrol); S-4 kan ikke vurderes (kvalitetsmål) and
  // ikke relevant (formalia).
  const int s1 = submit_review(db(), kRound, "S-1", 2, "anna", "t").version;
  EXPECT_EQ(summarised(), 1);
  expect_summary_equals_recount();
  const int s2 = save_and_submit("S-2", 1, {{"SD-N02", Answer::error}});
  save_and_submit("S-4", 1,
                  {{"SD-K03", Answer::not_assessable}, {"SD-F01", Answer::not_applicable}});
  expect_summary_equals_recount();
  EXPECT_EQ(cell("jc-amager").reviews, 2);
  EXPECT_EQ(cell("jc-amager").overall.answers, (AnswerCounts{39, 1, 0, 0}));
  EXPECT_EQ(cell("jc-vesterbro-valby").overall.answers, (AnswerCounts{18, 0, 1, 1}));

  // Returned: S-1 leaves the figures; approved: S-2 stays in them.
  return_review(db(), kRound, "S-1", s1, "SD-N01 er tvivlsom", "ejnar", "t");
  approve_review(db(), kRound, "S-2", s2, "ejnar", "t");
  expect_summary_equals_recount();
  EXPECT_EQ(cell("jc-amager").reviews, 1);
  EXPECT_EQ(cell("jc-amager").overall.answers, (AnswerCounts{19, 1, 0, 0}));

  // An import brings S-1 back with two fejl and adds S-3 and S-5.
  const std::string path =
      write_import({{"S-1", answers({{"SD-N01", Answer::error}, {"SD-K01", Answer::error}})},
                    {"S-3", answers({{"SD-F02", Answer::not_assessable}})},
                    {"S-5", answers({{"SD-N08", Answer::not_applicable}})}});
  import_reviews(db(), kRound, path, ReviewImportOptions{"cli:test", "t", false});
  expect_summary_equals_recount();
  const Tally& amager = cell("jc-amager");
  EXPECT_EQ(amager.reviews, 3);
  EXPECT_EQ(amager.overall.answers, (AnswerCounts{56, 3, 0, 1}));
  EXPECT_EQ(amager.overall.cases, (CaseTally{2, 0, 1, 0, 0}));
  EXPECT_EQ(amager.category(Category::key_control).answers, (AnswerCounts{22, 2, 0, 0}));
  EXPECT_EQ(amager.category(Category::key_control).cases, (CaseTally{2, 1, 0, 0, 0}));
  EXPECT_EQ(amager.find_control("SD-N02")->answers, (AnswerCounts{2, 1, 0, 0}));
  const Tally& vesterbro = cell("jc-vesterbro-valby");
  EXPECT_EQ(vesterbro.reviews, 2);
  EXPECT_EQ(vesterbro.overall.answers, (AnswerCounts{37, 0, 2, 1}));
  EXPECT_EQ(vesterbro.category(Category::formality).cases, (CaseTally{0, 2, 0, 0, 0}));

  // The overview reads the summaries and shows the same figures.
  const OverviewReport overview = build_overview(db(), OverviewQuery{kPeriod, std::nullopt});
  EXPECT_EQ(overview.total.reviews, 5);
  EXPECT_EQ(overview.total.overall.correct.share.proportion, (Proportion{93, 96}));
}

TEST_P(ReportSummariesTest, ARoundWithoutCompleteSummariesIsCountedFromTheAnswersUntilRebuilt) {
  save_and_submit("S-2", 1, {{"SD-N02", Answer::error}});
  save_and_submit("S-4", 1, {{"SD-K03", Answer::not_assessable}});
  // As a database answered before migration 9: answers, no summaries.
  db().session() << "DELETE FROM report_cell_levels";
  db().session() << "DELETE FROM report_cell_controls";
  db().session() << "DELETE FROM report_summary_rounds";
  expect_summary_equals_recount();
  EXPECT_EQ(cell("jc-amager").reviews, 1);

  // The next change recounts the whole round, every center.
  save_and_submit("S-5", 1, {});
  EXPECT_EQ(summarised(), 1);
  EXPECT_EQ(count_rows(db(), "report_cell_levels"), 2 * 4);
  expect_summary_equals_recount();
  EXPECT_EQ(cell("jc-vesterbro-valby").reviews, 2);

  db().session() << "DELETE FROM report_cell_levels";
  db().session() << "DELETE FROM report_summary_rounds";
  EXPECT_GE(rebuild_all_report_summaries(db(), "t"), 1u);
  EXPECT_EQ(summarised(), count_rows(db(), "rounds"));
  expect_summary_equals_recount();
}

TEST_P(ReportSummariesTest, ARoundWithAnIncompleteCountedReviewHasNoSummariesAndFailsAsBefore) {
  save_and_submit("S-2", 1, {});
  EXPECT_EQ(summarised(), 1);
  // Moved to indsendt by the state machine alone, without the submit checks: no answers.
  transition_review(db(), kRound, "S-1", ReviewState::in_progress, 1, "cli:test", "t");
  transition_review(db(), kRound, "S-1", ReviewState::submitted, 2, "cli:test", "t");
  EXPECT_EQ(summarised(), 0);
  EXPECT_EQ(count_rows(db(), "report_cell_levels"), 0);
  EXPECT_THROW(build_overview(db(), OverviewQuery{kPeriod, std::nullopt}), ValidationError);
}

INSTANTIATE_TEST_SUITE_P(Backends, ReportSummariesTest,
                         ::testing::Values(storage::Backend::sqlite, storage::Backend::postgresql),
                         testing::backend_name);

}  // namespace
}  // namespace sagsaudit
