#include "domain/wilson_interval.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

namespace sagsaudit {

std::optional<WilsonInterval> wilson_interval(std::int64_t k, std::int64_t n, double z) {
  if (k < 0 || n < 0 || k > n) {
    throw std::invalid_argument("Wilson-interval kræver 0 ≤ k ≤ n: " + std::to_string(k) + " af " +
                                std::to_string(n));
  }
  if (n == 0) return std::nullopt;
  const double kd = static_cast<double>(k);
  const double nd = static_cast<double>(n);
  const double z2 = z * z;
  const double denominator = nd + z2;
  const double centre = (kd + z2 / 2) / denominator;
  const double half = z / denominator * std::sqrt(kd * (nd - kd) / nd + z2 / 4);
  // At k = 0 and k = n the bounds are exactly 0 and 1; the floating-point sum would miss them by
  // an ulp, which would matter to spans_percent at a 100 % boundary.
  const double lower = k == 0 ? 0.0 : centre - half;
  const double upper = k == n ? 1.0 : centre + half;
  return WilsonInterval{lower, upper};
}

bool spans_percent(const WilsonInterval& interval, int percent) {
  const double boundary = percent / 100.0;
  return interval.lower < boundary && boundary <= interval.upper;
}

bool too_small_to_tell(const WilsonInterval& interval, const Thresholds& thresholds) {
  return spans_percent(interval, thresholds.green_min);
}

}  // namespace sagsaudit
