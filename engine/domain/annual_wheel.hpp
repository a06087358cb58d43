#pragma once
// The årshjul: which ydelsestyper are reviewed how often, how large each stikprøve is, how long
// the review window lasts, which centers there are, and where the traffic-light bands lie.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "domain/decimal.hpp"
#include "domain/frequency.hpp"
#include "domain/source_position.hpp"
#include "domain/strategic_goal_spec.hpp"

namespace sagsaudit {

// Lower bounds of the bands, in whole percent: green ≥ green_min, yellow ≥ yellow_min, else red.
struct Thresholds {
  int green_min = 95;
  int yellow_min = 75;
  SourcePosition green_position;  // where each bound was written, for error messages
  SourcePosition yellow_position;
};

// "fast": the same number of cases from every center.
struct FixedSampleRule {
  int per_center = 0;
};

// "procent": a share of each center's population, never below min nor above max cases.
struct PercentSampleRule {
  Decimal percent;
  int min = 0;
  int max = 0;
};

enum class Likelihood { binomial, poisson, hypergeometric };
std::optional<Likelihood> parse_likelihood(std::string_view text);
std::string to_string(Likelihood likelihood);

// "statistisk": attribute sampling (jfa's planning()): the smallest n whose upper bound on the
// error rate at the given confidence stays below the tolerable rate when `expected` errors occur.
// `expected` below 1 is a rate, 1 or more a count of errors.
struct StatisticalSampleRule {
  Decimal tolerable;   // tolerabel fejlrate, 0 < t < 1
  Decimal expected;    // forventede fejl: rate (< 1) or count (≥ 1)
  Decimal confidence;  // konfidens, 0 < c < 1
  Likelihood likelihood = Likelihood::binomial;
};

using SampleRule = std::variant<FixedSampleRule, PercentSampleRule, StatisticalSampleRule>;
// One line for reports and `wheel show`, in Danish: "10 pr. center", …
std::string describe(const SampleRule& rule);

struct Center {
  std::string code;  // e.g. "jc-amager"
  std::string name;  // e.g. "Jobcenter Amager"
  SourcePosition position;
};

struct WheelEntry {
  std::string benefit_type;  // ydelsestype code; the concept file concepts/<code>.toml
  std::string name;          // Danish name, e.g. "Sygedagpenge"
  Frequency frequency = Frequency::quarterly;
  SampleRule sample_rule = FixedSampleRule{};
  std::optional<int> window_days;  // overrides AnnualWheel::window_days for this type
  SourcePosition position;
  SourcePosition sample_rule_position;
  SourcePosition window_position;
};

// The required columns of a population file, by canonical name, in the order documented:
// sagsnummer, cpr, center, sagsbehandler, afgørelsesdato.
const std::vector<std::string>& population_fields();

struct AnnualWheel {
  std::string title;
  Thresholds thresholds;
  int window_days = 30;  // review window length, from the day after the period ends
  SourcePosition window_position;
  // Whether "kan ikke vurderes" counts as an error in the percentages (DESIGN.md).
  bool not_assessable_is_error = false;
  // uafhaengig_tildeling: a coordinator is never assigned a case of a center they belong to.
  bool independent_assignment = false;
  // [kolonner]: the population file's own header for a required field, keyed by the field's
  // canonical name (population_fields()); fields not named here are looked up by their own name.
  std::map<std::string, std::string> column_names;
  SourcePosition column_names_position;
  // [strategisk_maal]: e.g. halve the error share of the baseline year by the target year.
  std::optional<StrategicGoal> strategic_goal;
  SourcePosition strategic_goal_position;
  std::vector<Center> centers;
  std::vector<WheelEntry> entries;
  std::string version;  // hex SHA-256 of the file's bytes
  std::string source_file;

  const WheelEntry* find_entry(std::string_view benefit_type) const;
  const Center* find_center(std::string_view code) const;
  int window_days_for(const WheelEntry& entry) const {
    return entry.window_days.value_or(window_days);
  }
};

}  // namespace sagsaudit
