#include "domain/stratum_size.hpp"

#include <algorithm>
#include <cassert>
#include <stdexcept>

namespace sagsaudit {
namespace {
__extension__ typedef unsigned __int128 u128;  // GCC and Clang; keeps -Wpedantic quiet

StratumSize capped(std::size_t requested, std::size_t population) {
  return StratumSize{requested, std::min(requested, population), requested >= population};
}
}  // namespace

StratumSize fixed_stratum_size(const FixedSampleRule& rule, std::size_t population) {
  assert(rule.per_center >= 0);
  return capped(static_cast<std::size_t>(rule.per_center), population);
}

StratumSize percent_stratum_size(const PercentSampleRule& rule, std::size_t population) {
  assert(rule.percent.numerator >= 0 && rule.percent.denominator > 0);
  assert(rule.min >= 0 && rule.min <= rule.max);
  // percent = p / d with d a power of ten, so percent · N / 100 = p · N / (100 · d). In 128 bits
  // p · N cannot overflow (p < 10^18, N < 2^64) and the ceiling is exact integer division.
  const u128 numerator = static_cast<u128>(rule.percent.numerator) * population;
  const u128 denominator = static_cast<u128>(rule.percent.denominator) * 100U;
  u128 share = (numerator + denominator - 1) / denominator;
  share = std::max(share, static_cast<u128>(rule.min));
  share = std::min(share, static_cast<u128>(rule.max));
  return capped(static_cast<std::size_t>(share), population);
}

StratumSize statistical_stratum_size(std::int64_t statistical_n, std::size_t population) {
  assert(statistical_n >= 0);
  return capped(static_cast<std::size_t>(statistical_n), population);
}

StratumSize stratum_size(const SampleRule& rule, std::size_t population,
                         std::optional<std::int64_t> statistical_n) {
  if (const auto* fixed = std::get_if<FixedSampleRule>(&rule)) {
    return fixed_stratum_size(*fixed, population);
  }
  if (const auto* percent = std::get_if<PercentSampleRule>(&rule)) {
    return percent_stratum_size(*percent, population);
  }
  if (!statistical_n) {
    throw std::invalid_argument("stratum_size: a statistical rule needs the planner's n");
  }
  return statistical_stratum_size(*statistical_n, population);
}

}  // namespace sagsaudit
