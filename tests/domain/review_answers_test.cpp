#include "domain/review_answers.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace sagsaudit {
namespace {

// N01 is the only control that may carry an amount: a nøglekontrol with refusion = ja.
Concept test_concept() {
  Concept c;
  c.benefit_type = "kontanthjaelp";
  c.version = "0123456789abcdef0123";
  c.controls = {
      Control{"N01", Category::key_control, "Er ydelsen beregnet korrekt?", "", "", true, {}},
      Control{"N02", Category::key_control, "Er der partshørt?", "", "", false, {}},
      Control{"K01", Category::quality_goal, "Er fristen overholdt?", "", "", false, {}},
      Control{"F01", Category::formality, "Er blanketten udfyldt?", "", "", false, {}},
  };
  return c;
}

ControlAnswer answer(const char* id, Answer a, const char* comment = "") {
  ControlAnswer result;
  result.control_id = id;
  result.answer = a;
  result.comment = comment;
  return result;
}

std::vector<ControlAnswer> complete() {
  return {answer("N01", Answer::correct), answer("N02", Answer::not_applicable),
          answer("K01", Answer::error, "Frist overskredet med 3 uger"),
          answer("F01", Answer::not_assessable, "Blanketten ligger ikke i sagen")};
}

std::vector<std::string> fields(const std::vector<Issue>& issues) {
  std::vector<std::string> out;
  for (const Issue& issue : issues) out.push_back(issue.field);
  return out;
}

TEST(ReviewAnswers, CompleteReviewPassesBothStages) {
  EXPECT_TRUE(check_review_answers(test_concept(), complete(), ReviewStage::draft).empty());
  EXPECT_TRUE(check_review_answers(test_concept(), complete(), ReviewStage::submit).empty());
  EXPECT_NO_THROW(require_valid_review_answers(test_concept(), complete(), ReviewStage::submit));
}

TEST(ReviewAnswers, DraftMayHoldAnySubset) {
  EXPECT_TRUE(check_review_answers(test_concept(), {}, ReviewStage::draft).empty());
  EXPECT_TRUE(
      check_review_answers(test_concept(), {answer("F01", Answer::correct)}, ReviewStage::draft)
          .empty());
}

TEST(ReviewAnswers, SubmitNeedsEveryControlInConceptOrder) {
  const auto issues =
      check_review_answers(test_concept(), {answer("K01", Answer::correct)}, ReviewStage::submit);
  EXPECT_EQ(fields(issues), (std::vector<std::string>{"N01", "N02", "F01"}));
  EXPECT_EQ(issues[0].message,
            "kontrollen er ikke besvaret; alle kontroller skal besvares, før gennemgangen kan "
            "indsendes");
  EXPECT_EQ(check_review_answers(test_concept(), {}, ReviewStage::submit).size(), 4u);
}

TEST(ReviewAnswers, AnswerForAControlTheConceptLacksIsRefused) {
  auto answers = complete();
  answers.push_back(answer("X99", Answer::correct));
  for (ReviewStage stage : {ReviewStage::draft, ReviewStage::submit}) {
    const auto issues = check_review_answers(test_concept(), answers, stage);
    ASSERT_EQ(issues.size(), 1u);
    EXPECT_EQ(issues[0].field, "X99");
    EXPECT_EQ(issues[0].message,
              "kontrollen findes ikke i kvalitetskonceptet for kontanthjaelp (version "
              "0123456789ab)");
  }
}

TEST(ReviewAnswers, EmptyControlIdIsRefused) {
  const auto issues =
      check_review_answers(test_concept(), {answer("", Answer::correct)}, ReviewStage::draft);
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].field, "kontrol");
  EXPECT_EQ(issues[0].message, "kontrol-id mangler");
}

TEST(ReviewAnswers, SecondAnswerForTheSameControlIsRefused) {
  auto answers = complete();
  answers.push_back(answer("N02", Answer::correct));
  const auto issues = check_review_answers(test_concept(), answers, ReviewStage::submit);
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].field, "N02");
  EXPECT_EQ(issues[0].message, "kontrollen er besvaret mere end én gang");
}

TEST(ReviewAnswers, ErrorAndNotAssessableNeedAComment) {
  const auto issues = check_review_answers(
      test_concept(),
      {answer("N01", Answer::error), answer("N02", Answer::not_assessable, " \t "),
       answer("K01", Answer::correct), answer("F01", Answer::not_applicable)},
      ReviewStage::submit);
  ASSERT_EQ(issues.size(), 2u);
  EXPECT_EQ(issues[0].field, "N01");
  EXPECT_EQ(issues[0].message, "svaret 'fejl' kræver en kommentar");
  EXPECT_EQ(issues[1].field, "N02");
  EXPECT_EQ(issues[1].message, "svaret 'kan ikke vurderes' kræver en kommentar");
}

