// CaseReviewRepository on SOCI: table case_reviews (migration 3).
#include <soci/soci.h>

#include "domain/errors.hpp"
#include "storage/case_review_repository.hpp"
#include "storage/soci_errors.hpp"
#include "storage/write_scope.hpp"

namespace sagsaudit::storage {
namespace {

struct ReviewRow {
  std::string round_id;
  std::string case_number;
  std::string center;
  std::string assignee;
  std::string state;
  std::string return_reason;
  std::string due_date;
  int overdue = 0;
  int version = 0;
  std::string updated_at;
};

}  // namespace
}  // namespace sagsaudit::storage

// Reads the columns of kSelect, in order.
template <>
struct soci::type_conversion<sagsaudit::storage::ReviewRow> {
  using base_type = soci::values;
  static void from_base(const soci::values& v, soci::indicator, sagsaudit::storage::ReviewRow& r) {
    r.round_id = v.get<std::string>(0);
    r.case_number = v.get<std::string>(1);
    r.center = v.get<std::string>(2);
    r.assignee = v.get<std::string>(3);
    r.state = v.get<std::string>(4);
    r.return_reason = v.get<std::string>(5);
    r.due_date = v.get<std::string>(6);
    r.overdue = v.get<int>(7);
    r.version = v.get<int>(8);
    r.updated_at = v.get<std::string>(9);
  }
  static void to_base(const sagsaudit::storage::ReviewRow&, soci::values&, soci::indicator&) {}
};

namespace sagsaudit::storage {
namespace {

constexpr const char* kSelect =
    "SELECT round_id, case_number, center, assignee, state, return_reason, due_date, overdue, "
    "version, updated_at FROM case_reviews ";

std::string review_name(std::string_view round_id, std::string_view case_number) {
  return std::string(round_id) + "/" + std::string(case_number);
}

CaseReview from_row(const ReviewRow& row) {
  CaseReview review;
  review.round_id = row.round_id;
  review.case_number = row.case_number;
  review.center = row.center;
  review.assignee = row.assignee;
  const auto state = parse_review_state(row.state);
  const auto due = parse_iso_date(row.due_date);
  if (!state || !due) {
    throw StorageError("case review " + review_name(row.round_id, row.case_number) +
                       " has an unreadable state or due date");
  }
  review.state = *state;
  review.return_reason = row.return_reason;
  review.due_date = *due;
  review.overdue = row.overdue != 0;
  review.version = row.version;
  review.updated_at = row.updated_at;
  return review;
}

class SociCaseReviewRepository final : public CaseReviewRepository {
 public:
  explicit SociCaseReviewRepository(Database& db) : db_(db), sql_(db.session()) {}

  void add(const CaseReview& review) override {
    const std::string name = review_name(review.round_id, review.case_number);
    guarded("cannot add case review " + name + " to " + db_.redacted_url(), [&] {
      WriteScope scope(db_);
      const std::string state = state_code(review.state);
      const std::string due = to_iso(review.due_date);
      const int overdue = review.overdue ? 1 : 0;
      soci::statement insert =
          (sql_.prepare << "INSERT INTO case_reviews (round_id, case_number, center, assignee, "
                           "state, return_reason, due_date, overdue, version, updated_at) "
                           "VALUES (:round_id, :case_number, :center, :assignee, :state, "
                           ":reason, :due, :overdue, 1, :at) "
                           "ON CONFLICT (round_id, case_number) DO NOTHING",
           soci::use(review.round_id), soci::use(review.case_number), soci::use(review.center),
           soci::use(review.assignee), soci::use(state), soci::use(review.return_reason),
           soci::use(due), soci::use(overdue), soci::use(review.updated_at));
      insert.execute(true);
      if (insert.get_affected_rows() != 1) {
        throw ConflictError("sagen " + review.case_number + " er allerede tildelt i runden " +
                            review.round_id);
      }
      scope.done();
    });
  }

  std::optional<CaseReview> find(std::string_view round_id, std::string_view case_number) override {
    const std::string round(round_id);
    const std::string number(case_number);
    return guarded(
        "cannot read case review " + review_name(round, number) + " from " + db_.redacted_url(),
        [&]() -> std::optional<CaseReview> {
          ReviewRow row;
          sql_ << std::string(kSelect) +
                      "WHERE round_id = :round_id AND case_number = :case_number",
              soci::into(row), soci::use(round), soci::use(number);
          if (!sql_.got_data()) return std::nullopt;
          return from_row(row);
        });
  }

