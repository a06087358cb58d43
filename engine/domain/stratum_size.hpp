#pragma once
// How many cases to draw from one stratum (one center's population) under the årshjul's
// sample-size rule. Only the arithmetic of the simple rules lives here; the statistical rule's
// n comes from the planner (domain/sample_size.hpp) and is passed in, so this file does not
// depend on it.
#include <cstddef>
#include <cstdint>
#include <optional>

#include "domain/annual_wheel.hpp"

namespace sagsaudit {

struct StratumSize {
  std::size_t requested = 0;  // what the rule asks for
  std::size_t n = 0;          // what is drawn: min(requested, population)
  bool took_all = false;      // requested ≥ population: the whole stratum is drawn
};

// "fast": per_center cases. REQUIRES: per_center ≥ 0 (the wheel's rules demand ≥ 1).
StratumSize fixed_stratum_size(const FixedSampleRule& rule, std::size_t population);

// "procent": ceil(percent · N / 100), computed exactly on the decimal as written (2.5 % of 30
// is 0.75, which becomes 1), then raised to min and lowered to max, in that order, then capped
// at N. REQUIRES: percent ≥ 0 and 0 ≤ min ≤ max (the wheel's rules demand 0 < percent ≤ 100,
// min ≥ 1).
StratumSize percent_stratum_size(const PercentSampleRule& rule, std::size_t population);

// "statistisk": the planner's n (plan_sample_size for this rule, with N = population where the
// likelihood needs it), capped at N.
// REQUIRES: statistical_n ≥ 0.
StratumSize statistical_stratum_size(std::int64_t statistical_n, std::size_t population);

// Any rule. statistical_n is the planner's answer and is only read for a StatisticalSampleRule;
// throws std::invalid_argument when that rule is given without it (a programming error).
StratumSize stratum_size(const SampleRule& rule, std::size_t population,
                         std::optional<std::int64_t> statistical_n = std::nullopt);

}  // namespace sagsaudit
