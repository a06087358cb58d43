#pragma once
// The drawn stikprøve of a round and its protocol (tables of migration 4). The protocol is what
// a third party needs to redo the draw: population hash, strata, rule, seed, algorithm, picks.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/sample_protocol.hpp"
#include "storage/database.hpp"

namespace sagsaudit::storage {

// One drawn case, as the workflow needs it (assignment, reviews).
struct SampledCase {
  std::string round_id;
  std::string case_number;  // sagsnummer
  std::string center;       // center code
  std::string case_worker;  // sagsbehandler
  std::string masked_cpr;   // "010180-xxxx"; the full CPR is never stored
  int draw_order = 0;       // 1, 2, … within the center's stratum, in draw order
};

// Every method throws StorageError when the database refuses.
class SampleReader {
 public:
  virtual ~SampleReader() = default;
  // The round's drawn cases, ordered by center code, then draw_order; empty before the draw.
  virtual std::vector<SampledCase> sampled_cases(std::string_view round_id) = 0;
};

// REQUIRES: db outlives the reader and has been migrated.
std::unique_ptr<SampleReader> make_sample_reader(Database& db);

// The draw's own storage: the protocol with its strata, picks and exclusions (migration 4).
class SampleRepository : public SampleReader {
 public:
  // Stores the protocol, its strata, picks and exclusions. Throws ConflictError when the round
  // has a protocol already (a draw is never replaced). Joins the caller's Transaction when one
  // is open, otherwise runs in its own.
  virtual void store(const SampleProtocol& protocol) = 0;

  virtual std::optional<SampleProtocol> protocol(std::string_view round_id) = 0;

  // The sagsnumre drawn in each of the given rounds (for excluding them from a later draw).
  virtual std::vector<std::string> drawn_case_numbers(
      const std::vector<std::string>& round_ids) = 0;

  // True when the round has a protocol (its sample has been drawn).
  virtual bool has_protocol(std::string_view round_id) = 0;
};

// REQUIRES: db outlives the repository and has been migrated.
std::unique_ptr<SampleRepository> make_sample_repository(Database& db);

}  // namespace sagsaudit::storage
