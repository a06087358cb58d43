#include "domain/distributions.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

// Expected values are R 4.2.2's (qt, qnorm, pchisq, pbinom), printed with 17 significant digits.

namespace sagsaudit::distributions {
namespace {

void expect_relative(double actual, double expected, double tolerance) {
  EXPECT_NEAR(actual, expected, tolerance * std::abs(expected)) << "expected " << expected;
}

TEST(Distributions, StudentTQuantileMatchesR) {
  // qt(0.975, df) for the df that agreement intervals use (n − 1) and the extremes.
  expect_relative(student_t_quantile(0.975, 1), 12.7062047361746941, 1e-12);
  expect_relative(student_t_quantile(0.975, 2), 4.3026527297494619, 1e-12);
  expect_relative(student_t_quantile(0.975, 4), 2.7764451051977934, 1e-12);
  expect_relative(student_t_quantile(0.975, 9), 2.2621571627982049, 1e-12);
  expect_relative(student_t_quantile(0.975, 99), 1.9842169515864172, 1e-12);
  expect_relative(student_t_quantile(0.975, 999), 1.9623414611334493, 1e-12);
  // Around the switch to the Cornish-Fisher expansion (df ≥ 1000) and far beyond it.
  expect_relative(student_t_quantile(0.975, 1000), 1.9623390808264076, 1e-13);
  expect_relative(student_t_quantile(0.995, 1000), 2.5807546980659501, 1e-13);
  expect_relative(student_t_quantile(0.975, 4999), 1.960438646661524, 1e-13);
  expect_relative(student_t_quantile(0.975, 5000), 1.9604385517065075, 1e-13);
  expect_relative(student_t_quantile(0.975, 1e4), 1.9602012398906257, 1e-13);
  expect_relative(student_t_quantile(0.975, 1e5), 1.9599877075346088, 1e-13);
  expect_relative(student_t_quantile(0.975, 1e6), 1.9599663568141066, 1e-13);
  expect_relative(student_t_quantile(0.995, 5000), 2.5768129665562807, 1e-13);
  expect_relative(student_t_quantile(0.005, 1e5), -2.5758784699083743, 1e-13);
  expect_relative(student_t_quantile(0.995, 99), 2.6264054572808275, 1e-12);
  // Symmetric about 0.
  expect_relative(student_t_quantile(0.025, 99), -1.9842169515864172, 1e-12);
  EXPECT_EQ(student_t_quantile(0.5, 7), 0.0);
}

TEST(Distributions, NormalQuantileMatchesR) {
  expect_relative(normal_quantile(0.975), 1.9599639845400536, 1e-13);
  expect_relative(normal_quantile(0.995), 2.5758293035488999, 1e-13);
  expect_relative(normal_quantile(0.025), -1.9599639845400536, 1e-13);
}

TEST(Distributions, ChiSquareOneUpperTailMatchesR) {
  // pchisq(x, 1, lower.tail = FALSE)
  expect_relative(chi_square_1_upper_tail(0.5), 4.7950012218695348e-01, 1e-13);
  expect_relative(chi_square_1_upper_tail(3.841458820694124), 0.05, 1e-12);
  expect_relative(chi_square_1_upper_tail(50), 1.5374597944280343e-12, 1e-12);
  // Far tail: full relative precision, not 1 − 1.
  expect_relative(chi_square_1_upper_tail(200), 2.0884875837625449e-45, 1e-12);
  EXPECT_EQ(chi_square_1_upper_tail(0), 1.0);
}

TEST(Distributions, BinomialCdfMatchesR) {
  expect_relative(binomial_cdf(5, 24, 0.5), 3.3053755760192862e-03, 1e-13);
  expect_relative(binomial_cdf(3, 10, 0.3), 6.4961071840000018e-01, 1e-13);
  expect_relative(binomial_cdf(0, 236, 0.5), 9.0556790788269396e-72, 1e-12);
  EXPECT_EQ(binomial_cdf(-1, 10, 0.5), 0.0);
  EXPECT_EQ(binomial_cdf(10, 10, 0.5), 1.0);
  EXPECT_EQ(binomial_cdf(0, 0, 0.5), 1.0);
}

TEST(Distributions, RejectsArgumentsOutsideTheDomain) {
  EXPECT_THROW(student_t_quantile(1.0, 5), std::invalid_argument);
  EXPECT_THROW(student_t_quantile(0.9, 0), std::invalid_argument);
  EXPECT_THROW(normal_quantile(0.0), std::invalid_argument);
  EXPECT_THROW(binomial_cdf(1, -1, 0.5), std::invalid_argument);
  EXPECT_THROW(binomial_cdf(1, 3, 1.5), std::invalid_argument);
}

}  // namespace
}  // namespace sagsaudit::distributions
