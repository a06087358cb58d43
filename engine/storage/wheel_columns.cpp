#include "storage/wheel_columns.hpp"

#include "domain/errors.hpp"

namespace sagsaudit::storage {
namespace {

[[noreturn]] void corrupt(const std::string& where, const std::string& column,
                          const std::string& problem) {
  throw StorageError(where + ", column " + column + ": " + problem);
}

Decimal decimal(const std::string& text, const std::string& where, const std::string& column) {
  const auto value = parse_decimal(text);
  if (!value) corrupt(where, column, "\"" + text + "\" is not an exact decimal");
  return *value;
}

}  // namespace

std::string frequency_code(Frequency frequency) {
  switch (frequency) {
    case Frequency::quarterly:
      return "quarterly";
    case Frequency::half_yearly:
      return "half_yearly";
    case Frequency::yearly:
      return "yearly";
  }
  return "?";
}

Frequency frequency_from_code(std::string_view code, const std::string& where) {
  for (auto f : {Frequency::quarterly, Frequency::half_yearly, Frequency::yearly}) {
    if (frequency_code(f) == code) return f;
  }
  corrupt(where, "frequency", "unknown \"" + std::string(code) + "\"");
}

SampleColumns to_columns(const SampleRule& rule) {
  SampleColumns out;
  if (const auto* fixed = std::get_if<FixedSampleRule>(&rule)) {
    out.kind = "fixed";
    out.per_center = fixed->per_center;
    out.per_center_set = soci::i_ok;
  } else if (const auto* percent = std::get_if<PercentSampleRule>(&rule)) {
    out.kind = "percent";
    out.percent = percent->percent.to_string();
    out.min = percent->min;
    out.max = percent->max;
    out.percent_set = out.min_set = out.max_set = soci::i_ok;
  } else {
    const auto& stat = std::get<StatisticalSampleRule>(rule);
    out.kind = "statistical";
    out.tolerable = stat.tolerable.to_string();
    out.expected = stat.expected.to_string();
    out.confidence = stat.confidence.to_string();
    out.likelihood = to_string(stat.likelihood);
    out.tolerable_set = out.expected_set = out.confidence_set = out.likelihood_set = soci::i_ok;
  }
  return out;
}

SampleRule from_columns(const SampleColumns& c, const std::string& where) {
  // The CHECK constraints of wheel_entries guarantee the columns of the row's kind are set.
  if (c.kind == "fixed") return FixedSampleRule{c.per_center};
  if (c.kind == "percent") {
    return PercentSampleRule{decimal(c.percent, where, "percent_value"), c.min, c.max};
  }
  if (c.kind == "statistical") {
    const auto likelihood = parse_likelihood(c.likelihood);
    if (!likelihood) corrupt(where, "stat_likelihood", "unknown \"" + c.likelihood + "\"");
    return StatisticalSampleRule{decimal(c.tolerable, where, "stat_tolerable"),
                                 decimal(c.expected, where, "stat_expected"),
                                 decimal(c.confidence, where, "stat_confidence"), *likelihood};
  }
  corrupt(where, "sample_rule", "unknown kind \"" + c.kind + "\"");
}

GoalColumns to_goal_columns(const std::optional<StrategicGoal>& goal) {
  GoalColumns columns;
  if (!goal) return columns;
  columns.baseline_year = goal->baseline_year;
  columns.target_year = goal->target_year;
  columns.reduction = goal->reduction.to_string();
  columns.baseline_set = columns.target_set = columns.reduction_set = soci::i_ok;
  return columns;
}

std::optional<StrategicGoal> from_goal_columns(const GoalColumns& columns,
                                               const std::string& where) {
  const int set = (columns.baseline_set == soci::i_ok) + (columns.target_set == soci::i_ok) +
                  (columns.reduction_set == soci::i_ok);
  if (set == 0) return std::nullopt;
  if (set != 3) {
    corrupt(where, "goal_baseline_year/goal_target_year/goal_reduction",
            "all three must be set or all three NULL");
  }
  return StrategicGoal{columns.baseline_year, columns.target_year,
                       decimal(columns.reduction, where, "goal_reduction")};
}

}  // namespace sagsaudit::storage
