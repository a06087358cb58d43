#include "domain/strategic_goal_spec.hpp"

#include <string>

namespace sagsaudit {

std::vector<Issue> check_strategic_goal(const StrategicGoal& goal) {
  std::vector<Issue> issues;
  const auto bad_year = [](int year) { return year < 1900 || year > 9999; };
  if (bad_year(goal.baseline_year)) {
    issues.push_back(Issue{
        "", 0, 0, "basisaar",
        "basisåret skal være et årstal (1900–9999), ikke " + std::to_string(goal.baseline_year)});
  }
  if (bad_year(goal.target_year)) {
    issues.push_back(
        Issue{"", 0, 0, "maalaar",
              "målåret skal være et årstal (1900–9999), ikke " + std::to_string(goal.target_year)});
  }
  if (!bad_year(goal.baseline_year) && !bad_year(goal.target_year) &&
      goal.target_year <= goal.baseline_year) {
    issues.push_back(Issue{"", 0, 0, "maalaar",
                           "målåret (" + std::to_string(goal.target_year) +
                               ") skal ligge efter basisåret (" +
                               std::to_string(goal.baseline_year) + ")"});
  }
  if (goal.reduction.denominator <= 0 || goal.reduction <= decimal_from_int(0) ||
      decimal_from_int(1) < goal.reduction) {
    issues.push_back(Issue{"", 0, 0, "reduktion",
                           "reduktionen skal være større end 0 og højst 1 (0.5 = halvering), "
                           "ikke " +
                               goal.reduction.to_string()});
  }
  return issues;
}

}  // namespace sagsaudit
