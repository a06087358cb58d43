#include "domain/annual_wheel_rules.hpp"

#include <map>

#include "domain/concept_rules.hpp"

namespace sagsaudit {
namespace {

Issue at(const std::string& file, SourcePosition pos, std::string field, std::string message) {
  return Issue{file, pos.line, pos.column, std::move(field), std::move(message)};
}

void append(std::vector<Issue>& into, std::vector<Issue> more) {
  into.insert(into.end(), std::make_move_iterator(more.begin()),
              std::make_move_iterator(more.end()));
}

void check_window(std::vector<Issue>& issues, const std::string& file, SourcePosition pos,
                  const std::string& field, int days) {
  if (days < 1 || days > max_window_days) {
    issues.push_back(at(file, pos, field,
                        "skal være mellem 1 og " + std::to_string(max_window_days) +
                            " dage, ikke " + std::to_string(days)));
  }
}

bool is_open_unit_interval(const Decimal& value) {
  return decimal_from_int(0) < value && value < decimal_from_int(1);
}

// Checks a list of codes for validity and duplicates; `what` names the list in messages.
template <typename Item, typename Code, typename Position>
void check_codes(std::vector<Issue>& issues, const std::string& file,
                 const std::vector<Item>& items, const std::string& field, Code code_of,
                 Position position_of) {
  std::map<std::string, int> first_line;
  for (const auto& item : items) {
    const std::string& code = code_of(item);
    if (!is_valid_code(code)) {
      issues.push_back(at(file, position_of(item), field,
                          "'" + code + "' er ikke en gyldig kode (små bogstaver a-z, cifre, _ og -)"));
    } else if (auto [it, inserted] = first_line.emplace(code, position_of(item).line); !inserted) {
      issues.push_back(at(file, position_of(item), field,
                          "'" + code + "' findes allerede (linje " + std::to_string(it->second) +
                              ")"));
    }
  }
}

}  // namespace

std::vector<Issue> check_thresholds(const Thresholds& t, const std::string& file) {
  std::vector<Issue> issues;
  if (t.green_min < 0 || t.green_min > 100) {
    issues.push_back(at(file, t.green_position, "trafiklys.groen_min",
                        "skal være en procent mellem 0 og 100, ikke " + std::to_string(t.green_min)));
  }
  if (t.yellow_min < 0 || t.yellow_min > 100) {
    issues.push_back(at(file, t.yellow_position, "trafiklys.gul_min",
                        "skal være en procent mellem 0 og 100, ikke " + std::to_string(t.yellow_min)));
  }
  if (issues.empty() && t.yellow_min >= t.green_min) {
    issues.push_back(at(file, t.yellow_position, "trafiklys.gul_min",
                        "skal være mindre end groen_min (" + std::to_string(t.yellow_min) +
                            " ≥ " + std::to_string(t.green_min) + ")"));
  }
  return issues;
}

std::vector<Issue> check_sample_rule(const SampleRule& rule, const std::string& file,
                                     SourcePosition pos) {
  std::vector<Issue> issues;
  if (const auto* fixed = std::get_if<FixedSampleRule>(&rule)) {
    if (fixed->per_center < 1) {
      issues.push_back(at(file, pos, "stikproeve.antal_pr_center", "skal være mindst 1"));
    }
  } else if (const auto* percent = std::get_if<PercentSampleRule>(&rule)) {
    if (!(decimal_from_int(0) < percent->percent && percent->percent <= decimal_from_int(100))) {
      issues.push_back(at(file, pos, "stikproeve.procent",
                          "skal være over 0 og højst 100, ikke " + percent->percent.to_string()));
    }
    if (percent->min < 1) {
      issues.push_back(at(file, pos, "stikproeve.min", "skal være mindst 1"));
    } else if (percent->max < percent->min) {
      issues.push_back(at(file, pos, "stikproeve.maks",
                          "skal være mindst min (" + std::to_string(percent->min) + ")"));
    }
  } else {
    const auto& stat = std::get<StatisticalSampleRule>(rule);
    if (!is_open_unit_interval(stat.tolerable)) {
      issues.push_back(at(file, pos, "stikproeve.tolerabel_fejlrate",
                          "skal være en andel mellem 0 og 1 (fx 0.05), ikke " +
                              stat.tolerable.to_string()));
    }
    if (!is_open_unit_interval(stat.confidence)) {
      issues.push_back(at(file, pos, "stikproeve.konfidens",
                          "skal være en andel mellem 0 og 1 (fx 0.95), ikke " +
                              stat.confidence.to_string()));
    }
    if (stat.expected < decimal_from_int(0)) {
      issues.push_back(at(file, pos, "stikproeve.forventede_fejl", "må ikke være negativ"));
    } else if (stat.expected < decimal_from_int(1) && !(stat.expected < stat.tolerable) &&
               is_open_unit_interval(stat.tolerable)) {
      issues.push_back(at(file, pos, "stikproeve.forventede_fejl",
                          "en forventet fejlrate (" + stat.expected.to_string() +
                              ") skal være mindre end den tolerable (" +
                              stat.tolerable.to_string() + ")"));
    }
  }
  return issues;
}

std::vector<Issue> check_annual_wheel(const AnnualWheel& wheel) {
  const std::string& file = wheel.source_file;
  std::vector<Issue> issues = check_thresholds(wheel.thresholds, file);
  check_window(issues, file, wheel.window_position, "vindue_dage", wheel.window_days);

  if (wheel.centers.empty()) {
    issues.push_back(at(file, {1, 1}, "center", "årshjulet nævner ingen centre"));
  }
  check_codes(issues, file, wheel.centers, "center.kode",
              [](const Center& c) -> const std::string& { return c.code; },
              [](const Center& c) { return c.position; });
  for (const auto& center : wheel.centers) {
    if (center.name.empty()) {
      issues.push_back(at(file, center.position, "center.navn", "må ikke være tom"));
    }
  }

  if (wheel.entries.empty()) {
    issues.push_back(at(file, {1, 1}, "ydelsestype", "årshjulet nævner ingen ydelsestyper"));
  }
  check_codes(issues, file, wheel.entries, "ydelsestype.kode",
              [](const WheelEntry& e) -> const std::string& { return e.benefit_type; },
              [](const WheelEntry& e) { return e.position; });
  for (const auto& entry : wheel.entries) {
    if (entry.name.empty()) {
      issues.push_back(at(file, entry.position, "ydelsestype.navn", "må ikke være tom"));
    }
    if (entry.window_days) {
      check_window(issues, file, entry.window_position, "ydelsestype.vindue_dage",
                   *entry.window_days);
    }
    append(issues, check_sample_rule(entry.sample_rule, file, entry.sample_rule_position));
  }
  return issues;
}

}  // namespace sagsaudit
