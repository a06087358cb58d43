#include "domain/distributions.hpp"

#include <cmath>
#include <stdexcept>

#include "domain/special_functions.hpp"

namespace sagsaudit::distributions {
namespace {

// From this many degrees of freedom on, the t quantile comes from the expansion below: the
// incomplete beta route loses digits as df grows (against R's qt: 5e-14 relative at df = 999,
// 7e-13 at 4999, 2e-11 at 10⁵), while the expansion's first omitted term, of order df⁻⁵, is
// already below 1e-14 of t at df = 1000 for p ≤ 0.995.
constexpr double kCornishFisherFromDf = 1000.0;

// The Cornish-Fisher expansion of t in powers of 1/df around the normal quantile x
// (Abramowitz & Stegun 1964, 26.7.5).
double cornish_fisher_t_quantile(double p, double df) {
  const double x = normal_quantile(p);
  const double x2 = x * x;
  const double g1 = x * (x2 + 1.0) / 4.0;
  const double g2 = x * ((5.0 * x2 + 16.0) * x2 + 3.0) / 96.0;
  const double g3 = x * (((3.0 * x2 + 19.0) * x2 + 17.0) * x2 - 15.0) / 384.0;
  const double g4 =
      x * ((((79.0 * x2 + 776.0) * x2 + 1482.0) * x2 - 1920.0) * x2 - 945.0) / 92160.0;
  return x + (g1 + (g2 + (g3 + g4 / df) / df) / df) / df;
}

}  // namespace

double normal_quantile(double p) {
  if (!(p > 0.0 && p < 1.0)) throw std::invalid_argument("normal_quantile: p must be in (0, 1)");
  if (p == 0.5) return 0.0;
  // Z² ~ chi-square(1) = Gamma(1/2, rate 1/2), so P(|Z| ≤ z) = P(1/2, z²/2) = |2p - 1|.
  const double two_sided = p > 0.5 ? 2.0 * p - 1.0 : 1.0 - 2.0 * p;
  const double z = std::sqrt(2.0 * special::inverse_regularized_gamma_p(0.5, two_sided));
  return p > 0.5 ? z : -z;
}

double student_t_quantile(double p, double df) {
  if (!(p > 0.0 && p < 1.0)) throw std::invalid_argument("student_t_quantile: p must be in (0, 1)");
  if (!(df > 0.0)) throw std::invalid_argument("student_t_quantile: df must be positive");
  if (p == 0.5) return 0.0;
  if (df >= kCornishFisherFromDf) return cornish_fisher_t_quantile(p, df);
  // P(|T| > t) = I_x(df/2, 1/2) with x = df / (df + t²), and equivalently
  // P(|T| ≤ t) = I_y(1/2, df/2) with y = 1 - x = t² / (df + t²). Whichever of x and y is the
  // smaller is solved for, because 1 - (a number near 1) would lose the digits that t needs.
  const double tail = p > 0.5 ? 2.0 * (1.0 - p) : 2.0 * p;  // P(|T| > t)
  double t = 0.0;
  const double y = special::inverse_regularized_beta(1.0 - tail, 0.5, df / 2.0);
  if (y <= 0.5) {
    t = std::sqrt(df * y / (1.0 - y));
  } else {
    const double x = special::inverse_regularized_beta(tail, df / 2.0, 0.5);
    t = std::sqrt(df * (1.0 - x) / x);
  }
  return p > 0.5 ? t : -t;
}

double chi_square_1_upper_tail(double x) {
  if (!(x > 0.0)) return 1.0;
  // X = Z², so P(X > x) = P(|Z| > √x) = erfc(√(x/2)); erfc keeps full relative precision in
  // the far tail, where 1 - P(1/2, x/2) would round to 0.
  return std::erfc(std::sqrt(x / 2.0));
}

double binomial_cdf(std::int64_t k, std::int64_t n, double p) {
  if (n < 0) throw std::invalid_argument("binomial_cdf: n must be non-negative");
  if (!(p >= 0.0 && p <= 1.0)) throw std::invalid_argument("binomial_cdf: p must be in [0, 1]");
  if (k < 0) return 0.0;
  if (k >= n) return 1.0;
  if (p == 0.0) return 1.0;
  if (p == 1.0) return 0.0;
  // P(X ≤ k) = I_{1-p}(n - k, k + 1) (Abramowitz & Stegun 26.5.24).
  return special::regularized_beta(1.0 - p, static_cast<double>(n - k), static_cast<double>(k + 1));
}

}  // namespace sagsaudit::distributions
