#pragma once
// Moving a case review to its next state (domain/review_state.hpp): checks the state machine and
// the version the caller saw, stores the change and writes the audit log entry, in one
// transaction. The review UI (web) and tests go through here.
#include <string>
#include <string_view>

#include "domain/review_state.hpp"
#include "storage/case_review_repository.hpp"
#include "storage/database.hpp"

namespace sagsaudit {

// `expected_version` is the version the caller read; ConflictError when it changed meanwhile
// or the transition is not allowed, ValidationError when a return has no reason, NotFound when
// there is no such review. Joins the caller's Transaction when one is open.
storage::CaseReview transition_review(storage::Database& db, std::string_view round_id,
                                      std::string_view case_number, ReviewState to,
                                      int expected_version, const std::string& actor,
                                      const std::string& at, const std::string& return_reason = "");

}  // namespace sagsaudit
