// ExternalReviewRepository on SOCI: tables external_reviews, external_review_answers and
// blind_rounds (migration 6).
#include <soci/soci.h>

#include <algorithm>
#include <tuple>

#include "domain/errors.hpp"
#include "storage/external_review_repository.hpp"
#include "storage/soci_errors.hpp"
#include "storage/write_scope.hpp"

namespace sagsaudit::storage {
namespace {

std::string review_name(std::string_view round_id, std::string_view source) {
  return "revisorgennemgangen " + std::string(source) + " af " + std::string(round_id);
}

std::string optional_text(const soci::row& row, std::size_t column) {
  return row.get_indicator(column) == soci::i_null ? std::string() : row.get<std::string>(column);
}

// SQLite hands INTEGER columns over as int, PostgreSQL as int or long long by width.
long long integer(const soci::row& row, std::size_t column) {
  switch (row.get_properties(column).get_data_type()) {
    case soci::dt_long_long:
      return row.get<long long>(column);
    case soci::dt_unsigned_long_long:
      return static_cast<long long>(row.get<unsigned long long>(column));
    default:
      return row.get<int>(column);
  }
}

constexpr const char* kReviewColumns =
    "round_id, source, file_name, file_sha256, imported_at, imported_by, locked, locked_at, "
    "locked_by";

ExternalReview review_from_row(const soci::row& row) {
  ExternalReview r;
  r.round_id = row.get<std::string>(0);
  r.source = row.get<std::string>(1);
  r.file_name = row.get<std::string>(2);
  r.file_sha256 = row.get<std::string>(3);
  r.imported_at = row.get<std::string>(4);
  r.imported_by = row.get<std::string>(5);
  r.locked = integer(row, 6) != 0;
  r.locked_at = optional_text(row, 7);
  r.locked_by = optional_text(row, 8);
  return r;
}

class SociExternalReviewRepository final : public ExternalReviewRepository {
 public:
  explicit SociExternalReviewRepository(Database& db) : db_(db), sql_(db.session()) {}

  void store(const ExternalReview& review, const std::vector<ExternalAnswer>& answers) override {
    const std::string name = review_name(review.round_id, review.source);
    guarded("cannot store " + name + " in " + db_.redacted_url(), [&] {
      WriteScope scope(db_);
      if (const auto existing = find(review.round_id, review.source); existing) {
        if (existing->locked) {
          throw ConflictError(name + " er låst (" + existing->locked_at + " af " +
                              existing->locked_by + ") og kan ikke indlæses igen");
        }
        sql_ << "DELETE FROM external_review_answers WHERE round_id = :round_id "
                "AND source = :source",
            soci::use(review.round_id), soci::use(review.source);
        sql_ << "DELETE FROM external_reviews WHERE round_id = :round_id AND source = :source",
            soci::use(review.round_id), soci::use(review.source);
      }
      sql_ << "INSERT INTO external_reviews (round_id, source, file_name, file_sha256, "
              "imported_at, imported_by, locked) VALUES (:round_id, :source, :file_name, "
              ":sha256, :at, :by, 0)",
          soci::use(review.round_id), soci::use(review.source), soci::use(review.file_name),
          soci::use(review.file_sha256), soci::use(review.imported_at),
          soci::use(review.imported_by);
      std::string number, control, code, comment;
      int in_sample = 1, line = 0;
      soci::statement insert =
          (sql_.prepare << "INSERT INTO external_review_answers (round_id, source, case_number, "
                           "control_id, answer, comment, in_sample, line) VALUES (:round_id, "
                           ":source, :case_number, :control, :answer, :comment, :in_sample, "
                           ":line)",
           soci::use(review.round_id), soci::use(review.source), soci::use(number),
           soci::use(control), soci::use(code), soci::use(comment), soci::use(in_sample),
           soci::use(line));
      for (const auto& a : answers) {
        number = a.case_number;
        control = a.control_id;
        code = answer_code(a.answer);
        comment = a.comment;
        in_sample = a.in_sample ? 1 : 0;
        line = a.line;
        insert.execute(true);
      }
      scope.done();
    });
  }

  std::optional<ExternalReview> find(std::string_view round_id, std::string_view source) override {
    const std::string round(round_id), from(source);
    return guarded("cannot read " + review_name(round, from) + " from " + db_.redacted_url(),
                   [&]() -> std::optional<ExternalReview> {
                     soci::rowset<soci::row> rows =
                         (sql_.prepare << "SELECT " + std::string(kReviewColumns) +
                                              " FROM external_reviews WHERE round_id = :round_id "
                                              "AND source = :source",
                          soci::use(round), soci::use(from));
                     for (const auto& row : rows) return review_from_row(row);
                     return std::nullopt;
                   });
  }

