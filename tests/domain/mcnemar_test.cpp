#include "domain/mcnemar.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

// Reference: Agresti (1990, p. 350; 2002, Categorical Data Analysis 2nd ed. §10.1, Table 10.1),
// presidential approval of 1600 voters in two surveys a month apart: [[794, 150], [86, 570]],
// so b = 150 (approve, then disapprove) and c = 86. It is the example of R's ?mcnemar.test.
// R 4.2.2 output (digits printed with print(..., digits = 15)):
//   mcnemar.test(Performance)                  McNemar's chi-squared = 16.818, p
//   = 4.11456228134594e-05 mcnemar.test(Performance, correct = FALSE) McNemar's chi-squared
//   = 17.356, p = 3.09929344104522e-05 binom.test(86,
//   236)$p.value                3.71593613957143e-05
// By hand: (150 − 86)²/236 = 4096/236 = 17.3559…; (64 − 1)²/236 = 3969/236 = 16.8178…; Agresti
// reports z = (86 − 150)/√236 = −4.17, z² = 17.36. (34.71, sometimes quoted for this table, is not
// McNemar's statistic for it.)

namespace sagsaudit {
namespace {

void expect_relative(double actual, double expected, double tolerance) {
  EXPECT_NEAR(actual, expected, tolerance * std::abs(expected)) << "expected " << expected;
}

TEST(McNemar, PresidentialApprovalMatchesAgrestiAndR) {
  const McNemarTest t = mcnemar_test(150, 86);
  ASSERT_TRUE(t.chi_square && t.chi_square_p && t.chi_square_corrected && t.chi_square_corrected_p);
  EXPECT_DOUBLE_EQ(*t.chi_square, 4096.0 / 236.0);
  EXPECT_DOUBLE_EQ(*t.chi_square_corrected, 3969.0 / 236.0);
  EXPECT_NEAR(*t.chi_square, 17.356, 5e-4);
  EXPECT_NEAR(*t.chi_square_corrected, 16.818, 5e-4);
  expect_relative(*t.chi_square_p, 3.09929344104522e-05, 1e-12);
  expect_relative(*t.chi_square_corrected_p, 4.11456228134594e-05, 1e-12);
  expect_relative(t.exact_p, 3.71593613957143e-05, 1e-12);
  // 236 discordant pairs: the uncorrected chi-square test is the one reported.
  EXPECT_EQ(t.method, McNemarMethod::chi_square);
  EXPECT_EQ(t.p_value, *t.chi_square_p);
}

// b = 3, c = 17 (20 discordant pairs, below 25: exact). R 4.2.2 on [[50, 17], [3, 30]]:
//   mcnemar.test: 8.45 (= 13²/20), p = 0.0036504344044418768
//   correct = FALSE: 9.8 (= 14²/20), p = 0.0017451186995289037
//   binom.test(3, 20): p = 0.0025768280029296901 = 2·(1 + 20 + 190 + 1140)/2²⁰ = 2702/1048576
TEST(McNemar, FewDiscordantPairsUseTheExactBinomialTest) {
  const McNemarTest t = mcnemar_test(3, 17);
  EXPECT_EQ(t.method, McNemarMethod::exact_binomial);
  EXPECT_NEAR(t.exact_p, 2702.0 / 1048576.0, 1e-16);
  expect_relative(t.exact_p, 0.0025768280029296901, 1e-13);
  EXPECT_EQ(t.p_value, t.exact_p);
  EXPECT_DOUBLE_EQ(*t.chi_square, 9.8);
  EXPECT_DOUBLE_EQ(*t.chi_square_corrected, 8.45);
  expect_relative(*t.chi_square_p, 0.0017451186995289037, 1e-12);
  expect_relative(*t.chi_square_corrected_p, 0.0036504344044418768, 1e-12);
}

TEST(McNemar, SwitchesToChiSquareAtTwentyFiveDiscordantPairs) {
  EXPECT_EQ(mcnemar_test(12, 12).method, McNemarMethod::exact_binomial);  // 24
  const McNemarTest t = mcnemar_test(12, 13);                             // 25
  EXPECT_EQ(t.method, McNemarMethod::chi_square);
  // R: mcnemar.test(correct = FALSE) 0.04, p = 0.841480581121794025; corrected 0, p = 1;
  // binom.test(12, 25) p = 1.
  EXPECT_DOUBLE_EQ(*t.chi_square, 1.0 / 25.0);
  expect_relative(t.p_value, 0.841480581121794025, 1e-12);
  EXPECT_EQ(*t.chi_square_corrected, 0.0);
  EXPECT_EQ(*t.chi_square_corrected_p, 1.0);
  EXPECT_EQ(t.exact_p, 1.0);
}

TEST(McNemar, EqualDiscordantCountsGiveNoEvidence) {
  // R: mcnemar.test([[10, 3], [3, 10]]) gives statistic 0, p = 1 (no correction when b = c).
  const McNemarTest t = mcnemar_test(3, 3);
  EXPECT_EQ(*t.chi_square, 0.0);
  EXPECT_EQ(*t.chi_square_corrected, 0.0);
  EXPECT_EQ(t.exact_p, 1.0);
  EXPECT_EQ(t.p_value, 1.0);
}

TEST(McNemar, NoDiscordantPairs) {
  // R's mcnemar.test gives NaN; the exact test's p is 1.
  const McNemarTest t = mcnemar_test(0, 0);
  EXPECT_FALSE(t.chi_square.has_value());
  EXPECT_FALSE(t.chi_square_corrected.has_value());
  EXPECT_EQ(t.exact_p, 1.0);
  EXPECT_EQ(t.method, McNemarMethod::exact_binomial);
  EXPECT_EQ(t.p_value, 1.0);
}

TEST(McNemar, OneSidedDiscordance) {
  // binom.test(0, 7): 2 · 2⁻⁷ = 0.015625.
  EXPECT_DOUBLE_EQ(mcnemar_test(0, 7).exact_p, 0.015625);
  EXPECT_DOUBLE_EQ(mcnemar_test(7, 0).exact_p, 0.015625);
}

TEST(McNemar, RejectsNegativeCounts) {
  EXPECT_THROW(mcnemar_test(-1, 3), std::invalid_argument);
}

}  // namespace
}  // namespace sagsaudit
