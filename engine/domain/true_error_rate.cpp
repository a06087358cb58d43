#include "domain/true_error_rate.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

#include "domain/distributions.hpp"
#include "domain/errors.hpp"

namespace sagsaudit {
namespace {

void validate(const TwoPhaseSample& s) {
  std::vector<Issue> issues;
  const auto negative = [&](std::int64_t value, const char* field) {
    if (value < 0) issues.push_back({"", 0, 0, field, "must not be negative"});
  };
  negative(s.sample_size, "sample_size");
  negative(s.sample_errors, "sample_errors");
  negative(s.both_correct, "both_correct");
  negative(s.only_auditor_error, "only_auditor_error");
  negative(s.only_municipality_error, "only_municipality_error");
  negative(s.both_error, "both_error");
  if (!issues.empty()) throw ValidationError(std::move(issues));

  if (s.sample_errors > s.sample_size) {
    issues.push_back({"", 0, 0, "sample_errors", "more errors than items in the sample"});
  }
  const std::int64_t rereviewed_errors = s.only_municipality_error + s.both_error;
  const std::int64_t rereviewed_correct = s.both_correct + s.only_auditor_error;
  if (rereviewed_errors > s.sample_errors) {
    issues.push_back({"", 0, 0, "both_error",
                      "the auditor re-reviewed " + std::to_string(rereviewed_errors) +
                          " items we called fejl, but the sample has only " +
                          std::to_string(s.sample_errors)});
  }
  if (rereviewed_correct > s.sample_size - s.sample_errors) {
    issues.push_back({"", 0, 0, "both_correct",
                      "the auditor re-reviewed " + std::to_string(rereviewed_correct) +
                          " items we called korrekt, but the sample has only " +
                          std::to_string(s.sample_size - s.sample_errors)});
  }
  if (!issues.empty()) throw ValidationError(std::move(issues));
}

struct Stratum {
  double weight;       // w_h
  std::int64_t m;      // re-reviewed items
  std::int64_t found;  // of which the auditor calls fejl
};

}  // namespace

std::optional<TrueErrorRateEstimate> estimate_true_error_rate(const TwoPhaseSample& sample,
                                                              double confidence) {
  if (!(confidence > 0.0 && confidence < 1.0)) {
    throw std::invalid_argument("estimate_true_error_rate: confidence must be in (0, 1)");
  }
  validate(sample);
  if (sample.sample_size == 0) return std::nullopt;

  const double n = static_cast<double>(sample.sample_size);
  const double w_error = static_cast<double>(sample.sample_errors) / n;
  const Stratum strata[2] = {
      {w_error, sample.only_municipality_error + sample.both_error, sample.both_error},
      {1.0 - w_error, sample.both_correct + sample.only_auditor_error, sample.only_auditor_error},
  };
  const bool present[2] = {sample.sample_errors > 0, sample.sample_errors < sample.sample_size};

  TrueErrorRateEstimate result;
  result.municipality_rate = w_error;
  double share[2] = {0.0, 0.0};
  for (int h = 0; h < 2; ++h) {
    if (!present[h]) continue;
    if (strata[h].m < 2) return std::nullopt;
    share[h] = static_cast<double>(strata[h].found) / static_cast<double>(strata[h].m);
    result.estimate += strata[h].weight * share[h];
  }
  if (present[0]) result.confirmed_share = share[0];
  if (present[1]) result.missed_share = share[1];

  double within = 0.0;
  double between = 0.0;
  for (int h = 0; h < 2; ++h) {
    if (!present[h]) continue;
    const double w = strata[h].weight;
    within += w * w * share[h] * (1.0 - share[h]) / static_cast<double>(strata[h].m - 1);
    between += w * (share[h] - result.estimate) * (share[h] - result.estimate);
  }
  result.standard_error = std::sqrt(within + between / n);
  const double z = distributions::normal_quantile((1.0 + confidence) / 2.0);
  result.interval = ConfidenceInterval{std::max(0.0, result.estimate - z * result.standard_error),
                                       std::min(1.0, result.estimate + z * result.standard_error)};
  return result;
}

}  // namespace sagsaudit
