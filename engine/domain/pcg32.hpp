#pragma once
// PCG32 (PCG XSH-RR 64/32), bit for bit as Melissa O'Neill's reference pcg_basic.c: a 64-bit
// linear congruential state, a 32-bit output permutation, and a stream chosen by an odd
// increment. The stikprøve draw depends on nothing else for its randomness, so an auditor can
// redo a draw from the published seed with any faithful implementation (docs/sampling.md).
//
// Not for secrets: PCG32 is predictable from a few outputs. It is here because it is specified
// exactly, small enough to redo by hand, and independent of the standard library.
#include <cstdint>

namespace sagsaudit {

class Pcg32 {
 public:
  // pcg32_srandom_r: state = 0; inc = (initseq << 1) | 1; step; state += initstate; step.
  // Generators with different initseq never share a sequence, so each stratum gets its own.
  Pcg32(std::uint64_t initstate, std::uint64_t initseq);

  // pcg32_random_r: the next 32-bit output; advances the state by one step.
  std::uint32_t next();

  // pcg32_boundedrand_r: a uniformly distributed r with 0 <= r < bound. Outputs below
  // 2^32 mod bound are rejected (and another step taken), so that no value is favoured.
  // REQUIRES: bound > 0.
  std::uint32_t bounded(std::uint32_t bound);

  // The raw registers, for tests and for printing a worked example.
  std::uint64_t state() const { return state_; }
  std::uint64_t increment() const { return inc_; }

 private:
  std::uint64_t state_ = 0;
  std::uint64_t inc_ = 1;
};

}  // namespace sagsaudit
