#pragma once
// Agreement between two raters on a k×k table (agreement_table.hpp): the observed (percent)
// agreement, Cohen's kappa and Gwet's AC1, each with its standard error and confidence
// interval, computed exactly as the R package irrCAC (Gwet; github.com/kgwet/irrCAC) computes
// them for two raters from a contingency table: pa2.table, kappa2.table and gwet.ac1.table with
// their defaults (identity weights, N = Inf, i.e. no finite-population correction).
// docs/agreement.md gives the formulas, their sources and a worked example.
//
// Why both kappa and AC1: kappa's chance agreement is the product of the raters' margins, so
// when nearly every answer is "korrekt" chance agreement is near 1 and kappa falls even when the
// raters almost always agree (the prevalence paradox, Feinstein & Cicchetti 1990). AC1's chance
// agreement is at most 1/k and does not collapse that way (Gwet 2008).
#include <cstdint>
#include <optional>

#include "domain/agreement_table.hpp"
#include "domain/confidence_interval.hpp"

namespace sagsaudit {

struct AgreementCoefficient {
  double value = 0.0;     // the coefficient: (pa − pe) / (1 − pe), or pa itself
  double observed = 0.0;  // pa, the share of items on the diagonal
  double chance = 0.0;    // pe, the chance agreement the coefficient corrects for (0 for pa)
  double standard_error = 0.0;
  std::int64_t n = 0;  // items in the table
  // value ± t(n − 1, (1 + confidence)/2) · SE with the upper bound capped at 1, as irrCAC does
  // (irrCAC does not bound the lower end). Absent when n < 2: no t quantile with 0 degrees of
  // freedom.
  std::optional<ConfidenceInterval> interval;
};

// Each returns nothing for an empty table. REQUIRES: 0 < confidence < 1.

// The share of items on which the two agree (irrCAC pa2.table): pa = Σ n_kk / n, with
// SE = √(pa (1 − pa) / n).
std::optional<AgreementCoefficient> percent_agreement(const AgreementTable& table,
                                                      double confidence = 0.95);

// Cohen's (1960) kappa (irrCAC kappa2.table), chance agreement pe = Σ p_k+ p_+k, and the
// large-sample variance of Fleiss, Cohen & Everitt (1969) in Gwet's (2014) form. Also nothing
// when pe = 1 (both raters gave every item the same single answer): kappa is 0/0 there.
std::optional<AgreementCoefficient> cohen_kappa(const AgreementTable& table,
                                                double confidence = 0.95);

// Gwet's (2008) AC1 (irrCAC gwet.ac1.table), chance agreement
// pe = Σ π_k (1 − π_k) / (k − 1) with π_k = (p_k+ + p_+k) / 2, and Gwet's (2008) variance.
std::optional<AgreementCoefficient> gwet_ac1(const AgreementTable& table, double confidence = 0.95);

}  // namespace sagsaudit
