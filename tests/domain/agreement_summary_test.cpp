#include "domain/agreement_summary.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "domain/errors.hpp"

namespace sagsaudit {
namespace {

constexpr auto key = Category::key_control;
constexpr auto formality = Category::formality;

// Repeats one (ydelsestype, control, answers) pair `times` times.
void add(std::vector<LabelledAnswerPair>& pairs, int times, const std::string& benefit_type,
         Category category, const std::string& control, const std::string& ours,
         const std::string& theirs) {
  for (int i = 0; i < times; ++i) {
    pairs.push_back(LabelledAnswerPair{benefit_type, category, control, ours, theirs});
  }
}

TEST(AgreementSummary, ErrorRatesSideBySideWithWilsonIntervals) {
  // [[93, 2], [3, 2]]: we find 3 + 2 = 5 errors, the auditor 2 + 2 = 4, on the same 100 pairs.
  const AgreementTable t = make_agreement_table({"korrekt", "fejl"}, {{93, 2}, {3, 2}});
  const auto c = compare_error_rates(t, "korrekt", "fejl");
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(c->municipality.errors, 5);
  EXPECT_EQ(c->municipality.n, 100);
  EXPECT_DOUBLE_EQ(c->municipality.rate, 0.05);
  EXPECT_EQ(c->auditor.errors, 4);
  EXPECT_DOUBLE_EQ(c->auditor.rate, 0.04);
  // R 4.2.2: prop.test(5, 100, correct = FALSE)$conf.int = 0.021543679154367983 0.11175046923191911
  EXPECT_NEAR(c->municipality.interval.lower, 0.021543679154367983, 1e-14);
  EXPECT_NEAR(c->municipality.interval.upper, 0.11175046923191911, 1e-14);
  // b = we korrekt / auditor fejl = 2, c = we fejl / auditor korrekt = 3.
  EXPECT_EQ(c->mcnemar.b, 2);
  EXPECT_EQ(c->mcnemar.c, 3);
  EXPECT_EQ(c->mcnemar.p_value, 1.0);  // binom.test(2, 5): 2·(1 + 5 + 10)/32 = 1
}

TEST(AgreementSummary, ErrorRatesUseOnlyTheKorrektFejlCellsOfALargerTable) {
  const AgreementTable t = make_agreement_table({"korrekt", "fejl", "kan ikke vurderes"},
                                                {{50, 4, 3}, {1, 6, 2}, {5, 5, 5}});
  const auto c = compare_error_rates(t, "korrekt", "fejl");
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(c->municipality.n, 61);
  EXPECT_EQ(c->municipality.errors, 7);
  EXPECT_EQ(c->auditor.errors, 10);
  EXPECT_THROW(compare_error_rates(t, "korrekt", "ikke relevant"), ValidationError);
  EXPECT_THROW(compare_error_rates(t, "fejl", "fejl"), ValidationError);
}

TEST(AgreementSummary, NoKorrektFejlPairsNoErrorRates) {
  const AgreementTable t = make_agreement_table({"korrekt", "fejl"}, {{0, 0}, {0, 0}});
  EXPECT_FALSE(compare_error_rates(t, "korrekt", "fejl").has_value());
}

TEST(AgreementSummary, GroupsPerControlCategoryYdelsestypeAndOverall) {
  std::vector<LabelledAnswerPair> pairs;
  // sygedagpenge listed first to show the output is sorted by code, not by input order.
  add(pairs, 5, "sygedagpenge", formality, "SD-F01", "korrekt", "korrekt");
  add(pairs, 1, "sygedagpenge", formality, "SD-F01", "fejl", "korrekt");
  add(pairs, 8, "kontanthjaelp", key, "KH-N02", "korrekt", "korrekt");
  add(pairs, 2, "kontanthjaelp", key, "KH-N02", "korrekt", "fejl");
  add(pairs, 10, "kontanthjaelp", key, "KH-N01", "korrekt", "korrekt");
  add(pairs, 3, "kontanthjaelp", key, "KH-N01", "fejl", "fejl");
  add(pairs, 4, "kontanthjaelp", formality, "KH-F01", "korrekt", "korrekt");
  add(pairs, 2, "kontanthjaelp", formality, "KH-F01", "ikke relevant", "korrekt");

  const auto groups = summarize_agreement(pairs);
  struct Expected {
    AgreementGrouping grouping;
    std::string benefit_type;
    std::optional<Category> category;
    std::string control;
    std::int64_t n;
    std::int64_t agreements;
    std::int64_t excluded;
  };
  const std::vector<Expected> expected = {
      {AgreementGrouping::overall, "", std::nullopt, "", 33, 30, 2},
      {AgreementGrouping::category, "", key, "", 23, 21, 0},
      {AgreementGrouping::category, "", formality, "", 10, 9, 2},
      {AgreementGrouping::benefit_type, "kontanthjaelp", std::nullopt, "", 27, 25, 2},
      {AgreementGrouping::benefit_type_and_category, "kontanthjaelp", key, "", 23, 21, 0},
      {AgreementGrouping::benefit_type_and_category, "kontanthjaelp", formality, "", 4, 4, 2},
      {AgreementGrouping::control, "kontanthjaelp", formality, "KH-F01", 4, 4, 2},
      {AgreementGrouping::control, "kontanthjaelp", key, "KH-N01", 13, 13, 0},
      {AgreementGrouping::control, "kontanthjaelp", key, "KH-N02", 10, 8, 0},
      {AgreementGrouping::benefit_type, "sygedagpenge", std::nullopt, "", 6, 5, 0},
      {AgreementGrouping::benefit_type_and_category, "sygedagpenge", formality, "", 6, 5, 0},
      {AgreementGrouping::control, "sygedagpenge", formality, "SD-F01", 6, 5, 0},
  };
  ASSERT_EQ(groups.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    SCOPED_TRACE("group " + std::to_string(i));
    const auto& g = groups[i];
    const auto& e = expected[i];
    EXPECT_EQ(g.grouping, e.grouping);
    EXPECT_EQ(g.benefit_type, e.benefit_type);
    EXPECT_EQ(g.category, e.category);
    EXPECT_EQ(g.control_id, e.control);
    EXPECT_EQ(g.statistics.table.total(), e.n);
    EXPECT_EQ(g.statistics.table.agreements(), e.agreements);
    EXPECT_EQ(g.statistics.table.excluded, e.excluded);
  }

  // KH-N01: [[10, 0], [0, 3]]: perfect agreement, kappa = AC1 = 1.
  const auto& n01 = groups[7].statistics;
  ASSERT_TRUE(n01.cohen_kappa && n01.gwet_ac1 && n01.error_rates);
  EXPECT_DOUBLE_EQ(n01.cohen_kappa->value, 1.0);
  EXPECT_DOUBLE_EQ(n01.gwet_ac1->value, 1.0);
  // KH-N02: [[8, 2], [0, 0]]: we find nothing, the auditor 2 of 10. Kappa: pe = 1·0.8 = 0.8,
  // pa = 0.8, kappa = 0 — while AC1 = (0.8 − 2·0.9·0.1)/(1 − 0.18) = 0.62/0.82.
  const auto& n02 = groups[8].statistics;
  ASSERT_TRUE(n02.cohen_kappa && n02.gwet_ac1 && n02.error_rates);
  EXPECT_NEAR(n02.cohen_kappa->value, 0.0, 1e-15);
  EXPECT_NEAR(n02.gwet_ac1->value, 0.62 / 0.82, 1e-15);
  EXPECT_EQ(n02.error_rates->municipality.errors, 0);
  EXPECT_EQ(n02.error_rates->auditor.errors, 2);
  EXPECT_EQ(n02.error_rates->mcnemar.b, 2);
  EXPECT_EQ(n02.error_rates->mcnemar.c, 0);
  // KH-F01: everything korrekt on both sides: kappa undefined, AC1 = 1.
  const auto& f01 = groups[6].statistics;
  EXPECT_FALSE(f01.cohen_kappa.has_value());
  ASSERT_TRUE(f01.gwet_ac1.has_value());
  EXPECT_DOUBLE_EQ(f01.gwet_ac1->value, 1.0);
  // Overall: [[27, 2], [1, 3]]: we 4 errors, the auditor 5, of 33.
  const auto& overall = groups[0].statistics;
  ASSERT_TRUE(overall.error_rates.has_value());
  EXPECT_EQ(overall.error_rates->municipality.errors, 4);
  EXPECT_EQ(overall.error_rates->auditor.errors, 5);
  EXPECT_EQ(overall.error_rates->municipality.n, 33);
}

TEST(AgreementSummary, AControlWithTwoCategoriesIsRefused) {
  std::vector<LabelledAnswerPair> pairs;
  add(pairs, 1, "kontanthjaelp", key, "KH-N01", "korrekt", "korrekt");
  add(pairs, 1, "kontanthjaelp", formality, "KH-N01", "korrekt", "korrekt");
  EXPECT_THROW(summarize_agreement(pairs), ValidationError);
}

TEST(AgreementSummary, CustomScaleWithThreeAnswers) {
  std::vector<LabelledAnswerPair> pairs;
  add(pairs, 6, "kontanthjaelp", key, "KH-N01", "correct", "correct");
  add(pairs, 2, "kontanthjaelp", key, "KH-N01", "not_assessable", "error");
  add(pairs, 2, "kontanthjaelp", key, "KH-N01", "error", "error");
  const AnswerScale scale{{"correct", "error", "not_assessable"}, "correct", "error"};
  const auto groups = summarize_agreement(pairs, scale);
  ASSERT_FALSE(groups.empty());
  const auto& s = groups[0].statistics;
  EXPECT_EQ(s.table.size(), 3u);
  EXPECT_EQ(s.table.total(), 10);
  ASSERT_TRUE(s.error_rates.has_value());
  EXPECT_EQ(s.error_rates->municipality.n, 8);  // the not_assessable pairs are not in the 2×2
}

TEST(AgreementSummary, NoPairsGivesAnEmptyOverallGroup) {
  const auto groups = summarize_agreement({});
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0].statistics.table.total(), 0);
  EXPECT_FALSE(groups[0].statistics.cohen_kappa.has_value());
  EXPECT_FALSE(groups[0].statistics.error_rates.has_value());
}

}  // namespace
}  // namespace sagsaudit
