// ReportSummaryRepository on SOCI: tables report_summary_rounds, report_cell_levels and
// report_cell_controls (migration 9), and counts from case_reviews.
#include <soci/soci.h>

#include "domain/errors.hpp"
#include "storage/batch_insert.hpp"
#include "storage/report_summary_repository.hpp"
#include "storage/soci_errors.hpp"
#include "storage/write_scope.hpp"

namespace sagsaudit::storage {
namespace {

// An integer column, whichever type the backend reports (COUNT(*) is bigint on PostgreSQL; on
// SQLite it has no declared type).
std::int64_t integer_at(const soci::row& row, std::size_t column) {
  switch (row.get_properties(column).get_data_type()) {
    case soci::dt_integer:
      return row.get<int>(column);
    case soci::dt_long_long:
      return row.get<long long>(column);
    case soci::dt_unsigned_long_long:
      return static_cast<std::int64_t>(row.get<unsigned long long>(column));
    case soci::dt_double:  // SQLite's COUNT(*), which has no declared type
      return static_cast<std::int64_t>(row.get<double>(column));
    case soci::dt_string:
      return std::stoll(row.get<std::string>(column));
    default:
      throw StorageError("report summary column " + std::to_string(column) + " is not a number");
  }
}

// The ids as an SQL list of string literals: `('a', 'b')`. Round ids come from the rounds table;
// quotes are doubled all the same, so any text is a literal.
std::string text_list(const std::vector<std::string>& ids) {
  std::string out = "(";
  for (const auto& id : ids) {
    if (out.size() > 1) out += ", ";
    out += '\'';
    for (const char c : id) {
      if (c == '\'') out += '\'';
      out += c;
    }
    out += '\'';
  }
  return out + ")";
}

constexpr int kOverallLevel = 3;

class SociReportSummaryRepository final : public ReportSummaryRepository {
 public:
  explicit SociReportSummaryRepository(Database& db) : db_(db), sql_(db.session()) {}

  std::set<std::string> complete_rounds(const std::vector<std::string>& round_ids) override {
    std::set<std::string> out;
    if (round_ids.empty()) return out;
    guarded("cannot read the report summaries from " + db_.redacted_url(), [&] {
      soci::rowset<soci::row> rows =
          sql_.prepare << "SELECT round_id FROM report_summary_rounds WHERE round_id IN " +
                              text_list(round_ids);
      for (const auto& row : rows) out.insert(row.get<std::string>(0));
    });
    return out;
  }

  void replace_cell(std::string_view round_id, std::string_view center,
                    const Tally& tally) override {
    const std::string round(round_id), code(center);
    guarded(
        "cannot store the report summary of " + round + "/" + code + " in " + db_.redacted_url(),
        [&] {
          WriteScope scope(db_);
          sql_ << "DELETE FROM report_cell_levels WHERE round_id = :r AND center = :c",
              soci::use(round), soci::use(code);
          sql_ << "DELETE FROM report_cell_controls WHERE round_id = :r AND center = :c",
              soci::use(round), soci::use(code);
          if (tally.reviews > 0) insert(round, code, tally);
          scope.done();
        });
  }

  void clear_round(std::string_view round_id) override {
    const std::string round(round_id);
    guarded("cannot clear the report summaries of " + round + " in " + db_.redacted_url(), [&] {
      WriteScope scope(db_);
      sql_ << "DELETE FROM report_cell_levels WHERE round_id = :r", soci::use(round);
      sql_ << "DELETE FROM report_cell_controls WHERE round_id = :r", soci::use(round);
      sql_ << "DELETE FROM report_summary_rounds WHERE round_id = :r", soci::use(round);
      scope.done();
    });
  }

  void mark_complete(std::string_view round_id, const std::string& at) override {
    const std::string round(round_id);
    guarded("cannot store the report summaries of " + round + " in " + db_.redacted_url(), [&] {
      WriteScope scope(db_);
      sql_ << "DELETE FROM report_summary_rounds WHERE round_id = :r", soci::use(round);
      sql_ << "INSERT INTO report_summary_rounds (round_id, built_at) VALUES (:r, :at)",
          soci::use(round), soci::use(at);
      scope.done();
    });
  }

