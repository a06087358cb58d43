#include "domain/wilson_interval.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

// Expected values: R 4.x, prop.test(k, n, correct = FALSE)$conf.int, which is the Wilson score
// interval without continuity correction (Wilson 1927, JASA 22:209–212; Newcombe 1998, Statistics
// in Medicine 17:857–872, "method 3"), printed with sprintf("%.12f"). They were checked
// independently against the closed formula in wilson_interval.hpp evaluated with Python mpmath at
// 40 digits (agreement to all 12 printed digits). The four Newcombe rows are also in his Table II
// to four digits: 81/263 0.2553–0.3662, 15/148 0.0624–0.1605, 0/20 0.0000–0.1611,
// 1/29 0.0061–0.1718.

namespace sagsaudit {
namespace {

constexpr double kTolerance = 5e-12;  // the reference values have 12 decimals

struct Reference {
  std::int64_t k;
  std::int64_t n;
  double lower;
  double upper;
};

TEST(WilsonInterval, MatchesPublishedValues) {
  for (const Reference& r : {
           Reference{8, 10, 0.490162471537, 0.943317848546},
           Reference{0, 10, 0.000000000000, 0.277532799863},
           Reference{10, 10, 0.722467200137, 1.000000000000},
           Reference{81, 263, 0.255288519878, 0.366209576983},  // Newcombe (i)
           Reference{15, 148, 0.062386399531, 0.160487241723},  // Newcombe (ii)
           Reference{0, 20, 0.000000000000, 0.161125158053},    // Newcombe (iii)
           Reference{1, 29, 0.006113214293, 0.171755218793},    // Newcombe (iv)
           Reference{189, 200, 0.904213001228, 0.969014658297},
           Reference{19, 20, 0.763868806553, 0.991118551199},
           Reference{74, 75, 0.928266344456, 0.997642448861},
           Reference{0, 1, 0.000000000000, 0.793450685623},
           Reference{1, 1, 0.206549314377, 1.000000000000},
       }) {
    const auto interval = wilson_interval(r.k, r.n);
    ASSERT_TRUE(interval.has_value());
    EXPECT_NEAR(interval->lower, r.lower, kTolerance) << r.k << " of " << r.n;
    EXPECT_NEAR(interval->upper, r.upper, kTolerance) << r.k << " of " << r.n;
  }
}

TEST(WilsonInterval, OtherConfidenceThroughZ) {
  // prop.test(8, 10, correct = FALSE, conf.level = 0.9); z = qnorm(0.95).
  const auto interval = wilson_interval(8, 10, 1.6448536269514715);
  ASSERT_TRUE(interval.has_value());
  EXPECT_NEAR(interval->lower, 0.540792805687, kTolerance);
  EXPECT_NEAR(interval->upper, 0.931442012262, kTolerance);
}

TEST(WilsonInterval, EndsAreExact) {
  for (std::int64_t n : {1, 2, 7, 10, 73, 1000, 123457}) {
    EXPECT_EQ(wilson_interval(0, n)->lower, 0.0) << n;
    EXPECT_EQ(wilson_interval(n, n)->upper, 1.0) << n;
  }
}

TEST(WilsonInterval, NoCasesNoInterval) {
  EXPECT_EQ(wilson_interval(0, 0), std::nullopt);
}

TEST(WilsonInterval, RefusesImpossibleCounts) {
  EXPECT_THROW(wilson_interval(-1, 10), std::invalid_argument);
  EXPECT_THROW(wilson_interval(11, 10), std::invalid_argument);
  EXPECT_THROW(wilson_interval(0, -1), std::invalid_argument);
}

TEST(WilsonInterval, SpansPercentIncludesTheBoundaryOnTheUpperSide) {
  EXPECT_TRUE(spans_percent({0.94, 0.96}, 95));
  EXPECT_TRUE(spans_percent({0.94, 0.95}, 95));   // upper = boundary: still spans
  EXPECT_FALSE(spans_percent({0.95, 0.99}, 95));  // lower = boundary: wholly on the green side
  EXPECT_FALSE(spans_percent({0.80, 0.94}, 95));
  EXPECT_TRUE(spans_percent({0.99, 1.0}, 100));
}

TEST(WilsonInterval, TooSmallToTellGreenFromYellow) {
  const Thresholds defaults{};
  // All correct: lower = n / (n + z²) passes 0.95 between n = 72 (0.949349) and 73 (0.950008).
  EXPECT_TRUE(too_small_to_tell(*wilson_interval(72, 72), defaults));
  EXPECT_FALSE(too_small_to_tell(*wilson_interval(73, 73), defaults));
  EXPECT_TRUE(too_small_to_tell(*wilson_interval(10, 10), defaults));     // [0.7225, 1]
  EXPECT_FALSE(too_small_to_tell(*wilson_interval(100, 100), defaults));  // [0.9630, 1]
  EXPECT_TRUE(too_small_to_tell(*wilson_interval(189, 200), defaults));   // [0.9042, 0.9690]
  EXPECT_FALSE(too_small_to_tell(*wilson_interval(0, 10), defaults));     // clearly not green
  EXPECT_FALSE(too_small_to_tell(*wilson_interval(8, 10), defaults));     // upper 0.9433 < 0.95
  Thresholds strict;
  strict.green_min = 100;
  strict.yellow_min = 90;
  EXPECT_TRUE(too_small_to_tell(*wilson_interval(100000, 100000), strict));
  EXPECT_FALSE(too_small_to_tell(*wilson_interval(99, 100), strict));
}

}  // namespace
}  // namespace sagsaudit
