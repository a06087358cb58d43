// Totals over rounds with different kan-ikke-vurderes rules: rule_neutral_tally must give exactly
// the figures the domain gives under the round's own rule (docs/scoring.md §8, the worked
// example, with kan_ikke_vurderes_er_fejl = true).
#include <gtest/gtest.h>

#include "reports/reports.hpp"

namespace sagsaudit {
namespace {

Concept example_concept() {
  Concept c;
  c.benefit_type = "eksempel";
  c.controls = {{"N01", Category::key_control, "?", "", "", false, {}},
                {"N02", Category::key_control, "?", "", "", false, {}},
                {"K01", Category::quality_goal, "?", "", "", false, {}},
                {"F01", Category::formality, "?", "", "", false, {}}};
  return c;
}

// S1 KKKK, S2 FKKR, S3 KRVK, S4 KKFF, S5 RRKV (columns N01 N02 K01 F01).
std::vector<ReviewedCase> example_cases() {
  const std::vector<std::pair<std::string, std::string>> rows = {
      {"S1", "KKKK"}, {"S2", "FKKR"}, {"S3", "KRVK"}, {"S4", "KKFF"}, {"S5", "RRKV"}};
  const std::vector<std::string> ids = {"N01", "N02", "K01", "F01"};
  std::vector<ReviewedCase> cases;
  for (const auto& [number, answers] : rows) {
    ReviewedCase rc{number, {}};
    for (std::size_t i = 0; i < ids.size(); ++i) {
      ControlAnswer a;
      a.control_id = ids[i];
      a.answer = answers[i] == 'K'   ? Answer::correct
                 : answers[i] == 'F' ? Answer::error
                 : answers[i] == 'R' ? Answer::not_applicable
                                     : Answer::not_assessable;
      if (needs_comment(a.answer)) a.comment = "se akten";
      rc.answers.push_back(a);
    }
    cases.push_back(rc);
  }
  return cases;
}

void expect_same(const CategoryFigures& a, const CategoryFigures& b) {
  EXPECT_EQ(a.correct.share.proportion, b.correct.share.proportion);
  EXPECT_EQ(a.correct.share.percent, b.correct.share.percent);
  EXPECT_EQ(a.correct.light, b.correct.light);
  EXPECT_EQ(a.correct.too_small_to_tell, b.correct.too_small_to_tell);
  EXPECT_EQ(a.correct.not_assessable, b.correct.not_assessable);
  EXPECT_EQ(a.error_free.proportion, b.error_free.proportion);
}

TEST(RuleNeutralTally, GivesTheFiguresOfTheRoundsOwnRule) {
  const Tally tally = tally_reviews(example_concept(), example_cases());
  const ScoringRules on{Thresholds{}, true};
  const ScoringRules off{Thresholds{}, false};
  const Figures own = figures(tally, on);
  const Figures neutral = figures(rule_neutral_tally(tally, true), off);
  expect_same(own.overall, neutral.overall);
  for (const Category c : {Category::key_control, Category::quality_goal, Category::formality}) {
    expect_same(own.category(c), neutral.category(c));
  }
  ASSERT_EQ(own.controls.size(), neutral.controls.size());
  for (std::size_t i = 0; i < own.controls.size(); ++i) {
    EXPECT_EQ(own.controls[i].correct.share.proportion,
              neutral.controls[i].correct.share.proportion);
  }
  // The hand-computed figures of docs/scoring.md §8 (V as fejl).
  EXPECT_EQ(neutral.overall.correct.share.proportion, (Proportion{11, 16}));
  EXPECT_EQ(neutral.overall.correct.share.percent, 69);
  EXPECT_EQ(neutral.overall.correct.light, TrafficLight::red);
  EXPECT_EQ(neutral.overall.error_free.proportion, (Proportion{1, 5}));
  EXPECT_EQ(neutral.category(Category::quality_goal).correct.share.proportion, (Proportion{3, 5}));
  EXPECT_EQ(neutral.category(Category::formality).error_free.proportion, (Proportion{2, 4}));
  // With the rule off nothing changes.
  EXPECT_EQ(rule_neutral_tally(tally, false), tally);
}

TEST(RuleNeutralTally, ATotalKeepsEachRoundsRule) {
  // The same answers in two rounds, one counting V apart (11 of 14) and one as fejl (11 of 16):
  // the total is 22 of 30, not 22 of 28 or 22 of 32.
  const Tally tally = tally_reviews(example_concept(), example_cases());
  Tally sum = rule_neutral_tally(tally, false);
  sum += rule_neutral_tally(tally, true);
  const Figures total = figures(sum, ScoringRules{Thresholds{}, false});
  EXPECT_EQ(total.overall.correct.share.proportion, (Proportion{22, 30}));
  EXPECT_EQ(total.overall.correct.share.percent, 73);
  EXPECT_EQ(total.overall.error_free.proportion, (Proportion{3 + 1, 5 + 5}));
}

}  // namespace
}  // namespace sagsaudit
