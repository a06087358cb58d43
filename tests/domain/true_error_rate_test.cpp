#include "domain/true_error_rate.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "domain/errors.hpp"

namespace sagsaudit {
namespace {

// [hand] The municipality reviewed 400 answers and found 20 fejl (5 %). The auditor re-reviewed
// all 20 of our fejl and a random 80 of our 380 korrekt:
//   our fejl (m = 20):     auditor confirms 18, rejects 2      → π̂_fejl    = 18/20 = 0.9
//   our korrekt (m = 80):  auditor finds 4 errors we missed    → π̂_korrekt = 4/80  = 0.05
// p̂ = 0.05 · 0.9 + 0.95 · 0.05 = 0.045 + 0.0475 = 0.0925 = 37/400.
// v = w²π(1−π)/(m−1) per stratum + (1/n) Σ w (π − p̂)²
//   = 0.0025·0.09/19 + 0.9025·0.0475/79 + (0.05·0.8075² + 0.95·0.0425²)/400
//   = 61507991/96064000000 (exact), SE = 0.0253037820360208.
// 95 %: 0.0925 ± 1.9599639845400536 · SE = (0.04290549853674764, 0.14209450146325237).
TEST(TrueErrorRate, AuditorReReviewsAllOurErrorsAndSomeCorrect) {
  const TwoPhaseSample s{400,
                         20,
                         /*both_correct=*/76,
                         /*only_auditor_error=*/4,
                         /*only_municipality_error=*/2,
                         /*both_error=*/18};
  const auto e = estimate_true_error_rate(s);
  ASSERT_TRUE(e.has_value());
  EXPECT_DOUBLE_EQ(e->municipality_rate, 0.05);
  ASSERT_TRUE(e->confirmed_share && e->missed_share);
  EXPECT_DOUBLE_EQ(*e->confirmed_share, 0.9);
  EXPECT_DOUBLE_EQ(*e->missed_share, 0.05);
  EXPECT_NEAR(e->estimate, 37.0 / 400.0, 1e-16);
  EXPECT_NEAR(e->standard_error, std::sqrt(61507991.0 / 96064000000.0), 1e-15);
  EXPECT_NEAR(e->interval.lower, 0.04290549853674764, 1e-14);
  EXPECT_NEAR(e->interval.upper, 0.14209450146325237, 1e-14);
}

// With a simple random subsample the estimate equals SNAP's regression estimator
// ȳ₂ + β̂(x̄₁ − x̄₂) (Cochran 1977 §12.6), β̂ the least-squares slope of the auditor's 0/1 finding
// on ours. [hand] n = 200 with 10 of our fejl; random subsample of 50: 3 of our fejl (auditor
// confirms 2), 47 of our korrekt (auditor finds 2). ȳ₂ = 4/50, x̄₂ = 3/50, x̄₁ = 10/200,
// β̂ = 2/3 − 2/47, so p̂ = 0.08 + (2/3 − 2/47)(0.05 − 0.06) = 0.05·2/3 + 0.95·2/47.
TEST(TrueErrorRate, EqualsTheRegressionEstimatorForARandomSubsample) {
  const TwoPhaseSample s{200, 10, 45, 2, 1, 2};
  const auto e = estimate_true_error_rate(s);
  ASSERT_TRUE(e.has_value());
  const double regression = 4.0 / 50.0 + (2.0 / 3.0 - 2.0 / 47.0) * (10.0 / 200.0 - 3.0 / 50.0);
  EXPECT_NEAR(e->estimate, regression, 1e-15);
  EXPECT_NEAR(e->estimate, 0.05 * 2.0 / 3.0 + 0.95 * 2.0 / 47.0, 1e-15);
}

TEST(TrueErrorRate, PerfectReReviewKeepsOurRate) {
  // The auditor agrees with every re-reviewed answer: p̂ = our rate, and only the between-strata
  // term remains: v = (0.1·0.9² + 0.9·0.1²)/100 = 0.0009, SE = 0.03.
  const TwoPhaseSample s{100, 10, 20, 0, 0, 5};
  const auto e = estimate_true_error_rate(s);
  ASSERT_TRUE(e.has_value());
  EXPECT_NEAR(e->estimate, 0.1, 1e-16);
  EXPECT_NEAR(e->standard_error, 0.03, 1e-15);
}

TEST(TrueErrorRate, NoErrorsOnTheWholeSample) {
  // Only the korrekt stratum exists: p̂ = the auditor's share among re-reviewed korrekt, 3/30.
  // v = 0.1·0.9/29 + 0 (one stratum, so no between-strata spread).
  const TwoPhaseSample s{120, 0, 27, 3, 0, 0};
  const auto e = estimate_true_error_rate(s);
  ASSERT_TRUE(e.has_value());
  EXPECT_FALSE(e->confirmed_share.has_value());
  EXPECT_NEAR(e->estimate, 0.1, 1e-16);
  EXPECT_NEAR(e->standard_error, std::sqrt(0.09 / 29.0), 1e-15);
  EXPECT_EQ(e->interval.lower, std::max(0.0, 0.1 - 1.9599639845400536 * e->standard_error));
}

TEST(TrueErrorRate, TooFewReReviewedInAStratumGivesNoEstimate) {
  // We found 5 errors but the auditor re-reviewed only one of them.
  EXPECT_FALSE(estimate_true_error_rate(TwoPhaseSample{100, 5, 30, 1, 0, 1}).has_value());
  // ... or none of our korrekt.
  EXPECT_FALSE(estimate_true_error_rate(TwoPhaseSample{100, 5, 0, 0, 1, 4}).has_value());
  EXPECT_FALSE(estimate_true_error_rate(TwoPhaseSample{0, 0, 0, 0, 0, 0}).has_value());
}

TEST(TrueErrorRate, ReReviewMustBePartOfTheSample) {
  // 6 re-reviewed fejl but only 5 in the sample.
  EXPECT_THROW(estimate_true_error_rate(TwoPhaseSample{100, 5, 10, 0, 2, 4}), ValidationError);
  // 96 re-reviewed korrekt but only 95.
  EXPECT_THROW(estimate_true_error_rate(TwoPhaseSample{100, 5, 90, 6, 0, 2}), ValidationError);
  EXPECT_THROW(estimate_true_error_rate(TwoPhaseSample{10, 11, 0, 0, 0, 0}), ValidationError);
  try {
    estimate_true_error_rate(TwoPhaseSample{100, -1, 10, 0, 0, 0});
    FAIL();
  } catch (const ValidationError& e) {
    ASSERT_EQ(e.issues().size(), 1u);
    EXPECT_EQ(e.issues()[0].field, "sample_errors");
  }
}

}  // namespace
}  // namespace sagsaudit
