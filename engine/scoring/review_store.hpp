#pragma once
// Internal to engine/scoring: the one place that writes a review's answers, its state and the
// audit entries for both, shared by saving, submitting and the bulk import.
#include <string>
#include <vector>

#include "domain/answer.hpp"
#include "domain/concept.hpp"
#include "domain/errors.hpp"
#include "domain/review_state.hpp"
#include "storage/case_review_repository.hpp"
#include "storage/database.hpp"

namespace sagsaudit::scoring_detail {

std::string review_name(const std::string& round_id, const std::string& case_number);

// ConflictError with the message users see when the version moved on.
ConflictError version_conflict(const std::string& round_id, const std::string& case_number,
                               int stored_version, int expected_version);

// The issues of comments that hold a CPR number (field = control id).
std::vector<Issue> cpr_issues(const std::vector<ControlAnswer>& answers);

struct Applied {
  storage::CaseReview review;
  int changed_answers = 0;
};

// Replaces the review's answers with `answers`, moves it through `steps` (each checked by the
// state machine), stores it with a compare-and-set on review.version, and audits. Writes nothing
// when there is neither a changed answer nor a step. The answers must have been validated.
// When the review counts in the reports before or after, its report summary cell is recounted
// (reports/report_summaries.hpp), unless `refresh_summary` is false: then the caller must call
// refresh_report_cell for the review's round and center before its transaction ends.
// REQUIRES: a Transaction is open on db.
Applied apply_review_change(storage::Database& db, storage::CaseReview review,
                            const Concept& concept_, const std::vector<ControlAnswer>& answers,
                            const std::vector<ReviewState>& steps, const std::string& actor,
                            const std::string& at, bool refresh_summary = true);

}  // namespace sagsaudit::scoring_detail
