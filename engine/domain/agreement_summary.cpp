#include "domain/agreement_summary.hpp"

#include <map>
#include <stdexcept>
#include <utility>

#include "domain/distributions.hpp"
#include "domain/errors.hpp"

namespace sagsaudit {
namespace {

std::size_t index_of(const AgreementTable& table, const std::string& label, const char* field) {
  for (std::size_t i = 0; i < table.categories.size(); ++i) {
    if (table.categories[i] == label) return i;
  }
  throw ValidationError(std::vector<Issue>{
      {"", 0, 0, field, "\"" + label + "\" is not one of the table's answer categories"}});
}

// REQUIRES: n ≥ 1, so the Wilson interval exists.
ErrorRate error_rate(std::int64_t errors, std::int64_t n, double z) {
  return ErrorRate{errors, n, static_cast<double>(errors) / static_cast<double>(n),
                   *wilson_interval(errors, n, z)};
}

using Pairs = std::vector<RatingPair>;

struct ControlPairs {
  Category category;
  Pairs pairs;
};

struct BenefitTypePairs {
  Pairs all;
  std::map<Category, Pairs> by_category;
  std::map<std::string, ControlPairs> by_control;
};

}  // namespace

std::optional<ErrorRateComparison> compare_error_rates(const AgreementTable& table,
                                                       const std::string& correct,
                                                       const std::string& error,
                                                       double confidence) {
  const std::size_t k = index_of(table, correct, "correct");
  const std::size_t e = index_of(table, error, "error");
  if (k == e) {
    throw ValidationError(
        std::vector<Issue>{{"", 0, 0, "error", "the correct and the error answer must differ"}});
  }
  const std::int64_t a = table.counts[k][k];
  const std::int64_t b = table.counts[k][e];  // we korrekt, auditor fejl
  const std::int64_t c = table.counts[e][k];  // we fejl, auditor korrekt
  const std::int64_t d = table.counts[e][e];
  const std::int64_t n = a + b + c + d;
  if (n == 0) return std::nullopt;
  if (!(confidence > 0.0 && confidence < 1.0)) {
    throw std::invalid_argument("compare_error_rates: confidence must be in (0, 1)");
  }
  const double z = distributions::normal_quantile((1.0 + confidence) / 2.0);
  return ErrorRateComparison{error_rate(c + d, n, z), error_rate(b + d, n, z), mcnemar_test(b, c)};
}

AgreementStatistics agreement_statistics(AgreementTable table, const AnswerScale& scale,
                                         double confidence) {
  AgreementStatistics s;
  s.percent_agreement = percent_agreement(table, confidence);
  s.cohen_kappa = cohen_kappa(table, confidence);
  s.gwet_ac1 = gwet_ac1(table, confidence);
  s.error_rates = compare_error_rates(table, scale.correct, scale.error, confidence);
  s.table = std::move(table);
  return s;
}

std::vector<AgreementGroup> summarize_agreement(std::span<const LabelledAnswerPair> pairs,
                                                const AnswerScale& scale, double confidence) {
  Pairs overall;
  std::map<Category, Pairs> by_category;
  std::map<std::string, BenefitTypePairs> by_benefit_type;
  for (const auto& p : pairs) {
    const RatingPair rating{p.municipality, p.auditor};
    overall.push_back(rating);
    by_category[p.category].push_back(rating);
    BenefitTypePairs& bt = by_benefit_type[p.benefit_type];
    bt.all.push_back(rating);
    bt.by_category[p.category].push_back(rating);
    auto [control, inserted] =
        bt.by_control.try_emplace(p.control_id, ControlPairs{p.category, {}});
    if (!inserted && control->second.category != p.category) {
      throw ValidationError(std::vector<Issue>{
          {"", 0, 0, "category",
           "control " + p.control_id + " of " + p.benefit_type + " is given as both " +
               to_danish(control->second.category) + " and " + to_danish(p.category)}});
    }
    control->second.pairs.push_back(rating);
  }

  std::vector<AgreementGroup> groups;
  const auto add = [&](AgreementGrouping grouping, const std::string& benefit_type,
                       std::optional<Category> category, const std::string& control_id,
                       const Pairs& group_pairs) {
    groups.push_back(
        AgreementGroup{grouping, benefit_type, category, control_id,
                       agreement_statistics(tabulate_agreement(scale.categories, group_pairs),
                                            scale, confidence)});
  };
  add(AgreementGrouping::overall, "", std::nullopt, "", overall);
  for (const auto& [category, group_pairs] : by_category) {
    add(AgreementGrouping::category, "", category, "", group_pairs);
  }
  for (const auto& [benefit_type, bt] : by_benefit_type) {
    add(AgreementGrouping::benefit_type, benefit_type, std::nullopt, "", bt.all);
    for (const auto& [category, group_pairs] : bt.by_category) {
      add(AgreementGrouping::benefit_type_and_category, benefit_type, category, "", group_pairs);
    }
    for (const auto& [control_id, control] : bt.by_control) {
      add(AgreementGrouping::control, benefit_type, control.category, control_id, control.pairs);
    }
  }
  return groups;
}

}  // namespace sagsaudit
