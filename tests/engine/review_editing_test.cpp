// Saving, submitting, approving and returning a sagsgennemgang on a real database, both backends:
// the version compare-and-set, the state machine, and the audit log with old and new values.
#include "scoring/review_editing.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "domain/errors.hpp"
#include "engine/workflow_test_support.hpp"
#include "storage/audit_log.hpp"
#include "storage/user_repository.hpp"
#include "workflow/assign.hpp"
#include "workflow/round_transitions.hpp"
#include "workflow/tick.hpp"

namespace sagsaudit {
namespace {

using testing::count_rows;

const std::string kRound = "sygedagpenge-2027-K1";

class OneCase final : public storage::SampleReader {
 public:
  std::vector<storage::SampledCase> sampled_cases(std::string_view round_id) override {
    if (round_id != kRound) return {};
    return {{kRound, "S-1", "jc-amager", "sb", "010180-xxxx", 1},
            {kRound, "S-2", "jc-amager", "sb", "010180-xxxx", 2}};
  }
};

// The 20 controls of the shipped sygedagpenge concept.
std::vector<std::string> all_controls() {
  std::vector<std::string> ids;
  for (int i = 1; i <= 8; ++i) ids.push_back("SD-N0" + std::to_string(i));
  for (int i = 1; i <= 7; ++i) ids.push_back("SD-K0" + std::to_string(i));
  for (int i = 1; i <= 5; ++i) ids.push_back("SD-F0" + std::to_string(i));
  return ids;
}

ControlAnswer answer(const std::string& control, Answer a, const std::string& comment = "") {
  ControlAnswer out;
  out.control_id = control;
  out.answer = a;
  out.comment = comment;
  return out;
}

std::vector<ControlAnswer> all_correct() {
  std::vector<ControlAnswer> out;
  for (const auto& id : all_controls()) out.push_back(answer(id, Answer::correct));
  return out;
}

class ReviewEditingTest : public testing::WorkflowTest {
 protected:
  void SetUp() override {
    WorkflowTest::SetUp();
    if (IsSkipped()) return;
    OneCase sample;
    assign_round_to_anna(kRound, sample);
  }

