#pragma once
// Importing a round's population from the case system's CSV file (issue 3, docs/population-
// import.md): read the file (UTF-8 or Windows-1252), check every row against the round
// (domain/population_rules.hpp), and store the cases — CPR numbers only as keyed hash and
// masked form — together with the file's SHA-256, its encoding and the count per center, the
// round's move to "population indlæst" and an audit log entry, all in one transaction. A file
// with any problem is refused whole and leaves nothing behind.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>

#include "crypto/cpr_hash.hpp"
#include "domain/annual_wheel.hpp"
#include "domain/population_rules.hpp"
#include "loading/text_encoding.hpp"
#include "storage/database.hpp"
#include "storage/round_repository.hpp"

namespace sagsaudit {

// Called now and then during a long import or draw: the rows (cases) handled so far, and how
// far along the work is as `done` of `total` (bytes of the file while reading it, cases while
// drawing).
using ProgressReport = std::function<void(std::size_t rows, std::size_t done, std::size_t total)>;

// A round with what its population is checked and drawn against: the årshjul version it
// recorded, and that version's entry for its ydelsestype (the sample rule, frozen with the
// round).
struct RoundContext {
  storage::Round round;
  AnnualWheel wheel;
  WheelEntry entry;
};

// Throws NotFound when there is no such round, StorageError when its årshjul version or entry
// is missing from the database.
RoundContext load_round_context(storage::Database& db, const std::string& round_id);

// What the rules need for this round's file.
PopulationRulesInput population_rules_input(const RoundContext& context, const std::string& file);

struct PopulationFileSummary {
  std::string file;
  std::string sha256;  // of the file's bytes, as they are on disk
  TextEncoding encoding = TextEncoding::utf8;
  std::size_t rows = 0;
  std::map<std::string, std::size_t> center_counts;  // every center, zero included
};

// Reads and checks the file, calling on_case with every valid case for as long as no problem
// has been found (so a caller storing them can stop early; it rolls back anyway). Throws
// PopulationRejected with the first problems and their count when any row or the header is
// wrong, or the file has no cases; ValidationError when it cannot be read.
PopulationFileSummary read_population_file(const std::string& path,
                                           const PopulationRulesInput& rules,
                                           const std::function<void(PopulationCase&)>& on_case,
                                           const ProgressReport& progress = {});
// The same for a file's bytes already read; `path` names the file in messages (the fuzzer,
// fuzz/population_csv_fuzzer.cpp, checks text without writing it to disk).
PopulationFileSummary read_population_bytes(std::string bytes, const std::string& path,
                                            const PopulationRulesInput& rules,
                                            const std::function<void(PopulationCase&)>& on_case,
                                            const ProgressReport& progress = {});

// `population check`: the same checks, nothing stored.
PopulationFileSummary check_population(storage::Database& db, const std::string& round_id,
                                       const std::string& path,
                                       const ProgressReport& progress = {});

struct ImportOptions {
  std::string actor;
  std::string at;        // UTC ISO 8601 (the caller reads the clock)
  bool replace = false;  // replace a population no sample has been drawn from
};

// `population import`. Throws PopulationRejected (bad file), ConflictError (the round is not
// 'planlagt' — or, with replace, not 'population indlæst' without a drawn sample), NotFound,
// StorageError. REQUIRES: no Transaction is open on db.
PopulationFileSummary import_population(storage::Database& db, const std::string& round_id,
                                        const std::string& path, const CprKey& key,
                                        const ImportOptions& options,
                                        const ProgressReport& progress = {});

}  // namespace sagsaudit
