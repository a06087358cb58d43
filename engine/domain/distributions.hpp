#pragma once
// Quantiles and tail probabilities of the distributions that the agreement statistics need
// (docs/agreement.md): Student's t and the standard normal for confidence intervals, the
// chi-square with one degree of freedom and the binomial for McNemar's test. They are built on
// special_functions.hpp so that the numbers do not depend on a library's version, and each
// names the R function it matches.
//
// Pure and thread-safe.
#include <cstdint>

namespace sagsaudit::distributions {

// The p-quantile of the standard normal distribution: R's qnorm(p).
// REQUIRES: 0 < p < 1.
double normal_quantile(double p);

// The p-quantile of Student's t distribution with `df` degrees of freedom: R's qt(p, df), to
// about 1e-13 relative for the confidence levels in use (0.9 ≤ p ≤ 0.995 and mirror images).
// REQUIRES: 0 < p < 1, df > 0.
double student_t_quantile(double p, double df);

// P(X > x) for X ~ chi-square with one degree of freedom: R's
// pchisq(x, 1, lower.tail = FALSE). x ≤ 0 gives 1.
double chi_square_1_upper_tail(double x);

// P(X ≤ k) for X ~ Binomial(n, p): R's pbinom(k, n, p). k < 0 gives 0, k ≥ n gives 1.
// REQUIRES: n ≥ 0, 0 ≤ p ≤ 1.
double binomial_cdf(std::int64_t k, std::int64_t n, double p);

}  // namespace sagsaudit::distributions
