#include "domain/agreement_coefficients.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

// Sources of the expected values, cited at each test:
//  [README] The irrCAC README (github.com/kgwet/irrCAC, README.md), output of kappa2.table,
//           gwet.ac1.table and pa2.table on the dataset cont3x3abstractors. Values to 7–8
//           significant digits, intervals rounded to 3 decimals as irrCAC prints them.
//  [irrCAC source] The unweighted bodies of those three functions (R/agree.coeff2.r) run in
//           R 4.2.2 and printed to 16 digits; on the README table they give the README's
//           digits, which is how the transcription was checked.
//  [hand]   Exact fractions worked out from the formulas in docs/agreement.md (the working is
//           in the test), square roots taken last.

namespace sagsaudit {
namespace {

AgreementTable table(std::vector<std::vector<std::int64_t>> counts) {
  std::vector<std::string> categories;
  for (std::size_t i = 0; i < counts.size(); ++i) categories.push_back("c" + std::to_string(i));
  return make_agreement_table(categories, std::move(counts));
}

double round3(double x) {
  return std::round(x * 1000.0) / 1000.0;
}

// cont3x3abstractors: two abstractors classifying 100 pregnancies as Ectopic / AIU / NIU.
const std::vector<std::vector<std::int64_t>> kAbstractors = {{13, 0, 0}, {0, 20, 7}, {0, 4, 56}};

TEST(AgreementCoefficients, PercentAgreementMatchesIrrCacReadme) {
  const auto pa = percent_agreement(table(kAbstractors));
  ASSERT_TRUE(pa.has_value());
  // [README] pa2.table: Percent Agreement 0.89, SE 0.03128898, CI (0.828,0.952)
  EXPECT_NEAR(pa->value, 0.89, 1e-15);
  EXPECT_NEAR(pa->standard_error, 0.03128898, 5e-9);
  ASSERT_TRUE(pa->interval.has_value());
  EXPECT_EQ(round3(pa->interval->lower), 0.828);
  EXPECT_EQ(round3(pa->interval->upper), 0.952);
  // [irrCAC source] full digits
  EXPECT_NEAR(pa->standard_error, 0.03128897569432401, 1e-15);
  EXPECT_NEAR(pa->interval->lower, 0.8279158840295471, 1e-13);
  EXPECT_NEAR(pa->interval->upper, 0.9520841159704532, 1e-13);
  EXPECT_EQ(pa->n, 100);
  EXPECT_EQ(pa->chance, 0.0);
}

TEST(AgreementCoefficients, CohenKappaMatchesIrrCacReadme) {
  const auto kappa = cohen_kappa(table(kAbstractors));
  ASSERT_TRUE(kappa.has_value());
  // [README] kappa2.table: Cohen's Kappa 0.7964094, SE 0.05891072, CI (0.68,0.913)
  EXPECT_NEAR(kappa->value, 0.7964094, 5e-8);
  EXPECT_NEAR(kappa->standard_error, 0.05891072, 5e-9);
  ASSERT_TRUE(kappa->interval.has_value());
  EXPECT_EQ(round3(kappa->interval->lower), 0.680);
  EXPECT_EQ(round3(kappa->interval->upper), 0.913);
  // [hand] margins rows (13, 27, 60)/100, columns (13, 24, 63)/100:
  // pe = (13·13 + 27·24 + 60·63)/100² = 4597/10000; kappa = (0.89 − 0.4597)/(1 − 0.4597).
  EXPECT_NEAR(kappa->observed, 0.89, 1e-15);
  EXPECT_NEAR(kappa->chance, 0.4597, 1e-15);
  EXPECT_NEAR(kappa->value, 4303.0 / 5403.0, 1e-15);
  // [irrCAC source] full digits
  EXPECT_NEAR(kappa->standard_error, 0.05891071832608146, 1e-15);
  EXPECT_NEAR(kappa->interval->lower, 0.6795177562512286, 1e-13);
  EXPECT_NEAR(kappa->interval->upper, 0.9133010481167155, 1e-13);
}

TEST(AgreementCoefficients, GwetAc1MatchesIrrCacReadme) {
  const auto ac1 = gwet_ac1(table(kAbstractors));
  ASSERT_TRUE(ac1.has_value());
  // [README] gwet.ac1.table: Gwet's AC1 0.8493305, SE 0.04321747, CI (0.764,0.935)
  EXPECT_NEAR(ac1->value, 0.8493305, 5e-8);
  EXPECT_NEAR(ac1->standard_error, 0.04321747, 5e-9);
  ASSERT_TRUE(ac1->interval.has_value());
  EXPECT_EQ(round3(ac1->interval->lower), 0.764);
  EXPECT_EQ(round3(ac1->interval->upper), 0.935);
  // [hand] π = (0.13, 0.255, 0.615); pe = Σ π(1 − π)/2 = (0.1131 + 0.189975 + 0.236775)/2
  // = 0.269925; AC1 = (0.89 − 0.269925)/(1 − 0.269925) = 0.620075/0.730075.
  EXPECT_NEAR(ac1->chance, 0.269925, 1e-15);
  EXPECT_NEAR(ac1->value, 0.620075 / 0.730075, 1e-15);
  // [irrCAC source] full digits
  EXPECT_NEAR(ac1->standard_error, 0.04321746752255927, 1e-15);
  EXPECT_NEAR(ac1->interval->lower, 0.7635777165684487, 1e-13);
  EXPECT_NEAR(ac1->interval->upper, 0.9350833798942437, 1e-13);
}

// Issue 7: "kappa misbehaves when 95 % of answers are korrekt; AC1 does not". 100 controls,
// municipality in rows, auditor in columns, korrekt first:
//            auditor korrekt  auditor fejl
//   korrekt        93               2        95
//   fejl            3               2         5
//                  96               4
// [hand] pa = 95/100. Kappa: pe = 0.95·0.96 + 0.05·0.04 = 457/500, kappa = (19/20 − 457/500) /
// (1 − 457/500) = 18/43 ≈ 0.4186 — "moderate" for raters who agree on 95 of 100.
// AC1: π = (191/200, 9/200), pe = 2·(191/200)(9/200) = 1719/20000, AC1 = (19/20 − 1719/20000) /
// (1 − 1719/20000) = 17281/18281 ≈ 0.9453.
// Variances (docs/agreement.md formulas, exact fractions):
//   kappa: Σ p_kl(δ_kl − (1 − κ)(p_+k + p_l+))² = 34129/739600, (pa − 2(1 − κ)pe)² subtracted,
//          divided by n(1 − pe)²: Var = 154500/3418801, SE = 0.2125824121907360;
//   AC1:   Var = 69956222590000/111686271957791521, SE = 0.02502725843173804;
//   pa:    Var = 0.95·0.05/100, SE = 0.02179449471770337.
// Interval multiplier t(99, 0.975) = 1.9842169515864172 (R's qt).
TEST(AgreementCoefficients, PrevalenceParadoxKappaLowAc1High) {
  const AgreementTable t = table({{93, 2}, {3, 2}});
  const auto pa = percent_agreement(t);
  const auto kappa = cohen_kappa(t);
  const auto ac1 = gwet_ac1(t);
  ASSERT_TRUE(pa && kappa && ac1);
  const double q = 1.9842169515864172;

  EXPECT_NEAR(pa->value, 0.95, 1e-15);
  EXPECT_NEAR(pa->standard_error, std::sqrt(0.95 * 0.05 / 100.0), 1e-15);

  EXPECT_NEAR(kappa->chance, 457.0 / 500.0, 1e-15);
  EXPECT_NEAR(kappa->value, 18.0 / 43.0, 1e-14);
  EXPECT_NEAR(kappa->standard_error, std::sqrt(154500.0 / 3418801.0), 1e-14);
  ASSERT_TRUE(kappa->interval.has_value());
  // The lower bound is below 0 and irrCAC leaves it there: only the upper end is capped.
  EXPECT_NEAR(kappa->interval->lower, 18.0 / 43.0 - q * std::sqrt(154500.0 / 3418801.0), 1e-13);
  EXPECT_LT(kappa->interval->lower, 0.0);
  EXPECT_NEAR(kappa->interval->upper, 18.0 / 43.0 + q * std::sqrt(154500.0 / 3418801.0), 1e-13);

  EXPECT_NEAR(ac1->chance, 1719.0 / 20000.0, 1e-15);
  EXPECT_NEAR(ac1->value, 17281.0 / 18281.0, 1e-14);
  const double ac1_se = std::sqrt(69956222590000.0 / 111686271957791521.0);
  EXPECT_NEAR(ac1->standard_error, ac1_se, 1e-14);
  ASSERT_TRUE(ac1->interval.has_value());
  EXPECT_NEAR(ac1->interval->lower, 17281.0 / 18281.0 - q * ac1_se, 1e-13);
  EXPECT_NEAR(ac1->interval->upper, 17281.0 / 18281.0 + q * ac1_se, 1e-13);
  // [irrCAC source] the same table: kappa SE 0.21258241219073581, AC1 SE 0.02502725843173808.
  EXPECT_NEAR(kappa->standard_error, 0.21258241219073581, 1e-13);
  EXPECT_NEAR(ac1->standard_error, 0.02502725843173808, 1e-13);
}

// [hand] Balanced margins: [[45, 5], [5, 45]]. pa = 0.9; every margin is 1/2, so kappa's and
// AC1's chance agreement are both 0.5 and both coefficients are (0.9 − 0.5)/0.5 = 0.8. Variance:
// diagonal cells 0.9·(1 − 0.2·1)² = 0.576, off-diagonal 0.1·(0 − 0.2)² = 0.004, sum 0.58;
// (pa − 2·0.2·0.5)² = 0.49; Var = (0.58 − 0.49)/(100·0.25) = 0.0036, SE = 0.06.
TEST(AgreementCoefficients, KappaEqualsAc1WhenMarginsAreBalanced) {
  const AgreementTable t = table({{45, 5}, {5, 45}});
  const auto kappa = cohen_kappa(t);
  const auto ac1 = gwet_ac1(t);
  ASSERT_TRUE(kappa && ac1);
  EXPECT_NEAR(kappa->value, 0.8, 1e-15);
  EXPECT_NEAR(ac1->value, 0.8, 1e-15);
  EXPECT_NEAR(kappa->standard_error, 0.06, 1e-15);
  EXPECT_NEAR(ac1->standard_error, 0.06, 1e-15);
}

// Four categories. [hand] pa = (20 + 15 + 30 + 16)/100 = 0.81; rows (24, 22, 35, 19), columns
// (23, 20, 37, 20): kappa pe = (552 + 440 + 1295 + 380)/10000 = 0.2667; AC1 π = (0.235, 0.21,
// 0.36, 0.195), pe = Σ π(1 − π)/3 = 0.24435. SEs: [irrCAC source].
TEST(AgreementCoefficients, FourCategories) {
  const AgreementTable t = table({{20, 3, 1, 0}, {2, 15, 4, 1}, {0, 2, 30, 3}, {1, 0, 2, 16}});
  const auto kappa = cohen_kappa(t);
  const auto ac1 = gwet_ac1(t);
  ASSERT_TRUE(kappa && ac1);
  EXPECT_NEAR(kappa->chance, 0.2667, 1e-15);
  EXPECT_NEAR(kappa->value, (0.81 - 0.2667) / (1 - 0.2667), 1e-15);
  EXPECT_NEAR(kappa->standard_error, 0.05339804424390296, 1e-14);
  EXPECT_NEAR(ac1->chance, 0.24435, 1e-15);
  EXPECT_NEAR(ac1->value, (0.81 - 0.24435) / (1 - 0.24435), 1e-15);
  EXPECT_NEAR(ac1->standard_error, 0.05201920197649067, 1e-14);
}

TEST(AgreementCoefficients, DoNotDependOnCategoryOrderOrWhichRaterIsFirst) {
  const std::vector<std::vector<std::int64_t>> reordered = {{56, 0, 4}, {0, 13, 0}, {7, 0, 20}};
  const std::vector<std::vector<std::int64_t>> transposed = {{13, 0, 0}, {0, 20, 4}, {0, 7, 56}};
  for (const auto& counts : {reordered, transposed}) {
    EXPECT_NEAR(cohen_kappa(table(counts))->value, 0.7964094021839720, 1e-14);
    EXPECT_NEAR(cohen_kappa(table(counts))->standard_error, 0.05891071832608146, 1e-14);
    EXPECT_NEAR(gwet_ac1(table(counts))->value, 0.8493305482313462, 1e-14);
    EXPECT_NEAR(gwet_ac1(table(counts))->standard_error, 0.04321746752255927, 1e-14);
  }
}

TEST(AgreementCoefficients, EmptyTableHasNoCoefficients) {
  const AgreementTable t = table({{0, 0}, {0, 0}});
  EXPECT_FALSE(percent_agreement(t).has_value());
  EXPECT_FALSE(cohen_kappa(t).has_value());
  EXPECT_FALSE(gwet_ac1(t).has_value());
}

// Everything korrekt on both sides: kappa is 0/0 (pe = 1) and absent, AC1 is 1 (pe = 0). The
// variance is 0, floored at 1e-100 as irrCAC does, so the SE is 1e-50.
TEST(AgreementCoefficients, AllOneAnswerKappaUndefinedAc1One) {
  const AgreementTable t = table({{40, 0}, {0, 0}});
  EXPECT_FALSE(cohen_kappa(t).has_value());
  const auto ac1 = gwet_ac1(t);
  ASSERT_TRUE(ac1.has_value());
  EXPECT_EQ(ac1->value, 1.0);
  EXPECT_EQ(ac1->chance, 0.0);
  EXPECT_DOUBLE_EQ(ac1->standard_error, 1e-50);
  ASSERT_TRUE(ac1->interval.has_value());
  EXPECT_EQ(ac1->interval->upper, 1.0);
}

TEST(AgreementCoefficients, OneItemHasNoInterval) {
  const auto pa = percent_agreement(table({{1, 0}, {0, 0}}));
  ASSERT_TRUE(pa.has_value());
  EXPECT_EQ(pa->value, 1.0);
  EXPECT_FALSE(pa->interval.has_value());
  // Two items: t(1, 0.975) = 12.706…, and the upper bound is capped at 1.
  const auto two = percent_agreement(table({{1, 1}, {0, 0}}));
  ASSERT_TRUE(two && two->interval);
  EXPECT_NEAR(two->interval->lower, 0.5 - 12.7062047361746941 * 0.5 / std::sqrt(2.0), 1e-12);
  EXPECT_EQ(two->interval->upper, 1.0);
}

TEST(AgreementCoefficients, OtherConfidenceLevel) {
  // 99 %: t(99, 0.995) = 2.6264054572808275 (R's qt).
  const auto kappa = cohen_kappa(table(kAbstractors), 0.99);
  ASSERT_TRUE(kappa && kappa->interval);
  EXPECT_NEAR(kappa->interval->lower, 0.7964094021839720 - 2.6264054572808275 * 0.05891071832608146,
              1e-13);
}

}  // namespace
}  // namespace sagsaudit
