#pragma once
// The life of one case review (sagsgennemgang):
//   tildelt → i gang → indsendt → godkendt,
//   and from indsendt back to the reviewer: returneret (with a reason) → i gang → indsendt …
// Which steps are allowed is decided here, once, for the CLI, the web API and tick alike.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sagsaudit {

enum class ReviewState {
  assigned,     // tildelt
  in_progress,  // i gang
  submitted,    // indsendt
  approved,     // godkendt
  returned,     // returneret
};

// Stored code ("assigned", "in_progress", …) and back.
std::string state_code(ReviewState state);
std::optional<ReviewState> parse_review_state(std::string_view code);
// Danish label ("tildelt", "i gang", …); parse_review_state also reads it.
std::string danish_label(ReviewState state);

// The states a review may go to next from `from`, in the order above.
std::vector<ReviewState> allowed_next(ReviewState from);

// Whether the reviewer still owes work: tildelt, i gang or returneret. Such a review becomes
// overdue when its deadline passes.
bool awaits_reviewer(ReviewState state);

// Throws ConflictError when from → to is not allowed, naming the review (e.g.
// "sygedagpenge-2027-K3/S-0042"), its current state and the allowed next ones. A return
// (→ returneret) also needs a reason: ValidationError when `return_reason` is blank.
void check_review_transition(std::string_view review, ReviewState from, ReviewState to,
                             std::string_view return_reason = {});

}  // namespace sagsaudit
