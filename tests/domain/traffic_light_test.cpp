#include "domain/traffic_light.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace sagsaudit {
namespace {

const Thresholds kDefault{};  // 95 and 75

TEST(WholePercent, RoundsHalfUpExactly) {
  EXPECT_EQ(whole_percent(189, 200), 95);         // 94.5
  EXPECT_EQ(whole_percent(944999, 1000000), 94);  // 94.4999
  EXPECT_EQ(whole_percent(149, 200), 75);         // 74.5
  EXPECT_EQ(whole_percent(7449, 10000), 74);      // 74.49
  EXPECT_EQ(whole_percent(1, 200), 1);            // 0.5
  EXPECT_EQ(whole_percent(1, 201), 0);            // 0.4975
  EXPECT_EQ(whole_percent(199, 200), 100);        // 99.5
  EXPECT_EQ(whole_percent(1, 3), 33);
  EXPECT_EQ(whole_percent(2, 3), 67);
  EXPECT_EQ(whole_percent(0, 7), 0);
  EXPECT_EQ(whole_percent(7, 7), 100);
  EXPECT_EQ(whole_percent(0, 0), std::nullopt);  // ingen data
}

// Every share with up to 400 in the whole, against a second, independent formulation:
// quotient and remainder of 100·k / n, rounded up when the remainder is at least half of n.
TEST(WholePercent, AgreesWithQuotientAndRemainderForEverySmallShare) {
  for (std::int64_t n = 1; n <= 400; ++n) {
    for (std::int64_t k = 0; k <= n; ++k) {
      const std::int64_t q = 100 * k / n;
      const std::int64_t r = 100 * k % n;
      const std::int64_t expected = q + (2 * r >= n ? 1 : 0);
      ASSERT_EQ(whole_percent(k, n), expected) << k << " of " << n;
    }
  }
}

TEST(WholePercent, RefusesSharesOutsideZeroToOne) {
  EXPECT_THROW(whole_percent(-1, 5), std::invalid_argument);
  EXPECT_THROW(whole_percent(6, 5), std::invalid_argument);
  EXPECT_THROW(whole_percent(0, -1), std::invalid_argument);
}

TEST(TrafficLight, BandsOfSeed003) {
  EXPECT_EQ(classify_percent(100, kDefault), TrafficLight::green);
  EXPECT_EQ(classify_percent(95, kDefault), TrafficLight::green);
  EXPECT_EQ(classify_percent(94, kDefault), TrafficLight::yellow);
  EXPECT_EQ(classify_percent(75, kDefault), TrafficLight::yellow);
  EXPECT_EQ(classify_percent(74, kDefault), TrafficLight::red);
  EXPECT_EQ(classify_percent(0, kDefault), TrafficLight::red);
}

TEST(TrafficLight, ChosenOnTheDisplayedWholePercent) {
  EXPECT_EQ(light_for(189, 200, kDefault), TrafficLight::green);          // 94.5 → 95
  EXPECT_EQ(light_for(944999, 1000000, kDefault), TrafficLight::yellow);  // 94.4999 → 94
  EXPECT_EQ(light_for(149, 200, kDefault), TrafficLight::yellow);         // 74.5 → 75
  EXPECT_EQ(light_for(7449, 10000, kDefault), TrafficLight::red);         // 74.49 → 74
  EXPECT_EQ(light_for(0, 0, kDefault), std::nullopt);
}

TEST(TrafficLight, ThresholdsFromTheWheel) {
  Thresholds strict;
  strict.green_min = 98;
  strict.yellow_min = 90;
  EXPECT_EQ(light_for(195, 200, strict), TrafficLight::green);  // 97.5 → 98
  EXPECT_EQ(light_for(97, 100, strict), TrafficLight::yellow);
  EXPECT_EQ(light_for(179, 200, strict), TrafficLight::yellow);  // 89.5 → 90
  EXPECT_EQ(light_for(89, 100, strict), TrafficLight::red);
}

TEST(TrafficLight, CodesAndDanishWords) {
  EXPECT_EQ(light_code(TrafficLight::green), "green");
  EXPECT_EQ(light_code(TrafficLight::yellow), "yellow");
  EXPECT_EQ(light_code(TrafficLight::red), "red");
  EXPECT_EQ(danish_label(TrafficLight::green), "grøn");
  EXPECT_EQ(danish_label(TrafficLight::yellow), "gul");
  EXPECT_EQ(danish_label(TrafficLight::red), "rød");
  for (auto light : {TrafficLight::green, TrafficLight::yellow, TrafficLight::red}) {
    EXPECT_EQ(parse_traffic_light(light_code(light)), light);
    EXPECT_EQ(parse_traffic_light(danish_label(light)), light);
  }
  EXPECT_EQ(parse_traffic_light("blå"), std::nullopt);
  EXPECT_EQ(kNoDataLabel, "ingen data");
}

}  // namespace
}  // namespace sagsaudit
