#pragma once
// The 95 % Wilson score interval for a share of k successes out of n (Wilson 1927; "method 3"
// of Newcombe 1998; R's prop.test(k, n, correct = FALSE)$conf.int, binom::binom.wilson):
//
//   centre = (k + z²/2) / (n + z²)
//   half   = z / (n + z²) · sqrt(k · (n − k) / n + z²/4)
//   [lower, upper] = [centre − half, centre + half]
//
// with z = 1.959963984540054, the 97.5 % quantile of the standard normal distribution. Unlike
// the textbook p ± z·sqrt(p(1−p)/n) it stays inside [0, 1] and is not empty at 0 of n or n of n,
// which is exactly where small samples of mostly-correct cases sit.
//
// Doubles are fine here: the interval is shown as information beside the exact percentage and
// never decides a colour.
#include <cstdint>
#include <optional>

#include "domain/annual_wheel.hpp"

namespace sagsaudit {

inline constexpr double kZ95 = 1.959963984540054;

struct WilsonInterval {
  double lower = 0;  // as shares, 0 ≤ lower ≤ upper ≤ 1
  double upper = 0;
};

// nullopt when n is 0 (no cases, no interval). At k = 0 the lower bound is exactly 0 and at
// k = n the upper bound is exactly 1, as the formula gives in exact arithmetic.
// Throws std::invalid_argument unless 0 ≤ k ≤ n.
std::optional<WilsonInterval> wilson_interval(std::int64_t k, std::int64_t n, double z = kZ95);

// Whether the interval holds shares on both sides of `percent` %: lower < percent/100 ≤ upper.
// The boundary itself belongs to the upper side, as in the bands (green is "≥ 95").
bool spans_percent(const WilsonInterval& interval, int percent);

// The "too small to tell" mark beside a percentage: the interval spans the green/yellow
// boundary, i.e. lower < green_min/100 ≤ upper. The sample is then consistent both with a true
// share below the green band and with one inside it, so the light shown may be chance.
// (E.g. 10 of 10 correct: [0.7225, 1] → marked; 100 of 100: [0.9630, 1] → not marked.)
bool too_small_to_tell(const WilsonInterval& interval, const Thresholds& thresholds);

}  // namespace sagsaudit
