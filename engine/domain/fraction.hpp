#pragma once
// An exact rational number, for the figures where a rounded binary float could change what a
// user sees: changes in percentage points, target error shares, progress towards a goal.
// Always kept in lowest terms with a positive denominator, so equal values compare equal
// member by member and print the same.
#include <compare>
#include <cstdint>
#include <string>

#include "domain/decimal.hpp"

namespace sagsaudit {

struct Fraction {
  std::int64_t numerator = 0;
  std::int64_t denominator = 1;  // > 0; gcd(|numerator|, denominator) = 1

  double to_double() const {
    return static_cast<double>(numerator) / static_cast<double>(denominator);
  }
  friend bool operator==(const Fraction&, const Fraction&) = default;
  // Exact, by cross-multiplying in 128 bits.
  friend std::strong_ordering operator<=>(const Fraction& a, const Fraction& b);
};

// numerator / denominator in lowest terms. Throws std::invalid_argument when denominator is 0.
Fraction make_fraction(std::int64_t numerator, std::int64_t denominator);
Fraction fraction_from_int(std::int64_t value);
Fraction fraction_from_decimal(const Decimal& value);

// Exact arithmetic. The results are computed in 128 bits and reduced; a result whose reduced
// numerator or denominator does not fit in 64 bits throws std::overflow_error (it cannot happen
// with counts of answers, which stay far below 2^31).
Fraction operator+(const Fraction& a, const Fraction& b);
Fraction operator-(const Fraction& a, const Fraction& b);
Fraction operator*(const Fraction& a, const Fraction& b);
// Throws std::invalid_argument when b is 0.
Fraction operator/(const Fraction& a, const Fraction& b);

// The nearest integer, halves rounded away from zero (2.5 → 3, −2.5 → −3), so that a change of
// +x and one of −x are shown with the same size.
std::int64_t round_half_away_from_zero(const Fraction& value);

// The value with exactly `decimals` digits after the mark, rounded as above: with decimals = 1
// and the Danish mark, 3/8 gives "0,4" and −1/3 gives "-0,3". REQUIRES: 0 ≤ decimals ≤ 6.
std::string to_decimal_text(const Fraction& value, int decimals, char decimal_mark = ',');

}  // namespace sagsaudit