  std::vector<StoredCell> load_cells(const std::vector<std::string>& round_ids,
                                     bool with_controls) override {
    std::vector<StoredCell> out;
    if (round_ids.empty()) return out;
    guarded("cannot read the report summaries from " + db_.redacted_url(), [&] {
      const std::string in = text_list(round_ids);
      // Rows come grouped by round and center (any order of the groups); levels fill one cell.
      soci::rowset<soci::row> levels =
          sql_.prepare << "SELECT round_id, center, level, reviews, correct, error, "
                          "not_applicable, not_assessable, with_error, correct_only, "
                          "correct_and_not_assessable, not_assessable_only, not_counted "
                          "FROM report_cell_levels WHERE round_id IN " +
                              in + " ORDER BY round_id, center";
      for (const auto& row : levels) {
        std::string round = row.get<std::string>(0), center = row.get<std::string>(1);
        if (out.empty() || out.back().round_id != round || out.back().center != center) {
          out.push_back(StoredCell{std::move(round), std::move(center), {}});
        }
        const std::int64_t level = integer_at(row, 2);
        if (level < 0 || level > kOverallLevel) throw StorageError("unknown summary level");
        CategoryTally& target = level == kOverallLevel
                                    ? out.back().tally.overall
                                    : out.back().tally.categories[static_cast<std::size_t>(level)];
        out.back().tally.reviews = integer_at(row, 3);
        target.answers = AnswerCounts{integer_at(row, 4), integer_at(row, 5), integer_at(row, 6),
                                      integer_at(row, 7)};
        target.cases = CaseTally{integer_at(row, 8), integer_at(row, 9), integer_at(row, 10),
                                 integer_at(row, 11), integer_at(row, 12)};
      }
      if (!with_controls) return;
      std::size_t cell = 0;
      soci::rowset<soci::row> controls =
          sql_.prepare << "SELECT round_id, center, control_id, correct, error, "
                          "not_applicable, not_assessable FROM report_cell_controls "
                          "WHERE round_id IN " +
                              in + " ORDER BY round_id, center";
      for (const auto& row : controls) {
        const std::string round = row.get<std::string>(0), center = row.get<std::string>(1);
        // Both queries order by the same columns, so the cells are met in the same order.
        while (cell < out.size() && (out[cell].round_id != round || out[cell].center != center)) {
          ++cell;
        }
        if (cell == out.size()) throw StorageError("report summary of " + round + " incomplete");
        out[cell].tally.controls.push_back(
            ControlTally{row.get<std::string>(2), Category::formality,
                         AnswerCounts{integer_at(row, 3), integer_at(row, 4), integer_at(row, 5),
                                      integer_at(row, 6)}});
      }
    });
    return out;
  }

  std::vector<ReviewStateCount> review_state_counts(
      const std::vector<std::string>& round_ids, const std::vector<ReviewState>& states) override {
    std::vector<ReviewStateCount> out;
    if (round_ids.empty() || states.empty()) return out;
    std::vector<std::string> codes;
    for (const auto state : states) codes.push_back(state_code(state));
    guarded("cannot count the reviews in " + db_.redacted_url(), [&] {
      soci::rowset<soci::row> rows =
          sql_.prepare << "SELECT round_id, center, state, COUNT(*) FROM case_reviews "
                          "WHERE round_id IN " +
                              text_list(round_ids) + " AND state IN " + text_list(codes) +
                              " GROUP BY round_id, center, state";
      for (const auto& row : rows) {
        const auto state = parse_review_state(row.get<std::string>(2));
        if (!state) throw StorageError("a case review has an unreadable state");
        out.push_back(ReviewStateCount{row.get<std::string>(0), row.get<std::string>(1), *state,
                                       integer_at(row, 3)});
      }
    });
    return out;
  }

 private:
  // The four answer-count columns both tables have: correct, error, not_applicable,
  // not_assessable.
  static BatchInsert::Row& with_answer_counts(BatchInsert::Row& row, const AnswerCounts& a) {
    return row.number(a.correct).number(a.error).number(a.not_applicable).number(a.not_assessable);
  }

  // A cell's rows: one per level (categories, then overall) and one per control, as two
  // statements (BatchInsert), since a submit rewrites its cell in the submit's transaction.
  void insert(const std::string& round, const std::string& center, const Tally& tally) {
    BatchInsert levels(sql_, "report_cell_levels",
                       {"round_id", "center", "level", "reviews", "correct", "error",
                        "not_applicable", "not_assessable", "with_error", "correct_only",
                        "correct_and_not_assessable", "not_assessable_only", "not_counted"});
    for (int level = 0; level <= kOverallLevel; ++level) {
      const CategoryTally& t = level == kOverallLevel
                                   ? tally.overall
                                   : tally.categories[static_cast<std::size_t>(level)];
      with_answer_counts(levels.row().text(round).text(center).number(level).number(tally.reviews),
                         t.answers)
          .number(t.cases.with_error)
          .number(t.cases.correct_only)
          .number(t.cases.correct_and_not_assessable)
          .number(t.cases.not_assessable_only)
          .number(t.cases.not_counted);
    }
    levels.write();
    BatchInsert controls(sql_, "report_cell_controls",
                         {"round_id", "center", "control_id", "correct", "error", "not_applicable",
                          "not_assessable"});
    for (const ControlTally& c : tally.controls) {
      with_answer_counts(controls.row().text(round).text(center).text(c.control_id), c.answers);
    }
    controls.write();
  }

  Database& db_;
  soci::session& sql_;
};

}  // namespace

std::unique_ptr<ReportSummaryRepository> make_report_summary_repository(Database& db) {
  return std::make_unique<SociReportSummaryRepository>(db);
}

}  // namespace sagsaudit::storage
