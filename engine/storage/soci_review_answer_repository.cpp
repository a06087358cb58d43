// ReviewAnswerRepository on SOCI: table review_answers (migration 5).
#include <soci/soci.h>

#include <algorithm>
#include <tuple>

#include "domain/errors.hpp"
#include "storage/batch_insert.hpp"
#include "storage/review_answer_repository.hpp"
#include "storage/soci_errors.hpp"
#include "storage/write_scope.hpp"

namespace sagsaudit::storage {
namespace {

std::string review_name(std::string_view round_id, std::string_view case_number) {
  return std::string(round_id) + "/" + std::string(case_number);
}

std::optional<std::string> optional_text(const soci::row& row, std::size_t column) {
  if (row.get_indicator(column) == soci::i_null) return std::nullopt;
  return row.get<std::string>(column);
}

// Reads the answer columns starting at `first`: control_id, answer, comment, amount,
// period_from, period_to. `what` names the review in the error of an unreadable row.
ControlAnswer answer_from_row(const soci::row& row, std::size_t first, const std::string& what) {
  ControlAnswer a;
  a.control_id = row.get<std::string>(first);
  const auto answer = parse_answer(row.get<std::string>(first + 1));
  if (!answer) throw StorageError("answer " + a.control_id + " of " + what + " is unreadable");
  a.answer = *answer;
  a.comment = row.get<std::string>(first + 2);
  if (const auto amount = optional_text(row, first + 3)) {
    a.amount = parse_decimal(*amount);
    if (!a.amount) throw StorageError("amount of " + a.control_id + " of " + what + " unreadable");
  }
  const auto from = optional_text(row, first + 4);
  const auto to = optional_text(row, first + 5);
  if (from && to) {
    const auto first_day = parse_iso_date(*from);
    const auto last_day = parse_iso_date(*to);
    if (!first_day || !last_day) {
      throw StorageError("period of " + a.control_id + " of " + what + " unreadable");
    }
    a.affected_period = AffectedPeriod{*first_day, *last_day};
  }
  return a;
}

constexpr const char* kAnswerColumns =
    "control_id, answer, comment, amount, period_from, period_to";

class SociReviewAnswerRepository final : public ReviewAnswerRepository {
 public:
  explicit SociReviewAnswerRepository(Database& db) : db_(db), sql_(db.session()) {}

  std::vector<StoredAnswer> load(std::string_view round_id, std::string_view case_number) override {
    const std::string round(round_id);
    const std::string number(case_number);
    const std::string name = review_name(round, number);
    return guarded("cannot read the answers of " + name + " from " + db_.redacted_url(), [&] {
      std::vector<StoredAnswer> out;
      soci::rowset<soci::row> rows =
          (sql_.prepare << "SELECT " + std::string(kAnswerColumns) +
                               ", updated_at, updated_by FROM review_answers "
                               "WHERE round_id = :round_id AND case_number = :case_number",
           soci::use(round), soci::use(number));
      for (const auto& row : rows) {
        out.push_back(StoredAnswer{answer_from_row(row, 0, name), row.get<std::string>(6),
                                   row.get<std::string>(7)});
      }
      // Sorted here rather than by ORDER BY: PostgreSQL's collation need not be byte order.
      std::sort(out.begin(), out.end(), [](const StoredAnswer& a, const StoredAnswer& b) {
        return a.answer.control_id < b.answer.control_id;
      });
      return out;
    });
  }

