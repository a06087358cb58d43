#include "domain/agreement_coefficients.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <vector>

#include "domain/distributions.hpp"

namespace sagsaudit {
namespace {

// The table as proportions: p[k][l] = n_kl / n and the two raters' margins.
struct Proportions {
  std::int64_t n = 0;
  std::size_t q = 0;
  std::vector<std::vector<double>> p;
  std::vector<double> row;     // p_k+: the first rater's share of category k
  std::vector<double> column;  // p_+k: the second rater's share
  double pa = 0.0;
};

Proportions proportions(const AgreementTable& table) {
  Proportions s;
  s.n = table.total();
  s.q = table.size();
  const double n = static_cast<double>(s.n);
  s.p.assign(s.q, std::vector<double>(s.q, 0.0));
  s.row.assign(s.q, 0.0);
  s.column.assign(s.q, 0.0);
  for (std::size_t k = 0; k < s.q; ++k) {
    for (std::size_t l = 0; l < s.q; ++l) s.p[k][l] = static_cast<double>(table.counts[k][l]) / n;
  }
  // Margins as irrCAC forms them (row and column sums of n_kl, then divided by n), so that the
  // last digits agree with its results.
  for (std::size_t k = 0; k < s.q; ++k) {
    s.row[k] = static_cast<double>(table.row_total(k)) / n;
    s.column[k] = static_cast<double>(table.column_total(k)) / n;
    s.pa += s.p[k][k];
  }
  return s;
}

void check_confidence(double confidence) {
  if (!(confidence > 0.0 && confidence < 1.0)) {
    throw std::invalid_argument("agreement coefficient: confidence must be in (0, 1)");
  }
}

// irrCAC's common tail: a variance floor of 1e-100 (so SE is never 0 and a p-value stays
// defined), and value ± t·SE with only the upper bound capped at 1.
AgreementCoefficient finish(double value, double pa, double pe, double variance, std::int64_t n,
                            double confidence) {
  AgreementCoefficient c;
  c.value = value;
  c.observed = pa;
  c.chance = pe;
  c.standard_error = std::sqrt(std::max(variance, 1e-100));
  c.n = n;
  if (n >= 2) {
    const double t =
        distributions::student_t_quantile((1.0 + confidence) / 2.0, static_cast<double>(n - 1));
    c.interval = ConfidenceInterval{value - t * c.standard_error,
                                    std::min(1.0, value + t * c.standard_error)};
  }
  return c;
}

}  // namespace

std::optional<AgreementCoefficient> percent_agreement(const AgreementTable& table,
                                                      double confidence) {
  check_confidence(confidence);
  if (table.total() == 0) return std::nullopt;
  const Proportions s = proportions(table);
  // Σ p_kl w_kl² with identity weights is pa itself.
  const double variance = (s.pa - s.pa * s.pa) / static_cast<double>(s.n);
  return finish(s.pa, s.pa, 0.0, variance, s.n, confidence);
}

std::optional<AgreementCoefficient> cohen_kappa(const AgreementTable& table, double confidence) {
  check_confidence(confidence);
  const std::int64_t n = table.total();
  if (n == 0) return std::nullopt;
  // pe = 1 exactly when Σ n_k+ n_+k = n², decided in integers rather than by a rounded pe.
  std::int64_t margin_products = 0;
  for (std::size_t k = 0; k < table.size(); ++k) {
    margin_products += table.row_total(k) * table.column_total(k);
  }
  if (margin_products == n * n) return std::nullopt;

  const Proportions s = proportions(table);
  double pe = 0.0;
  for (std::size_t k = 0; k < s.q; ++k) pe += s.row[k] * s.column[k];
  const double kappa = (s.pa - pe) / (1.0 - pe);

  // Var(κ) = [Σ_kl p_kl (δ_kl − (1 − κ)(p_+k + p_l+))² − (pa − 2(1 − κ) pe)²] / (n (1 − pe)²)
  double sum = 0.0;
  for (std::size_t k = 0; k < s.q; ++k) {
    for (std::size_t l = 0; l < s.q; ++l) {
      const double w = k == l ? 1.0 : 0.0;
      const double d = w - (1.0 - kappa) * (s.column[k] + s.row[l]);
      sum += s.p[k][l] * d * d;
    }
  }
  const double centre = s.pa - 2.0 * (1.0 - kappa) * pe;
  const double variance =
      (sum - centre * centre) / (static_cast<double>(n) * (1.0 - pe) * (1.0 - pe));
  return finish(kappa, s.pa, pe, variance, n, confidence);
}

std::optional<AgreementCoefficient> gwet_ac1(const AgreementTable& table, double confidence) {
  check_confidence(confidence);
  const std::int64_t n = table.total();
  if (n == 0) return std::nullopt;
  const Proportions s = proportions(table);
  const double q1 = static_cast<double>(s.q - 1);
  std::vector<double> pi(s.q);
  double pe = 0.0;
  for (std::size_t k = 0; k < s.q; ++k) {
    pi[k] = (s.row[k] + s.column[k]) / 2.0;
    pe += pi[k] * (1.0 - pi[k]);
  }
  // pe ≤ (1 − 1/q)/(q − 1) = 1/q < 1, so AC1 is defined for every non-empty table.
  pe /= q1;
  const double ac1 = (s.pa - pe) / (1.0 - pe);

  // Var(AC1) = [Σ_kl p_kl (δ_kl − 2(1 − AC1)(1 − (π_k + π_l)/2)/(q − 1))²
  //             − (pa − 2(1 − AC1) pe)²] / (n (1 − pe)²)
  double sum = 0.0;
  for (std::size_t k = 0; k < s.q; ++k) {
    for (std::size_t l = 0; l < s.q; ++l) {
      const double w = k == l ? 1.0 : 0.0;
      const double d = w - 2.0 * (1.0 - ac1) * (1.0 - (pi[k] + pi[l]) / 2.0) / q1;
      sum += s.p[k][l] * d * d;
    }
  }
  const double centre = s.pa - 2.0 * (1.0 - ac1) * pe;
  const double variance =
      (sum - centre * centre) / (static_cast<double>(n) * (1.0 - pe) * (1.0 - pe));
  return finish(ac1, s.pa, pe, variance, n, confidence);
}

}  // namespace sagsaudit
