#include "scoring/review_editing.hpp"

#include <algorithm>
#include <map>
#include <optional>

#include "domain/errors.hpp"
#include "domain/review_answers.hpp"
#include "followup/followup.hpp"
#include "reports/report_summaries.hpp"
#include "scoring/cpr_in_text.hpp"
#include "scoring/review_store.hpp"
#include "storage/audit_log.hpp"
#include "storage/concept_repository.hpp"
#include "storage/round_repository.hpp"
#include "workflow/json_text.hpp"
#include "workflow/own_transaction.hpp"
#include "workflow/review_transitions.hpp"

namespace sagsaudit {

bool same_answer(const ControlAnswer& a, const ControlAnswer& b) {
  return a.control_id == b.control_id && a.answer == b.answer && a.comment == b.comment &&
         a.amount == b.amount && a.affected_period == b.affected_period;
}

namespace scoring_detail {
namespace {

// {"svar":"error","kommentar":"…","beloeb":"1234.5","periode_fra":"…","periode_til":"…"};
// the amount as its exact decimal text, dates ISO 8601. Comments never hold a CPR number
// (cpr_issues refuses them before anything is stored).
std::string answer_json(const ControlAnswer& a) {
  std::string out = "{\"svar\":" + json_string(answer_code(a.answer)) +
                    ",\"kommentar\":" + json_string(a.comment);
  if (a.amount) out += ",\"beloeb\":" + json_string(a.amount->to_string());
  if (a.affected_period) {
    out += ",\"periode_fra\":" + json_string(to_iso(a.affected_period->from)) +
           ",\"periode_til\":" + json_string(to_iso(a.affected_period->to));
  }
  return out + "}";
}

}  // namespace

std::string review_name(const std::string& round_id, const std::string& case_number) {
  return round_id + "/" + case_number;
}

ConflictError version_conflict(const std::string& round_id, const std::string& case_number,
                               int stored_version, int expected_version) {
  return ConflictError("gennemgangen af sag " + case_number + " i runde " + round_id +
                       " er ændret af en anden (version " + std::to_string(stored_version) +
                       ", du havde " + std::to_string(expected_version) + "); hent den igen");
}

Applied apply_review_change(storage::Database& db, storage::CaseReview review,
                            const Concept& concept_, const std::vector<ControlAnswer>& answers,
                            const std::vector<ReviewState>& steps, const std::string& actor,
                            const std::string& at, bool refresh_summary) {
  const std::string name = review_name(review.round_id, review.case_number);
  auto answer_store = storage::make_review_answer_repository(db);
  std::map<std::string, storage::StoredAnswer> before;
  for (auto& stored : answer_store->load(review.round_id, review.case_number)) {
    before.emplace(stored.answer.control_id, std::move(stored));
  }

  // The new set in the concept's order, keeping who-and-when of the answers that did not change.
  std::vector<ControlAnswer> ordered = answers;
  auto place = [&](const std::string& id) {
    for (std::size_t i = 0; i < concept_.controls.size(); ++i) {
      if (concept_.controls[i].id == id) return i;
    }
    return concept_.controls.size();
  };
  std::stable_sort(ordered.begin(), ordered.end(), [&](const auto& a, const auto& b) {
    return place(a.control_id) < place(b.control_id);
  });
  std::vector<storage::StoredAnswer> after;
  std::string changes;
  int changed = 0;
  auto add_change = [&](const std::string& control, const std::string& old_json,
                        const std::string& new_json) {
    ++changed;
    changes += std::string(changes.empty() ? "" : ",") + "{\"kontrol\":" + json_string(control) +
               ",\"foer\":" + old_json + ",\"efter\":" + new_json + "}";
  };
  for (const auto& a : ordered) {
    ControlAnswer clean = a;
    clean.position = {};
    const auto old = before.find(a.control_id);
    if (old != before.end() && same_answer(old->second.answer, clean)) {
      after.push_back(old->second);
    } else {
      after.push_back(storage::StoredAnswer{clean, at, actor});
      add_change(a.control_id, old == before.end() ? "null" : answer_json(old->second.answer),
                 answer_json(clean));
    }
    if (old != before.end()) before.erase(old);
  }
  for (const auto& [control, old] : before) add_change(control, answer_json(old.answer), "null");

  if (changed == 0 && steps.empty()) return Applied{review, 0};

  const bool counted_before = counts_in_reports(review.state);
  auto audit = storage::make_audit_log(db);
  audit->hold();  // before the review's row: AuditLog::hold says why
  for (const ReviewState step : steps) {
    check_review_transition(name, review.state, step);
    audit->append(storage::AuditRecord{at, actor, "review.transition", "case_review", name,
                                       state_code(review.state), state_code(step), "{}"});
    review.state = step;
  }
  const int expected = review.version;
  auto reviews = storage::make_case_review_repository(db);
  storage::CaseReview stored;
  try {
    stored = reviews->update(review, at);
  } catch (const ConflictError&) {
    const auto now = reviews->find(review.round_id, review.case_number);
    throw version_conflict(review.round_id, review.case_number, now ? now->version : expected,
                           expected);
  }
  if (changed > 0) {
    answer_store->replace(review.round_id, review.case_number, after);
    audit->append(storage::AuditRecord{at, actor, "review.answers", "case_review", name, "", "",
                                       "{\"aendringer\":[" + changes + "]}"});
  }
  if (refresh_summary && (counted_before || counts_in_reports(stored.state))) {
    refresh_report_cell(db, stored.round_id, stored.center, at);
  }
  // Opfølgning (issue 8): a submitted review's fejl on reimbursement-relevant nøglekontroller
  // become berigtigelser, in the same transaction (followup/followup.hpp).
  if (stored.state == ReviewState::submitted) {
    std::vector<ControlAnswer> now;
    for (const auto& a : after) now.push_back(a.answer);
    sync_review_corrections(db, stored, concept_, now, {actor, at});
  }
  return Applied{stored, changed};
}

}  // namespace scoring_detail

namespace {

struct Loaded {
  storage::CaseReview review;
  Concept concept_;
};

Loaded load(storage::Database& db, const std::string& round_id, const std::string& case_number) {
  const auto review = storage::make_case_review_repository(db)->find(round_id, case_number);
  if (!review) {
    throw NotFound("sagsgennemgangen " + scoring_detail::review_name(round_id, case_number) +
                   " findes ikke");
  }
  const auto round = storage::make_round_repository(db)->find(round_id);
  if (!round) throw NotFound("runden " + round_id + " findes ikke");
  auto concept_ = storage::make_concept_repository(db)->load(round->concept_version);
  if (!concept_) {
    throw StorageError("kvalitetskonceptet " + round->concept_version + " til runden " + round_id +
                       " mangler i databasen");
  }
  return Loaded{*review, std::move(*concept_)};
}

void require_version(const storage::CaseReview& review, int expected_version) {
  if (review.version != expected_version) {
    throw scoring_detail::version_conflict(review.round_id, review.case_number, review.version,
                                           expected_version);
  }
}

std::vector<ControlAnswer> answers_of(const std::vector<storage::StoredAnswer>& stored) {
  std::vector<ControlAnswer> out;
  for (const auto& s : stored) out.push_back(s.answer);
  return out;
}

}  // namespace

ReviewView load_review(storage::Database& db, const std::string& round_id,
                       const std::string& case_number) {
  Loaded loaded = load(db, round_id, case_number);
  ReviewView view{loaded.review, std::move(loaded.concept_), {}};
  std::vector<storage::StoredAnswer> stored =
      storage::make_review_answer_repository(db)->load(round_id, case_number);
  for (const auto& control : view.concept_.controls) {
    for (auto& s : stored) {
      if (s.answer.control_id == control.id) view.answers.push_back(s);
    }
  }
  // Answers of controls the concept does not have cannot be stored through here, but a row put
  // in by hand should still be visible rather than silently dropped.
  for (auto& s : stored) {
    if (!view.concept_.find_control(s.answer.control_id)) view.answers.push_back(s);
  }
  return view;
}

SaveOutcome save_review_draft(storage::Database& db, const std::string& round_id,
                              const std::string& case_number,
                              const std::vector<ControlAnswer>& answers, int expected_version,
                              const std::string& actor, const std::string& at) {
  workflow_detail::OwnTransaction transaction(db);
  Loaded loaded = load(db, round_id, case_number);
  require_version(loaded.review, expected_version);
  const ReviewState state = loaded.review.state;
  if (state == ReviewState::submitted || state == ReviewState::approved) {
    throw ConflictError("sagsgennemgangen " + scoring_detail::review_name(round_id, case_number) +
                        " er '" + danish_label(state) +
                        "' og kan ikke ændres (en leder kan sende den retur)");
  }
  std::vector<Issue> issues = check_review_answers(loaded.concept_, answers, ReviewStage::draft);
  for (auto& issue : scoring_detail::cpr_issues(answers)) issues.push_back(std::move(issue));
  if (!issues.empty()) throw ValidationError(std::move(issues));
  std::vector<ReviewState> steps;
  if (state != ReviewState::in_progress) steps.push_back(ReviewState::in_progress);
  const auto applied = scoring_detail::apply_review_change(db, loaded.review, loaded.concept_,
                                                           answers, steps, actor, at);
  transaction.done();
  return SaveOutcome{applied.review, applied.changed_answers};
}

storage::CaseReview submit_review(storage::Database& db, const std::string& round_id,
                                  const std::string& case_number, int expected_version,
                                  const std::string& actor, const std::string& at) {
  workflow_detail::OwnTransaction transaction(db);
  Loaded loaded = load(db, round_id, case_number);
  require_version(loaded.review, expected_version);
  const auto answers =
      answers_of(storage::make_review_answer_repository(db)->load(round_id, case_number));
  require_valid_review_answers(loaded.concept_, answers, ReviewStage::submit);
  const auto applied = scoring_detail::apply_review_change(
      db, loaded.review, loaded.concept_, answers, {ReviewState::submitted}, actor, at);
  transaction.done();
  return applied.review;
}

storage::CaseReview approve_review(storage::Database& db, const std::string& round_id,
                                   const std::string& case_number, int expected_version,
                                   const std::string& actor, const std::string& at) {
  workflow_detail::OwnTransaction transaction(db);
  const Loaded loaded = load(db, round_id, case_number);
  require_version(loaded.review, expected_version);
  auto stored = transition_review(db, round_id, case_number, ReviewState::approved,
                                  expected_version, actor, at);
  transaction.done();
  return stored;
}

storage::CaseReview return_review(storage::Database& db, const std::string& round_id,
                                  const std::string& case_number, int expected_version,
                                  const std::string& reason, const std::string& actor,
                                  const std::string& at) {
  workflow_detail::OwnTransaction transaction(db);
  const Loaded loaded = load(db, round_id, case_number);
  require_version(loaded.review, expected_version);
  auto stored = transition_review(db, round_id, case_number, ReviewState::returned,
                                  expected_version, actor, at, reason);
  transaction.done();
  return stored;
}

}  // namespace sagsaudit
