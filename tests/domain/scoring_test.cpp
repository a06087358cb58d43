#include "domain/scoring.hpp"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "domain/error_statistics.hpp"
#include "domain/errors.hpp"

namespace sagsaudit {
namespace {

constexpr Answer C = Answer::correct;
constexpr Answer E = Answer::error;
constexpr Answer NA = Answer::not_applicable;
constexpr Answer X = Answer::not_assessable;

Concept test_concept() {
  Concept c;
  c.benefit_type = "kontanthjaelp";
  c.controls = {
      Control{"N01", Category::key_control, "Beregning?", "", "", true, {}},
      Control{"N02", Category::key_control, "Partshøring?", "", "", false, {}},
      Control{"K01", Category::quality_goal, "Frist?", "", "", false, {}},
      Control{"F01", Category::formality, "Blanket?", "", "", false, {}},
  };
  return c;
}

Concept one_control_concept() {
  Concept c;
  c.benefit_type = "sygedagpenge";
  c.controls = {Control{"S01", Category::formality, "Blanket?", "", "", false, {}}};
  return c;
}

// A complete review; fejl and kan ikke vurderes get the comment they need.
ReviewedCase review(std::string case_number, std::vector<std::pair<const char*, Answer>> answers) {
  ReviewedCase result{std::move(case_number), {}};
  for (const auto& [id, answer] : answers) {
    ControlAnswer a;
    a.control_id = id;
    a.answer = answer;
    if (needs_comment(answer)) a.comment = "se sagen";
    result.answers.push_back(a);
  }
  return result;
}

// The five cases worked by hand in docs/scoring.md.
std::vector<ReviewedCase> worked_example() {
  return {
      review("S1", {{"N01", C}, {"N02", C}, {"K01", C}, {"F01", C}}),
      review("S2", {{"N01", E}, {"N02", C}, {"K01", C}, {"F01", NA}}),
      review("S3", {{"N01", C}, {"N02", NA}, {"K01", X}, {"F01", C}}),
      review("S4", {{"N01", C}, {"N02", C}, {"K01", E}, {"F01", E}}),
      review("S5", {{"N01", NA}, {"N02", NA}, {"K01", C}, {"F01", X}}),
  };
}

// n cases of the one-control concept, the first `errors` of them fejl.
std::vector<ReviewedCase> one_control_cases(int n, int errors) {
  std::vector<ReviewedCase> cases;
  for (int i = 0; i < n; ++i) {
    cases.push_back(review("S" + std::to_string(i), {{"S01", i < errors ? E : C}}));
  }
  return cases;
}

ScoringRules rules(bool not_assessable_is_error) {
  ScoringRules r;
  r.not_assessable_is_error = not_assessable_is_error;
  return r;
}

AnswerCounts counts(std::int64_t correct, std::int64_t error, std::int64_t not_applicable,
                    std::int64_t not_assessable) {
  return AnswerCounts{correct, error, not_applicable, not_assessable};
}

TEST(AnswerCounts, AddsEachKind) {
  AnswerCounts a;
  for (Answer answer : {C, C, E, NA, X, X, X}) a.add(answer);
  EXPECT_EQ(a, counts(2, 1, 1, 3));
  EXPECT_EQ(a.total(), 7);
  a += counts(1, 2, 3, 4);
  EXPECT_EQ(a, counts(3, 3, 4, 7));
}

TEST(Shares, NotApplicableLeftOutNotAssessableByRule) {
  const AnswerCounts a = counts(18, 1, 5, 1);
  EXPECT_EQ(correct_share(a, false), (Proportion{18, 19}));
  EXPECT_EQ(error_share(a, false), (Proportion{1, 19}));
  EXPECT_EQ(correct_share(a, true), (Proportion{18, 20}));
  EXPECT_EQ(error_share(a, true), (Proportion{2, 20}));
  EXPECT_FALSE(correct_share(counts(0, 0, 4, 2), false).has_data());
  EXPECT_TRUE(correct_share(counts(0, 0, 4, 2), true).has_data());
}

TEST(CaseTally, ClassifiesEachCaseOnce) {
  CaseTally t;
  t.add_case(counts(3, 1, 0, 1));  // with_error, whatever else it has
  t.add_case(counts(2, 0, 1, 0));  // correct_only
  t.add_case(counts(1, 0, 0, 2));  // correct_and_not_assessable
  t.add_case(counts(0, 0, 1, 1));  // not_assessable_only
  t.add_case(counts(0, 0, 3, 0));  // not_counted
  t.add_case(counts(0, 0, 0, 0));  // not_counted
  EXPECT_EQ(t, (CaseTally{1, 1, 1, 1, 2}));
  EXPECT_EQ(t.cases(), 6);
  EXPECT_EQ(error_free_share(t, false), (Proportion{2, 3}));
  EXPECT_EQ(error_free_share(t, true), (Proportion{1, 4}));
}

TEST(Tally, WorkedExampleCounts) {
  const Tally t = tally_reviews(test_concept(), worked_example());
  EXPECT_EQ(t.reviews, 5);
  ASSERT_EQ(t.controls.size(), 4u);
  EXPECT_EQ(t.controls[0], (ControlTally{"N01", Category::key_control, counts(3, 1, 1, 0)}));
  EXPECT_EQ(t.controls[1], (ControlTally{"N02", Category::key_control, counts(3, 0, 2, 0)}));
  EXPECT_EQ(t.controls[2], (ControlTally{"K01", Category::quality_goal, counts(3, 1, 0, 1)}));
  EXPECT_EQ(t.controls[3], (ControlTally{"F01", Category::formality, counts(2, 1, 1, 1)}));
  EXPECT_EQ(t.category(Category::key_control).answers, counts(6, 1, 3, 0));
  EXPECT_EQ(t.category(Category::quality_goal).answers, counts(3, 1, 0, 1));
  EXPECT_EQ(t.category(Category::formality).answers, counts(2, 1, 1, 1));
  EXPECT_EQ(t.overall.answers, counts(11, 3, 4, 2));  // 20 answers = 5 cases × 4
  // with_error, correct_only, correct_and_not_assessable, not_assessable_only, not_counted
  EXPECT_EQ(t.category(Category::key_control).cases, (CaseTally{1, 3, 0, 0, 1}));
  EXPECT_EQ(t.category(Category::quality_goal).cases, (CaseTally{1, 3, 0, 1, 0}));
  EXPECT_EQ(t.category(Category::formality).cases, (CaseTally{1, 2, 0, 1, 1}));
  EXPECT_EQ(t.overall.cases, (CaseTally{2, 1, 2, 0, 0}));
  EXPECT_EQ(t.find_control("K01"), &t.controls[2]);
  EXPECT_EQ(t.find_control("X"), nullptr);
}

TEST(Figures, WorkedExampleKanIkkeVurderesCountedApart) {
  const Figures f = figures(tally_reviews(test_concept(), worked_example()), rules(false));
  EXPECT_EQ(f.reviews, 5);
  const auto& key = f.category(Category::key_control);
  EXPECT_EQ(key.correct.share.proportion, (Proportion{6, 7}));  // 85.71 %
  EXPECT_EQ(key.correct.share.percent, 86);
  EXPECT_EQ(key.correct.light, TrafficLight::yellow);
  EXPECT_EQ(key.correct.not_applicable, 3);
  EXPECT_EQ(key.error_free.proportion, (Proportion{3, 4}));
  EXPECT_EQ(key.error_free.percent, 75);

  const auto& quality = f.category(Category::quality_goal);
  EXPECT_EQ(quality.correct.share.proportion, (Proportion{3, 4}));
  EXPECT_EQ(quality.correct.share.percent, 75);
  EXPECT_EQ(quality.correct.light, TrafficLight::yellow);
  EXPECT_EQ(quality.correct.not_assessable, 1);
  EXPECT_EQ(quality.error_free.proportion, (Proportion{3, 4}));

  const auto& formality = f.category(Category::formality);
  EXPECT_EQ(formality.correct.share.proportion, (Proportion{2, 3}));
  EXPECT_EQ(formality.correct.share.percent, 67);
  EXPECT_EQ(formality.correct.light, TrafficLight::red);
  EXPECT_EQ(formality.error_free.proportion, (Proportion{2, 3}));

  EXPECT_EQ(f.overall.correct.share.proportion, (Proportion{11, 14}));  // 78.57 %
  EXPECT_EQ(f.overall.correct.share.percent, 79);
  EXPECT_EQ(f.overall.correct.light, TrafficLight::yellow);
  EXPECT_EQ(f.overall.correct.not_assessable, 2);
  EXPECT_EQ(f.overall.error_free.proportion, (Proportion{3, 5}));
  EXPECT_EQ(f.overall.error_free.percent, 60);

  ASSERT_EQ(f.controls.size(), 4u);
  EXPECT_EQ(f.controls[0].control_id, "N01");
  EXPECT_EQ(f.controls[0].correct.share.proportion, (Proportion{3, 4}));
  EXPECT_EQ(f.controls[1].correct.share.percent, 100);
  EXPECT_EQ(f.controls[1].correct.light, TrafficLight::green);
  EXPECT_TRUE(f.controls[1].correct.too_small_to_tell);  // 3 of 3: [0.4385, 1]
  EXPECT_EQ(f.controls[3].correct.share.percent, 67);
}

TEST(Figures, WorkedExampleKanIkkeVurderesAsError) {
  const Figures f = figures(tally_reviews(test_concept(), worked_example()), rules(true));
  EXPECT_EQ(f.category(Category::key_control).correct.share.proportion, (Proportion{6, 7}));
  const auto& quality = f.category(Category::quality_goal);
  EXPECT_EQ(quality.correct.share.proportion, (Proportion{3, 5}));
  EXPECT_EQ(quality.correct.share.percent, 60);
  EXPECT_EQ(quality.correct.light, TrafficLight::red);
  EXPECT_EQ(quality.correct.not_assessable, 1);  // still shown apart
  EXPECT_EQ(quality.error_free.proportion, (Proportion{3, 5}));
  EXPECT_EQ(f.category(Category::formality).correct.share.proportion, (Proportion{2, 4}));
  EXPECT_EQ(f.category(Category::formality).error_free.proportion, (Proportion{2, 4}));
  // The rule turns the overall light from yellow (79 %) to red (69 %).
  EXPECT_EQ(f.overall.correct.share.proportion, (Proportion{11, 16}));  // 68.75 %
  EXPECT_EQ(f.overall.correct.share.percent, 69);
  EXPECT_EQ(f.overall.correct.light, TrafficLight::red);
  EXPECT_EQ(f.overall.error_free.proportion, (Proportion{1, 5}));
}

// The "too small to tell" column and the ranking of the worked example in docs/scoring.md.
TEST(Figures, WorkedExampleMarksAndRankingAsDocumented) {
  const Tally t = tally_reviews(test_concept(), worked_example());
  const Figures f = figures(t, rules(false));
  EXPECT_TRUE(f.category(Category::key_control).correct.too_small_to_tell);   // 0.4869–0.9743
  EXPECT_TRUE(f.category(Category::quality_goal).correct.too_small_to_tell);  // 0.3006–0.9544
  EXPECT_FALSE(f.category(Category::formality).correct.too_small_to_tell);    // 0.2077–0.9385
  EXPECT_FALSE(f.overall.correct.too_small_to_tell);                          // 0.5241–0.9243
  EXPECT_NEAR(f.overall.correct.share.interval->lower, 0.5241, 5e-5);
  EXPECT_NEAR(f.overall.correct.share.interval->upper, 0.9243, 5e-5);
  const auto rows = rank_controls_by_error_share({Period{2027, Frequency::quarterly, 1}, t, false});
  std::vector<std::string> order;
  for (const auto& row : rows) order.push_back(row.control_id);
  EXPECT_EQ(order, (std::vector<std::string>{"F01", "N01", "K01", "N02"}));
}

// Hidden-answer style: known answers through the whole pipeline, edge cases of issue 5.
TEST(Figures, EdgeNinetyFourAndAHalfIsGreen) {
  const Tally t = tally_reviews(one_control_concept(), one_control_cases(200, 11));
  const Figures f = figures(t, rules(false));
  EXPECT_EQ(f.overall.correct.share.proportion, (Proportion{189, 200}));
  EXPECT_EQ(f.overall.correct.share.percent, 95);
  EXPECT_EQ(f.overall.correct.light, TrafficLight::green);
  EXPECT_TRUE(f.overall.correct.too_small_to_tell);  // [0.9042, 0.9690] spans 0.95
  EXPECT_EQ(f.category(Category::formality).correct.light, TrafficLight::green);
  EXPECT_EQ(f.controls[0].correct.share.percent, 95);
  EXPECT_EQ(f.overall.error_free.proportion, (Proportion{189, 200}));
}

TEST(Figures, EdgeSeventyFourPointFourNineIsRed) {
  const Tally t = tally_reviews(one_control_concept(), one_control_cases(10000, 2551));
  const Figures f = figures(t, rules(false));
  EXPECT_EQ(f.overall.correct.share.proportion, (Proportion{7449, 10000}));
  EXPECT_EQ(f.overall.correct.share.percent, 74);
  EXPECT_EQ(f.overall.correct.light, TrafficLight::red);
  EXPECT_FALSE(f.overall.correct.too_small_to_tell);
}

TEST(Figures, EdgeSeventyFourAndAHalfIsYellow) {
  const Figures f =
      figures(tally_reviews(one_control_concept(), one_control_cases(200, 51)), rules(false));
  EXPECT_EQ(f.overall.correct.share.proportion, (Proportion{149, 200}));
  EXPECT_EQ(f.overall.correct.share.percent, 75);
  EXPECT_EQ(f.overall.correct.light, TrafficLight::yellow);
}

TEST(Figures, EdgeNinetyFourPointFourNineNineNineIsYellow) {
  // A million answers are counted directly rather than through a million reviews.
  const PercentCorrect p = percent_correct(counts(944999, 55001, 0, 0), rules(false));
  EXPECT_EQ(p.share.percent, 94);
  EXPECT_EQ(p.light, TrafficLight::yellow);
  EXPECT_FALSE(p.too_small_to_tell);  // [0.94455, 0.94545] lies below 0.95
}

TEST(Figures, CategoryWithOnlyIkkeRelevantHasNoLight) {
  std::vector<ReviewedCase> cases;
  for (int i = 0; i < 3; ++i) {
    cases.push_back(
        review("S" + std::to_string(i), {{"N01", C}, {"N02", C}, {"K01", NA}, {"F01", C}}));
  }
  const Figures f = figures(tally_reviews(test_concept(), cases), rules(true));
  const auto& quality = f.category(Category::quality_goal);
  EXPECT_EQ(quality.correct.share.proportion, (Proportion{0, 0}));
  EXPECT_EQ(quality.correct.share.percent, std::nullopt);
  EXPECT_EQ(quality.correct.light, std::nullopt);  // shown as kNoDataLabel, "ingen data"
  EXPECT_EQ(quality.correct.share.interval, std::nullopt);
  EXPECT_FALSE(quality.correct.too_small_to_tell);
  EXPECT_EQ(quality.correct.not_applicable, 3);
  EXPECT_FALSE(quality.error_free.proportion.has_data());
  EXPECT_EQ(quality.error_free.percent, std::nullopt);
  // The other categories and the whole are unaffected.
  EXPECT_EQ(f.overall.correct.share.proportion, (Proportion{9, 9}));
  EXPECT_EQ(f.overall.error_free.proportion, (Proportion{3, 3}));
}

TEST(Figures, OnlyKanIkkeVurderesDependsOnTheRule) {
  const AnswerCounts only_not_assessable = counts(0, 0, 2, 3);
  const PercentCorrect apart = percent_correct(only_not_assessable, rules(false));
  EXPECT_EQ(apart.share.percent, std::nullopt);
  EXPECT_EQ(apart.light, std::nullopt);
  EXPECT_EQ(apart.not_assessable, 3);
  const PercentCorrect as_error = percent_correct(only_not_assessable, rules(true));
  EXPECT_EQ(as_error.share.proportion, (Proportion{0, 3}));
  EXPECT_EQ(as_error.share.percent, 0);
  EXPECT_EQ(as_error.light, TrafficLight::red);
}

TEST(Figures, NoCasesNoFigures) {
  const Figures f = figures(empty_tally(test_concept()), rules(false));
  EXPECT_EQ(f.reviews, 0);
  EXPECT_EQ(f.overall.correct.share.percent, std::nullopt);
  EXPECT_EQ(f.overall.correct.light, std::nullopt);
  for (const ControlFigures& control : f.controls) {
    EXPECT_EQ(control.correct.light, std::nullopt) << control.control_id;
  }
  EXPECT_EQ(figures(Tally{}, rules(false)).controls.size(), 0u);
}

TEST(Figures, ThresholdsComeFromTheRules) {
  ScoringRules strict = rules(false);
  strict.thresholds.green_min = 90;
  strict.thresholds.yellow_min = 80;
  const PercentCorrect p = percent_correct(counts(17, 2, 0, 0), strict);  // 89.47 → 89
  EXPECT_EQ(p.share.percent, 89);
  EXPECT_EQ(p.light, TrafficLight::yellow);
  EXPECT_EQ(percent_correct(counts(179, 20, 0, 0), strict).light, TrafficLight::green);  // 89.95
}

TEST(Figures, ScoringRulesFromTheWheel) {
  AnnualWheel wheel;
  wheel.thresholds.green_min = 97;
  wheel.thresholds.yellow_min = 80;
  wheel.not_assessable_is_error = true;
  const ScoringRules r = scoring_rules(wheel);
  EXPECT_EQ(r.thresholds.green_min, 97);
  EXPECT_EQ(r.thresholds.yellow_min, 80);
  EXPECT_TRUE(r.not_assessable_is_error);
}

TEST(AddReview, RefusesIncompleteOrForeignReviewsAndLeavesTheTallyAlone) {
  Tally t = tally_reviews(test_concept(), worked_example());
  const Tally before = t;
  // Incomplete: submitted reviews are complete.
  EXPECT_THROW(add_review(t, test_concept(), review("S9", {{"N01", C}}).answers), ValidationError);
  // An answer for a control the concept lacks.
  EXPECT_THROW(
      add_review(t, test_concept(),
                 review("S9", {{"N01", C}, {"N02", C}, {"K01", C}, {"F01", C}, {"Z9", C}}).answers),
      ValidationError);
  // A fejl without comment.
  auto no_comment = review("S9", {{"N01", E}, {"N02", C}, {"K01", C}, {"F01", C}});
  no_comment.answers[0].comment.clear();
  EXPECT_THROW(add_review(t, test_concept(), no_comment.answers), ValidationError);
  // A tally made for another concept.
  Tally other = empty_tally(one_control_concept());
  const Tally other_before = other;
  EXPECT_THROW(add_review(other, test_concept(), worked_example()[0].answers), ValidationError);
  EXPECT_EQ(t, before);
  EXPECT_EQ(other, other_before);
}

TEST(AddReview, ErrorsNameTheCase) {
  auto cases = worked_example();
  cases[3].answers.pop_back();
  try {
    tally_reviews(test_concept(), cases);
    FAIL() << "expected ValidationError";
  } catch (const ValidationError& error) {
    ASSERT_EQ(error.issues().size(), 1u);
    EXPECT_EQ(error.issues()[0].field, "F01");
    EXPECT_EQ(error.issues()[0].message.rfind("S4: kontrollen er ikke besvaret", 0), 0u)
        << error.issues()[0].message;
  }
}

TEST(Aggregation, ForvaltningTotalSumsCountsNotPercentages) {
  const Period k1{2027, Frequency::quarterly, 1};
  const Period k2{2027, Frequency::quarterly, 2};
  const Concept concept_ = one_control_concept();
  std::vector<Cell> cells = {
      // 10 of 10 correct (100 %) and 30 of 40 (75 %): the mean of the percentages would be
      // 87.5 % (→ 88, yellow); the forvaltning's figure is 40 of 50 = 80 %.
      Cell{"jc-amager", "sygedagpenge", k1, tally_reviews(concept_, one_control_cases(10, 0))},
      Cell{"jc-nord", "sygedagpenge", k1, tally_reviews(concept_, one_control_cases(40, 10))},
      Cell{"jc-amager", "sygedagpenge", k2, tally_reviews(concept_, one_control_cases(20, 5))},
      Cell{"jc-amager", "kontanthjaelp", k1, tally_reviews(test_concept(), worked_example())},
  };
  const Tally forvaltning = total(cells, {.benefit_type = "sygedagpenge", .period = k1});
  EXPECT_EQ(forvaltning.reviews, 50);
  ASSERT_EQ(forvaltning.controls.size(), 1u);
  EXPECT_EQ(forvaltning.controls[0].answers, counts(40, 10, 0, 0));
  const Figures f = figures(forvaltning, rules(false));
  EXPECT_EQ(f.overall.correct.share.proportion, (Proportion{40, 50}));
  EXPECT_EQ(f.overall.correct.share.percent, 80);
  EXPECT_EQ(f.overall.error_free.proportion, (Proportion{40, 50}));

  // One center across ydelsestyper in K1: categories and overall add up; controls are listed
  // side by side (their ids differ).
  const Tally amager = total(cells, {.center = "jc-amager", .period = k1});
  EXPECT_EQ(amager.reviews, 15);
  EXPECT_EQ(amager.controls.size(), 5u);
  EXPECT_EQ(amager.overall.answers, counts(21, 3, 4, 2));
  EXPECT_EQ(amager.category(Category::formality).answers, counts(12, 1, 1, 1));

  // A year takes every period of it.
  EXPECT_EQ(total(cells, {.center = "jc-amager", .benefit_type = "sygedagpenge", .year = 2027})
                .overall.answers,
            counts(25, 5, 0, 0));
  EXPECT_EQ(total(cells, {.year = 2026}).reviews, 0);
  EXPECT_EQ(total(cells, {}).reviews, 75);
}

TEST(Aggregation, TallySumMatchesControlsByIdAndCategory) {
  Tally a = empty_tally(test_concept());
  a.controls[0].answers = counts(1, 0, 0, 0);
  Tally b;
  b.controls = {ControlTally{"N01", Category::key_control, counts(2, 1, 0, 0)},
                ControlTally{"NEW", Category::formality, counts(0, 0, 1, 0)},
                ControlTally{"N02", Category::formality, counts(5, 0, 0, 0)}};
  a += b;
  ASSERT_EQ(a.controls.size(), 6u);
  EXPECT_EQ(a.controls[0].answers, counts(3, 1, 0, 0));
  EXPECT_EQ(a.controls[1].answers, counts(0, 0, 0, 0));  // N02 as nøglekontrol: untouched
  EXPECT_EQ(a.controls[4].control_id, "NEW");
  EXPECT_EQ(a.controls[5].control_id, "N02");
  EXPECT_EQ(a.controls[5].category, Category::formality);
}

TEST(Aggregation, SummingCellsEqualsCountingAllCasesAtOnce) {
  auto cases = worked_example();
  const auto more = worked_example();
  cases.insert(cases.end(), more.begin(), more.end());
  Tally sum = tally_reviews(test_concept(), worked_example());
  sum += tally_reviews(test_concept(), worked_example());
  EXPECT_EQ(sum, tally_reviews(test_concept(), cases));
}

}  // namespace
}  // namespace sagsaudit
