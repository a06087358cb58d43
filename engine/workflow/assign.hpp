#pragma once
// Assignment: the round's sampled cases become case reviews, spread over the kvalitets-
// koordinatorer by domain/assignment.hpp (evenly; never to a coordinator of the case's own
// center when the round's årshjul asks for independent review), and the round goes from
// 'stikprøve udtrukket' to 'under gennemgang'. Reassigning one case later is possible and
// logged. docs/workflow.md describes the algorithm.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "domain/assignment.hpp"
#include "storage/case_review_repository.hpp"
#include "storage/database.hpp"
#include "storage/sample_repository.hpp"

namespace sagsaudit {

struct AssignReport {
  std::string round_id;
  bool independent = false;                    // the round's årshjul's uafhaengig_tildeling
  std::vector<CaseAssignment> assignments;     // in the sample's order (center, draw order)
  std::map<std::string, int> per_coordinator;  // username → cases, every coordinator used
  Date due;                                    // the reviews' deadline (the window's last day)
};

// Assigns every sampled case of the round, in one transaction (joins the caller's when open):
// case reviews 'tildelt' due on the window's last day, an audit entry per case, a notification
// per coordinator, and the round transition to 'under gennemgang'.
// `only` names the coordinators to use (usernames); empty means every active koordinator.
// Throws NotFound (no round), ConflictError (the round is not 'stikprøve udtrukket', or has
// reviews already), ValidationError (no sample, no eligible coordinator for a case, a name in
// `only` that is not an active koordinator).
AssignReport assign_round(storage::Database& db, storage::SampleReader& samples,
                          std::string_view round_id, const std::string& actor,
                          const std::string& at, const std::vector<std::string>& only = {});

// Gives one case review to another coordinator (not one of the case's center when the round is
// independent), keeping its state; logged with the old and new coordinator, and the new one is
// notified. Throws NotFound, ConflictError (approved reviews are final; a round that is not
// under review), ValidationError (not an active koordinator, or the same one, or the case's own
// center under independence).
storage::CaseReview reassign_case(storage::Database& db, std::string_view round_id,
                                  std::string_view case_number, const std::string& to_user,
                                  const std::string& actor, const std::string& at);

}  // namespace sagsaudit
