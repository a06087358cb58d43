#pragma once
// The reports of issue 5 as data: the overview (centers × ydelsestyper, each cell a light), the
// center report, and the fejlstatistik. The CLI renders them as text, CSV and JSON; the web API
// will serve the same structures. Every figure comes from the domain (scoring.hpp and friends);
// nothing here computes a percentage itself.
//
// Totals over rounds (a year, a center across ydelsestyper, the forvaltning) add counts, never
// percentages. When the rounds added used different kan-ikke-vurderes rules, each round's counts
// are first expressed under the rule "counted apart" (rule_neutral_tally), so every round keeps
// its own rule in the total; the bands of the newest round's årshjul colour the total.
#include <optional>
#include <string>
#include <vector>

#include "domain/error_statistics.hpp"
#include "domain/scoring.hpp"
#include "domain/strategic_goal.hpp"
#include "reports/report_data.hpp"
#include "storage/database.hpp"

namespace sagsaudit {

// The counts of `tally` re-expressed so that figures(result, {thresholds, false}) equals
// figures(tally, {thresholds, not_assessable_is_error}): with the rule on, kan ikke vurderes
// answers are added to fejl (and still shown apart), and cases whose only flaw is kan ikke
// vurderes count as cases with a fejl.
Tally rule_neutral_tally(const Tally& tally, bool not_assessable_is_error);

// One figure as a report shows it: overall percent correct with light, interval and mark, and
// fejlfri sager; `reviews` counted and `pending` not yet submitted.
struct LightFigure {
  std::int64_t reviews = 0;
  std::int64_t pending = 0;
  CategoryFigures overall;
  std::array<CategoryFigures, 3> categories;  // by Category
};

struct NamedCode {
  std::string code;
  std::string name;
};

struct OverviewReport {
  std::string label;  // the period ("2027-K1") or the year ("2027")
  Thresholds thresholds;
  std::vector<NamedCode> centers;        // of the newest round's årshjul, in its order
  std::vector<NamedCode> benefit_types;  // those with reviewed rounds, in the årshjul's order
  std::vector<std::vector<LightFigure>> cells;  // [center][benefit type]
  std::vector<LightFigure> center_totals;       // per center, all ydelsestyper
  std::vector<LightFigure> forvaltning;         // per ydelsestype, all centers
  LightFigure total;                            // everything
  std::optional<StrategicGoal> goal;
  std::vector<std::optional<GoalStatus>> center_goals;  // per center; nullopt without a goal
  std::optional<GoalStatus> forvaltning_goal;
};

struct OverviewQuery {
  std::optional<Period> period;
  std::optional<int> year;
};
// NotFound when no round of the period/year has reviews.
OverviewReport build_overview(storage::Database& db, const OverviewQuery& query);

struct CenterSection {
  std::string round_id;
  NamedCode benefit_type;
  ScoringRules rules;
  Figures center;       // the center's cell
  Figures forvaltning;  // all centers of the round, for comparison
  std::int64_t pending = 0;
  std::vector<CaseWithErrors> error_cases;  // of this center
  std::string concept_version;
};

struct CenterReport {
  NamedCode center;
  std::string period;
  Thresholds thresholds;
  std::vector<CenterSection> sections;  // per ydelsestype reviewed in the period
  LightFigure total;                    // the center across ydelsestyper
  std::optional<StrategicGoal> goal;
  std::optional<GoalStatus> goal_status;
};

// NotFound when no round of the period has reviews, or the center is not in its årshjul.
CenterReport build_center_report(storage::Database& db, const std::string& center,
                                 const Period& period);

struct ErrorStatisticsSection {
  std::string round_id;
  NamedCode benefit_type;
  std::optional<std::string> previous_round_id;
  std::vector<ControlErrorRow> rows;
  ErrorTrend trend;  // the last eight periods of the ydelsestype's frequency
};

struct ErrorStatisticsReport {
  std::optional<NamedCode> center;  // nullopt: the forvaltning
  std::string period;
  std::vector<ErrorStatisticsSection> sections;
};

ErrorStatisticsReport build_error_statistics(storage::Database& db,
                                             const std::optional<std::string>& center,
                                             const Period& period);

}  // namespace sagsaudit
