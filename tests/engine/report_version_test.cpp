// The report version (migration 11, storage/report_version.hpp) on both backends: which changes
// move it and which do not. It is the key of the web server's report cache, so a change that
// alters a report and does not move it would serve a stale report, and a draft save that moves
// it would empty the cache (docs/reports.md, "The report version").
#include "storage/report_version.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "backup/retention.hpp"
#include "domain/errors.hpp"
#include "engine/workflow_test_support.hpp"
#include "reports/report_summaries.hpp"
#include "scoring/review_editing.hpp"
#include "scoring/review_import.hpp"
#include "storage/round_repository.hpp"
#include "workflow/review_transitions.hpp"
#include "workflow/round_transitions.hpp"

namespace sagsaudit {
namespace {

using testing::answers_with;

const std::string kRound = "sygedagpenge-2027-K1";

class ThreeCases final : public storage::SampleReader {
 public:
  std::vector<storage::SampledCase> sampled_cases(std::string_view round_id) override {
    if (round_id != kRound) return {};
    return {{kRound, "S-1", "jc-amager", "sb", "010180-xxxx", 1},
            {kRound, "S-2", "jc-amager", "sb", "010180-xxxx", 2},
            {kRound, "S-3", "jc-vesterbro-valby", "sb", "010180-xxxx", 3}};
  }
};

class ReportVersionTest : public testing::WorkflowTest {
 protected:
  void TearDown() override {
    std::filesystem::remove(file_);
    WorkflowTest::TearDown();
  }

  std::int64_t version() { return storage::make_report_version(db())->current(); }

  // A `sagsaudit review import` file: every case of `numbers` with answers_with(errors).
  std::string write_import(const std::vector<std::string>& numbers,
                           const std::map<std::string, std::string>& errors) {
    std::ofstream out(file_);
    out << "sagsnummer;kontrol;svar;kommentar;beløb\n";
    for (const auto& number : numbers) {
      for (const auto& a : answers_with(errors)) {
        out << number << ";" << a.control_id << ";" << answer_code(a.answer) << ";" << a.comment
            << ";\n";
      }
    }
    return file_.string();
  }

  std::filesystem::path file_ = std::filesystem::temp_directory_path() /
                                ("report-version-" + std::to_string(::getpid()) + ".csv");
};

TEST_P(ReportVersionTest, StartsAtZeroAndMovesOnlyWithItsTransaction) {
  auto report_version = storage::make_report_version(db());
  EXPECT_EQ(report_version->current(), 0);  // init loads concepts and årshjul: no report changes
  report_version->bump();
  EXPECT_EQ(report_version->current(), 1);
  {
    storage::Transaction rolled_back(db());
    report_version->bump();
    report_version->bump();
    EXPECT_EQ(report_version->current(), 3);  // as the open transaction has it
  }
  EXPECT_EQ(report_version->current(), 1);
  storage::Transaction committed(db());
  report_version->bump();
  committed.commit();
  EXPECT_EQ(report_version->current(), 2);
}

TEST_P(ReportVersionTest, MovesWithEveryChangeOfAFigureAndNotWithDraftsOrApprovals) {
  ThreeCases sample;
  // tick creates the year's rounds: no report shows a round without reviews, nothing moves. The
  // round's three steps (population indlæst, stikprøve udtrukket, under gennemgang with its new
  // reviews) move it once each.
  assign_round_to_anna(kRound, sample);
  EXPECT_EQ(version(), 3);

  // Draft saves of reviews that do not count: tildelt → i gang, then an answer changed; a draft
  // import. Nothing a report shows changes.
  const int s1 =
      save_review_draft(db(), kRound, "S-1", answers_with({}), 1, "anna", "t").review.version;
  const int s1b =
      save_review_draft(db(), kRound, "S-1", answers_with({{"SD-K03", ""}}), s1, "anna", "t")
          .review.version;
  import_reviews(db(), kRound, write_import({"S-2"}, {}), {"cli:test", "t", true});
  EXPECT_EQ(version(), 3);

  // Submit: S-1 enters the figures. Return: it leaves them.
  const int submitted = submit_review(db(), kRound, "S-1", s1b, "anna", "t").version;
  EXPECT_EQ(version(), 4);
  return_review(db(), kRound, "S-1", submitted, "SD-K03 skal uddybes", "ejnar", "t");
  EXPECT_EQ(version(), 5);
  // S-2 (in gang from the draft import) submitted; then approved, which changes no figure: it
  // was counted and still is.
  const int s2 = submit_review(db(), kRound, "S-2", 2, "anna", "t").version;
  EXPECT_EQ(version(), 6);
  approve_review(db(), kRound, "S-2", s2, "ejnar", "t");
  EXPECT_EQ(version(), 6);

  // An import submitting cases of two centers: one recount (and one move) per center.
  import_reviews(db(), kRound, write_import({"S-1", "S-3"}, {{"SD-F01", ""}}),
                 {"cli:test", "t", false});
  EXPECT_EQ(version(), 8);

  // `sagsaudit report genopbyg`: one move per round recounted.
  const std::size_t rounds = rebuild_all_report_summaries(db(), "t");
  EXPECT_EQ(rounds, storage::make_round_repository(db())->list().size());
  EXPECT_EQ(version(), 8 + static_cast<std::int64_t>(rounds));

  // A round's step (afsluttet), and retention blanking the round's CPR numbers and comments,
  // which the center report shows.
  const std::int64_t before = version();
  transition_round(db(), kRound, RoundState::closed, "cli:test", "t");
  EXPECT_EQ(version(), before + 1);
  const RetentionPlan erased = apply_retention(db(), make_date(2040, 1, 1), 5, "cli:test", "t");
  ASSERT_EQ(erased.rounds.size(), 1u);
  EXPECT_EQ(version(), before + 2);
  // Nothing left to erase: nothing moves.
  apply_retention(db(), make_date(2040, 1, 1), 5, "cli:test", "t");
  EXPECT_EQ(version(), before + 2);
}

TEST_P(ReportVersionTest, AChangeThatFailsLeavesItWhereItWas) {
  ThreeCases sample;
  assign_round_to_anna(kRound, sample);
  const int s1 =
      save_review_draft(db(), kRound, "S-1", answers_with({}), 1, "anna", "t").review.version;
  const std::int64_t before = version();
  // A stale version: refused, nothing written.
  EXPECT_THROW(submit_review(db(), kRound, "S-1", s1 - 1, "anna", "t"), ConflictError);
  // An import with one bad case (a fejl without a comment): refused whole, although its S-1
  // would have been submitted.
  const std::string path = write_import({"S-1"}, {});
  std::ofstream(path, std::ios::app) << "S-2;SD-N01;fejl;;\n";
  EXPECT_THROW(import_reviews(db(), kRound, path, {"cli:test", "t", false}), ValidationError);
  EXPECT_EQ(version(), before);
}

INSTANTIATE_TEST_SUITE_P(Backends, ReportVersionTest,
                         ::testing::Values(storage::Backend::sqlite, storage::Backend::postgresql),
                         testing::backend_name);

}  // namespace
}  // namespace sagsaudit
