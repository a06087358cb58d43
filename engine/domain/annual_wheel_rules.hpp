#pragma once
// The rules an årshjul must satisfy once its file has been read (the loader checks the file's
// structure). Every problem is returned, not just the first.
#include <vector>

#include "domain/annual_wheel.hpp"
#include "domain/errors.hpp"

namespace sagsaudit {

inline constexpr int max_window_days = 365;

// REQUIRES: wheel.source_file names the file the positions refer to.
std::vector<Issue> check_annual_wheel(const AnnualWheel& wheel);

// Traffic-light bounds: whole percents with 0 ≤ yellow_min < green_min ≤ 100.
std::vector<Issue> check_thresholds(const Thresholds& thresholds, const std::string& file);

std::vector<Issue> check_sample_rule(const SampleRule& rule, const std::string& file,
                                     SourcePosition at);

}  // namespace sagsaudit
