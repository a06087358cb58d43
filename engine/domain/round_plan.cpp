#include "domain/round_plan.hpp"

#include <algorithm>

namespace sagsaudit {

std::string round_id(std::string_view benefit_type, const Period& period) {
  return std::string(benefit_type) + "-" + period.to_string();
}

std::vector<PlannedRound> plan_rounds(const AnnualWheel& wheel, int year) {
  std::vector<PlannedRound> rounds;
  for (const auto& entry : wheel.entries) {
    for (const auto& period : periods_of_year(year, entry.frequency)) {
      const Date opens = add_days(period.last_day(), 1);
      const Date closes = add_days(opens, wheel.window_days_for(entry) - 1);
      rounds.push_back(PlannedRound{round_id(entry.benefit_type, period), &entry, period, opens,
                                    closes});
    }
  }
  // Stable, so that rounds opening the same day keep the årshjul's order of ydelsestyper.
  std::stable_sort(rounds.begin(), rounds.end(), [](const PlannedRound& a, const PlannedRound& b) {
    return std::chrono::sys_days{a.window_opens} < std::chrono::sys_days{b.window_opens};
  });
  return rounds;
}

}  // namespace sagsaudit
