#pragma once
// The whole stratified draw of a round, from its cases and rule to the protocol's strata: one
// stratum per center of the round's årshjul, n per center from the sample-size rule
// (domain/stratum_size, with the planner for the statistical rule), the cases that earlier
// rounds drew left out, and draw_stratum for the picks. `sample draw` runs it on the stored
// population and `sample verify` on the file, so both go through exactly the same steps.
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "domain/annual_wheel.hpp"
#include "domain/sample_protocol.hpp"

namespace sagsaudit {

struct StratifiedDrawInput {
  std::string benefit_type;
  std::string period;  // its text, "2027-K1"
  SampleRule rule;
  std::vector<std::string> centers;  // the årshjul's center codes: every one gets a stratum
  std::map<std::string, std::vector<std::string>> case_numbers;  // per center, any order
  std::set<std::string> excluded;  // sagsnumre drawn by earlier rounds: left out
  std::uint64_t seed = 0;
};

// The strata of the protocol (by center code, byte order), with N, n, picks and exclusions.
// Throws ValidationError when a statistical rule cannot be planned for a center's N, or a
// sagsnummer occurs twice.
std::vector<StratumProtocol> draw_strata(StratifiedDrawInput input);

}  // namespace sagsaudit
