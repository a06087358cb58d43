#pragma once
// The imported population of a round (tables populations, population_centers, population_cases
// of migrations 4 and 10). An import is written in one transaction: the caller opens it, begins
// the population, adds the cases in batches and finishes it; nothing is visible before the
// commit.
#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storage/database.hpp"

namespace sagsaudit::storage {

struct PopulationInfo {
  std::string round_id;
  std::string file_name;    // as given to the import, for people
  std::string file_sha256;  // of the file's bytes
  std::string encoding;     // "utf-8", "utf-8-bom" or "windows-1252"
  std::int64_t row_count = 0;
  std::string cpr_key_id;   // CprKey::id() of the key the CPR hashes were made with
  std::string imported_at;  // UTC ISO 8601
  std::string imported_by;
  std::map<std::string, std::int64_t> center_counts;  // every center of the round's årshjul
};

// One case as stored: never the CPR number, only its keyed hash and masked form.
struct StoredCase {
  std::string case_number;
  std::string center;
  std::array<unsigned char, 32> cpr_hash{};  // the keyed hash's bytes (crypto/cpr_hash.hpp)
  std::string masked_cpr;
  std::string case_worker;
  std::string decision_date;  // ISO 8601
  int line = 0;
  std::string attributes_json;  // {"header": "value", …}
};

// Every method throws StorageError when the database refuses.
class PopulationRepository {
 public:
  virtual ~PopulationRepository() = default;

  // Writes the population row: round, file name, key id, who and when (the rest as known so
  // far; finish() completes it), and gives it its population id. REQUIRES: a Transaction is open
  // on the Database.
  virtual void begin(const PopulationInfo& info) = 0;
  // REQUIRES: begin() for round_id on this repository in the same Transaction. Fast for large
  // batches (PostgreSQL: COPY into the population's own table; SQLite: one prepared statement).
  // A sagsnummer given twice is refused by the database here (SQLite) or by finish()
  // (PostgreSQL, where the primary key is built at the end).
  virtual void add_cases(std::string_view round_id, const std::vector<StoredCase>& cases) = 0;
  // Records what is known once the file is read: its SHA-256, encoding, row count and count
  // per center, and each center's sagsnumre in canonical order from the cases add_cases() was
  // given; on PostgreSQL it also builds the primary key of the cases and makes them part of
  // population_cases (until then they are not seen there). REQUIRES: begin() for info.round_id
  // on this repository in the same Transaction.
  virtual void finish(const PopulationInfo& info) = 0;
  // Removes a population (and its cases) that no sample has been drawn from, so that it can be
  // imported again. REQUIRES: a Transaction is open.
  virtual void remove(std::string_view round_id) = 0;

  virtual std::optional<PopulationInfo> find(std::string_view round_id) = 0;

  // One stored case (the facts a reviewer sees: masked CPR, sagsbehandler, afgørelsesdato,
  // the file's other columns), or nothing.
  virtual std::optional<StoredCase> find_case(std::string_view round_id,
                                              std::string_view case_number) = 0;

  // The sagsnumre of each center. In canonical order (ascending by bytes) when the population
  // was written by one repository's begin(), add_cases() and finish(), as an import does:
  // finish() records each center's order. Otherwise in no particular order (the draw sorts them
  // by bytes; the databases' collations differ, so ORDER BY would not be a canonical order).
  virtual std::map<std::string, std::vector<std::string>> case_numbers_by_center(
      std::string_view round_id) = 0;
};

// REQUIRES: db outlives the repository and has been migrated.
std::unique_ptr<PopulationRepository> make_population_repository(Database& db);

}  // namespace sagsaudit::storage
