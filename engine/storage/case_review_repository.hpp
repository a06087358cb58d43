#pragma once
// The case reviews (sagsgennemgange, table case_reviews; migration 3): one per sampled case of a
// round, assigned to one kvalitetskoordinator. Every change increases `version`, and every change
// names the version it was based on, so two people editing the same review at once cannot
// silently overwrite each other.
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.hpp"
#include "domain/review_state.hpp"
#include "storage/database.hpp"

namespace sagsaudit::storage {

struct CaseReview {
  std::string round_id;
  std::string case_number;  // sagsnummer
  std::string center;       // the case's center code
  std::string assignee;     // username of the coordinator
  ReviewState state = ReviewState::assigned;
  std::string return_reason;  // the latest reason it was returned, "" when never
  Date due_date;              // last day to submit: the round's window_closes
  bool overdue = false;       // the due date passed while the reviewer still owed it
  int version = 1;
  std::string updated_at;  // UTC ISO 8601
};

struct ReviewFilter {
  std::optional<std::string> round_id;
  std::optional<std::string> assignee;
  std::optional<ReviewState> state;
  bool overdue_only = false;
  bool awaiting_reviewer_only = false;  // tildelt, i gang or returneret
};

// Every method throws StorageError when the database refuses. Writes join the caller's
// Transaction when one is open.
class CaseReviewRepository {
 public:
  virtual ~CaseReviewRepository() = default;

  // Inserts the review (version 1). ConflictError when the case has a review in the round.
  virtual void add(const CaseReview& review) = 0;

  virtual std::optional<CaseReview> find(std::string_view round_id,
                                         std::string_view case_number) = 0;

  // Ordered by round id, then center, then case number.
  virtual std::vector<CaseReview> list(const ReviewFilter& filter = {}) = 0;

  // Writes state, return_reason, assignee and overdue of `review` and sets version to
  // review.version + 1, provided the stored version is still review.version (compare-and-set).
  // Throws ConflictError when someone changed it meanwhile, NotFound when there is no such
  // review. Returns the stored review. Does not check the state machine or write the audit log.
  virtual CaseReview update(const CaseReview& review, const std::string& at) = 0;

  // Sets the overdue flag (tick). Leaves version alone: the flag is the scheduler's, not part of
  // what the reviewer edits, so a reviewer's save based on the version they read still works.
  // True when the flag was not set before.
  virtual bool mark_overdue(std::string_view round_id, std::string_view case_number) = 0;
};

// REQUIRES: db outlives the repository and has been migrated.
std::unique_ptr<CaseReviewRepository> make_case_review_repository(Database& db);

}  // namespace sagsaudit::storage
