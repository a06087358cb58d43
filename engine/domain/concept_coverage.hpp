#pragma once
// The årshjul and the concept directory must describe the same ydelsestyper: a round needs a
// concept to score against, and a concept nobody samples for is almost always a misspelt code.
#include <vector>

#include "domain/annual_wheel.hpp"
#include "domain/concept.hpp"
#include "domain/errors.hpp"

namespace sagsaudit {

std::vector<Issue> check_concept_coverage(const AnnualWheel& wheel,
                                          const std::vector<Concept>& concepts);

}  // namespace sagsaudit
