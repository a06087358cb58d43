#include "compare/blind_access.hpp"

#include "domain/errors.hpp"
#include "storage/audit_log.hpp"
#include "storage/external_review_repository.hpp"
#include "storage/round_repository.hpp"
#include "storage/user_repository.hpp"
#include "workflow/json_text.hpp"

namespace sagsaudit {

std::string username_of_actor(const std::string& actor) {
  constexpr std::string_view prefix = "cli:";
  return actor.starts_with(prefix) ? actor.substr(prefix.size()) : actor;
}

std::optional<UserRole> role_of_actor(storage::Database& db, const std::string& actor) {
  const auto user = storage::make_user_repository(db)->find(username_of_actor(actor));
  if (!user || !user->active) return std::nullopt;
  return user->role;
}

BlindState blind_state(storage::Database& db, const std::string& round_id) {
  auto repository = storage::make_external_review_repository(db);
  BlindState state;
  state.blind = repository->blind(round_id).has_value();
  if (state.blind) {
    for (const auto& review : repository->list(round_id)) state.locked |= review.locked;
  }
  return state;
}

void require_visible(storage::Database& db, const std::string& round_id, ReviewSide side,
                     const std::string& actor, const std::string& at, const std::string& what) {
  const BlindState state = blind_state(db, round_id);
  if (!keeps_sides_apart(state)) return;
  const auto role = role_of_actor(db, actor);
  if (may_see(role, side, state)) return;
  const std::string details =
      "{\"side\":" + json_string(side == ReviewSide::municipality ? "kommune" : "revisor") +
      ",\"rolle\":" + json_string(role ? role_code(*role) : "") +
      ",\"forsoeg\":" + json_string(what) + "}";
  storage::Transaction transaction(db);
  storage::make_audit_log(db)->append(
      storage::AuditRecord{at, actor, "blind.refused", "round", round_id, "", "", details});
  transaction.commit();
  throw Forbidden(blind_refusal(round_id, role, side));
}

void mark_round_blind(storage::Database& db, const std::string& round_id, const std::string& actor,
                      const std::string& at) {
  if (!storage::make_round_repository(db)->find(round_id)) {
    throw NotFound("runden " + round_id + " findes ikke (se 'sagsaudit rounds list')");
  }
  auto repository = storage::make_external_review_repository(db);
  storage::Transaction transaction(db);
  const auto reviews = repository->list(round_id);
  if (!reviews.empty()) {
    throw ConflictError("runden " + round_id + " har allerede en revisorgennemgang (" +
                        reviews.front().source +
                        "); en runde skal gøres blind, før revisorens svar indlæses");
  }
  repository->mark_blind(storage::BlindMark{round_id, at, actor});
  storage::make_audit_log(db)->append(
      storage::AuditRecord{at, actor, "round.blind", "round", round_id, "", "blind", "{}"});
  transaction.commit();
}

void lock_external_review(storage::Database& db, const std::string& round_id,
                          const std::string& source, const std::string& actor,
                          const std::string& at) {
  auto repository = storage::make_external_review_repository(db);
  storage::Transaction transaction(db);
  const auto review = repository->find(round_id, source);
  if (!review) {
    throw NotFound("runden " + round_id + " har ingen revisorgennemgang fra '" + source +
                   "' (se 'sagsaudit compare import')");
  }
  repository->lock(round_id, source, at, actor);
  const bool lifts = repository->blind(round_id).has_value();
  storage::make_audit_log(db)->append(storage::AuditRecord{
      at, actor, "compare.lock", "external_review", round_id + "/" + source, "indlæst", "låst",
      "{\"sha256\":" + json_string(review->file_sha256) +
          ",\"blindhed_ophaevet\":" + (lifts ? "true" : "false") + "}"});
  transaction.commit();
}

}  // namespace sagsaudit
