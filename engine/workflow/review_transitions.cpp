#include "workflow/review_transitions.hpp"

#include "domain/errors.hpp"
#include "reports/report_summaries.hpp"
#include "storage/audit_log.hpp"
#include "workflow/json_text.hpp"
#include "workflow/own_transaction.hpp"

namespace sagsaudit {

storage::CaseReview transition_review(storage::Database& db, std::string_view round_id,
                                      std::string_view case_number, ReviewState to,
                                      int expected_version, const std::string& actor,
                                      const std::string& at, const std::string& return_reason) {
  workflow_detail::OwnTransaction transaction(db);
  auto reviews = storage::make_case_review_repository(db);
  const std::string name = std::string(round_id) + "/" + std::string(case_number);
  auto review = reviews->find(round_id, case_number);
  if (!review) throw NotFound("sagsgennemgangen " + name + " findes ikke");
  if (review->version != expected_version) {
    throw ConflictError("sagsgennemgangen " + name + " er ændret af en anden imens (version " +
                        std::to_string(review->version) + ", ikke " +
                        std::to_string(expected_version) + "); hent den igen");
  }
  check_review_transition(name, review->state, to, return_reason);
  const ReviewState from = review->state;
  auto audit = storage::make_audit_log(db);
  audit->hold();  // before the review's row: AuditLog::hold says why
  review->state = to;
  if (to == ReviewState::returned) review->return_reason = return_reason;
  const auto stored = reviews->update(*review, at);
  // A review entering or leaving the reports changes its center's summary cell.
  if (counts_in_reports(from) != counts_in_reports(to)) {
    refresh_report_cell(db, stored.round_id, stored.center, at);
  }
  const std::string details =
      to == ReviewState::returned ? json_object({{"begrundelse", return_reason}}) : "{}";
  audit->append(storage::AuditRecord{at, actor, "review.transition", "case_review", name,
                                     state_code(from), state_code(to), details});
  transaction.done();
  return stored;
}

}  // namespace sagsaudit