TEST(ReviewAnswers, AmountAndPeriodOnReimbursementKeyControlWithError) {
  auto answers = complete();
  answers[0] = answer("N01", Answer::error, "Forkert sats");
  answers[0].amount = parse_kroner("1.234,50");
  answers[0].affected_period = AffectedPeriod{make_date(2027, 1, 1), make_date(2027, 3, 31)};
  EXPECT_TRUE(check_review_answers(test_concept(), answers, ReviewStage::submit).empty());
  answers[0].answer = Answer::not_assessable;
  EXPECT_TRUE(check_review_answers(test_concept(), answers, ReviewStage::submit).empty());
  // A single day and a zero amount are both fine.
  answers[0].amount = decimal_from_int(0);
  answers[0].affected_period = AffectedPeriod{make_date(2027, 2, 1), make_date(2027, 2, 1)};
  EXPECT_TRUE(check_review_answers(test_concept(), answers, ReviewStage::submit).empty());
}

TEST(ReviewAnswers, AmountOnlyOnReimbursementRelevantKeyControl) {
  // N02 is a nøglekontrol without refusion; K01 and F01 are not nøglekontroller.
  for (const char* id : {"N02", "K01", "F01"}) {
    ControlAnswer a = answer(id, Answer::error, "fejl");
    a.amount = parse_kroner("100");
    a.affected_period = AffectedPeriod{make_date(2027, 1, 1), make_date(2027, 1, 31)};
    const auto issues = check_review_answers(test_concept(), {a}, ReviewStage::draft);
    ASSERT_EQ(issues.size(), 2u) << id;
    EXPECT_EQ(issues[0].field, id);
    EXPECT_EQ(issues[0].message,
              "beløb kan kun angives på en nøglekontrol, der har betydning for refusionen");
    EXPECT_EQ(issues[1].message,
              "berørt periode kan kun angives på en nøglekontrol, der har betydning for "
              "refusionen");
  }
}

TEST(ReviewAnswers, AmountOnlyWithErrorOrNotAssessable) {
  for (Answer a : {Answer::correct, Answer::not_applicable}) {
    ControlAnswer given = answer("N01", a);
    given.amount = parse_kroner("100");
    const auto issues = check_review_answers(test_concept(), {given}, ReviewStage::draft);
    ASSERT_EQ(issues.size(), 1u);
    EXPECT_EQ(issues[0].message,
              "beløb og berørt periode kan kun angives ved svaret 'fejl' eller 'kan ikke "
              "vurderes', ikke ved '" +
                  danish_label(a) + "'");
    given.amount.reset();
    given.affected_period = AffectedPeriod{make_date(2027, 1, 1), make_date(2027, 1, 31)};
    EXPECT_EQ(check_review_answers(test_concept(), {given}, ReviewStage::draft).size(), 1u);
  }
}

TEST(ReviewAnswers, AmountIsNonNegativeWholeOre) {
  ControlAnswer given = answer("N01", Answer::error, "Forkert sats");
  given.amount = parse_kroner("-0,01");
  auto issues = check_review_answers(test_concept(), {given}, ReviewStage::draft);
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].message, "beløbet må ikke være negativt");

  given.amount = Decimal{12345, 1000};  // 12.345 kr
  issues = check_review_answers(test_concept(), {given}, ReviewStage::draft);
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].message, "beløbet kan højst have to decimaler (øre)");

  given.amount = Decimal{12340, 1000};  // 12.34 kr, written with a trailing zero
  EXPECT_TRUE(check_review_answers(test_concept(), {given}, ReviewStage::draft).empty());
}

TEST(ReviewAnswers, AffectedPeriodMustNotEndBeforeItBegins) {
  ControlAnswer given = answer("N01", Answer::error, "Forkert sats");
  given.affected_period = AffectedPeriod{make_date(2027, 3, 1), make_date(2027, 1, 31)};
  const auto issues = check_review_answers(test_concept(), {given}, ReviewStage::draft);
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].message,
            "den berørte periode slutter (31-01-2027) før den begynder "
            "(01-03-2027)");
}

TEST(ReviewAnswers, IssuesCarryTheAnswersPosition) {
  ControlAnswer given = answer("N01", Answer::error);
  given.position = SourcePosition{17, 3};
  const auto issues = check_review_answers(test_concept(), {given}, ReviewStage::draft);
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].line, 17);
  EXPECT_EQ(issues[0].column, 3);
  EXPECT_EQ(issues[0].file, "");
}

TEST(ReviewAnswers, EveryProblemIsReportedAtOnce) {
  ControlAnswer with_amount = answer("F01", Answer::correct);
  with_amount.amount = parse_kroner("5");
  try {
    require_valid_review_answers(
        test_concept(), {answer("N01", Answer::error), answer("X1", Answer::correct), with_amount},
        ReviewStage::submit);
    FAIL() << "expected ValidationError";
  } catch (const ValidationError& error) {
    // N01 comment, X1 unknown, F01 amount, then N02 and K01 unanswered.
    EXPECT_EQ(fields(error.issues()), (std::vector<std::string>{"N01", "X1", "F01", "N02", "K01"}));
  }
}

}  // namespace
}  // namespace sagsaudit
