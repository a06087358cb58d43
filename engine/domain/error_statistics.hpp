#pragma once
// Fejlstatistik: which controls fail most, how that changed since the previous period, and the
// trend over the last eight periods. Error share = fejl / (korrekt + fejl), with kan ikke
// vurderes among the fejl when the årshjul of that period said so — the complement of percent
// correct, on the same counts (scoring.hpp).
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "domain/fraction.hpp"
#include "domain/period.hpp"
#include "domain/scoring.hpp"

namespace sagsaudit {

// The counts of one period (for one center, or a total) with the rule of the årshjul version that
// period's rounds used, so that an old period is never recounted under a newer rule.
struct PeriodTally {
  Period period;
  Tally tally;
  bool not_assessable_is_error = false;
};

// The period of the same frequency just before: 2027-K1 → 2026-K4, 2027-H1 → 2026-H2,
// 2027 → 2026.
Period period_before(const Period& period);
// The `count` periods of the same frequency ending with `last`, oldest first.
// Throws std::invalid_argument when count < 1.
std::vector<Period> periods_ending_with(const Period& last, int count);

// An exact share as a fraction (0 when there is no data: callers check has_data first).
Fraction as_fraction(const Proportion& proportion);

// (a − b) in percentage points, exactly: 100 · (a.part/a.whole − b.part/b.whole).
// nullopt when either has no data.
std::optional<Fraction> change_in_points(const Proportion& now, const Proportion& before);

struct ControlErrorRow {
  // 1-based place in the ranking; nullopt for a control with no counted answers, which is listed
  // after all ranked ones, in concept order.
  std::optional<int> rank;
  std::string control_id;
  Category category = Category::formality;
  Proportion error_share;              // fejl of counted, this period
  std::optional<int> percent;          // error_share rounded half up (ingen data: nullopt)
  std::optional<Proportion> previous;  // the previous period's error share, when given and present
  std::optional<int> previous_percent;
  // Exact change in percentage points (now − before); nullopt unless both have data.
  std::optional<Fraction> change_points;
  // percent − previous_percent: the change between the two whole percents shown, so that a
  // report's columns add up ("12 %", "10 %", "−2"); the exact change may round differently.
  std::optional<int> shown_change_points;
};

// The controls of `current.tally`, highest error share first; equal shares (compared exactly,
// 1/4 = 2/8) keep the tally's order, which is the concept's order. `previous`, when given, is
// matched by control id and category and gives the change; it is the caller's choice which period
// that is (normally period_before(current.period)).
std::vector<ControlErrorRow> rank_controls_by_error_share(const PeriodTally& current,
                                                          const PeriodTally* previous = nullptr);

// One line of a trend chart: the error share in each period, oldest first; a period with no data
// has whole = 0 (a gap in the chart, not a zero).
struct TrendSeries {
  std::string key;  // control id, category code ("key_control", …) or "overall"
  std::vector<Proportion> points;
};

struct ErrorTrend {
  std::vector<Period> periods;  // oldest first
  TrendSeries overall;
  std::array<TrendSeries, 3> categories;  // indexed by Category
  // Every control that has a row in any of the periods: those of the newest period first, in its
  // order, then controls only older periods have (a control dropped from a new concept version).
  std::vector<TrendSeries> controls;
};

// The trend over the `length` periods ending with `last` (eight by default, as issue 5 asks).
// `history` may hold any periods; those not among the trend's periods are ignored, and a trend
// period missing from it is a gap. Throws std::invalid_argument when a period occurs twice in
// history (the caller should have added the tallies) or length < 1.
ErrorTrend error_trend(const std::vector<PeriodTally>& history, const Period& last, int length = 8);

}  // namespace sagsaudit
