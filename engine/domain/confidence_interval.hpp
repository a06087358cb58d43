#pragma once
// A two-sided confidence interval [lower, upper] for an estimate (an agreement coefficient, an
// estimated error rate). Intervals for a plain share use the Wilson interval of
// wilson_interval.hpp instead.

namespace sagsaudit {

struct ConfidenceInterval {
  double lower = 0.0;
  double upper = 0.0;
};

}  // namespace sagsaudit
