#pragma once
// Danish display text for report figures, shared by the text, CSV, HTML and XLSX renderings so
// that every format shows the same words and rounding (the figures themselves come from the
// domain; nothing here decides a light).
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/answer.hpp"
#include "domain/error_statistics.hpp"
#include "domain/sample_protocol.hpp"
#include "domain/scoring.hpp"
#include "domain/strategic_goal.hpp"
#include "domain/traffic_light.hpp"
#include "followup/followup.hpp"
#include "reports/reports.hpp"

namespace sagsaudit::report_output {

// CSV in Danish Excel conventions: ';' between fields, a field quoted when it holds ';', '"' or
// a line break, lines ending in CRLF (the BOM is the caller's: with_bom() or the CLI's emit()).
// A field starting with = + - @, a tab or a CR gets a leading ' (no formula injection), unless
// it is a plain number ("-12", "-1.234,50", "-3 %").
std::string csv_field(const std::string& text);
std::string csv_line(const std::vector<std::string>& fields);

// The overview's rows in the order every format shows them: each center's cells and its total
// ("i alt"), then the forvaltning's cell per ydelsestype and its total. `names` gives display
// names (HTML); otherwise codes (text, CSV), with "forvaltningen" for the forvaltning.
void for_each_overview_row(
    const OverviewReport& report, bool names,
    const std::function<void(const std::string& center, const std::string& benefit_type,
                             const LightFigure& figure)>& row);

// "95 %", or "ingen data".
std::string percent_text(const std::optional<int>& percent);
// "grøn", "gul", "rød", or "—" when there is no light.
std::string light_text(const std::optional<TrafficLight>& light);
// A share in percent with `decimals` decimals and a decimal comma.
std::string share_percent(double share, int decimals);
// "90,4–96,9 %", or empty without an interval.
std::string interval_text(const std::optional<WilsonInterval>& interval);
// "8 af 10 = 80 %", or "ingen data".
std::string share_text(const Share& share);
// "*" when the sample is too small to tell green from yellow.
std::string mark(const PercentCorrect& p);
std::string thresholds_text(const Thresholds& t);
std::string points_text(const Fraction& value);
std::string fraction_percent_text(const Fraction& share);
// The strategic goal and where a center or the forvaltning stands, several lines.
std::string goal_text(const StrategicGoal& goal, const GoalStatus& status);

// What the HTML and XLSX renderings of a center report show beyond CenterReport: the report
// data carries neither comments, nor a trend, nor the protocol, and the text/CSV/JSON shapes are
// kept as they are, so the CLI fetches these only for the rich formats.
struct CenterSectionExtras {
  std::optional<ErrorTrend> trend;         // the center's fejlstatistik trend, this ydelsestype
  std::optional<SampleProtocol> protocol;  // the round's draw
  // Case number → its fejl and kan ikke vurderes answers (with the coordinator's comment).
  std::map<std::string, std::vector<ControlAnswer>> flagged;
};

inline constexpr const char* kLegend =
    "* = for få sager til at skelne grøn fra gul: 95 %-intervallet (Wilson) ligger på begge "
    "sider af grænsen.\n";

// ---- opfølgning (issue 8): the same words in every format ----------------------------------

// "31-12-2027", or "ikke fastsat".
std::string deadline_text(const std::optional<Date>& deadline);
// The handleplan's "Handlinger": the action, or "(ikke udfyldt)" while nobody has filled it in.
std::string action_text(const storage::Initiative& initiative);
// The status text of seed 001, and for an open initiative past its deadline
// " — 12 dage over fristen".
std::string initiative_status_text(const InitiativeLine& line);
// "70 % → 95 % (forbedret)", "70 % → 65 % (ikke forbedret)", "70 % → ingen data" (a next round
// without data for the control), "70 % → ingen ny runde endnu" (`next_round` false).
std::string improvement_text(const Improvement& change, bool next_round);
// "01-01-2027 – 31-03-2027", or empty.
std::string affected_period_text(const std::optional<AffectedPeriod>& period);
// The amount in Danish kroner ("1.234,50"), or "—" without one.
std::string amount_text(const std::optional<Decimal>& amount);
// The legend under the handleplan: seed 001's colours, and i gang.
inline constexpr const char* kInitiativeLegend =
    "Grøn: Initiativet er opfyldt. Gul: Initiativet forløber med nogen forsinkelse. Rød: "
    "Initiativet forløber med stor forsinkelse, risiko for manglende opfyldelse. I gang (ingen "
    "farve): fristen er ikke overskredet.";

}  // namespace sagsaudit::report_output
