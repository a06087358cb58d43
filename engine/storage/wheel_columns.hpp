#pragma once
// Internal to the storage layer: how the parts of an årshjul entry that have no single SQL type
// map to wheel_entries columns. Codes are stable ASCII (the Danish words belong to the files);
// decimals are their exact text ("0.05"), so no binary rounding ever touches a rate.
#include <soci/soci-backend.h>

#include <optional>
#include <string>
#include <string_view>

#include "domain/annual_wheel.hpp"

namespace sagsaudit::storage {

// "quarterly", "half_yearly", "yearly".
std::string frequency_code(Frequency frequency);
// Throws StorageError naming `where` for an unknown code (the table was changed by hand).
Frequency frequency_from_code(std::string_view code, const std::string& where);

// The sample-rule columns of one wheel_entries row; those of the other kinds are NULL.
struct SampleColumns {
  std::string kind;  // "fixed", "percent", "statistical"
  int per_center = 0;
  soci::indicator per_center_set = soci::i_null;
  std::string percent;
  soci::indicator percent_set = soci::i_null;
  int min = 0;
  soci::indicator min_set = soci::i_null;
  int max = 0;
  soci::indicator max_set = soci::i_null;
  std::string tolerable, expected, confidence, likelihood;
  soci::indicator tolerable_set = soci::i_null, expected_set = soci::i_null,
                  confidence_set = soci::i_null, likelihood_set = soci::i_null;
};

SampleColumns to_columns(const SampleRule& rule);
// Reads back what to_columns wrote. Throws StorageError naming `where` and the column otherwise.
SampleRule from_columns(const SampleColumns& columns, const std::string& where);

// The strategic-goal columns of wheel_versions: all three NULL when the wheel has no goal.
struct GoalColumns {
  int baseline_year = 0;
  int target_year = 0;
  std::string reduction;
  soci::indicator baseline_set = soci::i_null, target_set = soci::i_null,
                  reduction_set = soci::i_null;
};

GoalColumns to_goal_columns(const std::optional<StrategicGoal>& goal);
// Throws StorageError naming `where` when only some are set or the reduction is not a decimal.
std::optional<StrategicGoal> from_goal_columns(const GoalColumns& columns,
                                               const std::string& where);

}  // namespace sagsaudit::storage
