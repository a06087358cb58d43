#pragma once
// The case-level personal data of a round, counted and erased (`sagsaudit retention apply`,
// engine/backup/retention.hpp, docs/operations.md "Retention"). Erasing blanks fields in place:
// no row is deleted, so every count the reports, the report summaries, the trafiklys and the
// revisorsammenligning are built from stays as it was.
//
// Which fields (personal_fields(), by table):
//   population_cases         cpr_hash, masked_cpr, case_worker → ''; attributes → '{}'
//   review_answers           comment        ┐ non-empty text → kErasedText ("[slettet]"): the
//   case_reviews             return_reason  │ rules that a fejl has a comment, a returned review
//   external_review_answers  comment        │ a reason and a correction set to not relevant a
//   corrections              reason         ┘ reason still hold, so the data still loads

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "storage/database.hpp"

namespace sagsaudit::storage {

// What erased free text becomes.
inline constexpr std::string_view kErasedText = "[slettet]";

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
