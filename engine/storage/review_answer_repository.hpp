#pragma once
// The answers of case reviews (table review_answers, migration 5): one row per control answered
// in a sagsgennemgang. The repository stores and reads; what makes answers valid is
// domain/review_answers.hpp, and who may change them when is engine/scoring/review_editing.hpp.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "domain/answer.hpp"
#include "domain/review_state.hpp"
#include "storage/database.hpp"

namespace sagsaudit::storage {

// One stored answer with who changed it last. ControlAnswer::position is not stored.
struct StoredAnswer {
  ControlAnswer answer;
  std::string updated_at;  // UTC ISO 8601
  std::string updated_by;  // actor, as in the audit log
};

// One review of a round with its answers, for the reports.
struct ReviewWithAnswers {
  std::string case_number;
  std::string center;
  ReviewState state = ReviewState::assigned;
  std::vector<ControlAnswer> answers;  // ordered by control id (byte order)
};

// Every method throws StorageError when the database refuses. Writes join the caller's
// Transaction when one is open.
class ReviewAnswerRepository {
 public:
  virtual ~ReviewAnswerRepository() = default;

  // The answers of one review, ordered by control id (byte order); empty when none.
  virtual std::vector<StoredAnswer> load(std::string_view round_id,
                                         std::string_view case_number) = 0;

  // Makes `answers` the review's answers, atomically: controls not among them lose their
  // answer. The caller keeps updated_at/updated_by of unchanged answers as they were.
  // Does not validate and does not touch the review's version or the audit log.
  // REQUIRES: the review exists (StorageError from the foreign key otherwise); control ids are
  // unique within `answers`.
  virtual void replace(std::string_view round_id, std::string_view case_number,
                       const std::vector<StoredAnswer>& answers) = 0;

  // Every review of the round whose state is one of `states` (all reviews when empty), with its
  // answers, ordered by center, then case number. One query, however many reviews.
  virtual std::vector<ReviewWithAnswers> round_answers(std::string_view round_id,
                                                       const std::vector<ReviewState>& states) = 0;

  // The same for the reviews of one center of the round (a report summary's recount).
  virtual std::vector<ReviewWithAnswers> center_answers(std::string_view round_id,
                                                        std::string_view center,
                                                        const std::vector<ReviewState>& states) = 0;
};

// REQUIRES: db outlives the repository and has been migrated.
std::unique_ptr<ReviewAnswerRepository> make_review_answer_repository(Database& db);

}  // namespace sagsaudit::storage
