#pragma once
// The estimated true error rate of issue 7 item 4: the municipality reviewed a whole stikprøve
// (phase 1) and the external auditor re-reviewed part of it (phase 2). Taking the auditor's
// answer as the truth, the municipality's own error rate is corrected by what the re-review
// shows about its misclassifications — the two-phase (double sampling) estimator that US SNAP
// quality control applies to the states' reviews and the federal re-review.
//
// The estimator (docs/agreement.md, "Estimated true error rate") is double sampling for
// stratification (Cochran 1977, Sampling Techniques, 3rd ed., §12.2–12.3; for misclassified
// binomial data Tenenbein 1970, JASA 65:1350–1361), the strata being the municipality's own
// answer:
//   p̂ = w_fejl · π̂_fejl + w_korrekt · π̂_korrekt,
// w_h = the municipality's share of answer h on the whole sample, π̂_h = the share the auditor
// calls fejl among the re-reviewed items the municipality answered h. With a 0/1 auxiliary
// variable and a simple random subsample this equals the regression estimator
// ȳ₂ + β̂(x̄₁ − x̄₂) (Cochran §12.6) that SNAP names. The stratified form is used because it stays
// valid when the auditor deliberately re-reviews more of one stratum (e.g. every item we
// called fejl), as long as the choice within each stratum is random.
//
// Large-sample variance (Cochran §12.3, infinite population):
//   v(p̂) = Σ_h w_h² π̂_h (1 − π̂_h) / (m_h − 1) + (1/n) Σ_h w_h (π̂_h − p̂)²,
// m_h the re-reviewed items in stratum h, n the whole sample. Interval p̂ ± z·SE, cut to [0, 1].
// When every re-reviewed share is 0 or 1 and only one stratum occurs, v is 0 and the interval
// is a point; the report should then say the re-review found no disagreement.
#include <cstdint>
#include <optional>

#include "domain/confidence_interval.hpp"

namespace sagsaudit {

struct TwoPhaseSample {
  // Phase 1: the municipality's whole sample, answers korrekt or fejl.
  std::int64_t sample_size = 0;    // n
  std::int64_t sample_errors = 0;  // the municipality's fejl among them
  // Phase 2: the items the auditor re-reviewed (part of phase 1), by (ours, auditor's) answer.
  std::int64_t both_correct = 0;             // korrekt / korrekt
  std::int64_t only_auditor_error = 0;       // korrekt / fejl: an error we missed
  std::int64_t only_municipality_error = 0;  // fejl / korrekt: an error the auditor rejects
  std::int64_t both_error = 0;               // fejl / fejl
};

struct TrueErrorRateEstimate {
  double municipality_rate = 0.0;  // our error rate on the whole sample, w_fejl
  // π̂_fejl: the share of our fejl (re-reviewed) that the auditor confirms; absent when we found
  // no errors on the whole sample (then it does not enter p̂).
  std::optional<double> confirmed_share;
  // π̂_korrekt: the share of our korrekt (re-reviewed) that the auditor calls fejl; absent when
  // every item on the whole sample was fejl.
  std::optional<double> missed_share;
  double estimate = 0.0;  // p̂
  double standard_error = 0.0;
  ConfidenceInterval interval;
};

// Throws ValidationError naming the field when the counts are negative or the re-review is not
// part of the whole sample (more re-reviewed fejl or korrekt than the sample has).
// Returns nothing when a stratum that occurs on the whole sample has fewer than two re-reviewed
// items: its share π̂_h or its variance s_h² cannot be estimated, and the report should say the
// re-review is too small rather than show a number.
// REQUIRES: 0 < confidence < 1.
std::optional<TrueErrorRateEstimate> estimate_true_error_rate(const TwoPhaseSample& sample,
                                                              double confidence = 0.95);

}  // namespace sagsaudit
