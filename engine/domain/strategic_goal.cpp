#include "domain/strategic_goal.hpp"

#include <string>

#include "domain/error_statistics.hpp"

namespace sagsaudit {

GoalStatus goal_status(const StrategicGoal& goal, const Proportion& baseline_error_share,
                       const Proportion& current_error_share) {
  std::vector<Issue> issues = check_strategic_goal(goal);
  if (!issues.empty()) throw ValidationError(std::move(issues));
  GoalStatus status;
  status.baseline = baseline_error_share;
  status.current = current_error_share;
  if (!baseline_error_share.has_data()) return status;
  const Fraction baseline = as_fraction(baseline_error_share);
  status.target = baseline * (fraction_from_int(1) - fraction_from_decimal(goal.reduction));
  if (!current_error_share.has_data()) return status;
  const Fraction current = as_fraction(current_error_share);
  status.reached = current <= *status.target;
  const Fraction planned = baseline - *status.target;
  if (planned.numerator != 0) status.progress = (baseline - current) / planned;
  return status;
}

}  // namespace sagsaudit
