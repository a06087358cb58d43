#include "domain/tick_plan.hpp"

#include <algorithm>
#include <set>
#include <tuple>

namespace sagsaudit {
namespace {

std::chrono::sys_days day(Date date) {
  return std::chrono::sys_days{date};
}

}  // namespace

TickPlan plan_tick(const TickInput& input) {
  TickPlan plan;
  const int this_year = static_cast<int>(input.today.year());

  std::set<std::string> existing;
  for (const auto& round : input.rounds) existing.insert(round.id);

  // Windows are judged over the rounds that exist after this tick's creations, so a round
  // created late (after a gap) opens and closes its window in the same tick if its days passed.
  std::vector<TickRound> all = input.rounds;
  for (int year = input.first_year; year <= this_year; ++year) {
    for (auto& planned : plan_rounds(*input.wheel, year)) {
      if (day(planned.period.first_day()) > day(input.today)) continue;
      if (existing.count(planned.id)) continue;
      const auto concept_ = input.concept_versions.find(planned.entry->benefit_type);
      if (concept_ == input.concept_versions.end()) {
        plan.skipped.push_back(Issue{"", 0, 0, planned.id,
                                     "intet kvalitetskoncept for ydelsestypen " +
                                         planned.entry->benefit_type +
                                         "; runden oprettes, når det er indlæst"});
        continue;
      }
      all.push_back(TickRound{planned.id, planned.window_opens, planned.window_closes,
                              RoundState::planned, false, false, 0, 0});
      existing.insert(planned.id);
      plan.create.push_back(RoundToCreate{std::move(planned), concept_->second});
    }
  }

  std::vector<const TickRound*> opening;
  std::vector<const TickRound*> closing;
  for (const auto& round : all) {
    if (!round.window_opened && day(round.window_opens) <= day(input.today)) {
      opening.push_back(&round);
    }
    if (!round.window_closed && day(round.window_closes) < day(input.today)) {
      closing.push_back(&round);
    }
    if (round.state == RoundState::in_review && round.reviews > 0 &&
        round.approved_reviews == round.reviews) {
      plan.close_rounds.push_back(round.id);
    }
  }
  std::sort(opening.begin(), opening.end(), [](const TickRound* a, const TickRound* b) {
    return std::make_tuple(day(a->window_opens), a->id) <
           std::make_tuple(day(b->window_opens), b->id);
  });
  std::sort(closing.begin(), closing.end(), [](const TickRound* a, const TickRound* b) {
    return std::make_tuple(day(a->window_closes), a->id) <
           std::make_tuple(day(b->window_closes), b->id);
  });
  for (const auto* round : opening) plan.open_windows.push_back(round->id);
  for (const auto* round : closing) plan.close_windows.push_back(round->id);
  std::sort(plan.close_rounds.begin(), plan.close_rounds.end());

  for (const auto& review : input.reviews) {
    if (!review.overdue && awaits_reviewer(review.state) && day(review.due) < day(input.today)) {
      plan.overdue.push_back(ReviewRef{review.round_id, review.case_number});
    }
  }
  std::sort(plan.overdue.begin(), plan.overdue.end(), [](const ReviewRef& a, const ReviewRef& b) {
    return std::tie(a.round_id, a.case_number) < std::tie(b.round_id, b.case_number);
  });
  return plan;
}

}  // namespace sagsaudit
