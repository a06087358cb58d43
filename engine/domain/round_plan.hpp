#pragma once
// Which review rounds an årshjul makes for a year: every ydelsestype gets one round per period of
// its frequency. A round covers the cases decided in its period; its review window opens the day
// after the period ends and lasts the window length of the årshjul (or of the ydelsestype).
#include <string>
#include <string_view>
#include <vector>

#include "domain/annual_wheel.hpp"
#include "domain/period.hpp"

namespace sagsaudit {

struct PlannedRound {
  std::string id;  // "<ydelsestype>-<period>", e.g. "sygedagpenge-2027-K3", "delpension-2027"
  const WheelEntry* entry = nullptr;  // points into the wheel passed to plan_rounds
  Period period;
  Date window_opens;   // the day after the period's last day
  Date window_closes;  // inclusive: window_opens + window length − 1
};

std::string round_id(std::string_view benefit_type, const Period& period);

// The year's rounds, ordered by the day their window opens, then by the årshjul's order of
// ydelsestyper. REQUIRES: the wheel outlives the result (entries are pointed to, not copied).
std::vector<PlannedRound> plan_rounds(const AnnualWheel& wheel, int year);

}  // namespace sagsaudit