  std::vector<ExternalReview> list(std::string_view round_id) override {
    const std::string round(round_id);
    return guarded(
        "cannot read the external reviews of " + round + " from " + db_.redacted_url(), [&] {
          std::vector<ExternalReview> out;
          soci::rowset<soci::row> rows =
              (sql_.prepare << "SELECT " + std::string(kReviewColumns) +
                                   " FROM external_reviews WHERE round_id = :round_id",
               soci::use(round));
          for (const auto& row : rows) out.push_back(review_from_row(row));
          // Byte order on both backends (PostgreSQL's collation need not be).
          std::sort(out.begin(), out.end(), [](const ExternalReview& a, const ExternalReview& b) {
            return a.source < b.source;
          });
          return out;
        });
  }

  std::vector<ExternalAnswer> answers(std::string_view round_id, std::string_view source) override {
    const std::string round(round_id), from(source);
    const std::string name = review_name(round, from);
    return guarded("cannot read the answers of " + name + " from " + db_.redacted_url(), [&] {
      std::vector<ExternalAnswer> out;
      soci::rowset<soci::row> rows =
          (sql_.prepare << "SELECT case_number, control_id, answer, comment, in_sample, line "
                           "FROM external_review_answers WHERE round_id = :round_id "
                           "AND source = :source",
           soci::use(round), soci::use(from));
      for (const auto& row : rows) {
        ExternalAnswer a;
        a.case_number = row.get<std::string>(0);
        a.control_id = row.get<std::string>(1);
        const auto answer = parse_answer(row.get<std::string>(2));
        if (!answer) throw StorageError("an answer of " + name + " is unreadable");
        a.answer = *answer;
        a.comment = row.get<std::string>(3);
        a.in_sample = integer(row, 4) != 0;
        a.line = static_cast<int>(integer(row, 5));
        out.push_back(std::move(a));
      }
      std::sort(out.begin(), out.end(), [](const ExternalAnswer& a, const ExternalAnswer& b) {
        return std::tie(a.case_number, a.control_id) < std::tie(b.case_number, b.control_id);
      });
      return out;
    });
  }

  void lock(std::string_view round_id, std::string_view source, const std::string& at,
            const std::string& by) override {
    const std::string round(round_id), from(source);
    const std::string name = review_name(round, from);
    guarded("cannot lock " + name + " in " + db_.redacted_url(), [&] {
      WriteScope scope(db_);
      const auto existing = find(round, from);
      if (!existing) throw NotFound(name + " findes ikke");
      if (existing->locked) {
        throw ConflictError(name + " er allerede låst (" + existing->locked_at + " af " +
                            existing->locked_by + ")");
      }
      sql_ << "UPDATE external_reviews SET locked = 1, locked_at = :at, locked_by = :by "
              "WHERE round_id = :round_id AND source = :source AND locked = 0",
          soci::use(at), soci::use(by), soci::use(round), soci::use(from);
      scope.done();
    });
  }

  void mark_blind(const BlindMark& mark) override {
    guarded("cannot mark round " + mark.round_id + " blind in " + db_.redacted_url(), [&] {
      WriteScope scope(db_);
      if (blind(mark.round_id)) {
        throw ConflictError("runden " + mark.round_id + " er allerede blind");
      }
      sql_ << "INSERT INTO blind_rounds (round_id, marked_at, marked_by) VALUES (:round_id, "
              ":at, :by)",
          soci::use(mark.round_id), soci::use(mark.marked_at), soci::use(mark.marked_by);
      scope.done();
    });
  }

  std::optional<BlindMark> blind(std::string_view round_id) override {
    const std::string round(round_id);
    return guarded("cannot read whether round " + round + " is blind from " + db_.redacted_url(),
                   [&]() -> std::optional<BlindMark> {
                     soci::rowset<soci::row> rows =
                         (sql_.prepare << "SELECT round_id, marked_at, marked_by FROM "
                                          "blind_rounds WHERE round_id = :round_id",
                          soci::use(round));
                     for (const auto& row : rows) {
                       return BlindMark{row.get<std::string>(0), row.get<std::string>(1),
                                        row.get<std::string>(2)};
                     }
                     return std::nullopt;
                   });
  }

 private:
  Database& db_;
  soci::session& sql_;
};

}  // namespace

std::unique_ptr<ExternalReviewRepository> make_external_review_repository(Database& db) {
  return std::make_unique<SociExternalReviewRepository>(db);
}

}  // namespace sagsaudit::storage
