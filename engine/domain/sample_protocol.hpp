#pragma once
// The protocol of a stikprøve draw: everything a third party needs to redo it (DESIGN.md:
// a draw is determined by the population file's hash, the seed, the rule and the algorithm).
// Stored with the round, printed by `sample draw` and `sample protocol`, and checked by
// `sample verify`, which redraws and compares (compare_draws below).
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace sagsaudit {

struct StratumProtocol {
  std::string center;
  std::size_t listed = 0;          // cases of the center in the population file
  std::size_t excluded = 0;        // of those, left out because an earlier round drew them
  std::size_t population = 0;      // N = listed − excluded: the stratum the draw ran over
  std::size_t requested = 0;       // n the rule asked for
  bool took_all = false;           // requested ≥ N: every case was drawn
  std::vector<std::string> picks;  // sagsnumre in draw order
  std::vector<std::string> excluded_cases;  // sagsnumre left out, ascending by bytes
};

struct SampleProtocol {
  std::string round_id;
  std::string benefit_type;
  std::string period;             // "2027-K1": part of each stratum's stream key
  std::string population_sha256;  // of the population file's bytes, as imported
  std::string population_file;    // its name when imported, for people
  std::string rule;               // the sample-size rule, described (Danish)
  std::uint64_t seed = 0;
  bool seed_from_os = false;  // drawn from the OS rather than given with --seed
  std::string algorithm;
  int algorithm_version = 0;
  int exclude_last = 0;                      // K: cases drawn in the last K rounds left out
  std::vector<std::string> excluded_rounds;  // those rounds' ids, most recent first
  std::string drawn_at;                      // UTC ISO 8601
  std::string drawn_by;
  std::vector<StratumProtocol> strata;  // by center code

  std::size_t total_drawn() const;
};

// The protocol as Danish text, the way `sample draw` and `sample protocol` print it: the
// inputs first, then per center N, n and the sagsnumre in draw order.
std::string protocol_text(const SampleProtocol& protocol);

// Where a redraw differs from the recorded protocol, in Danish, one line per difference
// (strata missing on either side, N, n, and the first pick that differs per center with its
// number k); empty when every pick matches.
std::vector<std::string> compare_draws(const SampleProtocol& recorded,
                                       const SampleProtocol& redone);

}  // namespace sagsaudit
