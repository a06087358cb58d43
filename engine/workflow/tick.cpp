#include "workflow/tick.hpp"

#include <map>

#include "storage/audit_log.hpp"
#include "storage/case_review_repository.hpp"
#include "storage/concept_repository.hpp"
#include "storage/notification_repository.hpp"
#include "storage/round_repository.hpp"
#include "storage/tick_store.hpp"
#include "storage/wheel_repository.hpp"
#include "workflow/json_text.hpp"
#include "workflow/round_transitions.hpp"

namespace sagsaudit {
namespace {

// Everything tick touches, on one connection inside its transaction.
class TickRun {
 public:
  TickRun(storage::Database& db, Date today, std::string at, std::string actor)
      : db_(db),
        today_(today),
        at_(std::move(at)),
        actor_(std::move(actor)),
        rounds_(storage::make_round_repository(db)),
        reviews_(storage::make_case_review_repository(db)),
        notifications_(storage::make_notification_repository(db)),
        audit_(storage::make_audit_log(db)) {}

  TickReport run(const AnnualWheel& wheel, int first_year,
                 const std::map<std::string, std::string>& concept_versions,
                 const std::map<std::string, storage::MilestoneFlags>& milestones) {
    TickInput input;
    input.today = today_;
    input.first_year = first_year;
    input.wheel = &wheel;
    input.concept_versions = concept_versions;
    for (const auto& round : rounds_->list()) {
      rounds_by_id_[round.id] = round;
      TickRound r{round.id, round.window_opens, round.window_closes, round.state};
      if (auto it = milestones.find(round.id); it != milestones.end()) {
        r.window_opened = it->second.window_opened;
        r.window_closed = it->second.window_closed;
      }
      input.rounds.push_back(r);
    }
    std::map<std::string, TickRound*> by_id;
    for (auto& r : input.rounds) by_id[r.id] = &r;
    for (const auto& review : reviews_->list()) {
      if (auto it = by_id.find(review.round_id); it != by_id.end()) {
        ++it->second->reviews;
        if (review.state == ReviewState::approved) ++it->second->approved_reviews;
      }
      if (awaits_reviewer(review.state)) ++awaiting_[review.round_id];
      input.reviews.push_back(TickReview{review.round_id, review.case_number, review.state,
                                         review.due_date, review.overdue});
      assignees_[review.round_id + "/" + review.case_number] = review.assignee;
      reviews_per_round_[review.round_id] += 1;
    }

    const TickPlan plan = plan_tick(input);
    TickReport report;
    report.today = today_;
    report.first_year = first_year;
    report.skipped = plan.skipped;
    for (const auto& c : plan.create) create(c, wheel, report);
    for (const auto& id : plan.open_windows) open_window(id, report);
    for (const auto& ref : plan.overdue) mark_overdue(ref, report);
    for (const auto& id : plan.close_windows) close_window(id, report);
    for (const auto& id : plan.close_rounds) close_round(id, report);
    return report;
  }

 private:
  void create(const RoundToCreate& c, const AnnualWheel& wheel, TickReport& report) {
    const auto& p = c.planned;
    storage::Round round{p.id,
                         p.entry->benefit_type,
                         p.period,
                         RoundState::planned,
                         p.window_opens,
                         p.window_closes,
                         c.concept_version,
                         wheel.version,
                         at_};
    // Under the lock nobody else creates rounds, and create() is ON CONFLICT DO NOTHING anyway.
    if (!rounds_->create(round)) return;
    rounds_by_id_[round.id] = round;
    report.created.push_back(round.id);
    audit("round.create", "round", round.id, "", state_code(RoundState::planned),
          json_object({{"ydelsestype", round.benefit_type},
                       {"periode", round.period.to_string()},
                       {"vindue_aabner", to_iso(round.window_opens)},
                       {"vindue_lukker", to_iso(round.window_closes)},
                       {"koncept_version", round.concept_version},
                       {"aarshjul_version", round.wheel_version}}));
  }

  void open_window(const std::string& id, TickReport& report) {
    const auto& round = rounds_by_id_.at(id);
    if (!storage::make_tick_store(db_)->record_milestone(id, storage::RoundMilestone::window_opened,
                                                         round.window_opens)) {
      return;
    }
    report.windows_opened.push_back(id);
    audit("round.window_open", "round", id, "", "",
          json_object({{"dag", to_iso(round.window_opens)}}));
    const std::string window =
        "fra " + to_danish(round.window_opens) + " til og med " + to_danish(round.window_closes);
    std::string admin_text = "Gennemgangsvinduet for runde " + id + " er åbent " + window + ".";
    if (round.state == RoundState::planned) {
      admin_text += " Populationen skal indlæses og stikprøven trækkes.";
    } else if (round.state == RoundState::population_loaded) {
      admin_text += " Stikprøven skal trækkes.";
    } else if (round.state == RoundState::sample_drawn) {
      admin_text += " Sagerne skal fordeles ('sagsaudit assign').";
    }
    notify_role(UserRole::admin, "window_opened", id, admin_text, report);
    notify_role(UserRole::coordinator, "window_opened", id,
                "Gennemgangsvinduet for runde " + id + " er åbent " + window + ".", report);
  }

