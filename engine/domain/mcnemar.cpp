#include "domain/mcnemar.hpp"

#include <algorithm>
#include <cstdlib>
#include <stdexcept>

#include "domain/distributions.hpp"

namespace sagsaudit {

McNemarTest mcnemar_test(std::int64_t b, std::int64_t c) {
  if (b < 0 || c < 0) throw std::invalid_argument("mcnemar_test: counts must be non-negative");
  McNemarTest test;
  test.b = b;
  test.c = c;
  const std::int64_t discordant = b + c;
  if (discordant > 0) {
    const double m = static_cast<double>(discordant);
    const double diff = static_cast<double>(b - c);
    test.chi_square = diff * diff / m;
    test.chi_square_p = distributions::chi_square_1_upper_tail(*test.chi_square);
    const double corrected = b == c ? 0.0 : std::abs(diff) - 1.0;
    test.chi_square_corrected = corrected * corrected / m;
    test.chi_square_corrected_p =
        distributions::chi_square_1_upper_tail(*test.chi_square_corrected);
  }
  // Binomial(b + c, 1/2) is symmetric, so the two-sided p (R's binom.test: outcomes no more
  // likely than the one observed) is twice the smaller tail, capped at 1. For |b − c| ≤ 1 that
  // is exactly 1 (the smaller tail holds half the distribution or more), which is set directly
  // because the sum in floating point may land an ulp short.
  test.exact_p =
      std::abs(b - c) <= 1
          ? 1.0
          : std::min(1.0, 2.0 * distributions::binomial_cdf(std::min(b, c), discordant, 0.5));
  if (discordant < kMcNemarExactBelow) {
    test.method = McNemarMethod::exact_binomial;
    test.p_value = test.exact_p;
  } else {
    test.method = McNemarMethod::chi_square;
    test.p_value = *test.chi_square_p;
  }
  return test;
}

}  // namespace sagsaudit
