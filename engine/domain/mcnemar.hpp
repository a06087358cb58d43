#pragma once
// McNemar's (1947) test of whether one of two raters finds an outcome (here: fejl) more often
// than the other on the same items. Only the discordant pairs carry information:
//   b = items the first rater called korrekt and the second fejl,
//   c = items the first rater called fejl and the second korrekt.
// Under the null hypothesis (no systematic difference) each discordant pair is equally likely
// to fall either way, so b ~ Binomial(b + c, 1/2).
//
// All three usual forms are computed so a report can show any of them; `p_value` is the one we
// stand by (docs/agreement.md, "McNemar"):
//   * b + c < 25: the exact binomial test, because the chi-square approximation is poor with few
//     discordant pairs and the exact p is cheap;
//   * otherwise the chi-square statistic WITHOUT continuity correction, (b − c)² / (b + c): the
//     correction (Edwards 1948) only imitates the exact test and is conservative, and Fagerland,
//     Lydersen & Laake (2013, BMC Med Res Methodol 13:91) recommend the uncorrected asymptotic
//     test for the sizes where it is used.
// R's mcnemar.test(x) (correct = TRUE) reports the corrected form; it is there for comparison.
#include <cstdint>
#include <optional>

namespace sagsaudit {

// b + c from which on the exact test gives way to the chi-square test.
inline constexpr std::int64_t kMcNemarExactBelow = 25;

enum class McNemarMethod {
  exact_binomial,  // p = min(1, 2 P(X ≤ min(b, c))), X ~ Binomial(b + c, 1/2): binom.test
  chi_square,      // p = P(χ²₁ > (b − c)² / (b + c)): mcnemar.test(correct = FALSE)
};

struct McNemarTest {
  std::int64_t b = 0;  // first rater korrekt, second fejl
  std::int64_t c = 0;  // first rater fejl, second korrekt
  // (b − c)² / (b + c) and its chi-square(1) p; absent when b + c = 0 (0/0).
  std::optional<double> chi_square;
  std::optional<double> chi_square_p;
  // (|b − c| − 1)² / (b + c), R's default; absent when b + c = 0. When b = c there is nothing to
  // correct and the statistic is 0, as in R (4.2: mcnemar.test corrects only an asymmetric table).
  std::optional<double> chi_square_corrected;
  std::optional<double> chi_square_corrected_p;
  double exact_p = 1.0;  // two-sided exact binomial p (1 when b + c = 0)
  McNemarMethod method = McNemarMethod::exact_binomial;
  double p_value = 1.0;  // exact_p or chi_square_p, by `method`
};

// REQUIRES: b ≥ 0, c ≥ 0 (std::invalid_argument otherwise).
McNemarTest mcnemar_test(std::int64_t b, std::int64_t c);

}  // namespace sagsaudit
