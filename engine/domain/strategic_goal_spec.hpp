#pragma once
// The strategic goal as the årshjul states it ([strategisk_maal]): reduce the error share of a
// baseline year by a fraction by a target year. Kept apart from strategic_goal.hpp (where a
// center stands) so that the årshjul can hold a goal without depending on the scoring rules.
#include <vector>

#include "domain/decimal.hpp"
#include "domain/errors.hpp"

namespace sagsaudit {

struct StrategicGoal {
  int baseline_year = 0;  // basisår: the year whose error share is the starting point
  int target_year = 0;    // målår: the year by which the reduction is due
  Decimal reduction;      // reduktion: the share of the baseline error share to remove; 0.5 halves
};

// Problems with the goal, in Danish, with the proposed årshjul keys as fields: "basisaar" and
// "maalaar" within 1900–9999 and basisaar < maalaar; "reduktion" with 0 < reduktion ≤ 1.
std::vector<Issue> check_strategic_goal(const StrategicGoal& goal);

}  // namespace sagsaudit
