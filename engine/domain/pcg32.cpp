#include "domain/pcg32.hpp"

#include <cassert>

namespace sagsaudit {
namespace {
// The 64-bit LCG multiplier of PCG (Knuth's MMIX multiplier); part of the specification.
constexpr std::uint64_t multiplier = 6364136223846793005ULL;
}  // namespace

Pcg32::Pcg32(std::uint64_t initstate, std::uint64_t initseq)
    : state_(0), inc_((initseq << 1U) | 1U) {
  next();
  state_ += initstate;
  next();
}

std::uint32_t Pcg32::next() {
  const std::uint64_t old = state_;
  state_ = old * multiplier + inc_;  // unsigned: wraps modulo 2^64, as the reference does
  const auto xorshifted = static_cast<std::uint32_t>(((old >> 18U) ^ old) >> 27U);
  const auto rot = static_cast<std::uint32_t>(old >> 59U);
  // (-rot) & 31 rather than 32 - rot: a shift by 32 would be undefined when rot is 0.
  return (xorshifted >> rot) | (xorshifted << ((0U - rot) & 31U));
}

std::uint32_t Pcg32::bounded(std::uint32_t bound) {
  assert(bound > 0);
  // (2^32 - bound) mod bound == 2^32 mod bound, computed in 32 bits as the reference does.
  const std::uint32_t threshold = (0U - bound) % bound;
  for (;;) {
    const std::uint32_t r = next();
    if (r >= threshold) return r % bound;
  }
}

}  // namespace sagsaudit
