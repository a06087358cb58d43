#pragma once
// `sample draw`, `sample protocol` and `sample verify` (issue 3, docs/sampling.md): the draw on
// a round's stored population, stored with its protocol in the same transaction as the round's
// move to "stikprøve udtrukket"; and the redraw from the population file that lets anyone check
// that the stored picks are what the protocol's inputs give.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/sample_protocol.hpp"
#include "population/population_import.hpp"
#include "storage/database.hpp"

namespace sagsaudit {

// A seed from the operating system's random source (getrandom). Used only for the seed, which
// is then recorded; nothing in the draw itself reads a random source.
std::uint64_t os_seed();

struct DrawOptions {
  std::optional<std::uint64_t> seed;  // none: os_seed(), recorded as such
  int exclude_last = 0;  // leave out cases drawn in the last K rounds of the same ydelsestype
  std::string actor;
  std::string at;  // UTC ISO 8601
};

// Throws NotFound, ConflictError (the round is not 'population indlæst'), ValidationError
// (a negative exclude_last; a statistical rule that cannot be planned), StorageError.
// REQUIRES: no Transaction is open on db.
SampleProtocol draw_sample(storage::Database& db, const std::string& round_id,
                           const DrawOptions& options, const ProgressReport& progress = {});

// Throws NotFound when the round or its protocol does not exist.
SampleProtocol sample_protocol(storage::Database& db, const std::string& round_id);

struct SampleVerification {
  bool ok = false;
  SampleProtocol recorded;
  std::string file_sha256;
  std::uint64_t seed = 0;             // the seed the redraw used
  std::vector<std::string> problems;  // Danish, one per difference; empty when ok
};

// Reads the population file, redraws with the protocol's seed (or `seed` when given) and rule,
// and compares every pick. A file that differs from the imported one, a different seed, or a
// changed pick makes it fail, saying why.
SampleVerification verify_sample(storage::Database& db, const std::string& round_id,
                                 const std::string& population_file,
                                 std::optional<std::uint64_t> seed = std::nullopt,
                                 const ProgressReport& progress = {});

}  // namespace sagsaudit