  void mark_overdue(const ReviewRef& ref, TickReport& report) {
    if (!reviews_->mark_overdue(ref.round_id, ref.case_number)) return;
    report.overdue.push_back(ref);
    const std::string name = ref.round_id + "/" + ref.case_number;
    const auto& round = rounds_by_id_.at(ref.round_id);
    audit("review.overdue", "case_review", name, "", "",
          json_object({{"frist", to_iso(round.window_closes)}}));
    storage::Notification n;
    n.created_at = at_;
    n.recipient_user = assignees_.at(name);
    n.kind = "review_overdue";
    n.round_id = ref.round_id;
    n.text = "Sag " + ref.case_number + " i runde " + ref.round_id +
             " skulle have været indsendt senest " + to_danish(round.window_closes) + ".";
    notifications_->add(n);
    ++report.notifications;
  }

  void close_window(const std::string& id, TickReport& report) {
    const auto& round = rounds_by_id_.at(id);
    const Date closed_on = add_days(round.window_closes, 1);
    if (!storage::make_tick_store(db_)->record_milestone(id, storage::RoundMilestone::window_closed,
                                                         closed_on)) {
      return;
    }
    report.windows_closed.push_back(id);
    const int total = reviews_per_round_[id];
    const int awaiting = awaiting_[id];
    audit("round.window_close", "round", id, "", "",
          json_object({{"dag", to_iso(closed_on)},
                       {"sagsgennemgange", std::int64_t{total}},
                       {"ikke_indsendt", std::int64_t{awaiting}}}));
    std::string text =
        "Gennemgangsvinduet for runde " + id + " lukkede " + to_danish(round.window_closes) + ".";
    if (round.state == RoundState::planned || round.state == RoundState::population_loaded ||
        round.state == RoundState::sample_drawn) {
      text += " Runden er stadig '" + danish_label(round.state) + "': ingen sager er fordelt.";
    } else if (awaiting > 0) {
      text += " " + std::to_string(awaiting) + " af " + std::to_string(total) +
              " sagsgennemgange er ikke indsendt.";
    } else {
      text += " Alle " + std::to_string(total) + " sagsgennemgange er indsendt.";
    }
    notify_role(UserRole::manager, "window_closed", id, text, report);
    notify_role(UserRole::admin, "window_closed", id, text, report);
  }

  void close_round(const std::string& id, TickReport& report) {
    transition_round(db_, id, RoundState::closed, actor_, at_,
                     json_object({{"grund", "alle sagsgennemgange er godkendt"}}));
    report.rounds_closed.push_back(id);
    notify_role(UserRole::manager, "round_closed", id,
                "Runde " + id + " er afsluttet: alle " + std::to_string(reviews_per_round_[id]) +
                    " sagsgennemgange er godkendt.",
                report);
  }

  void notify_role(UserRole role, const std::string& kind, const std::string& round_id,
                   const std::string& text, TickReport& report) {
    storage::Notification n;
    n.created_at = at_;
    n.recipient_role = role;
    n.kind = kind;
    n.round_id = round_id;
    n.text = text;
    notifications_->add(n);
    ++report.notifications;
  }

  void audit(const std::string& action, const std::string& type, const std::string& id,
             const std::string& from, const std::string& to, const std::string& details) {
    audit_->append(storage::AuditRecord{at_, actor_, action, type, id, from, to, details});
  }

  storage::Database& db_;
  Date today_;
  std::string at_;
  std::string actor_;
  std::unique_ptr<storage::RoundRepository> rounds_;
  std::unique_ptr<storage::CaseReviewRepository> reviews_;
  std::unique_ptr<storage::NotificationRepository> notifications_;
  std::unique_ptr<storage::AuditLog> audit_;
  std::map<std::string, storage::Round> rounds_by_id_;
  std::map<std::string, std::string> assignees_;  // "round/case" → username
  std::map<std::string, int> reviews_per_round_;
  std::map<std::string, int> awaiting_;  // reviews the reviewer still owes, per round
};

}  // namespace

TickReport tick(storage::Database& db, Date today, const std::string& at,
                const TickOptions& options) {
  storage::Transaction transaction(db);
  auto store = storage::make_tick_store(db);
  if (!store->lock(options.wait_for_lock)) {
    TickReport report;
    report.today = today;
    report.ran = false;
    return report;  // rolls back: nothing was written
  }
  auto wheel = storage::make_wheel_repository(db)->current();
  if (!wheel) {
    throw NotFound("databasen " + db.redacted_url() +
                   " har intet årshjul endnu; kør 'sagsaudit init' før 'sagsaudit tick'");
  }
  std::map<std::string, std::string> concept_versions;
  for (const auto& c : storage::make_concept_repository(db)->current()) {
    concept_versions[c.benefit_type] = c.version;
  }
  const storage::TickState state = store->record(today);
  TickRun run(db, today, at, options.actor);
  TickReport report = run.run(*wheel, state.first_year, concept_versions, store->milestones());
  transaction.commit();
  return report;
}

}  // namespace sagsaudit
