#include "reports/report_summaries.hpp"

#include <map>

#include "domain/errors.hpp"
#include "domain/scoring.hpp"
#include "storage/concept_repository.hpp"
#include "storage/report_summary_repository.hpp"
#include "storage/report_version.hpp"
#include "storage/review_answer_repository.hpp"
#include "storage/round_repository.hpp"
#include "workflow/own_transaction.hpp"

namespace sagsaudit {
namespace {

const std::vector<ReviewState> kCounted = {ReviewState::submitted, ReviewState::approved};

Concept concept_of(storage::Database& db, const storage::Round& round) {
  auto loaded = storage::make_concept_repository(db)->load(round.concept_version);
  if (!loaded) throw StorageError("concept version " + round.concept_version + " missing");
  return std::move(*loaded);
}

storage::Round find_round(storage::Database& db, const std::string& round_id) {
  auto round = storage::make_round_repository(db)->find(round_id);
  if (!round) throw NotFound("runden " + round_id + " findes ikke");
  return std::move(*round);
}

// The counted reviews by center, as the reports count them (tally_reviews).
std::map<std::string, Tally> tallies(const Concept& concept_,
                                     std::vector<storage::ReviewWithAnswers> reviews) {
  std::map<std::string, std::vector<ReviewedCase>> by_center;
  for (auto& review : reviews) {
    by_center[review.center].push_back(
        ReviewedCase{std::move(review.case_number), std::move(review.answers)});
  }
  std::map<std::string, Tally> out;
  for (const auto& [center, cases] : by_center) out[center] = tally_reviews(concept_, cases);
  return out;
}

void rebuild(storage::Database& db, const storage::Round& round, const std::string& at) {
  const Concept concept_ = concept_of(db, round);
  auto summaries = storage::make_report_summary_repository(db);
  summaries->clear_round(round.id);
  std::map<std::string, Tally> counted;
  try {
    counted = tallies(
        concept_, storage::make_review_answer_repository(db)->round_answers(round.id, kCounted));
  } catch (const ValidationError&) {
    // A counted review whose answers the concept refuses (only possible when a review was moved
    // to indsendt without the submit checks): the round stays without summaries, so the reports
    // count it from the answers and say what is wrong, as they did before the summaries.
    return;
  }
  for (const auto& [center, tally] : counted) summaries->replace_cell(round.id, center, tally);
  summaries->mark_complete(round.id, at);
}

}  // namespace

bool counts_in_reports(ReviewState state) {
  return state == ReviewState::submitted || state == ReviewState::approved;
}

void refresh_report_cell(storage::Database& db, const std::string& round_id,
                         const std::string& center, const std::string& at) {
  workflow_detail::OwnTransaction transaction(db);
  const storage::Round round = find_round(db, round_id);
  storage::make_report_version(db)->bump();
  auto summaries = storage::make_report_summary_repository(db);
  if (summaries->complete_rounds({round_id}).empty()) {
    rebuild(db, round, at);
  } else {
    const Concept concept_ = concept_of(db, round);
    try {
      const auto counted = tallies(
          concept_,
          storage::make_review_answer_repository(db)->center_answers(round_id, center, kCounted));
      const auto it = counted.find(center);
      summaries->replace_cell(round_id, center, it == counted.end() ? Tally{} : it->second);
    } catch (const ValidationError&) {
      summaries->clear_round(round_id);  // as in rebuild: counted from the answers instead
    }
  }
  transaction.done();
}

void rebuild_report_summaries(storage::Database& db, const std::string& round_id,
                              const std::string& at) {
  workflow_detail::OwnTransaction transaction(db);
  const storage::Round round = find_round(db, round_id);
  storage::make_report_version(db)->bump();
  rebuild(db, round, at);
  transaction.done();
}

std::size_t rebuild_all_report_summaries(storage::Database& db, const std::string& at) {
  std::size_t rebuilt = 0;
  for (const auto& round : storage::make_round_repository(db)->list()) {
    storage::Transaction transaction(db);
    storage::make_report_version(db)->bump();
    rebuild(db, round, at);
    transaction.commit();
    ++rebuilt;
  }
  return rebuilt;
}

}  // namespace sagsaudit