  std::vector<storage::AuditEntry> review_log(const std::string& case_number) {
    storage::AuditFilter filter;
    filter.object_type = "case_review";
    filter.object_id = kRound + "/" + case_number;
    return storage::make_audit_log(db())->list(filter);
  }
};

TEST_P(ReviewEditingTest, FirstSaveStartsTheReviewAndAuditsEveryAnswer) {
  ControlAnswer amount = answer("SD-N03", Answer::error, "timesats forkert");
  amount.amount = *parse_kroner("1.234,50");
  amount.affected_period = AffectedPeriod{make_date(2027, 2, 1), make_date(2027, 2, 28)};
  const SaveOutcome saved =
      save_review_draft(db(), kRound, "S-1", {answer("SD-N01", Answer::correct), amount}, 1, "anna",
                        "2027-04-02T08:00:00Z");
  EXPECT_EQ(saved.changed_answers, 2);
  EXPECT_EQ(saved.review.state, ReviewState::in_progress);
  EXPECT_EQ(saved.review.version, 2);

  const ReviewView view = load_review(db(), kRound, "S-1");
  ASSERT_EQ(view.answers.size(), 2u);
  EXPECT_EQ(view.answers[0].answer.control_id, "SD-N01");  // concept order
  EXPECT_EQ(view.answers[1].answer.control_id, "SD-N03");
  EXPECT_EQ(format_kroner(*view.answers[1].answer.amount), "1.234,50");
  EXPECT_EQ(view.answers[1].updated_by, "anna");

  auto log = review_log("S-1");
  ASSERT_EQ(log.size(), 3u);  // assign, transition, answers
  EXPECT_EQ(log[1].record.action, "review.transition");
  EXPECT_EQ(log[1].record.from_state, "assigned");
  EXPECT_EQ(log[1].record.to_state, "in_progress");
  EXPECT_EQ(log[2].record.action, "review.answers");
  EXPECT_EQ(log[2].record.details,
            "{\"aendringer\":[{\"kontrol\":\"SD-N01\",\"foer\":null,\"efter\":{\"svar\":"
            "\"correct\",\"kommentar\":\"\"}},{\"kontrol\":\"SD-N03\",\"foer\":null,\"efter\":{"
            "\"svar\":\"error\",\"kommentar\":\"timesats forkert\",\"beloeb\":\"1234.5\","
            "\"periode_fra\":\"2027-02-01\",\"periode_til\":\"2027-02-28\"}}]}");

  // The second save changes one answer and drops another: only those are logged, and the
  // unchanged answer keeps who and when.
  const SaveOutcome second = save_review_draft(
      db(), kRound, "S-1", {answer("SD-N01", Answer::not_assessable, "akt mangler")}, 2, "bo",
      "2027-04-03T08:00:00Z");
  EXPECT_EQ(second.changed_answers, 2);
  EXPECT_EQ(second.review.version, 3);
  log = review_log("S-1");
  ASSERT_EQ(log.size(), 4u);
  EXPECT_EQ(log[3].record.details,
            "{\"aendringer\":[{\"kontrol\":\"SD-N01\",\"foer\":{\"svar\":\"correct\","
            "\"kommentar\":\"\"},\"efter\":{\"svar\":\"not_assessable\",\"kommentar\":\"akt "
            "mangler\"}},{\"kontrol\":\"SD-N03\",\"foer\":{\"svar\":\"error\",\"kommentar\":"
            "\"timesats forkert\",\"beloeb\":\"1234.5\",\"periode_fra\":\"2027-02-01\","
            "\"periode_til\":\"2027-02-28\"},\"efter\":null}]}");

  // Saving the same again changes nothing: no version, no audit entry.
  const SaveOutcome same = save_review_draft(
      db(), kRound, "S-1", {answer("SD-N01", Answer::not_assessable, "akt mangler")}, 3, "bo",
      "2027-04-03T09:00:00Z");
  EXPECT_EQ(same.changed_answers, 0);
  EXPECT_EQ(same.review.version, 3);
  EXPECT_EQ(review_log("S-1").size(), 4u);
  EXPECT_TRUE(storage::make_audit_log(db())->verify().ok);
}

TEST_P(ReviewEditingTest, ASecondSaveOnTheSameVersionIsAConflict) {
  save_review_draft(db(), kRound, "S-1", {answer("SD-N01", Answer::correct)}, 1, "anna",
                    "2027-04-02T08:00:00Z");
  try {
    save_review_draft(db(), kRound, "S-1", {answer("SD-N01", Answer::error, "nej")}, 1, "bo",
                      "2027-04-02T08:00:01Z");
    FAIL() << "not refused";
  } catch (const ConflictError& error) {
    EXPECT_STREQ(error.what(),
                 "gennemgangen af sag S-1 i runde sygedagpenge-2027-K1 er ændret af en anden "
                 "(version 2, du havde 1); hent den igen");
  }
  const ReviewView view = load_review(db(), kRound, "S-1");
  ASSERT_EQ(view.answers.size(), 1u);
  EXPECT_EQ(view.answers[0].answer.answer, Answer::correct);
  EXPECT_EQ(view.review.version, 2);
}

// Two people on two connections save the same review at the same moment, both based on version 1:
// exactly one wins, the other gets the conflict (never both stored, never a silent overwrite).
TEST_P(ReviewEditingTest, ConcurrentSavesFromTwoConnectionsLetExactlyOneWin) {
  for (int round = 0; round < 5; ++round) {
    const std::string number = round % 2 == 0 ? "S-1" : "S-2";
    const int version = load_review(db(), kRound, number).review.version;
    std::atomic<int> wins = 0, conflicts = 0;
    std::vector<std::thread> people;
    for (const std::string who : {"anna", "bo"}) {
      people.emplace_back([&, who] {
        auto connection = storage::Database::open(url());
        try {
          save_review_draft(
              *connection, kRound, number,
              {answer("SD-N01", Answer::error, "set af " + who + " " + std::to_string(round))},
              version, who, "2027-04-02T08:00:00Z");
          ++wins;
        } catch (const ConflictError&) {
          ++conflicts;
        }
      });
    }
    for (auto& person : people) person.join();
    EXPECT_EQ(wins.load(), 1);
    EXPECT_EQ(conflicts.load(), 1);
    const ReviewView view = load_review(db(), kRound, number);
    EXPECT_EQ(view.review.version, version + 1);
    ASSERT_EQ(view.answers.size(), 1u);
    EXPECT_EQ(view.answers[0].answer.comment,
              "set af " + view.answers[0].updated_by + " " + std::to_string(round));
  }
  EXPECT_TRUE(storage::make_audit_log(db())->verify().ok);
}

TEST_P(ReviewEditingTest, InvalidAnswersAreRefusedWholeAndNothingChanges) {
  try {
    save_review_draft(db(), kRound, "S-1",
                      {answer("SD-N01", Answer::error), answer("XX-1", Answer::correct),
                       answer("SD-K01", Answer::error, "cpr 0101801234 stod i akten")},
                      1, "anna", "2027-04-02T08:00:00Z");
    FAIL() << "not refused";
  } catch (const ValidationError& error) {
    ASSERT_EQ(error.issues().size(), 3u);
    EXPECT_EQ(error.issues()[0].field, "SD-N01");
    EXPECT_EQ(error.issues()[0].message, "svaret 'fejl' kræver en kommentar");
    EXPECT_EQ(error.issues()[1].field, "XX-1");
    EXPECT_EQ(error.issues()[2].field, "SD-K01");
    EXPECT_EQ(error.issues()[2].message,
              "kommentaren ser ud til at indeholde et CPR-nummer; skriv det ikke her "
              "(sagsnummeret er nok)");
  }
  const ReviewView view = load_review(db(), kRound, "S-1");
  EXPECT_TRUE(view.answers.empty());
  EXPECT_EQ(view.review.state, ReviewState::assigned);
  EXPECT_EQ(view.review.version, 1);
  EXPECT_EQ(count_rows(db(), "audit_log WHERE action = 'review.answers'"), 0);
}

TEST_P(ReviewEditingTest, SubmitNeedsEveryControlThenApproveOrReturn) {
  auto answers = all_correct();
  answers.pop_back();  // SD-F05 unanswered
  save_review_draft(db(), kRound, "S-1", answers, 1, "anna", "2027-04-02T08:00:00Z");
  try {
    submit_review(db(), kRound, "S-1", 2, "anna", "2027-04-02T09:00:00Z");
    FAIL() << "not refused";
  } catch (const ValidationError& error) {
    ASSERT_EQ(error.issues().size(), 1u);
    EXPECT_EQ(error.issues()[0].field, "SD-F05");
  }
  EXPECT_EQ(load_review(db(), kRound, "S-1").review.state, ReviewState::in_progress);

  save_review_draft(db(), kRound, "S-1", all_correct(), 2, "anna", "2027-04-02T09:30:00Z");
  const auto submitted = submit_review(db(), kRound, "S-1", 3, "anna", "2027-04-02T10:00:00Z");
  EXPECT_EQ(submitted.state, ReviewState::submitted);
  EXPECT_EQ(submitted.version, 4);
  EXPECT_THROW(save_review_draft(db(), kRound, "S-1", all_correct(), 4, "anna", "t"),
               ConflictError);

  EXPECT_THROW(return_review(db(), kRound, "S-1", 4, "  ", "ejnar", "t"), ValidationError);
  const auto returned =
      return_review(db(), kRound, "S-1", 4, "SD-N02 er tvivlsom", "ejnar", "2027-04-03T08:00:00Z");
  EXPECT_EQ(returned.state, ReviewState::returned);
  EXPECT_EQ(returned.return_reason, "SD-N02 er tvivlsom");

  auto fixed = all_correct();
  fixed[1] = answer("SD-N02", Answer::error, "uarbejdsdygtighed ikke dokumenteret");
  const auto again = save_review_draft(db(), kRound, "S-1", fixed, 5, "anna", "t2");
  EXPECT_EQ(again.review.state, ReviewState::in_progress);
  EXPECT_EQ(again.changed_answers, 1);
  submit_review(db(), kRound, "S-1", 6, "anna", "t3");
  EXPECT_THROW(approve_review(db(), kRound, "S-1", 6, "ejnar", "t4"), ConflictError);  // stale
  const auto approved = approve_review(db(), kRound, "S-1", 7, "ejnar", "t4");
  EXPECT_EQ(approved.state, ReviewState::approved);

  std::vector<std::string> steps;
  for (const auto& entry : review_log("S-1")) {
    if (entry.record.action == "review.transition") {
      steps.push_back(entry.record.from_state + ">" + entry.record.to_state);
    }
  }
  EXPECT_EQ(steps, (std::vector<std::string>{"assigned>in_progress", "in_progress>submitted",
                                             "submitted>returned", "returned>in_progress",
                                             "in_progress>submitted", "submitted>approved"}));
  EXPECT_TRUE(storage::make_audit_log(db())->verify().ok);
}

INSTANTIATE_TEST_SUITE_P(Backends, ReviewEditingTest,
                         ::testing::Values(storage::Backend::sqlite, storage::Backend::postgresql),
                         testing::backend_name);

}  // namespace
}  // namespace sagsaudit
