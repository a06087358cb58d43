#include "sampling/stratified_draw.hpp"

#include <algorithm>
#include <functional>
#include <string_view>
#include <utility>

#include "domain/errors.hpp"
#include "domain/sample_selection.hpp"
#include "domain/sample_size.hpp"
#include "domain/stratum_size.hpp"

namespace sagsaudit {
namespace {

std::optional<std::int64_t> statistical_n(const SampleRule& rule, std::size_t population) {
  const auto* statistical = std::get_if<StatisticalSampleRule>(&rule);
  if (!statistical) return std::nullopt;
  if (population == 0) return 0;
  SamplePlanInput plan;
  plan.tolerable = statistical->tolerable;
  plan.expected = statistical->expected;
  plan.confidence = statistical->confidence;
  plan.likelihood = statistical->likelihood;
  // The hypergeometric likelihood plans for this center's population; the others ignore it.
  plan.population = static_cast<std::int64_t>(population);
  try {
    return plan_sample_size(plan).n;
  } catch (const ValidationError&) {
    // Only the hypergeometric plan depends on N, and it cannot be made when the center is so
    // small that the expected errors already reach the tolerable ones (e.g. N = 10, 5 % of 10
    // rounds up to 1 error, as does 10 %); then nothing short of every case will do.
    if (statistical->likelihood != Likelihood::hypergeometric) throw;
    return static_cast<std::int64_t>(population);
  }
}

// True when the cases are strictly ascending by bytes: already the canonical order, and no
// sagsnummer twice. The stored population hands them over so (PopulationRepository).
bool canonical(const std::vector<std::string>& cases) {
  return std::adjacent_find(cases.begin(), cases.end(), std::greater_equal<>()) == cases.end();
}

// draw_stratum for cases in canonical order: exactly its generator, positions and picks, but
// without sorting a million sagsnumre that are in order already (and so have no duplicates).
StratumDraw draw_canonical_stratum(std::string_view benefit_type, std::string_view center,
                                   std::string_view period, std::vector<std::string> cases,
                                   std::size_t n, std::uint64_t seed) {
  Pcg32 rng(seed, stratum_stream(benefit_type, center, period));
  StratumDraw draw;
  draw.center = std::string(center);
  draw.population = cases.size();
  draw.requested = n;
  draw.took_all = n >= cases.size();
  const std::vector<std::size_t> indices = draw_indices(cases.size(), n, rng);
  draw.picks.reserve(indices.size());
  for (std::size_t index : indices) draw.picks.push_back(std::move(cases[index]));
  return draw;
}

}  // namespace

std::vector<StratumProtocol> draw_strata(StratifiedDrawInput input) {
  std::vector<std::string> centers = input.centers;
  std::sort(centers.begin(), centers.end());
  std::vector<StratumProtocol> out;
  out.reserve(centers.size());
  for (const auto& center : centers) {
    StratumProtocol stratum;
    stratum.center = center;
    std::vector<std::string> cases;
    if (auto it = input.case_numbers.find(center); it != input.case_numbers.end()) {
      cases = std::move(it->second);
    }
    stratum.listed = cases.size();
    if (!input.excluded.empty()) {
      // Stable, so that cases in canonical order stay in it.
      const auto kept =
          std::stable_partition(cases.begin(), cases.end(),
                                [&](const std::string& c) { return input.excluded.count(c) == 0; });
      stratum.excluded_cases.assign(std::make_move_iterator(kept),
                                    std::make_move_iterator(cases.end()));
      cases.erase(kept, cases.end());
      std::sort(stratum.excluded_cases.begin(), stratum.excluded_cases.end());
    }
    stratum.excluded = stratum.excluded_cases.size();
    stratum.population = cases.size();
    const StratumSize size =
        stratum_size(input.rule, cases.size(), statistical_n(input.rule, cases.size()));
    stratum.requested = size.requested;
    StratumDraw draw = canonical(cases)
                           ? draw_canonical_stratum(input.benefit_type, center, input.period,
                                                    std::move(cases), size.requested, input.seed)
                           : draw_stratum(input.benefit_type, center, input.period,
                                          std::move(cases), size.requested, input.seed);
    stratum.took_all = draw.took_all;
    stratum.picks = std::move(draw.picks);
    out.push_back(std::move(stratum));
  }
  return out;
}

}  // namespace sagsaudit