  void replace(std::string_view round_id, std::string_view case_number,
               const std::vector<StoredAnswer>& answers) override {
    const std::string round(round_id);
    const std::string number(case_number);
    guarded(
        "cannot store the answers of " + review_name(round, number) + " in " + db_.redacted_url(),
        [&] {
          WriteScope scope(db_);
          sql_ << "DELETE FROM review_answers WHERE round_id = :round_id "
                  "AND case_number = :case_number",
              soci::use(round), soci::use(number);
          BatchInsert insert(sql_, "review_answers",
                             {"round_id", "case_number", "control_id", "answer", "comment",
                              "amount", "period_from", "period_to", "updated_at", "updated_by"});
          for (const auto& stored : answers) {
            const ControlAnswer& a = stored.answer;
            const auto& period = a.affected_period;
            insert.row()
                .text(round)
                .text(number)
                .text(a.control_id)
                .text(answer_code(a.answer))
                .text(a.comment)
                .text_or_null(a.amount ? std::optional(a.amount->to_string()) : std::nullopt)
                .text_or_null(period ? std::optional(to_iso(period->from)) : std::nullopt)
                .text_or_null(period ? std::optional(to_iso(period->to)) : std::nullopt)
                .text(stored.updated_at)
                .text(stored.updated_by);
          }
          insert.write();
          scope.done();
        });
  }

  std::vector<ReviewWithAnswers> round_answers(std::string_view round_id,
                                               const std::vector<ReviewState>& states) override {
    return answers_of(round_id, std::nullopt, states);
  }

  std::vector<ReviewWithAnswers> center_answers(std::string_view round_id, std::string_view center,
                                                const std::vector<ReviewState>& states) override {
    return answers_of(round_id, std::string(center), states);
  }

 private:
  std::vector<ReviewWithAnswers> answers_of(std::string_view round_id,
                                            const std::optional<std::string>& center,
                                            const std::vector<ReviewState>& states) {
    const std::string round(round_id);
    const std::string center_code = center.value_or("");
    const int all_centers = center ? 0 : 1;
    // The state codes come from state_code(), never from input, so they can be written inline.
    std::string state_filter;
    for (const auto state : states) {
      state_filter += (state_filter.empty() ? "" : ", ") + ("'" + state_code(state) + "'");
    }
    if (!state_filter.empty()) state_filter = " AND r.state IN (" + state_filter + ")";
    return guarded(
        "cannot read the answers of round " + round + " from " + db_.redacted_url(), [&] {
          std::vector<ReviewWithAnswers> out;
          soci::rowset<soci::row> rows =
              (sql_.prepare << "SELECT r.case_number, r.center, r.state, a.control_id, "
                               "a.answer, a.comment, a.amount, a.period_from, a.period_to "
                               "FROM case_reviews r LEFT JOIN review_answers a "
                               "ON a.round_id = r.round_id AND a.case_number = r.case_number "
                               "WHERE r.round_id = :round_id "
                               "AND (:all_centers = 1 OR r.center = :center)" +
                                   state_filter + " ORDER BY r.center, r.case_number",
               soci::use(round), soci::use(all_centers), soci::use(center_code));
          for (const auto& row : rows) {
            const std::string number = row.get<std::string>(0);
            if (out.empty() || out.back().case_number != number) {
              ReviewWithAnswers review;
              review.case_number = number;
              review.center = row.get<std::string>(1);
              const auto state = parse_review_state(row.get<std::string>(2));
              if (!state) {
                throw StorageError("case review " + review_name(round, number) +
                                   " has an unreadable state");
              }
              review.state = *state;
              out.push_back(std::move(review));
            }
            if (row.get_indicator(3) == soci::i_null) continue;  // no answers yet
            out.back().answers.push_back(answer_from_row(row, 3, review_name(round, number)));
          }
          // Byte order on both backends (PostgreSQL's collation need not be).
          for (auto& review : out) {
            std::sort(review.answers.begin(), review.answers.end(),
                      [](const ControlAnswer& a, const ControlAnswer& b) {
                        return a.control_id < b.control_id;
                      });
          }
          std::sort(out.begin(), out.end(),
                    [](const ReviewWithAnswers& a, const ReviewWithAnswers& b) {
                      return std::tie(a.center, a.case_number) < std::tie(b.center, b.case_number);
                    });
          return out;
        });
  }

  Database& db_;
  soci::session& sql_;
};

}  // namespace

std::unique_ptr<ReviewAnswerRepository> make_review_answer_repository(Database& db) {
  return std::make_unique<SociReviewAnswerRepository>(db);
}

}  // namespace sagsaudit::storage
