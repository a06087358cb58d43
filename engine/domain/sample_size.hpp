#pragma once
// Attribute sampling: how many cases a stikprøve needs (planning), and what a reviewed sample
// shows (evaluation), computed exactly as the R package jfa computes them classically
// (jfa's planning() and evaluation() with prior = FALSE; docs/sample-size.md has the algorithm,
// the equivalent R calls and the sources).
//
// Rates are exact decimals, so the expected errors x = e·n are exact: 0.035 · 400 is 14, not
// the 14.000000000000002 that binary floating point (and therefore jfa) gives.
#include <cstdint>
#include <optional>

#include "domain/annual_wheel.hpp"  // Likelihood
#include "domain/decimal.hpp"

namespace sagsaudit {

struct SamplePlanInput {
  Decimal tolerable;   // tolerable error rate t, 0 < t < 1 (jfa: materiality)
  Decimal expected;    // expected errors: below 1 a rate e < t (x = e·n), 1 or more a count
  Decimal confidence;  // 0 < c < 1 (jfa: conf.level)
  Likelihood likelihood = Likelihood::binomial;
  std::optional<std::int64_t> population;  // N, required for hypergeometric (jfa: N.units)
  std::int64_t max_n = 5000;               // largest n tried, 1 … 1,000,000 (jfa: max)
};

struct SamplePlan {
  std::int64_t n = 0;  // the smallest sample size that meets the tolerable rate
  // x, the errors the plan allows for in a sample of n, exactly (jfa: x). A whole number for
  // binomial and hypergeometric (e·n or the count, rounded up); for poisson e·n or the count
  // as given, which may be fractional (e.g. 0.025 · 231 = 5.775).
  Decimal expected_errors;
  // The one-sided upper confidence bound on the error rate when x errors are found in n;
  // below the tolerable rate (jfa: ub).
  double upper_bound = 0.0;
  // Hypergeometric only: that bound as a number of errors in the population, K; the rate is
  // K / N.
  std::optional<std::int64_t> population_errors_bound;
};

// The smallest n ≤ max_n whose upper bound with x errors is below the tolerable rate.
// Throws ValidationError, naming each bad field (tolerable, expected, confidence, population,
// max_n), for: a rate or confidence outside (0, 1); a negative expected; an expected rate not
// below the tolerable rate; a count not below max_n; hypergeometric without a population, or
// with expected errors in the population not below the tolerable errors (ceil(e·N) or the
// count against ceil(t·N)); and when no n ≤ max_n is enough.
SamplePlan plan_sample_size(const SamplePlanInput& input);

struct SampleEvaluationInput {
  std::int64_t n = 0;  // cases reviewed, ≥ 1
  // Errors found, 0 ≤ errors ≤ n; a whole number for hypergeometric (binomial and poisson,
  // like jfa, also accept a fractional sum of taints).
  Decimal errors;
  Decimal confidence;  // 0 < c < 1
  Likelihood likelihood = Likelihood::binomial;
  std::optional<std::int64_t> population;  // N ≥ n, required for hypergeometric
};

struct SampleEvaluation {
  double upper_bound = 0.0;  // one-sided upper confidence bound on the error rate (jfa: ub)
  std::optional<std::int64_t> population_errors_bound;  // hypergeometric: K, the bound is K / N
};

// The upper bound that a reviewed sample gives (jfa: evaluation(x, n, conf.level, method,
// N.units)$ub). Throws ValidationError naming the bad field.
SampleEvaluation evaluate_sample(const SampleEvaluationInput& input);

}  // namespace sagsaudit