  std::vector<CaseReview> list(const ReviewFilter& filter) override {
    return guarded("cannot list case reviews in " + db_.redacted_url(), [&] {
      const int has_round = filter.round_id ? 1 : 0;
      const std::string round = filter.round_id.value_or("");
      const int has_assignee = filter.assignee ? 1 : 0;
      const std::string assignee = filter.assignee.value_or("");
      const int has_state = filter.state ? 1 : 0;
      const std::string state = filter.state ? state_code(*filter.state) : "";
      const int overdue_only = filter.overdue_only ? 1 : 0;
      const int awaiting_only = filter.awaiting_reviewer_only ? 1 : 0;
      std::vector<CaseReview> out;
      ReviewRow row;
      soci::statement query =
          (sql_.prepare << std::string(kSelect) +
                               "WHERE (:has_round = 0 OR round_id = :round) "
                               "AND (:has_assignee = 0 OR assignee = :assignee) "
                               "AND (:has_state = 0 OR state = :state) "
                               "AND (:overdue_only = 0 OR overdue = 1) "
                               "AND (:awaiting_only = 0 OR state IN ('assigned', 'in_progress', "
                               "'returned')) "
                               "ORDER BY round_id, center, case_number",
           soci::into(row), soci::use(has_round), soci::use(round), soci::use(has_assignee),
           soci::use(assignee), soci::use(has_state), soci::use(state), soci::use(overdue_only),
           soci::use(awaiting_only));
      query.execute();
      while (query.fetch()) out.push_back(from_row(row));
      return out;
    });
  }

  CaseReview update(const CaseReview& review, const std::string& at) override {
    const std::string name = review_name(review.round_id, review.case_number);
    return guarded("cannot change case review " + name + " in " + db_.redacted_url(), [&] {
      WriteScope scope(db_);
      const std::string state = state_code(review.state);
      const int overdue = review.overdue ? 1 : 0;
      const int next_version = review.version + 1;
      soci::statement update =
          (sql_.prepare << "UPDATE case_reviews SET state = :state, return_reason = :reason, "
                           "assignee = :assignee, overdue = :overdue, version = :next, "
                           "updated_at = :at WHERE round_id = :round_id "
                           "AND case_number = :case_number AND version = :version",
           soci::use(state), soci::use(review.return_reason), soci::use(review.assignee),
           soci::use(overdue), soci::use(next_version), soci::use(at), soci::use(review.round_id),
           soci::use(review.case_number), soci::use(review.version));
      update.execute(true);
      if (update.get_affected_rows() != 1) {
        int stored = 0;
        sql_ << "SELECT version FROM case_reviews WHERE round_id = :round_id "
                "AND case_number = :case_number",
            soci::into(stored), soci::use(review.round_id), soci::use(review.case_number);
        if (!sql_.got_data()) throw NotFound("sagsgennemgangen " + name + " findes ikke");
        throw ConflictError("sagsgennemgangen " + name + " er ændret af en anden imens (version " +
                            std::to_string(stored) + ", ikke " + std::to_string(review.version) +
                            "); hent den igen");
      }
      CaseReview stored = review;
      stored.version = next_version;
      stored.updated_at = at;
      scope.done();
      return stored;
    });
  }

  bool mark_overdue(std::string_view round_id, std::string_view case_number) override {
    const std::string round(round_id);
    const std::string number(case_number);
    return guarded("cannot mark case review " + review_name(round, number) + " overdue in " +
                       db_.redacted_url(),
                   [&] {
                     WriteScope scope(db_);
                     soci::statement update =
                         (sql_.prepare << "UPDATE case_reviews SET overdue = 1 "
                                          "WHERE round_id = :round_id "
                                          "AND case_number = :case_number AND overdue = 0",
                          soci::use(round), soci::use(number));
                     update.execute(true);
                     const bool marked = update.get_affected_rows() == 1;
                     scope.done();
                     return marked;
                   });
  }

 private:
  Database& db_;
  soci::session& sql_;
};

}  // namespace

std::unique_ptr<CaseReviewRepository> make_case_review_repository(Database& db) {
  return std::make_unique<SociCaseReviewRepository>(db);
}

}  // namespace sagsaudit::storage
