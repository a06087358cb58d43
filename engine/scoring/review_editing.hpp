#pragma once
// What a kvalitetskoordinator does with one sagsgennemgang (issue 5): save the answers as a
// draft, submit them, and what a leader does next: approve, or return with a reason. Each call is
// one transaction (joining the caller's when one is open) that
//   - checks the version the caller read (a second save based on the same version gets
//     ConflictError "gennemgangen … er ændret af en anden (version N, du havde M)"),
//   - checks the answers against the round's concept version (domain/review_answers.hpp),
//   - moves the review through the state machine (domain/review_state.hpp), and
//   - writes the audit log: one review.transition entry per state step and one review.answers
//     entry listing every changed answer with its old and new value.
#include <string>
#include <vector>

#include "domain/answer.hpp"
#include "domain/concept.hpp"
#include "storage/case_review_repository.hpp"
#include "storage/database.hpp"
#include "storage/review_answer_repository.hpp"

namespace sagsaudit {

struct ReviewView {
  storage::CaseReview review;
  Concept concept_;                            // the version the round recorded
  std::vector<storage::StoredAnswer> answers;  // in the concept's order
};

// NotFound when the review does not exist; StorageError when its round's concept is missing.
ReviewView load_review(storage::Database& db, const std::string& round_id,
                       const std::string& case_number);

struct SaveOutcome {
  storage::CaseReview review;  // as stored (its new version)
  int changed_answers = 0;     // answers added, changed or removed
};

// Makes `answers` the review's answers (a control missing from them loses its answer): any
// subset of the concept's controls is allowed, each valid as the domain says for a draft.
// tildelt and returneret become i gang. Nothing is written (and the version stays) when neither
// an answer nor the state changes.
// Throws ValidationError (every problem; Issue::field is the control id), ConflictError (another
// version, or the review is indsendt or godkendt), NotFound.
SaveOutcome save_review_draft(storage::Database& db, const std::string& round_id,
                              const std::string& case_number,
                              const std::vector<ControlAnswer>& answers, int expected_version,
                              const std::string& actor, const std::string& at);

// i gang → indsendt, provided every control of the concept is answered (ValidationError naming
// each one missing).
storage::CaseReview submit_review(storage::Database& db, const std::string& round_id,
                                  const std::string& case_number, int expected_version,
                                  const std::string& actor, const std::string& at);

// indsendt → godkendt.
storage::CaseReview approve_review(storage::Database& db, const std::string& round_id,
                                   const std::string& case_number, int expected_version,
                                   const std::string& actor, const std::string& at);

// indsendt → returneret, with a reason (ValidationError when blank).
storage::CaseReview return_review(storage::Database& db, const std::string& round_id,
                                  const std::string& case_number, int expected_version,
                                  const std::string& reason, const std::string& actor,
                                  const std::string& at);

// Whether two answers say the same (answer, comment, amount, period); where they were read from
// does not count.
bool same_answer(const ControlAnswer& a, const ControlAnswer& b);

}  // namespace sagsaudit
