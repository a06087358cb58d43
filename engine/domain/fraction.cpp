#include "domain/fraction.hpp"

#include <limits>
#include <stdexcept>

namespace sagsaudit {
namespace {
__extension__ typedef __int128 i128;  // GCC and Clang; keeps -Wpedantic quiet

i128 abs128(i128 value) {
  return value < 0 ? -value : value;
}

i128 gcd128(i128 a, i128 b) {
  a = abs128(a);
  b = abs128(b);
  while (b != 0) {
    const i128 rest = a % b;
    a = b;
    b = rest;
  }
  return a;
}

bool fits64(i128 value) {
  return value >= std::numeric_limits<std::int64_t>::min() &&
         value <= std::numeric_limits<std::int64_t>::max();
}

// Reduces and narrows; every operation ends here.
Fraction reduced(i128 numerator, i128 denominator) {
  if (denominator == 0) throw std::invalid_argument("brøk med nævner 0");
  if (denominator < 0) {
    numerator = -numerator;
    denominator = -denominator;
  }
  const i128 divisor = numerator == 0 ? denominator : gcd128(numerator, denominator);
  numerator /= divisor;
  denominator /= divisor;
  if (!fits64(numerator) || !fits64(denominator)) {
    throw std::overflow_error("brøken er for stor til 64 bit");
  }
  return Fraction{static_cast<std::int64_t>(numerator), static_cast<std::int64_t>(denominator)};
}

}  // namespace

std::strong_ordering operator<=>(const Fraction& a, const Fraction& b) {
  return static_cast<i128>(a.numerator) * b.denominator <=>
         static_cast<i128>(b.numerator) * a.denominator;
}

Fraction make_fraction(std::int64_t numerator, std::int64_t denominator) {
  return reduced(numerator, denominator);
}

Fraction fraction_from_int(std::int64_t value) {
  return Fraction{value, 1};
}

Fraction fraction_from_decimal(const Decimal& value) {
  return reduced(value.numerator, value.denominator);
}

Fraction operator+(const Fraction& a, const Fraction& b) {
  return reduced(static_cast<i128>(a.numerator) * b.denominator +
                     static_cast<i128>(b.numerator) * a.denominator,
                 static_cast<i128>(a.denominator) * b.denominator);
}

Fraction operator-(const Fraction& a, const Fraction& b) {
  return reduced(static_cast<i128>(a.numerator) * b.denominator -
                     static_cast<i128>(b.numerator) * a.denominator,
                 static_cast<i128>(a.denominator) * b.denominator);
}

Fraction operator*(const Fraction& a, const Fraction& b) {
  return reduced(static_cast<i128>(a.numerator) * b.numerator,
                 static_cast<i128>(a.denominator) * b.denominator);
}

Fraction operator/(const Fraction& a, const Fraction& b) {
  if (b.numerator == 0) throw std::invalid_argument("division med 0");
  return reduced(static_cast<i128>(a.numerator) * b.denominator,
                 static_cast<i128>(a.denominator) * b.numerator);
}

std::int64_t round_half_away_from_zero(const Fraction& value) {
  // (2|n| + d) div 2d is |n|/d rounded half up, exactly; the sign is put back afterwards.
  const i128 magnitude = abs128(value.numerator);
  const i128 d = value.denominator;
  const i128 rounded = (2 * magnitude + d) / (2 * d);
  return static_cast<std::int64_t>(value.numerator < 0 ? -rounded : rounded);
}

std::string to_decimal_text(const Fraction& value, int decimals, char decimal_mark) {
  if (decimals < 0 || decimals > 6) throw std::invalid_argument("decimals skal være 0–6");
  std::int64_t scale = 1;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  const std::int64_t scaled = round_half_away_from_zero(value * fraction_from_int(scale));
  const bool negative = scaled < 0;
  const std::uint64_t magnitude =
      negative ? static_cast<std::uint64_t>(-(scaled + 1)) + 1 : static_cast<std::uint64_t>(scaled);
  std::string digits = std::to_string(magnitude);
  if (decimals > 0) {
    if (digits.size() <= static_cast<std::size_t>(decimals)) {
      digits.insert(0, static_cast<std::size_t>(decimals) + 1 - digits.size(), '0');
    }
    digits.insert(digits.size() - static_cast<std::size_t>(decimals), 1, decimal_mark);
  }
  return (negative ? "-" : "") + digits;
}

}  // namespace sagsaudit
