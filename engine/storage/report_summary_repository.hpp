#pragma once
// The report summaries (migration 9): per round × center the counts of its counted reviews
// (indsendt or godkendt), as domain/scoring.hpp's Tally holds them, so a report over many rounds
// reads a few rows per round instead of every answer. The repository stores and reads counts;
// engine/reports/report_summaries.hpp decides when to recount and does the counting.
#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "domain/review_state.hpp"
#include "domain/scoring.hpp"
#include "storage/database.hpp"

namespace sagsaudit::storage {

// The stored counts of one round × center.
struct StoredCell {
  std::string round_id;
  std::string center;
  // reviews, categories and overall; controls (each with its answers, category left at its
  // default) only when asked for, in no particular order.
  Tally tally;
};

// How many reviews of a round and center are in a state.
struct ReviewStateCount {
  std::string round_id;
  std::string center;
  ReviewState state = ReviewState::assigned;
  std::int64_t count = 0;
};

// Every method throws StorageError when the database refuses. Writes join the caller's
// Transaction when one is open.
class ReportSummaryRepository {
 public:
  virtual ~ReportSummaryRepository() = default;

  // Those of `round_ids` whose summaries are complete (mark_complete was called).
  virtual std::set<std::string> complete_rounds(const std::vector<std::string>& round_ids) = 0;

  // Makes `tally` the stored counts of the round × center (nothing stored when it has no
  // reviews). Controls are stored by id with their answers.
  virtual void replace_cell(std::string_view round_id, std::string_view center,
                            const Tally& tally) = 0;

  // Removes every cell of the round (before a recount of the whole round).
  virtual void clear_round(std::string_view round_id) = 0;

  // Records that every center of the round has its cell stored.
  virtual void mark_complete(std::string_view round_id, const std::string& at) = 0;

  // The stored cells of the rounds, in one query (two with controls).
  virtual std::vector<StoredCell> load_cells(const std::vector<std::string>& round_ids,
                                             bool with_controls) = 0;

  // The number of reviews per round, center and state (from case_reviews) for the reviews in
  // one of `states`, in one query (over the index on round and state).
  virtual std::vector<ReviewStateCount> review_state_counts(
      const std::vector<std::string>& round_ids, const std::vector<ReviewState>& states) = 0;
};

// REQUIRES: db outlives the repository and has been migrated.
std::unique_ptr<ReportSummaryRepository> make_report_summary_repository(Database& db);

}  // namespace sagsaudit::storage
