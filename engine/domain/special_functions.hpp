#pragma once
// The distribution functions that attribute-sampling plans need (sample_size.hpp), written out
// so that the numbers do not depend on a library's version: the regularized incomplete beta and
// gamma functions, their inverses, and the hypergeometric distribution function.
//
// Accuracy: about 1e-13 relative for the distribution functions over the ranges sampling uses
// (shape parameters up to a few million); the inverses are solved to about 1e-14 relative.
// Prefactors such as x^a (1-x)^b / B(a, b) are computed with Loader's saddle-point expansion
// (stirlerr / bd0, as R's dbinom does) rather than by differences of log-gamma values, which
// would lose digits for large arguments.
//
// All functions are pure and thread-safe (no std::lgamma: glibc's writes the global signgam).
#include <cstdint>

namespace sagsaudit::special {

// log Γ(x) for x > 0 (Lanczos approximation, about 1e-15 absolute for small x).
double log_gamma(double x);

// I_x(a, b) = P(B ≤ x) for B ~ Beta(a, b): R's pbeta(x, a, b).
// REQUIRES: a > 0, b > 0. x outside [0, 1] is clamped.
double regularized_beta(double x, double a, double b);

// The x with I_x(a, b) = p: R's qbeta(p, a, b). p ≤ 0 gives 0, p ≥ 1 gives 1.
// REQUIRES: a > 0, b > 0.
double inverse_regularized_beta(double p, double a, double b);

// P(a, x) = γ(a, x) / Γ(a) = P(G ≤ x) for G ~ Gamma(shape a, rate 1): R's pgamma(x, a).
// REQUIRES: a > 0. x ≤ 0 gives 0.
double regularized_gamma_p(double a, double x);

// The x with P(a, x) = p: R's qgamma(p, a). p ≤ 0 gives 0.
// REQUIRES: a > 0, p < 1.
double inverse_regularized_gamma_p(double a, double p);

// P(X ≤ x) where X counts the marked items in a sample of `draws` items drawn without
// replacement from `population` items of which `marked` are marked: R's
// phyper(x, marked, population - marked, draws).
// REQUIRES: 0 ≤ marked ≤ population, 0 ≤ draws ≤ population.
double hypergeometric_cdf(std::int64_t x, std::int64_t population, std::int64_t marked,
                          std::int64_t draws);

}  // namespace sagsaudit::special
