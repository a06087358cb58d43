#pragma once
// The case-level personal data of a round, counted and erased (`sagsaudit retention apply`,
// engine/backup/retention.hpp, docs/operations.md "Retention"). Erasing blanks fields in place:
// no row is deleted, so every count the reports, the report summaries, the trafiklys and the
// revisorsammenligning are built from stays as it was.
//
// Which fields (the columns in kPersonalFields, by table):
//   population_cases         cpr_hash, masked_cpr, case_worker → ''; attributes → '{}'
//   review_answers           comment → ''
//   case_reviews             return_reason → ''
//   external_review_answers  comment → ''
//   corrections              reason → '' ('[slettet]' where state = 'not_relevant', which
//                            must keep a reason)
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "storage/database.hpp"

namespace sagsaudit::storage {

// What a correction's reason becomes where the schema needs one (state 'not_relevant').
inline constexpr std::string_view kErasedReason = "[slettet]";

struct PersonalFields {
  std::string table;
  std::vector<std::string> columns;
};
// The tables and columns erased, in the order above.
const std::vector<PersonalFields>& personal_fields();

// Rows that still hold personal data, per table of personal_fields() (same order).
struct PersonalDataCounts {
  std::vector<std::int64_t> rows;
  std::int64_t total() const;
};

class RetentionRepository {
 public:
  virtual ~RetentionRepository() = default;

  virtual PersonalDataCounts count(std::string_view round_id) = 0;

  // Blanks the fields; returns what it blanked (the counts just before). Joins the caller's
  // Transaction when one is open.
  virtual PersonalDataCounts erase(std::string_view round_id) = 0;

  // The `details` of the round's audit entries: those about the round itself and about its
  // case reviews ("<round>/<case>") and external reviews ("<round>/<source>").
  virtual std::vector<std::string> audit_details(std::string_view round_id) = 0;
};

// REQUIRES: db outlives the repository and has been migrated.
std::unique_ptr<RetentionRepository> make_retention_repository(Database& db);

}  // namespace sagsaudit::storage
