#pragma once
// The strategic goal (seed 003: "halvere andelen af fejl"): reduce the error share of a baseline
// year by a fraction by a target year. Where a center or the forvaltning stands is computed from
// two error shares (error_share in scoring.hpp, normally of Tally::overall), so the same rule
// serves both.
#include <optional>
#include <vector>

#include "domain/fraction.hpp"
#include "domain/scoring.hpp"
#include "domain/strategic_goal_spec.hpp"

namespace sagsaudit {

struct GoalStatus {
  Proportion baseline;  // error share in the baseline year
  Proportion current;   // error share now (the period or year being reported)
  // baseline · (1 − reduction), exactly; nullopt when the baseline year has no data.
  std::optional<Fraction> target;
  // current ≤ target, exactly; nullopt when either the target or the current share is unknown.
  std::optional<bool> reached;
  // How much of the planned reduction has been achieved:
  //   (baseline − current) / (baseline − target)
  // 0 = still at the baseline, 1 = at the target; below 0 is worse than the baseline, above 1 is
  // beyond the target. nullopt when a share is unknown or the baseline error share is 0 (nothing
  // to reduce; `reached` still says whether it stayed at 0).
  std::optional<Fraction> progress;
};

// REQUIRES: check_strategic_goal(goal) is empty (throws ValidationError otherwise).
GoalStatus goal_status(const StrategicGoal& goal, const Proportion& baseline_error_share,
                       const Proportion& current_error_share);

}  // namespace sagsaudit
