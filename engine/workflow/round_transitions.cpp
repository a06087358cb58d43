#include "workflow/round_transitions.hpp"

#include "domain/errors.hpp"
#include "followup/followup.hpp"
#include "storage/audit_log.hpp"
#include "storage/report_version.hpp"
#include "storage/round_repository.hpp"
#include "workflow/own_transaction.hpp"

namespace sagsaudit {

RoundState transition_round(storage::Database& db, std::string_view round_id, RoundState to,
                            const std::string& actor, const std::string& at,
                            const std::string& details_json) {
  workflow_detail::OwnTransaction transaction(db);
  auto rounds = storage::make_round_repository(db);
  const auto round = rounds->find(round_id);
  if (!round) throw NotFound("runden " + std::string(round_id) + " findes ikke");
  check_round_transition(round_id, round->state, to);
  // Compare-and-set: a concurrent transition of the same round makes this one fail with the
  // state the other left, rather than both succeeding.
  rounds->set_state(round_id, round->state, to);
  storage::make_audit_log(db)->append(storage::AuditRecord{
      at, actor, "round.transition", "round", std::string(round_id), state_code(round->state),
      state_code(to), details_json.empty() ? "{}" : details_json});
  // Every step moves the report version (storage/report_version.hpp): the reports count a
  // round's reviews still owed, and the reviews appear in the step to i gennemgang (assign_round
  // adds them in the same transaction); a round's steps are few, so all of them move it.
  storage::make_report_version(db)->bump();
  // Opfølgning (issue 8): a published round's red cells get their initiatives, in the same
  // transaction (followup/followup.hpp).
  if (to == RoundState::reported) create_round_initiatives(db, std::string(round_id), {actor, at});
  transaction.done();
  return round->state;
}

}  // namespace sagsaudit
