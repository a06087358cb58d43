#include "domain/sample_selection.hpp"

#include <algorithm>
#include <limits>
#include <numeric>
#include <utility>

#include "domain/errors.hpp"
#include "domain/fnv1a.hpp"

namespace sagsaudit {

std::string stratum_key(std::string_view benefit_type, std::string_view center,
                        std::string_view period) {
  std::string key;
  key.reserve(benefit_type.size() + center.size() + period.size() + 2);
  key.append(benefit_type).append("|").append(center).append("|").append(period);
  return key;
}

std::uint64_t stratum_stream(std::string_view benefit_type, std::string_view center,
                             std::string_view period) {
  return fnv1a_64(stratum_key(benefit_type, center, period));
}

std::vector<std::size_t> draw_indices(std::size_t population_size, std::size_t n, Pcg32& rng) {
  if (population_size > std::numeric_limits<std::uint32_t>::max()) {
    throw ValidationError(
        "populationen er for stor til trækningen: " + std::to_string(population_size) +
        " sager (højst " + std::to_string(std::numeric_limits<std::uint32_t>::max()) + ")");
  }
  const std::size_t take = std::min(n, population_size);
  std::vector<std::size_t> positions(population_size);
  std::iota(positions.begin(), positions.end(), std::size_t{0});
  std::vector<std::size_t> picks;
  picks.reserve(take);
  for (std::size_t i = population_size; i > population_size - take; --i) {
    const std::size_t c = rng.bounded(static_cast<std::uint32_t>(i));
    std::swap(positions[c], positions[i - 1]);
    picks.push_back(positions[i - 1]);
  }
  return picks;
}

StratumDraw draw_stratum(std::string_view benefit_type, std::string_view center,
                         std::string_view period, std::vector<std::string> case_numbers,
                         std::size_t n, std::uint64_t seed) {
  std::sort(case_numbers.begin(), case_numbers.end());
  std::vector<Issue> duplicates;
  for (auto it = case_numbers.begin();
       (it = std::adjacent_find(it, case_numbers.end())) != case_numbers.end();) {
    duplicates.push_back(Issue{
        "", 0, 0, "sagsnummer",
        "sagsnummer " + *it + " forekommer mere end én gang i center " + std::string(center)});
    it = std::upper_bound(it, case_numbers.end(), *it);  // report each sagsnummer once
  }
  if (!duplicates.empty()) throw ValidationError(std::move(duplicates));

  Pcg32 rng(seed, stratum_stream(benefit_type, center, period));
  StratumDraw draw;
  draw.center = std::string(center);
  draw.population = case_numbers.size();
  draw.requested = n;
  draw.took_all = n >= case_numbers.size();
  const std::vector<std::size_t> indices = draw_indices(case_numbers.size(), n, rng);
  draw.picks.reserve(indices.size());
  for (std::size_t index : indices) draw.picks.push_back(std::move(case_numbers[index]));
  return draw;
}

}  // namespace sagsaudit
