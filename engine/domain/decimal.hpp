#pragma once
// An exact decimal number as written in a file ("0.05", "2.5"): a numerator over a power of ten.
// Rates in sampling rules are kept exact so that x = e·n is computed without binary rounding.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sagsaudit {

struct Decimal {
  std::int64_t numerator = 0;
  std::int64_t denominator = 1;  // always a power of ten, 10^0 … 10^15

  double to_double() const { return static_cast<double>(numerator) / static_cast<double>(denominator); }
  // The shortest exact text: "0.05", "3", "-1.25".
  std::string to_string() const;
  // Exact comparisons, by cross-multiplying (both sides stay within 10^15 · 10^3).
  friend bool operator==(const Decimal& a, const Decimal& b);
  friend bool operator<(const Decimal& a, const Decimal& b);
  friend bool operator<=(const Decimal& a, const Decimal& b) { return !(b < a); }
};

// Reads an optional '-', digits, and an optional '.' with digits: at most 15 digits after the
// point and 18 in all. Anything else (exponents, blanks, commas) gives nullopt.
std::optional<Decimal> parse_decimal(std::string_view text);
Decimal decimal_from_int(std::int64_t value);

}  // namespace sagsaudit
