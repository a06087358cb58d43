#include "report_output/protocol_json.hpp"

namespace sagsaudit::report_output {

boost::json::object protocol_json(const SampleProtocol& p) {
  boost::json::array strata;
  for (const auto& s : p.strata) {
    boost::json::array picks;
    for (const auto& pick : s.picks) picks.push_back(boost::json::value(pick));
    boost::json::array excluded;
    for (const auto& number : s.excluded_cases) excluded.push_back(boost::json::value(number));
    strata.push_back(boost::json::object{{"center", s.center},
                                         {"i_filen", s.listed},
                                         {"udelukket", s.excluded},
                                         {"N", s.population},
                                         {"regel_n", s.requested},
                                         {"tog_alle", s.took_all},
                                         {"traek", picks},
                                         {"udelukkede_sager", excluded}});
  }
  boost::json::array excluded_rounds;
  for (const auto& id : p.excluded_rounds) excluded_rounds.push_back(boost::json::value(id));
  return boost::json::object{{"runde", p.round_id},
                             {"ydelsestype", p.benefit_type},
                             {"periode", p.period},
                             {"population_sha256", p.population_sha256},
                             {"populationsfil", p.population_file},
                             {"regel", p.rule},
                             // A string: JSON readers often hold numbers as doubles, which
                             // cannot carry every 64-bit seed.
                             {"seed", std::to_string(p.seed)},
                             {"seed_fra_os", p.seed_from_os},
                             {"algoritme", p.algorithm},
                             {"algoritme_version", p.algorithm_version},
                             {"udeluk_seneste", p.exclude_last},
                             {"udelukkede_runder", excluded_rounds},
                             {"trukket", p.drawn_at},
                             {"trukket_af", p.drawn_by},
                             {"strata", strata}};
}

}  // namespace sagsaudit::report_output
