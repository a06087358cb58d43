// Review answers: replaced atomically per review, read per review and per round in one query.
#include "storage/review_answer_repository.hpp"

#include <gtest/gtest.h>

#include "domain/errors.hpp"
#include "storage/case_review_repository.hpp"
#include "storage/round_repository.hpp"
#include "storage/storage_test_support.hpp"
#include "storage/user_repository.hpp"
#include "storage/workflow_storage_support.hpp"

namespace sagsaudit::storage {
namespace {

const std::string kRound = "sygedagpenge-2027-K3";

class ReviewAnswerRepositoryTest : public testing::MigratedStorageTest {
 protected:
  void SetUp() override {
    MigratedStorageTest::SetUp();
    if (IsSkipped()) return;
    testing::insert_versions(db());
    make_round_repository(db())->create(testing::sample_round());
    make_user_repository(db())->add(User{"anna", "Anna", UserRole::coordinator, {"x"}, true, ""},
                                    "t");
    auto reviews = make_case_review_repository(db());
    for (const auto& [number, center, state] :
         std::vector<std::tuple<std::string, std::string, ReviewState>>{
             {"S-2", "jc-b", ReviewState::submitted},
             {"S-1", "jc-b", ReviewState::in_progress},
             {"S-3", "jc-a", ReviewState::approved},
             {"S-4", "jc-a", ReviewState::assigned}}) {
      CaseReview r;
      r.round_id = kRound;
      r.case_number = number;
      r.center = center;
      r.assignee = "anna";
      r.state = state;
      r.due_date = make_date(2027, 10, 30);
      r.updated_at = "2027-10-01T08:00:00Z";
      reviews->add(r);
    }
  }

  static StoredAnswer answer(const std::string& control, Answer a, const std::string& comment = "",
                             std::optional<Decimal> amount = std::nullopt,
                             std::optional<AffectedPeriod> period = std::nullopt) {
    ControlAnswer out;
    out.control_id = control;
    out.answer = a;
    out.comment = comment;
    out.amount = amount;
    out.affected_period = period;
    return StoredAnswer{out, "2027-10-02T09:00:00Z", "anna"};
  }
};

TEST_F(ReviewAnswerRepositoryTest, ReplaceAndLoadKeepEveryFieldExactly) {
  auto answers = make_review_answer_repository(db());
  EXPECT_TRUE(answers->load(kRound, "S-1").empty());
  answers->replace(kRound, "S-1",
                   {answer("SD-N03", Answer::error, "beregnet forkert", *parse_kroner("1.234,56"),
                           AffectedPeriod{make_date(2027, 7, 1), make_date(2027, 7, 31)}),
                    answer("SD-N01", Answer::correct), answer("SD-F01", Answer::not_applicable)});
  const auto loaded = answers->load(kRound, "S-1");
  ASSERT_EQ(loaded.size(), 3u);
  EXPECT_EQ(loaded[0].answer.control_id, "SD-F01");  // byte order of the control id
  EXPECT_EQ(loaded[1].answer.control_id, "SD-N01");
  EXPECT_EQ(loaded[1].answer.answer, Answer::correct);
  EXPECT_FALSE(loaded[1].answer.amount);
  EXPECT_FALSE(loaded[1].answer.affected_period);
  const ControlAnswer& n03 = loaded[2].answer;
  EXPECT_EQ(n03.control_id, "SD-N03");
  EXPECT_EQ(n03.answer, Answer::error);
  EXPECT_EQ(n03.comment, "beregnet forkert");
  ASSERT_TRUE(n03.amount);
  EXPECT_EQ(format_kroner(*n03.amount), "1.234,56");
  ASSERT_TRUE(n03.affected_period);
  EXPECT_EQ(to_iso(n03.affected_period->from), "2027-07-01");
  EXPECT_EQ(to_iso(n03.affected_period->to), "2027-07-31");
  EXPECT_EQ(loaded[2].updated_at, "2027-10-02T09:00:00Z");
  EXPECT_EQ(loaded[2].updated_by, "anna");

  // A second replace drops what it does not name.
  answers->replace(kRound, "S-1", {answer("SD-N01", Answer::not_assessable, "akt mangler")});
  const auto again = answers->load(kRound, "S-1");
  ASSERT_EQ(again.size(), 1u);
  EXPECT_EQ(again[0].answer.answer, Answer::not_assessable);
  EXPECT_EQ(testing::row_count(db(), "review_answers"), 1);
}

TEST_F(ReviewAnswerRepositoryTest, ReplaceInsideARolledBackTransactionLeavesNothing) {
  auto answers = make_review_answer_repository(db());
  answers->replace(kRound, "S-1", {answer("SD-N01", Answer::correct)});
  {
    Transaction transaction(db());
    answers->replace(kRound, "S-1", {answer("SD-N02", Answer::error, "x")});
  }  // not committed
  const auto loaded = answers->load(kRound, "S-1");
  ASSERT_EQ(loaded.size(), 1u);
  EXPECT_EQ(loaded[0].answer.control_id, "SD-N01");
}

TEST_F(ReviewAnswerRepositoryTest, AnswersNeedAnExistingReview) {
  auto answers = make_review_answer_repository(db());
  EXPECT_THROW(answers->replace(kRound, "S-99", {answer("SD-N01", Answer::correct)}), StorageError);
  EXPECT_EQ(testing::row_count(db(), "review_answers"), 0);
}

TEST_F(ReviewAnswerRepositoryTest, RoundAnswersGroupsByReviewAndFiltersByState) {
  auto answers = make_review_answer_repository(db());
  answers->replace(kRound, "S-2", {answer("B", Answer::error, "x"), answer("A", Answer::correct)});
  answers->replace(kRound, "S-3", {answer("A", Answer::correct)});
  answers->replace(kRound, "S-1", {answer("A", Answer::correct)});

  const auto all = answers->round_answers(kRound, {});
  ASSERT_EQ(all.size(), 4u);  // S-4 has no answers but is listed
  EXPECT_EQ(all[0].case_number, "S-3");
  EXPECT_EQ(all[0].center, "jc-a");
  EXPECT_EQ(all[0].state, ReviewState::approved);
  EXPECT_EQ(all[1].case_number, "S-4");
  EXPECT_TRUE(all[1].answers.empty());
  EXPECT_EQ(all[2].case_number, "S-1");
  EXPECT_EQ(all[3].case_number, "S-2");
  ASSERT_EQ(all[3].answers.size(), 2u);
  EXPECT_EQ(all[3].answers[0].control_id, "A");
  EXPECT_EQ(all[3].answers[1].control_id, "B");
  EXPECT_EQ(all[3].answers[1].comment, "x");

  const auto done = answers->round_answers(kRound, {ReviewState::submitted, ReviewState::approved});
  ASSERT_EQ(done.size(), 2u);
  EXPECT_EQ(done[0].case_number, "S-3");
  EXPECT_EQ(done[1].case_number, "S-2");
  EXPECT_TRUE(answers->round_answers("delpension-2027", {}).empty());
}

}  // namespace
}  // namespace sagsaudit::storage
