#include "followup/followup.hpp"

#include <algorithm>
#include <map>

#include "domain/errors.hpp"
#include "domain/scoring.hpp"
#include "reports/report_data.hpp"
#include "storage/audit_log.hpp"
#include "storage/concept_repository.hpp"
#include "storage/review_answer_repository.hpp"
#include "storage/round_repository.hpp"
#include "workflow/json_text.hpp"
#include "workflow/own_transaction.hpp"

namespace sagsaudit {
namespace {

using storage::Correction;
using storage::Initiative;

std::string initiative_name(std::int64_t id) {
  return std::to_string(id);
}

storage::Round require_round(storage::Database& db, const std::string& round_id) {
  const auto round = storage::make_round_repository(db)->find(round_id);
  if (!round) throw NotFound("runden " + round_id + " findes ikke");
  return *round;
}

void require_reported(const storage::Round& round) {
  if (round.state != RoundState::reported) {
    throw ConflictError("runden " + round.id + " er '" + danish_label(round.state) +
                        "'; initiativer oprettes, når rapporten er offentliggjort ('" +
                        danish_label(RoundState::reported) + "')");
  }
}

// The round's cells with their counts, or nullopt when it has no reviews.
std::optional<RoundCells> round_cells(storage::Database& db, const storage::Round& round) {
  RoundQuery query;
  query.period = round.period;
  query.benefit_type = round.benefit_type;
  for (auto& rc : load_round_cells(db, query)) {
    if (rc.round.id == round.id) return std::move(rc);
  }
  return std::nullopt;
}

struct CellLight {
  std::optional<TrafficLight> light;
  std::optional<int> percent;
};

CellLight cell_light(const RoundCells& rc, const Cell& cell) {
  const Figures f = figures(cell.tally, rc.rules);
  return {f.overall.correct.light, f.overall.correct.share.percent};
}

std::string initiative_json(const Initiative& i) {
  return json_object({{"runde", i.round_id},
                      {"center", i.center},
                      {"ydelsestype", i.benefit_type},
                      {"lys", light_code(i.source_light)},
                      {"procent", std::int64_t{i.source_percent.value_or(-1)}}});
}

std::int64_t add_initiative(storage::Database& db, const storage::Round& round,
                            const std::string& center, const CellLight& light, const Stamp& stamp) {
  Initiative i;
  i.round_id = round.id;
  i.period = round.period.to_string();
  i.center = center;
  i.benefit_type = round.benefit_type;
  i.source_light = *light.light;
  i.source_percent = light.percent;
  i.created_at = stamp.at;
  i.created_by = stamp.actor;
  i.updated_at = stamp.at;
  i.id = storage::make_followup_repository(db)->add_initiative(i);
  storage::make_audit_log(db)->append(
      storage::AuditRecord{stamp.at, stamp.actor, "initiative.create", "initiative",
                           initiative_name(i.id), "", marker_code(i.marker), initiative_json(i)});
  return i.id;
}

Initiative require_initiative(storage::FollowupRepository& repo, std::int64_t id) {
  auto found = repo.find_initiative(id);
  if (!found) throw NotFound("initiativ " + std::to_string(id) + " findes ikke");
  return *found;
}

std::string amount_text(const std::optional<Decimal>& amount) {
  return amount ? amount->to_string() : "";
}

std::string correction_json(const Correction& c) {
  return json_object({{"runde", c.round_id},
                      {"sag", c.case_number},
                      {"kontrol", c.control_id},
                      {"center", c.center},
                      {"beloeb", amount_text(c.amount)},
                      {"begrundelse", c.reason}});
}

void audit_correction(storage::Database& db, const Stamp& stamp, const std::string& action,
                      const Correction& c, const std::string& from, const std::string& to) {
  storage::make_audit_log(db)->append(storage::AuditRecord{stamp.at, stamp.actor, action,
                                                           "correction", std::to_string(c.id), from,
                                                           to, correction_json(c)});
}

// Whether an answer asks for a berigtigelse: fejl on a reimbursement-relevant nøglekontrol.
bool asks_for_correction(const Concept& concept_, const ControlAnswer& a) {
  if (a.answer != Answer::error) return false;
  const Control* control = concept_.find_control(a.control_id);
  return control && control->category == Category::key_control && control->affects_reimbursement;
}

}  // namespace

std::vector<std::int64_t> create_round_initiatives(storage::Database& db,
                                                   const std::string& round_id,
                                                   const Stamp& stamp) {
  workflow_detail::OwnTransaction transaction(db);
  const storage::Round round = require_round(db, round_id);
  require_reported(round);
  std::vector<std::int64_t> created;
  if (const auto rc = round_cells(db, round)) {
    auto repo = storage::make_followup_repository(db);
    for (const auto& cell : rc->cells) {
      const CellLight light = cell_light(*rc, cell);
      if (!needs_initiative(light.light)) continue;
      if (repo->find_initiative(round.id, cell.center, round.benefit_type)) continue;
      created.push_back(add_initiative(db, round, cell.center, light, stamp));
    }
  }
  transaction.done();
  return created;
}

std::int64_t create_cell_initiative(storage::Database& db, const std::string& round_id,
                                    const std::string& center, const Stamp& stamp) {
  workflow_detail::OwnTransaction transaction(db);
  const storage::Round round = require_round(db, round_id);
  require_reported(round);
  const auto rc = round_cells(db, round);
  const Cell* cell = rc ? find_cell(*rc, center) : nullptr;
  if (!cell) throw NotFound("centret " + center + " har ingen celle i runden " + round_id);
  const CellLight light = cell_light(*rc, *cell);
  if (!may_have_initiative(light.light)) {
    throw ValidationError(std::vector<Issue>{
        {"", 0, 0, "--center",
         "cellen " + center + " × " + round.benefit_type + " er " +
             (light.light ? danish_label(*light.light) : std::string(kNoDataLabel)) +
             "; kun røde og gule celler kan få et initiativ"}});
  }
  if (storage::make_followup_repository(db)->find_initiative(round.id, center,
                                                             round.benefit_type)) {
    throw ConflictError("cellen " + center + " × " + round.benefit_type + " i runden " + round_id +
                        " har allerede et initiativ");
  }
  const auto id = add_initiative(db, round, center, light, stamp);
  transaction.done();
  return id;
}

Initiative set_initiative(storage::Database& db, std::int64_t id, const InitiativeFields& fields,
                          const Stamp& stamp) {
  if (!fields.action && !fields.responsible && !fields.deadline && !fields.controls) {
    throw ValidationError(std::vector<Issue>{
        {"", 0, 0, "--what",
         "intet at ændre: angiv mindst én af --what, --responsible, --deadline, --controls"}});
  }
  workflow_detail::OwnTransaction transaction(db);
  auto repo = storage::make_followup_repository(db);
  Initiative i = require_initiative(*repo, id);
  if (fields.controls) {
    const storage::Round round = require_round(db, i.round_id);
    const auto concept_ = storage::make_concept_repository(db)->load(round.concept_version);
    std::vector<Issue> issues;
    for (const auto& control : *fields.controls) {
      if (!concept_ || !concept_->find_control(control)) {
        issues.push_back({"", 0, 0, "--controls",
                          "kontrol '" + control + "' findes ikke i kvalitetskonceptet for " +
                              round.benefit_type});
      }
    }
    if (!issues.empty()) throw ValidationError(std::move(issues));
    i.controls = *fields.controls;
  }
  std::vector<std::pair<std::string, JsonValue>> changed;
  if (fields.action) {
    changed.emplace_back("hvad", *fields.action);
    i.action = *fields.action;
  }
  if (fields.responsible) {
    changed.emplace_back("ansvarlig", *fields.responsible);
    i.responsible = *fields.responsible;
  }
  if (fields.deadline) {
    changed.emplace_back("frist", to_iso(*fields.deadline));
    i.deadline = fields.deadline;
  }
  if (fields.controls) changed.emplace_back("kontroller", storage::join_controls(i.controls));
  i.updated_at = stamp.at;
  repo->update_initiative(i);
  storage::make_audit_log(db)->append(
      storage::AuditRecord{stamp.at, stamp.actor, "initiative.update", "initiative",
                           initiative_name(id), "", "", json_object(changed)});
  transaction.done();
  return i;
}

Initiative mark_initiative(storage::Database& db, std::int64_t id, InitiativeMarker to,
                           const std::string& reason, const Stamp& stamp,
                           std::optional<InitiativeMarker> expected) {
  workflow_detail::OwnTransaction transaction(db);
  auto repo = storage::make_followup_repository(db);
  Initiative i = require_initiative(*repo, id);
  if (expected && *expected != i.marker) {
    throw ConflictError("initiativ " + initiative_name(id) +
                        " er ændret i mellemtiden: det er nu '" + danish_label(i.marker) +
                        "', ikke '" + danish_label(*expected) + "'; genindlæs siden");
  }
  check_marker_change(initiative_name(id), i.marker, to, reason);
  const InitiativeMarker from = i.marker;
  i.marker = to;
  i.updated_at = stamp.at;
  repo->update_initiative(i);
  repo->add_status_change({id, 0, stamp.at, stamp.actor, from, to, reason});
  storage::make_audit_log(db)->append(storage::AuditRecord{
      stamp.at, stamp.actor, "initiative.status", "initiative", initiative_name(id),
      marker_code(from), marker_code(to), json_object({{"begrundelse", reason}})});
  transaction.done();
  return i;
}

CorrectionSync sync_review_corrections(storage::Database& db, const storage::CaseReview& review,
                                       const Concept& concept_,
                                       const std::vector<ControlAnswer>& answers,
                                       const Stamp& stamp) {
  CorrectionSync sync;
  auto repo = storage::make_followup_repository(db);
  std::map<std::string, Correction> existing;
  for (auto& c : repo->review_corrections(review.round_id, review.case_number)) {
    existing.emplace(c.control_id, std::move(c));
  }
  std::optional<storage::Round> round;
  for (const auto& a : answers) {
    if (!asks_for_correction(concept_, a)) continue;
    const auto found = existing.find(a.control_id);
    if (found == existing.end()) {
      if (!round) round = require_round(db, review.round_id);
      Correction c;
      c.round_id = review.round_id;
      c.case_number = review.case_number;
      c.control_id = a.control_id;
      c.benefit_type = round->benefit_type;
      c.period = round->period.to_string();
      c.center = review.center;
      c.amount = a.amount;
      c.affected_period = a.affected_period;
      c.created_at = c.updated_at = stamp.at;
      c.updated_by = stamp.actor;
      c.id = repo->add_correction(c);
      audit_correction(db, stamp, "correction.create", c, "", correction_code(c.state));
      ++sync.created;
      continue;
    }
    Correction c = found->second;
    existing.erase(found);
    if (c.state == CorrectionState::open &&
        (c.amount != a.amount || c.affected_period != a.affected_period)) {
      c.amount = a.amount;
      c.affected_period = a.affected_period;
      c.updated_at = stamp.at;
      c.updated_by = stamp.actor;
      repo->update_correction(c);
      audit_correction(db, stamp, "correction.update", c, "", "");
      ++sync.updated;
    }
  }
  // Corrections whose answer is no longer a fejl on such a control.
  for (auto& [control, c] : existing) {
    if (c.state != CorrectionState::open) continue;
    c.state = CorrectionState::not_relevant;
    c.reason = "svaret på kontrollen er ikke længere fejl (gennemgangen er indsendt igen)";
    c.updated_at = stamp.at;
    c.updated_by = stamp.actor;
    repo->update_correction(c);
    audit_correction(db, stamp, "correction.status", c, correction_code(CorrectionState::open),
                     correction_code(c.state));
    ++sync.closed;
  }
  return sync;
}

Correction set_correction_state(storage::Database& db, std::int64_t id, CorrectionState to,
                                const std::string& reason, const Stamp& stamp,
                                std::optional<CorrectionState> expected) {
  workflow_detail::OwnTransaction transaction(db);
  auto repo = storage::make_followup_repository(db);
  auto found = repo->find_correction(id);
  if (!found) throw NotFound("berigtigelse " + std::to_string(id) + " findes ikke");
  Correction c = *found;
  if (expected && *expected != c.state) {
    throw ConflictError("berigtigelse " + std::to_string(id) +
                        " er ændret i mellemtiden: den er nu '" + danish_label(c.state) +
                        "', ikke '" + danish_label(*expected) + "'; genindlæs siden");
  }
  check_correction_change(std::to_string(id), c.state, to, reason);
  const CorrectionState from = c.state;
  c.state = to;
  c.reason = reason;
  c.updated_at = stamp.at;
  c.updated_by = stamp.actor;
  repo->update_correction(c);
  audit_correction(db, stamp, "correction.status", c, correction_code(from), correction_code(to));
  transaction.done();
  return c;
}

SyncSummary sync_followup(storage::Database& db, const Stamp& stamp) {
  storage::Transaction transaction(db);
  SyncSummary summary;
  auto rounds = storage::make_round_repository(db);
  auto concepts = storage::make_concept_repository(db);
  auto answers = storage::make_review_answer_repository(db);
  for (const auto& round : rounds->list()) {
    if (round.state == RoundState::reported) {
      for (auto id : create_round_initiatives(db, round.id, stamp)) {
        summary.initiatives_created.push_back(id);
      }
    }
    const auto reviews =
        answers->round_answers(round.id, {ReviewState::submitted, ReviewState::approved});
    if (reviews.empty()) continue;
    const auto concept_ = concepts->load(round.concept_version);
    if (!concept_) throw StorageError("kvalitetskonceptet for runden " + round.id + " mangler");
    for (const auto& r : reviews) {
      storage::CaseReview review;
      review.round_id = round.id;
      review.case_number = r.case_number;
      review.center = r.center;
      review.state = r.state;
      const auto s = sync_review_corrections(db, review, *concept_, r.answers, stamp);
      summary.corrections.created += s.created;
      summary.corrections.updated += s.updated;
      summary.corrections.closed += s.closed;
    }
  }
  transaction.commit();
  return summary;
}

std::vector<CorrectionTotal> correction_totals(const std::vector<Correction>& corrections) {
  std::vector<CorrectionTotal> out;
  CorrectionTotal all;
  for (const auto& c : corrections) {
    auto it = std::find_if(out.begin(), out.end(),
                           [&](const CorrectionTotal& t) { return t.center == c.center; });
    if (it == out.end()) it = out.insert(out.end(), CorrectionTotal{c.center, 0, Decimal{0, 1}});
    const Decimal amount = c.amount.value_or(Decimal{0, 1});
    ++it->count;
    it->amount = sum_kroner(it->amount, amount);
    ++all.count;
    all.amount = sum_kroner(all.amount, amount);
  }
  out.push_back(all);
  return out;
}

FollowupReport build_followup_report(storage::Database& db,
                                     const std::optional<std::string>& center, Date today,
                                     const FollowupRules& rules) {
  FollowupReport report;
  report.today = today;
  report.rules = rules;
  report.center = center;
  storage::FollowupFilter filter;
  filter.center = center;
  auto repo = storage::make_followup_repository(db);
  auto rounds = storage::make_round_repository(db);

  // Rounds with reviews per ydelsestype, in period order, loaded once each.
  std::map<std::string, std::vector<RoundCells>> by_type;
  auto cells_of = [&](const std::string& type) -> const std::vector<RoundCells>& {
    auto it = by_type.find(type);
    if (it != by_type.end()) return it->second;
    std::vector<RoundCells> all;
    std::vector<int> years;
    for (const auto& r : rounds->list(storage::RoundFilter{std::nullopt, std::nullopt, type})) {
      if (std::find(years.begin(), years.end(), r.period.year) == years.end()) {
        years.push_back(r.period.year);
      }
    }
    std::sort(years.begin(), years.end());
    for (int year : years) {
      RoundQuery q;
      q.year = year;
      q.benefit_type = type;
      for (auto& rc : load_round_cells(db, q)) all.push_back(std::move(rc));
    }
    std::stable_sort(all.begin(), all.end(), [](const RoundCells& a, const RoundCells& b) {
      return std::chrono::sys_days(a.round.period.first_day()) <
             std::chrono::sys_days(b.round.period.first_day());
    });
    return by_type.emplace(type, std::move(all)).first->second;
  };
  auto control_share = [](const RoundCells& rc, const Cell& cell, const std::string& control) {
    for (const auto& t : cell.tally.controls) {
      if (t.control_id == control)
        return correct_share(t.answers, rc.rules.not_assessable_is_error);
    }
    return Proportion{};
  };

  for (auto& i : repo->initiatives(filter)) {
    InitiativeLine line;
    line.status = initiative_status(i.marker, i.deadline, today, rules);
    line.overdue_days = is_open(i.marker) ? days_overdue(i.deadline, today) : 0;
    const auto& all = cells_of(i.benefit_type);
    const RoundCells* source = nullptr;
    const RoundCells* next = nullptr;
    for (const auto& rc : all) {
      if (rc.round.id == i.round_id) {
        source = &rc;
      } else if (source && !next) {
        const Cell* cell = find_cell(rc, i.center);
        if (cell && cell->tally.reviews > 0) next = &rc;
      }
    }
    if (source) {
      if (const auto* entry = source->wheel.find_entry(i.benefit_type)) {
        line.benefit_name = entry->name;
      }
    }
    if (next) line.next_round_id = next->round.id;
    for (const auto& control : i.controls) {
      ControlChange change;
      change.control_id = control;
      if (source) {
        if (const Control* c = source->concept_.find_control(control))
          change.question = c->question;
      }
      const Cell* before = source ? find_cell(*source, i.center) : nullptr;
      const Cell* after = next ? find_cell(*next, i.center) : nullptr;
      const Proportion b = before ? control_share(*source, *before, control) : Proportion{};
      const Proportion a = after ? control_share(*next, *after, control) : Proportion{};
      change.change = improvement(b.part, b.whole, a.part, a.whole);
      line.controls.push_back(std::move(change));
    }
    line.initiative = std::move(i);
    report.initiatives.push_back(std::move(line));
  }
  std::stable_sort(report.initiatives.begin(), report.initiatives.end(),
                   [](const InitiativeLine& a, const InitiativeLine& b) {
                     return report_before(a.status, a.overdue_days, b.status, b.overdue_days);
                   });

  for (auto& c : repo->corrections(filter)) {
    if (c.state == CorrectionState::open) {
      report.open_corrections.push_back(std::move(c));
    } else {
      ++report.closed_corrections;
    }
  }
  report.open_totals = correction_totals(report.open_corrections);
  return report;
}

FollowupReport build_followup_report(storage::Database& db, const std::vector<std::string>& centers,
                                     Date today, const FollowupRules& rules) {
  std::vector<std::string> sorted = centers;
  std::sort(sorted.begin(), sorted.end());
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
  FollowupReport merged;
  merged.today = today;
  merged.rules = rules;
  std::string joined;
  for (const auto& center : sorted) {
    FollowupReport one = build_followup_report(db, center, today, rules);
    for (auto& l : one.initiatives) merged.initiatives.push_back(std::move(l));
    for (auto& c : one.open_corrections) merged.open_corrections.push_back(std::move(c));
    merged.closed_corrections += one.closed_corrections;
    joined += (joined.empty() ? "" : ", ") + center;
  }
  if (!sorted.empty()) merged.center = joined;
  std::stable_sort(merged.initiatives.begin(), merged.initiatives.end(),
                   [](const InitiativeLine& a, const InitiativeLine& b) {
                     return report_before(a.status, a.overdue_days, b.status, b.overdue_days);
                   });
  merged.open_totals = correction_totals(merged.open_corrections);
  return merged;
}

}  // namespace sagsaudit
