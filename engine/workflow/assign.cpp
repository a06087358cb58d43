#include "workflow/assign.hpp"

#include <algorithm>

#include "domain/errors.hpp"
#include "storage/audit_log.hpp"
#include "storage/notification_repository.hpp"
#include "storage/round_repository.hpp"
#include "storage/user_repository.hpp"
#include "storage/wheel_repository.hpp"
#include "workflow/json_text.hpp"
#include "workflow/own_transaction.hpp"
#include "workflow/round_transitions.hpp"

namespace sagsaudit {
namespace {

storage::Round find_round(storage::Database& db, std::string_view round_id) {
  auto round = storage::make_round_repository(db)->find(round_id);
  if (!round) throw NotFound("runden " + std::string(round_id) + " findes ikke");
  return *round;
}

bool independent_for(storage::Database& db, const storage::Round& round) {
  const auto wheel = storage::make_wheel_repository(db)->load(round.wheel_version);
  if (!wheel) {
    throw StorageError("årshjul version " + round.wheel_version + " of round " + round.id +
                       " is missing");
  }
  return wheel->independent_assignment;
}

Coordinator as_coordinator(const storage::User& user) {
  return Coordinator{user.username, user.centers};
}

std::vector<Coordinator> chosen_coordinators(storage::Database& db,
                                             const std::vector<std::string>& only) {
  const auto active = storage::make_user_repository(db)->list(UserRole::coordinator);
  std::vector<Coordinator> out;
  if (only.empty()) {
    for (const auto& user : active) out.push_back(as_coordinator(user));
    return out;
  }
  std::vector<Issue> issues;
  for (const auto& name : only) {
    const auto it = std::find_if(active.begin(), active.end(),
                                 [&](const storage::User& u) { return u.username == name; });
    if (it == active.end()) {
      issues.push_back(
          Issue{"", 0, 0, "--coordinator", name + " er ikke en aktiv kvalitetskoordinator"});
    } else {
      out.push_back(as_coordinator(*it));
    }
  }
  if (!issues.empty()) throw ValidationError(std::move(issues));
  return out;
}

}  // namespace

AssignReport assign_round(storage::Database& db, storage::SampleReader& samples,
                          std::string_view round_id, const std::string& actor,
                          const std::string& at, const std::vector<std::string>& only) {
  workflow_detail::OwnTransaction transaction(db);
  const storage::Round round = find_round(db, round_id);
  if (round.state != RoundState::sample_drawn) {
    throw ConflictError("runden " + round.id + " er '" + danish_label(round.state) +
                        "'; sagerne kan kun fordeles, når den er '" +
                        danish_label(RoundState::sample_drawn) + "'");
  }
  auto reviews = storage::make_case_review_repository(db);
  storage::ReviewFilter of_round;
  of_round.round_id = round.id;
  if (!reviews->list(of_round).empty()) {
    throw ConflictError("runden " + round.id +
                        " har allerede tildelte sager; brug 'sagsaudit reassign' for en enkelt");
  }
  const auto sampled = samples.sampled_cases(round.id);
  if (sampled.empty()) {
    throw ValidationError("runden " + round.id + " har ingen udtrukne sager");
  }
  std::vector<AssignableCase> cases;
  for (const auto& s : sampled) cases.push_back(AssignableCase{s.case_number, s.center});

  AssignReport report;
  report.round_id = round.id;
  report.independent = independent_for(db, round);
  report.due = round.window_closes;
  report.assignments = assign_cases(cases, chosen_coordinators(db, only), report.independent);

  auto audit = storage::make_audit_log(db);
  for (const auto& a : report.assignments) {
    storage::CaseReview review;
    review.round_id = round.id;
    review.case_number = a.case_number;
    review.center = a.center;
    review.assignee = a.coordinator;
    review.state = ReviewState::assigned;
    review.due_date = round.window_closes;
    review.updated_at = at;
    reviews->add(review);
    ++report.per_coordinator[a.coordinator];
    audit->append(
        storage::AuditRecord{at, actor, "review.assign", "case_review",
                             round.id + "/" + a.case_number, "", state_code(ReviewState::assigned),
                             json_object({{"koordinator", a.coordinator}, {"center", a.center}})});
  }
  auto notifications = storage::make_notification_repository(db);
  for (const auto& [username, count] : report.per_coordinator) {
    storage::Notification n;
    n.created_at = at;
    n.recipient_user = username;
    n.kind = "assigned";
    n.round_id = round.id;
    n.text = "Du har fået " + std::to_string(count) + (count == 1 ? " sag" : " sager") +
             " i runde " + round.id + " til gennemgang. Fristen er " +
             to_danish(round.window_closes) + ".";
    notifications->add(n);
  }
  // The step also moves the report version: the new reviews count as still owed (Venter).
  transition_round(
      db, round.id, RoundState::in_review, actor, at,
      json_object({{"sager", static_cast<std::int64_t>(cases.size())},
                   {"koordinatorer", static_cast<std::int64_t>(report.per_coordinator.size())}}));
  transaction.done();
  return report;
}

storage::CaseReview reassign_case(storage::Database& db, std::string_view round_id,
                                  std::string_view case_number, const std::string& to_user,
                                  const std::string& actor, const std::string& at) {
  workflow_detail::OwnTransaction transaction(db);
  const storage::Round round = find_round(db, round_id);
  const std::string name = round.id + "/" + std::string(case_number);
  auto reviews = storage::make_case_review_repository(db);
  auto review = reviews->find(round.id, case_number);
  if (!review)
    throw NotFound("sagen " + std::string(case_number) + " er ikke tildelt i runden " + round.id);
  if (round.state != RoundState::in_review) {
    throw ConflictError("runden " + round.id + " er '" + danish_label(round.state) +
                        "'; sager kan kun omfordeles, mens den er '" +
                        danish_label(RoundState::in_review) + "'");
  }
  if (review->state == ReviewState::approved) {
    throw ConflictError("sagsgennemgangen " + name + " er godkendt og kan ikke omfordeles");
  }
  const auto user = storage::make_user_repository(db)->find(to_user);
  if (!user || !user->active || user->role != UserRole::coordinator) {
    throw ValidationError(to_user + " er ikke en aktiv kvalitetskoordinator");
  }
  if (user->username == review->assignee) {
    throw ValidationError("sagen " + std::string(case_number) + " er allerede tildelt " + to_user);
  }
  if (!may_review(as_coordinator(*user), review->center, independent_for(db, round))) {
    throw ValidationError(to_user + " hører til centret " + review->center +
                          " og må ikke gennemgå dets sager (uafhængig tildeling)");
  }
  const std::string from_user = review->assignee;
  review->assignee = user->username;
  const auto stored = reviews->update(*review, at);
  storage::make_audit_log(db)->append(
      storage::AuditRecord{at, actor, "review.reassign", "case_review", name, "", "",
                           json_object({{"fra", from_user}, {"til", user->username}})});
  storage::Notification n;
  n.created_at = at;
  n.recipient_user = user->username;
  n.kind = "assigned";
  n.round_id = round.id;
  n.text = "Du har fået sag " + std::string(case_number) + " i runde " + round.id +
           " til gennemgang. Fristen er " + to_danish(review->due_date) + ".";
  storage::make_notification_repository(db)->add(n);
  transaction.done();
  return stored;
}

}  // namespace sagsaudit
