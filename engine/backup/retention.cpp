#include "backup/retention.hpp"

#include <algorithm>

#include "domain/errors.hpp"
#include "domain/period.hpp"
#include "scoring/cpr_in_text.hpp"
#include "storage/audit_log.hpp"
#include "storage/report_version.hpp"
#include "storage/round_repository.hpp"
#include "workflow/json_text.hpp"

namespace sagsaudit {
namespace {

bool finished(RoundState state) {
  return state == RoundState::closed || state == RoundState::reported;
}

// {"population_cases":300,"review_answers":11,…}: the rows blanked per table.
std::string counts_json(const storage::PersonalDataCounts& counts) {
  std::string out;
  const auto& fields = storage::personal_fields();
  for (std::size_t i = 0; i < fields.size(); ++i) {
    out += std::string(out.empty() ? "{" : ",") + json_string(fields[i].table) + ":" +
           std::to_string(counts.rows[i]);
  }
  return out + "}";
}

}  // namespace

Date retention_cutoff(Date today, int years) {
  Date cutoff = today - std::chrono::years(years);
  if (!cutoff.ok()) cutoff = cutoff.year() / cutoff.month() / std::chrono::last;
  return cutoff;
}

RetentionPlan plan_retention(storage::Database& db, Date today, int years) {
  if (years < 1) {
    throw ValidationError("--older-than skal være et helt antal år, mindst 1, ikke " +
                          std::to_string(years));
  }
  RetentionPlan plan;
  plan.years = years;
  plan.cutoff = retention_cutoff(today, years);
  auto store = storage::make_retention_repository(db);
  for (const auto& round : storage::make_round_repository(db)->list()) {
    if (!(round.period.last_day() < plan.cutoff)) continue;
    RetentionRound r;
    r.round_id = round.id;
    r.period = round.period.to_string();
    r.period_end = round.period.last_day();
    r.state = round.state;
    r.refused = !finished(round.state);
    r.counts = store->count(round.id);
    for (const auto& details : store->audit_details(round.id)) {
      if (contains_cpr(details)) ++r.audit_entries_with_cpr;
    }
    if (r.counts.total() == 0) {
      ++plan.rounds_without_personal_data;
      continue;
    }
    plan.rounds.push_back(std::move(r));
  }
  std::sort(plan.rounds.begin(), plan.rounds.end(),
            [](const auto& a, const auto& b) { return a.round_id < b.round_id; });
  return plan;
}

RetentionPlan apply_retention(storage::Database& db, Date today, int years,
                              const std::string& actor, const std::string& at) {
  storage::Transaction transaction(db);
  RetentionPlan plan = plan_retention(db, today, years);
  auto store = storage::make_retention_repository(db);
  auto audit = storage::make_audit_log(db);
  // The center report shows masked CPR numbers and the comments of fejl: its cached copies must
  // go (storage/report_version.hpp).
  if (std::any_of(plan.rounds.begin(), plan.rounds.end(),
                  [](const auto& round) { return !round.refused; })) {
    storage::make_report_version(db)->bump();
  }
  for (auto& round : plan.rounds) {
    if (round.refused) continue;
    round.counts = store->erase(round.round_id);
    audit->append(
        storage::AuditRecord{at, actor, "retention.apply", "round", round.round_id, "", "",
                             "{\"aeldre_end_aar\":" + std::to_string(years) +
                                 ",\"skaeringsdato\":" + json_string(to_iso(plan.cutoff)) +
                                 ",\"slettede_felter\":" + counts_json(round.counts) + "}"});
  }
  transaction.commit();
  plan.executed = true;
  return plan;
}

}  // namespace sagsaudit
