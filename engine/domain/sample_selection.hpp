#pragma once
// The stratified stikprøve draw (issue 3): one stratum per center, each with its own PCG32
// stream, a partial Fisher–Yates shuffle over the stratum's canonical order. Everything here is
// integer arithmetic on a generator seeded by the caller, so the same population and seed give
// the same picks in the same order on every machine; docs/sampling.md spells the procedure out
// for an auditor who wants to redo a draw by hand.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "domain/pcg32.hpp"

namespace sagsaudit {

// Recorded in every sampling protocol. Bump the version whenever any step below changes in a way
// that could change a pick, so that old protocols are still redone with the old procedure.
inline constexpr std::string_view sample_algorithm = "pcg32-xsh-rr+fisher-yates-partial-down";
inline constexpr int sample_algorithm_version = 1;

// The text that names a stratum's stream: "ydelsestype|center|period", e.g.
// "sygedagpenge|jc-amager|2027-K1". REQUIRES: no part contains '|' (codes and period texts
// never do), so that different strata never share a key.
std::string stratum_key(std::string_view benefit_type, std::string_view center,
                        std::string_view period);

// The PCG32 initseq of a stratum: FNV-1a-64 of the UTF-8 bytes of stratum_key(...). Different
// centers, ydelsestyper or periods thereby draw from different, non-overlapping streams even
// under the same seed.
std::uint64_t stratum_stream(std::string_view benefit_type, std::string_view center,
                             std::string_view period);

// Partial Fisher–Yates, downward, over the positions 0..N-1 of the canonical order:
//   a = [0, 1, …, N-1]; for i = N, N-1, …, N-n+1: c = rng.bounded(i); swap(a[c], a[i-1]);
// and the picks, in draw order, are a[N-1], a[N-2], …, a[N-n]. When n ≥ N the procedure runs
// with n = N (the last step calls bounded(1), which consumes one output and gives 0), so all
// N positions come back, in a random order. n = 0 or N = 0 draws nothing and leaves rng as is.
// Throws ValidationError when N exceeds 2^32 - 1, the largest bound PCG32 can take.
std::vector<std::size_t> draw_indices(std::size_t population_size, std::size_t n, Pcg32& rng);

// The outcome of one stratum's draw, as the protocol records it.
struct StratumDraw {
  std::string center;
  std::size_t population = 0;      // N: the cases the stratum had
  std::size_t requested = 0;       // n: what the sample-size rule asked for
  std::vector<std::string> picks;  // sagsnumre in draw order; min(n, N) of them
  bool took_all = false;           // n ≥ N: every case in the stratum was drawn
};

// Draws n of a center's cases. The canonical order is the sagsnumre sorted ascending by bytes
// (std::string's operator<), so the order in which the case system listed them does not matter.
// The generator is Pcg32(seed, stratum_stream(benefit_type, center, period)).
// Throws ValidationError naming every sagsnummer that occurs more than once: a case listed twice
// would have two chances of being drawn.
StratumDraw draw_stratum(std::string_view benefit_type, std::string_view center,
                         std::string_view period, std::vector<std::string> case_numbers,
                         std::size_t n, std::uint64_t seed);

}  // namespace sagsaudit
