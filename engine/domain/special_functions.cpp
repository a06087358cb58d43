#include "domain/special_functions.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>

namespace sagsaudit::special {
namespace {

__extension__ typedef __int128 i128;  // GCC and Clang; keeps -Wpedantic quiet

constexpr double kPi = 3.141592653589793238462643383280;
constexpr double kLnSqrt2Pi = 0.918938533204672741780329736406;  // log(sqrt(2π))
constexpr double kLn2Pi = 1.837877066409345483560659472811;      // log(2π)
constexpr double kTiny = 1e-300;                                 // Lentz's guard against 0
constexpr double kFractionEpsilon = 1e-16;                       // continued fractions, series
constexpr int kMaxTerms = 1'000'000;
constexpr int kMaxSolverSteps = 400;

// Stirling's error term: log(n!) − log(sqrt(2πn) (n/e)^n), for n > 0 (Loader 2000).
double stirling_error(double n) {
  if (n <= 15.0) {
    double log_factorial = 0.0;
    if (n == std::floor(n)) {
      double factorial = 1.0;  // exact in a double up to 18!
      for (int i = 2; i <= static_cast<int>(n); ++i) factorial *= i;
      log_factorial = std::log(factorial);
    } else {
      log_factorial = log_gamma(n + 1.0);
    }
    return log_factorial - (n + 0.5) * std::log(n) + n - kLnSqrt2Pi;
  }
  // The asymptotic series 1/(12n) − 1/(360n³) + 1/(1260n⁵) − 1/(1680n⁷) + 1/(1188n⁹).
  constexpr double s0 = 1.0 / 12.0;
  constexpr double s1 = 1.0 / 360.0;
  constexpr double s2 = 1.0 / 1260.0;
  constexpr double s3 = 1.0 / 1680.0;
  constexpr double s4 = 1.0 / 1188.0;
  const double nn = n * n;
  if (n > 500.0) return (s0 - s1 / nn) / n;
  if (n > 80.0) return (s0 - (s1 - s2 / nn) / nn) / n;
  if (n > 35.0) return (s0 - (s1 - (s2 - s3 / nn) / nn) / nn) / n;
  return (s0 - (s1 - (s2 - (s3 - s4 / nn) / nn) / nn) / nn) / n;
}

// The deviance term x·log(x/m) + m − x, accurate also when x is close to m (Loader 2000).
double deviance(double x, double m) {
  if (x == 0.0) return m;
  if (std::fabs(x - m) < 0.1 * (x + m)) {
    double v = (x - m) / (x + m);
    double sum = (x - m) * v;
    if (std::fabs(sum) < DBL_MIN) return sum;
    double term = 2.0 * x * v;
    v *= v;
    for (int j = 1; j < 1000; ++j) {
      term *= v;
      const double next = sum + term / (2 * j + 1);
      if (next == sum) return next;
      sum = next;
    }
    return sum;
  }
  return x * std::log(x / m) + m - x;
}

// The binomial probability C(n, k) p^k q^(n−k) with q = 1 − p given separately, for real
// 0 ≤ k ≤ n (Loader's saddle-point form).
double binomial_density(double k, double n, double p, double q) {
  if (p == 0.0) return k == 0.0 ? 1.0 : 0.0;
  if (q == 0.0) return k == n ? 1.0 : 0.0;
  if (k == 0.0) {
    if (n == 0.0) return 1.0;
    return std::exp(p < 0.1 ? -deviance(n, n * q) - n * p : n * std::log(q));
  }
  if (k == n) return std::exp(q < 0.1 ? -deviance(n, n * p) - n * q : n * std::log(p));
  if (k < 0.0 || k > n) return 0.0;
  const double log_core = stirling_error(n) - stirling_error(k) - stirling_error(n - k) -
                          deviance(k, n * p) - deviance(n - k, n * q);
  const double log_scale = kLn2Pi + std::log(k) + std::log1p(-k / n);
  return std::exp(log_core - 0.5 * log_scale);
}

// x^k e^(−λ) / Γ(k + 1) for real k ≥ 0.
double poisson_density(double k, double lambda) {
  if (lambda == 0.0) return k == 0.0 ? 1.0 : 0.0;
  if (k == 0.0) return std::exp(-lambda);
  return std::exp(-stirling_error(k) - deviance(k, lambda)) / std::sqrt(2.0 * kPi * k);
}

double log_beta(double a, double b) {
  return log_gamma(a) + log_gamma(b) - log_gamma(a + b);
}

// x^a (1−x)^b / (a·B(a, b)): the factor in front of the continued fraction for I_x(a, b).
double beta_front(double x, double a, double b) {
  if (a >= 1.0 && b >= 1.0) {
    // Γ(a+b) / (Γ(a+1) Γ(b)) x^a (1−x)^(b−1) is the binomial density of a in a + b − 1 trials.
    return binomial_density(a, a + b - 1.0, x, 1.0 - x) * (1.0 - x);
  }
  return std::exp(a * std::log(x) + b * std::log1p(-x) - log_beta(a, b)) / a;
}

// The continued fraction of I_x(a, b), evaluated by the modified Lentz method; converges fast
// for x < (a + 1) / (a + b + 2).
double beta_continued_fraction(double x, double a, double b) {
  const double ab = a + b;
  double c = 1.0;
  double d = 1.0 - ab * x / (a + 1.0);
  if (std::fabs(d) < kTiny) d = kTiny;
  d = 1.0 / d;
  double h = d;
  for (int m = 1; m < kMaxTerms; ++m) {
    const double m2 = 2.0 * m;
    double coefficient = m * (b - m) * x / ((a - 1.0 + m2) * (a + m2));
    d = 1.0 + coefficient * d;
    if (std::fabs(d) < kTiny) d = kTiny;
    c = 1.0 + coefficient / c;
    if (std::fabs(c) < kTiny) c = kTiny;
    d = 1.0 / d;
    h *= d * c;
    coefficient = -(a + m) * (ab + m) * x / ((a + m2) * (a + 1.0 + m2));
    d = 1.0 + coefficient * d;
    if (std::fabs(d) < kTiny) d = kTiny;
    c = 1.0 + coefficient / c;
    if (std::fabs(c) < kTiny) c = kTiny;
    d = 1.0 / d;
    const double delta = d * c;
    h *= delta;
    if (std::fabs(delta - 1.0) < kFractionEpsilon) break;
  }
  return h;
}

double beta_density(double x, double a, double b) {
  if (x <= 0.0 || x >= 1.0) return 0.0;
  return beta_front(x, a, b) * a / (x * (1.0 - x));
}

double gamma_density(double a, double x) {
  if (x <= 0.0) return 0.0;
  return poisson_density(a, x) * a / x;
}

// Solves f(x) = target for an increasing f on [lo, hi] with f(lo) ≤ target ≤ f(hi), by Newton
// steps that fall back to bisection whenever a step would leave the bracket.
template <typename Function, typename Density>
double solve_increasing(Function f, Density density, double target, double lo, double hi,
                        double start) {
  double x = std::clamp(start, lo, hi);
  for (int step = 0; step < kMaxSolverSteps; ++step) {
    const double value = f(x) - target;
    if (value == 0.0) return x;
    if (value < 0.0) {
      lo = x;
    } else {
      hi = x;
    }
    const double slope = density(x);
    double next = x - value / slope;
    if (!(slope > 0.0) || !std::isfinite(next) || next <= lo || next >= hi) {
      next = 0.5 * (lo + hi);
    }
    if (std::fabs(next - x) <= DBL_EPSILON * std::fabs(next) ||
        hi - lo <= 2 * DBL_EPSILON * std::fabs(hi)) {
      return next;
    }
    x = next;
  }
  return x;
}

// P(X ≤ x) for X ~ hypergeometric(marked, unmarked, draws), summed downward from x:
// P(X = x) · (1 + P(X = x−1)/P(X = x) + …), for x inside the support.
double hypergeometric_lower_tail(std::int64_t x, std::int64_t marked, std::int64_t unmarked,
                                 std::int64_t draws) {
  if (x < 0 || x < draws - unmarked) return 0.0;
  if (x >= marked || x >= draws) return 1.0;
  const double r = static_cast<double>(marked);
  const double b = static_cast<double>(unmarked);
  const double n = static_cast<double>(draws);
  const double k = static_cast<double>(x);
  // P(X = x) as a ratio of binomial densities, all at p = draws / population.
  const double total = r + b;
  const double p = n / total;
  const double q = (total - n) / total;
  const double density = binomial_density(k, r, p, q) * binomial_density(n - k, b, p, q) /
                         binomial_density(n, total, p, q);
  double sum = 0.0;
  double term = 1.0;
  for (double j = k; j > 0.0; j -= 1.0) {
    term *= j * (b - n + j) / ((n + 1.0 - j) * (r + 1.0 - j));
    if (term == 0.0) break;
    sum += term;
    if (term < DBL_EPSILON * sum) break;
  }
  return std::clamp(density * (1.0 + sum), 0.0, 1.0);
}

}  // namespace

double log_gamma(double x) {
  if (x < 0.5) return std::log(kPi / std::fabs(std::sin(kPi * x))) - log_gamma(1.0 - x);
  // Lanczos, g = 7, nine coefficients.
  static constexpr double kCoefficients[9] = {
      0.99999999999980993,  676.5203681218851,     -1259.1392167224028,
      771.32342877765313,   -176.61502916214059,   12.507343278686905,
      -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7};
  const double z = x - 1.0;
  double series = kCoefficients[0];
  for (int i = 1; i < 9; ++i) series += kCoefficients[i] / (z + i);
  const double t = z + 7.5;
  return kLnSqrt2Pi + (z + 0.5) * std::log(t) - t + std::log(series);
}

double regularized_beta(double x, double a, double b) {
  if (x <= 0.0) return 0.0;
  if (x >= 1.0) return 1.0;
  if (x > (a + 1.0) / (a + b + 2.0)) {
    const double y = 1.0 - x;
    return 1.0 - beta_front(y, b, a) * beta_continued_fraction(y, b, a);
  }
  return beta_front(x, a, b) * beta_continued_fraction(x, a, b);
}

double inverse_regularized_beta(double p, double a, double b) {
  if (p <= 0.0) return 0.0;
  if (p >= 1.0) return 1.0;
  return solve_increasing([&](double x) { return regularized_beta(x, a, b); },
                          [&](double x) { return beta_density(x, a, b); }, p, 0.0, 1.0,
                          a / (a + b));
}

double regularized_gamma_p(double a, double x) {
  if (x <= 0.0) return 0.0;
  if (x < a + 1.0) {
    // Series: P(a, x) = x^a e^(−x) / Γ(a+1) · Σ_k x^k / ((a+1)…(a+k)).
    double sum = 1.0;
    double term = 1.0;
    for (int k = 1; k < kMaxTerms; ++k) {
      term *= x / (a + k);
      sum += term;
      if (term < sum * kFractionEpsilon) break;
    }
    return std::min(1.0, poisson_density(a, x) * sum);
  }
  // Continued fraction for Q(a, x) = 1 − P(a, x) (modified Lentz).
  double b = x + 1.0 - a;
  double c = 1.0 / kTiny;
  double d = 1.0 / b;
  double h = d;
  for (int i = 1; i < kMaxTerms; ++i) {
    const double coefficient = -i * (i - a);
    b += 2.0;
    d = coefficient * d + b;
    if (std::fabs(d) < kTiny) d = kTiny;
    c = b + coefficient / c;
    if (std::fabs(c) < kTiny) c = kTiny;
    d = 1.0 / d;
    const double delta = d * c;
    h *= delta;
    if (std::fabs(delta - 1.0) < kFractionEpsilon) break;
  }
  return std::max(0.0, 1.0 - a * poisson_density(a, x) * h);
}

double inverse_regularized_gamma_p(double a, double p) {
  if (p <= 0.0) return 0.0;
  double lo = 0.0;
  double hi = std::max(1.0, a);
  while (regularized_gamma_p(a, hi) < p) {
    lo = hi;
    hi *= 2.0;
  }
  return solve_increasing([&](double x) { return regularized_gamma_p(a, x); },
                          [&](double x) { return gamma_density(a, x); }, p, lo, hi, a);
}

double hypergeometric_cdf(std::int64_t x, std::int64_t population, std::int64_t marked,
                          std::int64_t draws) {
  const std::int64_t unmarked = population - marked;
  if (x < 0 || x < draws - unmarked) return 0.0;
  if (x >= marked || x >= draws) return 1.0;
  // Above the mean, sum the shorter upper tail instead: X ≥ x+1 exactly when the sample holds
  // at most draws − x − 1 unmarked items.
  if (static_cast<i128>(x) * population > static_cast<i128>(draws) * marked) {
    return 1.0 - hypergeometric_lower_tail(draws - x - 1, unmarked, marked, draws);
  }
  return hypergeometric_lower_tail(x, marked, unmarked, draws);
}

}  // namespace sagsaudit::special
