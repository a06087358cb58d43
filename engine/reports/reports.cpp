#include "reports/reports.hpp"

#include <algorithm>

#include "domain/errors.hpp"

namespace sagsaudit {
namespace {

void neutralise(AnswerCounts& answers) {
  answers.error += answers.not_assessable;
}

void neutralise(CaseTally& cases) {
  cases.with_error += cases.correct_and_not_assessable + cases.not_assessable_only;
  cases.correct_and_not_assessable = 0;
  cases.not_assessable_only = 0;
}

LightFigure light_figure(const Tally& neutral, const Thresholds& thresholds, std::int64_t pending) {
  const ScoringRules rules{thresholds, false};
  LightFigure out;
  out.reviews = neutral.reviews;
  out.pending = pending;
  out.overall = category_figures(neutral.overall, rules);
  for (const Category c : {Category::key_control, Category::quality_goal, Category::formality}) {
    out.categories[static_cast<std::size_t>(c)] = category_figures(neutral.category(c), rules);
  }
  return out;
}

// The round whose period ends last: its årshjul gives the bands, centers and goal of a report.
const RoundCells& newest(const std::vector<RoundCells>& rounds) {
  return *std::max_element(rounds.begin(), rounds.end(), [](const auto& a, const auto& b) {
    return std::chrono::sys_days{a.round.period.last_day()} <
           std::chrono::sys_days{b.round.period.last_day()};
  });
}

std::string benefit_name(const AnnualWheel& wheel, const std::string& code) {
  const WheelEntry* entry = wheel.find_entry(code);
  return entry ? entry->name : code;
}

std::optional<GoalStatus> status_of(const std::optional<StrategicGoal>& goal,
                                    const std::vector<RoundCells>& baseline,
                                    const std::vector<RoundCells>& current,
                                    const std::string& center) {
  if (!goal) return std::nullopt;
  return goal_status(*goal, summed_error_share(baseline, center),
                     summed_error_share(current, center));
}

}  // namespace

Tally rule_neutral_tally(const Tally& tally, bool not_assessable_is_error) {
  if (!not_assessable_is_error) return tally;
  Tally out = tally;
  for (auto& control : out.controls) neutralise(control.answers);
  for (auto& category : out.categories) {
    neutralise(category.answers);
    neutralise(category.cases);
  }
  neutralise(out.overall.answers);
  neutralise(out.overall.cases);
  return out;
}

OverviewReport build_overview(storage::Database& db, const OverviewQuery& query) {
  // Counts per category only, from the report summaries (docs/reports.md, "Speed").
  const auto rounds =
      load_round_cells(db, RoundQuery{query.period, query.year, std::nullopt, false, false});
  const std::string label =
      query.period ? query.period->to_string() : std::to_string(query.year.value_or(0));
  if (rounds.empty()) throw NotFound("ingen runder med sagsgennemgange i " + label);
  const AnnualWheel& wheel = newest(rounds).wheel;

  OverviewReport report;
  report.label = label;
  report.thresholds = wheel.thresholds;
  report.goal = wheel.strategic_goal;
  for (const auto& center : wheel.centers) report.centers.push_back({center.code, center.name});
  for (const auto& entry : wheel.entries) {
    const bool reviewed = std::any_of(rounds.begin(), rounds.end(), [&](const RoundCells& r) {
      return r.round.benefit_type == entry.benefit_type;
    });
    if (reviewed) report.benefit_types.push_back({entry.benefit_type, entry.name});
  }
  // A ydelsestype of an older årshjul that the newest no longer has still gets its column.
  for (const auto& r : rounds) {
    const bool listed =
        std::any_of(report.benefit_types.begin(), report.benefit_types.end(),
                    [&](const NamedCode& b) { return b.code == r.round.benefit_type; });
    if (!listed) {
      report.benefit_types.push_back(
          {r.round.benefit_type, benefit_name(r.wheel, r.round.benefit_type)});
    }
  }

  const std::size_t centers = report.centers.size(), types = report.benefit_types.size();
  std::vector<std::vector<Tally>> cell_tallies(centers, std::vector<Tally>(types));
  std::vector<std::vector<std::int64_t>> pending(centers, std::vector<std::int64_t>(types, 0));
  for (const auto& r : rounds) {
    std::size_t b = 0;
    while (report.benefit_types[b].code != r.round.benefit_type) ++b;
    for (std::size_t c = 0; c < centers; ++c) {
      const std::string& code = report.centers[c].code;
      if (const Cell* cell = find_cell(r, code)) {
        cell_tallies[c][b] += rule_neutral_tally(cell->tally, r.rules.not_assessable_is_error);
      }
      if (const auto it = r.pending.find(code); it != r.pending.end()) {
        pending[c][b] += it->second;
      }
    }
  }
  Tally everything;
  std::int64_t all_pending = 0;
  std::vector<Tally> per_type(types);
  std::vector<std::int64_t> per_type_pending(types, 0);
  report.cells.resize(centers);
  for (std::size_t c = 0; c < centers; ++c) {
    Tally center_total;
    std::int64_t center_pending = 0;
    for (std::size_t b = 0; b < types; ++b) {
      report.cells[c].push_back(light_figure(cell_tallies[c][b], wheel.thresholds, pending[c][b]));
      center_total += cell_tallies[c][b];
      center_pending += pending[c][b];
      per_type[b] += cell_tallies[c][b];
      per_type_pending[b] += pending[c][b];
    }
    report.center_totals.push_back(light_figure(center_total, wheel.thresholds, center_pending));
    everything += center_total;
    all_pending += center_pending;
  }
  for (std::size_t b = 0; b < types; ++b) {
    report.forvaltning.push_back(light_figure(per_type[b], wheel.thresholds, per_type_pending[b]));
  }
  report.total = light_figure(everything, wheel.thresholds, all_pending);

  if (report.goal) {
    const auto baseline = load_round_cells(
        db, RoundQuery{std::nullopt, report.goal->baseline_year, std::nullopt, false, false});
    for (const auto& center : report.centers) {
      report.center_goals.push_back(status_of(report.goal, baseline, rounds, center.code));
    }
    report.forvaltning_goal = status_of(report.goal, baseline, rounds, "");
  } else {
    report.center_goals.assign(centers, std::nullopt);
  }
  return report;
}

CenterReport build_center_report(storage::Database& db, const std::string& center,
                                 const Period& period) {
  const auto rounds = load_round_cells(
      db, RoundQuery{period, std::nullopt, std::nullopt, true, true});  // with the error cases
  if (rounds.empty()) {
    throw NotFound("ingen runder med sagsgennemgange i " + period.to_string());
  }
  const AnnualWheel& wheel = newest(rounds).wheel;
  CenterReport report;
  report.period = period.to_string();
  report.thresholds = wheel.thresholds;
  report.goal = wheel.strategic_goal;
  Tally total;
  std::int64_t total_pending = 0;
  for (const auto& r : rounds) {
    const Cell* cell = find_cell(r, center);
    if (!cell) continue;
    if (report.center.code.empty()) {
      const Center* known = r.wheel.find_center(center);
      report.center = {center, known ? known->name : center};
    }
    CenterSection section;
    section.round_id = r.round.id;
    section.benefit_type = {r.round.benefit_type, benefit_name(r.wheel, r.round.benefit_type)};
    section.rules = r.rules;
    section.center = figures(cell->tally, r.rules);
    section.forvaltning = figures(sagsaudit::total(r.cells, {}), r.rules);
    if (const auto it = r.pending.find(center); it != r.pending.end()) section.pending = it->second;
    for (const auto& c : r.error_cases) {
      if (c.center == center) section.error_cases.push_back(c);
    }
    section.concept_version = r.concept_.version;
    total += rule_neutral_tally(cell->tally, r.rules.not_assessable_is_error);
    total_pending += section.pending;
    report.sections.push_back(std::move(section));
  }
  if (report.sections.empty()) {
    throw NotFound("centret " + center + " findes ikke i årshjulet for runderne i " +
                   period.to_string());
  }
  report.total = light_figure(total, wheel.thresholds, total_pending);
  if (report.goal) {
    const auto baseline = load_round_cells(
        db, RoundQuery{std::nullopt, report.goal->baseline_year, std::nullopt, false, false});
    report.goal_status = status_of(report.goal, baseline, rounds, center);
  }
  return report;
}

ErrorStatisticsReport build_error_statistics(storage::Database& db,
                                             const std::optional<std::string>& center,
                                             const Period& period) {
  const auto rounds =
      load_round_cells(db, RoundQuery{period, std::nullopt, std::nullopt, true, false});
  if (rounds.empty()) {
    throw NotFound("ingen runder med sagsgennemgange i " + period.to_string());
  }
  ErrorStatisticsReport report;
  report.period = period.to_string();
  auto tally_of = [&](const RoundCells& r) -> std::optional<Tally> {
    if (!center) return sagsaudit::total(r.cells, {});
    const Cell* cell = find_cell(r, *center);
    if (!cell) return std::nullopt;
    return cell->tally;
  };
  for (const auto& r : rounds) {
    const auto tally = tally_of(r);
    if (!tally) continue;
    if (center && !report.center) {
      const Center* known = r.wheel.find_center(*center);
      report.center = NamedCode{*center, known ? known->name : *center};
    }
    // Every earlier round of the ydelsestype, for the previous period and the trend.
    const auto history_rounds = load_round_cells(
        db, RoundQuery{std::nullopt, std::nullopt, r.round.benefit_type, true, false});
    std::vector<PeriodTally> history;
    std::vector<std::string> history_ids;
    for (const auto& h : history_rounds) {
      if (const auto t = tally_of(h)) {
        history.push_back(PeriodTally{h.round.period, *t, h.rules.not_assessable_is_error});
        history_ids.push_back(h.round.id);
      }
    }
    const PeriodTally current{period, *tally, r.rules.not_assessable_is_error};
    const Period before = period_before(period);
    const PeriodTally* previous = nullptr;
    ErrorStatisticsSection section;
    for (std::size_t i = 0; i < history.size(); ++i) {
      if (history[i].period == before) {
        previous = &history[i];
        section.previous_round_id = history_ids[i];
      }
    }
    section.round_id = r.round.id;
    section.benefit_type = {r.round.benefit_type, benefit_name(r.wheel, r.round.benefit_type)};
    section.rows = rank_controls_by_error_share(current, previous);
    section.trend = error_trend(history, period, 8);
    report.sections.push_back(std::move(section));
  }
  if (report.sections.empty()) {
    throw NotFound("centret " + center.value_or("") + " findes ikke i årshjulet for runderne i " +
                   period.to_string());
  }
  return report;
}

}  // namespace sagsaudit
