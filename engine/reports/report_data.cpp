#include "reports/report_data.hpp"

#include <algorithm>
#include <set>
#include <tuple>

#include "domain/errors.hpp"
#include "reports/report_summaries.hpp"
#include "storage/case_review_repository.hpp"
#include "storage/concept_repository.hpp"
#include "storage/report_summary_repository.hpp"
#include "storage/review_answer_repository.hpp"
#include "storage/sample_repository.hpp"
#include "storage/wheel_repository.hpp"

namespace sagsaudit {
namespace {

// Puts the stored counts into `tally` (empty_tally of the round's concept): the control rows by
// id, so they keep the concept's order and categories.
void fill_from_summary(Tally& tally, Tally summary, const std::string& round_id) {
  tally.reviews = summary.reviews;
  tally.categories = summary.categories;
  tally.overall = summary.overall;
  for (const ControlTally& control : summary.controls) {
    const auto row =
        std::find_if(tally.controls.begin(), tally.controls.end(),
                     [&](const ControlTally& c) { return c.control_id == control.control_id; });
    if (row == tally.controls.end()) {
      throw StorageError("report summary of " + round_id + " has control " + control.control_id +
                         ", which its concept does not have");
    }
    row->answers = control.answers;
  }
}

}  // namespace

std::vector<RoundCells> load_round_cells(storage::Database& db, const RoundQuery& query) {
  storage::RoundFilter filter;
  if (query.period) filter.year = query.period->year;
  if (query.year) filter.year = *query.year;
  filter.benefit_type = query.benefit_type;
  std::vector<storage::Round> rounds = storage::make_round_repository(db)->list(filter);
  std::erase_if(rounds, [&](const storage::Round& r) {
    return query.period && !(r.period == *query.period);
  });
  std::sort(rounds.begin(), rounds.end(), [](const auto& a, const auto& b) {
    return std::tuple(a.benefit_type, a.period.year, a.period.index) <
           std::tuple(b.benefit_type, b.period.year, b.period.index);
  });

  auto concepts = storage::make_concept_repository(db);
  auto wheels = storage::make_wheel_repository(db);
  auto answers = storage::make_review_answer_repository(db);
  auto samples = storage::make_sample_reader(db);
  std::map<std::string, Concept> concept_cache;
  std::map<std::string, AnnualWheel> wheel_cache;
  // The round with its recorded concept and årshjul versions, no cells yet. The concept only
  // when it is needed: for the controls, or to count from the answers.
  auto start = [&](const storage::Round& round, bool with_concept) {
    RoundCells rc;
    if (with_concept && !concept_cache.count(round.concept_version)) {
      auto loaded = concepts->load(round.concept_version);
      if (!loaded) throw StorageError("concept version " + round.concept_version + " missing");
      concept_cache.emplace(round.concept_version, std::move(*loaded));
    }
    if (!wheel_cache.count(round.wheel_version)) {
      auto loaded = wheels->load(round.wheel_version);
      if (!loaded) throw StorageError("årshjul version " + round.wheel_version + " missing");
      wheel_cache.emplace(round.wheel_version, std::move(*loaded));
    }
    if (with_concept) rc.concept_ = concept_cache.at(round.concept_version);
    rc.wheel = wheel_cache.at(round.wheel_version);
    rc.rules = scoring_rules(rc.wheel);
    return rc;
  };

  // The report summaries of the rounds that have complete ones, read for all rounds at once.
  std::set<std::string> summarised, with_reviews;
  std::map<std::pair<std::string, std::string>, Tally> stored;  // by (round, center)
  std::map<std::string, std::map<std::string, std::int64_t>> stored_pending;
  if (!query.with_error_cases && !rounds.empty()) {
    auto summaries = storage::make_report_summary_repository(db);
    std::vector<std::string> ids;
    for (const auto& round : rounds) ids.push_back(round.id);
    summarised = summaries->complete_rounds(ids);
    ids.assign(summarised.begin(), summarised.end());
    for (auto& cell : summaries->load_cells(ids, query.with_controls)) {
      stored[{cell.round_id, cell.center}] = std::move(cell.tally);
    }
    // Only the reviews still owed are counted here (few, for any round but the newest); the
    // counted ones are in the summaries. A round has reviews when it has either kind.
    for (const auto& count : summaries->review_state_counts(
             ids, {ReviewState::assigned, ReviewState::in_progress, ReviewState::returned})) {
      with_reviews.insert(count.round_id);
      stored_pending[count.round_id][count.center] += count.count;
    }
    for (const auto& [key, tally] : stored) {
      if (tally.reviews > 0) with_reviews.insert(key.first);
    }
  }

  std::vector<RoundCells> out;
  for (auto& round : rounds) {
    if (summarised.count(round.id)) {
      if (!with_reviews.count(round.id)) continue;
      RoundCells rc = start(round, query.with_controls);
      rc.pending = std::move(stored_pending[round.id]);
      for (const auto& center : rc.wheel.centers) {
        const auto it = stored.find({round.id, center.code});
        Tally tally;
        if (query.with_controls) {
          tally = empty_tally(rc.concept_);
          if (it != stored.end()) fill_from_summary(tally, std::move(it->second), round.id);
        } else if (it != stored.end()) {
          tally = std::move(it->second);
        }
        rc.cells.push_back(Cell{center.code, round.benefit_type, round.period, std::move(tally)});
      }
      rc.round = std::move(round);
      out.push_back(std::move(rc));
      continue;
    }
    auto reviews = answers->round_answers(round.id, {});
    if (reviews.empty()) continue;
    RoundCells rc = start(round, true);
    std::map<std::string, std::vector<ReviewedCase>> by_center;
    for (auto& review : reviews) {
      if (!counts_in_reports(review.state)) {
        ++rc.pending[review.center];
        continue;
      }
      CaseWithErrors errors{review.center, review.case_number, "", {}, {}};
      for (const auto& control : rc.concept_.controls) {  // the concept's order
        for (const auto& a : review.answers) {
          if (a.control_id != control.id) continue;
          if (a.answer == Answer::error) errors.error_controls.push_back(a.control_id);
          if (a.answer == Answer::not_assessable) {
            errors.not_assessable_controls.push_back(a.control_id);
          }
        }
      }
      if (query.with_error_cases &&
          (!errors.error_controls.empty() || !errors.not_assessable_controls.empty())) {
        rc.error_cases.push_back(std::move(errors));
      }
      by_center[review.center].push_back(
          ReviewedCase{std::move(review.case_number), std::move(review.answers)});
    }
    if (!rc.error_cases.empty()) {
      std::map<std::string, std::string> masked;
      for (const auto& sampled : samples->sampled_cases(round.id)) {
        masked[sampled.case_number] = sampled.masked_cpr;
      }
      for (auto& c : rc.error_cases) c.masked_cpr = masked[c.case_number];
    }
    for (const auto& center : rc.wheel.centers) {
      const auto it = by_center.find(center.code);
      rc.cells.push_back(Cell{center.code, round.benefit_type, round.period,
                              it == by_center.end() ? empty_tally(rc.concept_)
                                                    : tally_reviews(rc.concept_, it->second)});
      if (!query.with_controls) rc.cells.back().tally.controls.clear();
    }
    rc.round = std::move(round);
    out.push_back(std::move(rc));
  }
  return out;
}

const Cell* find_cell(const RoundCells& round, const std::string& center) {
  for (const auto& cell : round.cells) {
    if (cell.center == center) return &cell;
  }
  return nullptr;
}

Proportion summed_error_share(const std::vector<RoundCells>& rounds, const std::string& center) {
  Proportion sum;
  for (const auto& round : rounds) {
    for (const auto& cell : round.cells) {
      if (!center.empty() && cell.center != center) continue;
      const Proportion share =
          error_share(cell.tally.overall.answers, round.rules.not_assessable_is_error);
      sum.part += share.part;
      sum.whole += share.whole;
    }
  }
  return sum;
}

}  // namespace sagsaudit
