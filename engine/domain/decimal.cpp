#include "domain/decimal.hpp"

namespace sagsaudit {
namespace {
__extension__ typedef __int128 i128;  // GCC and Clang; keeps -Wpedantic quiet
}

std::optional<Decimal> parse_decimal(std::string_view text) {
  bool negative = false;
  if (!text.empty() && text.front() == '-') {
    negative = true;
    text.remove_prefix(1);
  }
  if (text.empty()) return std::nullopt;
  std::int64_t numerator = 0;
  std::int64_t denominator = 1;
  int digits = 0;
  bool seen_point = false;
  bool digit_before_point = false;
  bool digit_after_point = false;
  for (char ch : text) {
    if (ch == '.') {
      if (seen_point) return std::nullopt;
      seen_point = true;
      continue;
    }
    if (ch < '0' || ch > '9') return std::nullopt;
    if (++digits > 18) return std::nullopt;
    numerator = numerator * 10 + (ch - '0');
    if (seen_point) {
      digit_after_point = true;
      denominator *= 10;
      if (denominator > 1'000'000'000'000'000) return std::nullopt;
    } else {
      digit_before_point = true;
    }
  }
  if (!digit_before_point || (seen_point && !digit_after_point)) return std::nullopt;
  // Keep the shortest form: 0.050 and 0.05 are the same number and print the same.
  while (denominator > 1 && numerator % 10 == 0) {
    numerator /= 10;
    denominator /= 10;
  }
  return Decimal{negative ? -numerator : numerator, denominator};
}

Decimal decimal_from_int(std::int64_t value) { return Decimal{value, 1}; }

std::string Decimal::to_string() const {
  const bool negative = numerator < 0;
  const std::string digits = std::to_string(negative ? -numerator : numerator);
  std::size_t scale = 0;
  for (std::int64_t d = denominator; d > 1; d /= 10) ++scale;
  std::string out = negative ? "-" : "";
  if (scale == 0) return out + digits;
  // Left-pad with zeros so there is at least one digit before the point: 5/100 -> "0.05".
  const std::string padded =
      digits.size() <= scale ? std::string(scale + 1 - digits.size(), '0') + digits : digits;
  const std::size_t point = padded.size() - scale;
  return out + padded.substr(0, point) + "." + padded.substr(point);
}

bool operator==(const Decimal& a, const Decimal& b) {
  return static_cast<i128>(a.numerator) * b.denominator ==
         static_cast<i128>(b.numerator) * a.denominator;
}

bool operator<(const Decimal& a, const Decimal& b) {
  return static_cast<i128>(a.numerator) * b.denominator <
         static_cast<i128>(b.numerator) * a.denominator;
}

}  // namespace sagsaudit
