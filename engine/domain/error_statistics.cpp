#include "domain/error_statistics.hpp"

#include <algorithm>
#include <stdexcept>

#include "domain/traffic_light.hpp"

namespace sagsaudit {
namespace {

constexpr std::array kCategories = {Category::key_control, Category::quality_goal,
                                    Category::formality};

const ControlTally* find_row(const Tally& tally, const ControlTally& like) {
  const auto it =
      std::find_if(tally.controls.begin(), tally.controls.end(), [&](const ControlTally& c) {
        return c.control_id == like.control_id && c.category == like.category;
      });
  return it == tally.controls.end() ? nullptr : &*it;
}

}  // namespace

Period period_before(const Period& period) {
  if (period.index > 1) return Period{period.year, period.frequency, period.index - 1};
  return Period{period.year - 1, period.frequency, periods_per_year(period.frequency)};
}

std::vector<Period> periods_ending_with(const Period& last, int count) {
  if (count < 1) throw std::invalid_argument("en tidsserie skal have mindst én periode");
  std::vector<Period> periods{last};
  while (static_cast<int>(periods.size()) < count) periods.push_back(period_before(periods.back()));
  std::reverse(periods.begin(), periods.end());
  return periods;
}

Fraction as_fraction(const Proportion& proportion) {
  if (!proportion.has_data()) return Fraction{};
  return make_fraction(proportion.part, proportion.whole);
}

std::optional<Fraction> change_in_points(const Proportion& now, const Proportion& before) {
  if (!now.has_data() || !before.has_data()) return std::nullopt;
  return (as_fraction(now) - as_fraction(before)) * fraction_from_int(100);
}

std::vector<ControlErrorRow> rank_controls_by_error_share(const PeriodTally& current,
                                                          const PeriodTally* previous) {
  std::vector<ControlErrorRow> rows;
  rows.reserve(current.tally.controls.size());
  for (const ControlTally& control : current.tally.controls) {
    ControlErrorRow row;
    row.control_id = control.control_id;
    row.category = control.category;
    row.error_share = error_share(control.answers, current.not_assessable_is_error);
    row.percent = whole_percent(row.error_share.part, row.error_share.whole);
    if (previous != nullptr) {
      if (const ControlTally* before = find_row(previous->tally, control)) {
        row.previous = error_share(before->answers, previous->not_assessable_is_error);
        row.previous_percent = whole_percent(row.previous->part, row.previous->whole);
        row.change_points = change_in_points(row.error_share, *row.previous);
        if (row.percent && row.previous_percent) {
          row.shown_change_points = *row.percent - *row.previous_percent;
        }
      }
    }
    rows.push_back(std::move(row));
  }
  // Stable: equal shares keep the concept's order. Controls without data go last.
  std::stable_sort(rows.begin(), rows.end(),
                   [](const ControlErrorRow& a, const ControlErrorRow& b) {
                     if (a.error_share.has_data() != b.error_share.has_data())
                       return a.error_share.has_data();
                     if (!a.error_share.has_data()) return false;
                     return as_fraction(a.error_share) > as_fraction(b.error_share);
                   });
  int place = 0;
  for (ControlErrorRow& row : rows) {
    if (row.error_share.has_data()) row.rank = ++place;
  }
  return rows;
}

ErrorTrend error_trend(const std::vector<PeriodTally>& history, const Period& last, int length) {
  ErrorTrend trend;
  trend.periods = periods_ending_with(last, length);
  // For each trend period, the history entry that holds it (or none).
  std::vector<const PeriodTally*> found(trend.periods.size(), nullptr);
  for (const PeriodTally& entry : history) {
    const auto at = std::find(trend.periods.begin(), trend.periods.end(), entry.period);
    if (at == trend.periods.end()) continue;
    const auto i = static_cast<std::size_t>(at - trend.periods.begin());
    if (found[i] != nullptr) {
      throw std::invalid_argument("perioden " + entry.period.to_string() +
                                  " forekommer mere end én gang i historikken");
    }
    found[i] = &entry;
  }
  // Controls: newest period first, so the current concept's order leads.
  std::vector<ControlTally> keys;
  for (auto it = found.rbegin(); it != found.rend(); ++it) {
    if (*it == nullptr) continue;
    for (const ControlTally& control : (*it)->tally.controls) {
      const bool known = std::any_of(keys.begin(), keys.end(), [&](const ControlTally& k) {
        return k.control_id == control.control_id && k.category == control.category;
      });
      if (!known) keys.push_back(ControlTally{control.control_id, control.category, {}});
    }
  }
  trend.overall.key = "overall";
  for (Category c : kCategories) trend.categories[static_cast<std::size_t>(c)].key = to_code(c);
  for (const ControlTally& key : keys) trend.controls.push_back(TrendSeries{key.control_id, {}});
  for (const PeriodTally* entry : found) {
    if (entry == nullptr) {
      trend.overall.points.emplace_back();
      for (TrendSeries& series : trend.categories) series.points.emplace_back();
      for (TrendSeries& series : trend.controls) series.points.emplace_back();
      continue;
    }
    const bool rule = entry->not_assessable_is_error;
    trend.overall.points.push_back(error_share(entry->tally.overall.answers, rule));
    for (Category c : kCategories) {
      trend.categories[static_cast<std::size_t>(c)].points.push_back(
          error_share(entry->tally.category(c).answers, rule));
    }
    for (std::size_t i = 0; i < keys.size(); ++i) {
      const ControlTally* row = find_row(entry->tally, keys[i]);
      trend.controls[i].points.push_back(row == nullptr ? Proportion{}
                                                        : error_share(row->answers, rule));
    }
  }
  return trend;
}

}  // namespace sagsaudit
