#include "domain/fraction.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <stdexcept>

namespace sagsaudit {
namespace {

TEST(Fraction, KeptInLowestTermsWithPositiveDenominator) {
  EXPECT_EQ(make_fraction(2, 4), (Fraction{1, 2}));
  EXPECT_EQ(make_fraction(3, -6), (Fraction{-1, 2}));
  EXPECT_EQ(make_fraction(-3, -6), (Fraction{1, 2}));
  EXPECT_EQ(make_fraction(0, 5), (Fraction{0, 1}));
  EXPECT_EQ(make_fraction(0, -5), (Fraction{0, 1}));
  EXPECT_EQ(make_fraction(189, 200), (Fraction{189, 200}));
  EXPECT_THROW(make_fraction(1, 0), std::invalid_argument);
}

TEST(Fraction, FromDecimalIsExact) {
  EXPECT_EQ(fraction_from_decimal(*parse_decimal("0.5")), (Fraction{1, 2}));
  EXPECT_EQ(fraction_from_decimal(*parse_decimal("0.25")), (Fraction{1, 4}));
  EXPECT_EQ(fraction_from_decimal(*parse_decimal("-1.2")), (Fraction{-6, 5}));
  EXPECT_EQ(fraction_from_int(7), (Fraction{7, 1}));
}

TEST(Fraction, Arithmetic) {
  const Fraction third{1, 3};
  const Fraction half{1, 2};
  EXPECT_EQ(third + half, (Fraction{5, 6}));
  EXPECT_EQ(third - half, (Fraction{-1, 6}));
  EXPECT_EQ(third * half, (Fraction{1, 6}));
  EXPECT_EQ(third / half, (Fraction{2, 3}));
  EXPECT_EQ(half / Fraction({-1, 4}), (Fraction{-2, 1}));
  EXPECT_THROW(half / Fraction({0, 1}), std::invalid_argument);
  // 100 · (3/10 − 1/4) = 5 percentage points, exactly.
  EXPECT_EQ((Fraction{3, 10} - Fraction{1, 4}) * fraction_from_int(100), (Fraction{5, 1}));
}

TEST(Fraction, ComparesExactly) {
  EXPECT_EQ(make_fraction(1, 4), make_fraction(2, 8));
  EXPECT_LT((Fraction{1, 3}), (Fraction{1, 2}));
  EXPECT_GT((Fraction{-1, 3}), (Fraction{-1, 2}));
  // Differ only far beyond double precision.
  const std::int64_t big = 1'000'000'000'000'000'000;
  EXPECT_LT((Fraction{big - 1, big}), (Fraction{big, big + 1}));
  EXPECT_LE((Fraction{1, 2}), (Fraction{1, 2}));
}

TEST(Fraction, OverflowIsRefusedNotWrapped) {
  const std::int64_t max = std::numeric_limits<std::int64_t>::max();
  EXPECT_THROW(Fraction({max, 1}) + Fraction({max, 1}), std::overflow_error);
  EXPECT_THROW(Fraction({1, max}) * Fraction({1, max - 1}), std::overflow_error);
  // But a 128-bit intermediate that reduces back into 64 bits is fine.
  EXPECT_EQ(Fraction({max, 3}) * Fraction({3, max}), (Fraction{1, 1}));
}

TEST(Fraction, RoundsHalfAwayFromZero) {
  EXPECT_EQ(round_half_away_from_zero({5, 2}), 3);
  EXPECT_EQ(round_half_away_from_zero({-5, 2}), -3);
  EXPECT_EQ(round_half_away_from_zero({7, 3}), 2);
  EXPECT_EQ(round_half_away_from_zero({-7, 3}), -2);
  EXPECT_EQ(round_half_away_from_zero({8, 3}), 3);
  EXPECT_EQ(round_half_away_from_zero({189, 2}), 95);  // 94.5
  EXPECT_EQ(round_half_away_from_zero({0, 1}), 0);
}

TEST(Fraction, DecimalText) {
  EXPECT_EQ(to_decimal_text({3, 8}, 1), "0,4");
  EXPECT_EQ(to_decimal_text({-1, 3}, 1), "-0,3");
  EXPECT_EQ(to_decimal_text({50, 3}, 1), "16,7");
  EXPECT_EQ(to_decimal_text({-50, 3}, 2), "-16,67");
  EXPECT_EQ(to_decimal_text({189, 2}, 0), "95");
  EXPECT_EQ(to_decimal_text({1, 20}, 1), "0,1");  // 0.05 → 0.1
  EXPECT_EQ(to_decimal_text({-1, 20}, 1), "-0,1");
  EXPECT_EQ(to_decimal_text({-1, 30}, 1), "0,0");  // no "-0,0"
  EXPECT_EQ(to_decimal_text({5, 1}, 2), "5,00");
  EXPECT_EQ(to_decimal_text({1, 8}, 3, '.'), "0.125");
  EXPECT_THROW(to_decimal_text({1, 2}, 7), std::invalid_argument);
  EXPECT_THROW(to_decimal_text({1, 2}, -1), std::invalid_argument);
}

}  // namespace
}  // namespace sagsaudit
