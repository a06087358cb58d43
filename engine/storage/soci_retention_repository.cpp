// RetentionRepository on SOCI. The statements name columns only (no positions), so a later
// migration that reshapes a table needs only its line below changed.
#include <soci/soci.h>

#include "storage/retention_repository.hpp"
#include "storage/soci_errors.hpp"
#include "storage/write_scope.hpp"

namespace sagsaudit::storage {
namespace {

struct PersonalStatements {
  std::string where;  // rows of round :round that still hold personal data
  std::string erase;  // SET … for those rows
};

// A free-text field of the round still holding text: anything but '' and kErasedText.
PersonalStatements free_text(const std::string& table, const std::string& column) {
  const std::string erased = "'" + std::string(kErasedText) + "'";
  return {
      table + " WHERE round_id = :round AND " + column + " <> '' AND " + column + " <> " + erased,
      column + " = " + erased};
}

// In the order of personal_fields().
const std::vector<PersonalStatements>& statements() {
  static const std::vector<PersonalStatements> list = {
      // Cases belong to the round's population (migration 10); cpr_hash is 32 raw bytes, blanked
      // to the empty byte string, which substr(…, 1, 0) gives on both backends.
      {"population_cases WHERE population_id IN (SELECT population_id FROM populations WHERE "
       "round_id = :round) AND (length(cpr_hash) > 0 OR masked_cpr <> '' OR case_worker <> '' OR "
       "attributes <> '{}')",
       "cpr_hash = substr(cpr_hash, 1, 0), masked_cpr = '', case_worker = '', attributes = '{}'"},
      free_text("review_answers", "comment"),
      free_text("case_reviews", "return_reason"),
      free_text("external_review_answers", "comment"),
      free_text("corrections", "reason"),
  };
  return list;
}

class SociRetentionRepository final : public RetentionRepository {
 public:
  explicit SociRetentionRepository(Database& db) : db_(db), sql_(db.session()) {}

  PersonalDataCounts count(std::string_view round_id) override {
    return guarded("cannot count personal data in " + db_.redacted_url(), [&] {
      const std::string round(round_id);
      PersonalDataCounts counts;
      for (const auto& statement : statements()) {
        long long rows = 0;
        sql_ << "SELECT COUNT(*) FROM " + statement.where, soci::use(round, "round"),
            soci::into(rows);
        counts.rows.push_back(rows);
      }
      return counts;
    });
  }

  PersonalDataCounts erase(std::string_view round_id) override {
    return guarded("cannot erase personal data in " + db_.redacted_url(), [&] {
      WriteScope scope(db_);
      const PersonalDataCounts before = count(round_id);
      const std::string round(round_id);
      for (const auto& statement : statements()) {
        const auto split = statement.where.find(" WHERE ");
        sql_ << "UPDATE " + statement.where.substr(0, split) + " SET " + statement.erase +
                    statement.where.substr(split),
            soci::use(round, "round");
      }
      scope.done();
      return before;
    });
  }

  std::vector<std::string> audit_details(std::string_view round_id) override {
    return guarded("cannot read the audit log in " + db_.redacted_url(), [&] {
      const std::string round(round_id);
      // Round ids are ydelsestype and period ([a-z_]+-\d{4}(-[KH]\d)?): no LIKE wildcards.
      const std::string prefix = round + "/%";
      std::vector<std::string> out;
      std::string details;
      soci::statement query =
          (sql_.prepare << "SELECT details FROM audit_log WHERE object_id = :round OR "
                           "object_id LIKE :prefix ORDER BY seq",
           soci::into(details), soci::use(round, "round"), soci::use(prefix, "prefix"));
      query.execute();
      while (query.fetch()) out.push_back(details);
      return out;
    });
  }

 private:
  Database& db_;
  soci::session& sql_;
};

}  // namespace

const std::vector<PersonalFields>& personal_fields() {
  static const std::vector<PersonalFields> list = {
      {"population_cases", {"cpr_hash", "masked_cpr", "case_worker", "attributes"}},
      {"review_answers", {"comment"}},
      {"case_reviews", {"return_reason"}},
      {"external_review_answers", {"comment"}},
      {"corrections", {"reason"}},
  };
  return list;
}

std::int64_t PersonalDataCounts::total() const {
  std::int64_t sum = 0;
  for (const auto n : rows) sum += n;
  return sum;
}

std::unique_ptr<RetentionRepository> make_retention_repository(Database& db) {
  return std::make_unique<SociRetentionRepository>(db);
}

}  // namespace sagsaudit::storage
