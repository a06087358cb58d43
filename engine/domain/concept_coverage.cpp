#include "domain/concept_coverage.hpp"

#include <algorithm>

namespace sagsaudit {

std::vector<Issue> check_concept_coverage(const AnnualWheel& wheel,
                                          const std::vector<Concept>& concepts) {
  std::vector<Issue> issues;
  for (const auto& entry : wheel.entries) {
    const bool covered = std::any_of(concepts.begin(), concepts.end(), [&](const Concept& c) {
      return c.benefit_type == entry.benefit_type;
    });
    if (!covered) {
      issues.push_back(Issue{wheel.source_file, entry.position.line, entry.position.column,
                             "ydelsestype.kode",
                             "der er intet kvalitetskoncept for '" + entry.benefit_type +
                                 "' (forventede filen " + entry.benefit_type + ".toml)"});
    }
  }
  for (const auto& concept_ : concepts) {
    if (!wheel.find_entry(concept_.benefit_type)) {
      issues.push_back(Issue{concept_.source_file, 1, 1, "ydelsestype",
                             "'" + concept_.benefit_type + "' står ikke i årshjulet (" +
                                 wheel.source_file + ")"});
    }
  }
  return issues;
}

}  // namespace sagsaudit
