#include "loading/wheel_loader.hpp"

#include <algorithm>

#include "crypto/sha256.hpp"
#include "domain/annual_wheel_rules.hpp"
#include "loading/read_file.hpp"
#include "loading/toml_fields.hpp"

namespace sagsaudit {
namespace {

// TOML integers are 64-bit; the domain's counts and percents are int. Values beyond ±10^9 are
// far outside every rule's range, so clamping them keeps the domain's message meaningful.
int clamp_to_int(std::int64_t value) {
  return static_cast<int>(std::clamp<std::int64_t>(value, -1'000'000'000, 1'000'000'000));
}

std::optional<SampleRule> read_sample_rule(TomlFields& fields, const toml::table& t) {
  constexpr std::string_view prefix = "stikproeve";
  const auto rule = fields.required_string(t, "regel", prefix);
  if (!rule) return std::nullopt;
  if (*rule == "fast") {
    fields.reject_unknown_keys(t, {"regel", "antal_pr_center"}, prefix);
    const auto count = fields.required_int(t, "antal_pr_center", prefix);
    if (!count) return std::nullopt;
    return FixedSampleRule{clamp_to_int(*count)};
  }
  if (*rule == "procent") {
    fields.reject_unknown_keys(t, {"regel", "procent", "min", "maks"}, prefix);
    const auto percent = fields.required_decimal(t, "procent", prefix);
    const auto min = fields.required_int(t, "min", prefix);
    const auto max = fields.required_int(t, "maks", prefix);
    if (!percent || !min || !max) return std::nullopt;
    return PercentSampleRule{*percent, clamp_to_int(*min), clamp_to_int(*max)};
  }
  if (*rule == "statistisk") {
    fields.reject_unknown_keys(
        t, {"regel", "tolerabel_fejlrate", "forventede_fejl", "konfidens", "sandsynlighed"},
        prefix);
    const auto tolerable = fields.required_decimal(t, "tolerabel_fejlrate", prefix);
    const auto expected = fields.required_decimal(t, "forventede_fejl", prefix);
    const auto confidence = fields.required_decimal(t, "konfidens", prefix);
    const auto likelihood_word = fields.optional_string(t, "sandsynlighed", prefix);
    std::optional<Likelihood> likelihood = Likelihood::binomial;
    if (likelihood_word) {
      likelihood = parse_likelihood(*likelihood_word);
      if (!likelihood) {
        fields.add(fields.position_in(t, "sandsynlighed"), prefix, "sandsynlighed",
                   "'" + *likelihood_word +
                       "' er ikke en fordeling (brug binomial, poisson eller hypergeometric)");
      }
    }
    if (!tolerable || !expected || !confidence || !likelihood) return std::nullopt;
    return StatisticalSampleRule{*tolerable, *expected, *confidence, *likelihood};
  }
  fields.add(fields.position_in(t, "regel"), prefix, "regel",
             "'" + *rule + "' er ikke en stikprøveregel (brug fast, procent eller statistisk)");
  return std::nullopt;
}

void read_thresholds(TomlFields& fields, const toml::table& root, Thresholds& thresholds) {
  const toml::table* table = fields.optional_table(root, "trafiklys", "");
  if (!table) return;  // the defaults 95/75 apply
  fields.reject_unknown_keys(*table, {"groen_min", "gul_min"}, "trafiklys");
  thresholds.green_position = fields.position_in(*table, "groen_min");
  thresholds.yellow_position = fields.position_in(*table, "gul_min");
  if (auto green = fields.optional_int(*table, "groen_min", "trafiklys")) {
    thresholds.green_min = clamp_to_int(*green);
  }
  if (auto yellow = fields.optional_int(*table, "gul_min", "trafiklys")) {
    thresholds.yellow_min = clamp_to_int(*yellow);
  }
}

void read_centers(TomlFields& fields, const toml::table& root, std::vector<Center>& centers) {
  const toml::array* array = fields.optional_table_array(root, "center", "");
  if (!array) return;
  for (const auto& node : *array) {
    const toml::table& t = *node.as_table();
    fields.reject_unknown_keys(t, {"kode", "navn"}, "center");
    Center center;
    center.position = position_of(t);
    center.code = fields.required_string(t, "kode", "center").value_or("");
    center.name = fields.required_string(t, "navn", "center").value_or("");
    centers.push_back(std::move(center));
  }
}

void read_entries(TomlFields& fields, const toml::table& root, std::vector<WheelEntry>& entries) {
  const toml::array* array = fields.optional_table_array(root, "ydelsestype", "");
  if (!array) return;
  constexpr std::string_view prefix = "ydelsestype";
  for (const auto& node : *array) {
    const toml::table& t = *node.as_table();
    fields.reject_unknown_keys(t, {"kode", "navn", "frekvens", "vindue_dage", "stikproeve"},
                               prefix);
    WheelEntry entry;
    entry.position = position_of(t);
    entry.benefit_type = fields.required_string(t, "kode", prefix).value_or("");
    entry.name = fields.required_string(t, "navn", prefix).value_or("");
    if (const auto word = fields.required_string(t, "frekvens", prefix)) {
      if (const auto frequency = parse_frequency(*word)) {
        entry.frequency = *frequency;
      } else {
        fields.add(fields.position_in(t, "frekvens"), prefix, "frekvens",
                   "'" + *word + "' er ikke en frekvens (brug kvartal, halvår eller år)");
      }
    }
    entry.window_position = fields.position_in(t, "vindue_dage");
    if (const auto days = fields.optional_int(t, "vindue_dage", prefix)) {
      entry.window_days = clamp_to_int(*days);
    }
    entry.sample_rule_position = fields.position_in(t, "stikproeve");
    if (const toml::table* rule_table = fields.optional_table(t, "stikproeve", prefix)) {
      if (auto rule = read_sample_rule(fields, *rule_table)) entry.sample_rule = *rule;
    } else if (!t.get("stikproeve")) {
      fields.add(entry.position, prefix, "stikproeve",
                 "mangler (fx stikproeve = { regel = \"fast\", antal_pr_center = 10 })");
    }
    entries.push_back(std::move(entry));
  }
}

// [kolonner]: feltnavn = "overskrift i filen", for the required population columns only.
void read_column_names(TomlFields& fields, const toml::table& root, AnnualWheel& wheel) {
  const toml::table* table = fields.optional_table(root, "kolonner", "");
  if (!table) return;
  wheel.column_names_position = fields.position_in(root, "kolonner");
  const auto& known = population_fields();
  for (const auto& [key, node] : *table) {
    const std::string field(key.str());
    if (std::find(known.begin(), known.end(), field) == known.end()) {
      std::string list;
      for (const auto& name : known) list += (list.empty() ? "" : ", ") + name;
      fields.add(position_of(node), "kolonner", field,
                 "ukendt felt; kolonner kan angives for: " + list);
      continue;
    }
    // required_string also refuses an empty text.
    if (const auto header = fields.required_string(*table, field, "kolonner")) {
      wheel.column_names[field] = *header;
    }
  }
}

// [strategisk_maal]: basisaar, maalaar, reduktion — all three required when the table is there.
void read_strategic_goal(TomlFields& fields, const toml::table& root, AnnualWheel& wheel) {
  const toml::table* table = fields.optional_table(root, "strategisk_maal", "");
  if (!table) return;
  constexpr std::string_view prefix = "strategisk_maal";
  fields.reject_unknown_keys(*table, {"basisaar", "maalaar", "reduktion"}, prefix);
  const auto baseline = fields.required_int(*table, "basisaar", prefix);
  const auto target = fields.required_int(*table, "maalaar", prefix);
  const auto reduction = fields.required_decimal(*table, "reduktion", prefix);
  if (!baseline || !target || !reduction) return;
  const StrategicGoal goal{clamp_to_int(*baseline), clamp_to_int(*target), *reduction};
  for (const Issue& issue : check_strategic_goal(goal)) {
    fields.add(fields.position_in(*table, issue.field), prefix, issue.field, issue.message);
  }
  wheel.strategic_goal = goal;
  wheel.strategic_goal_position = fields.position_in(root, "strategisk_maal");
}

}  // namespace

AnnualWheel parse_annual_wheel(const std::string& text, const std::string& file) {
  const toml::table root = parse_toml(text, file);
  std::vector<Issue> issues;
  TomlFields fields(file, issues);
  fields.reject_unknown_keys(
      root,
      {"titel", "vindue_dage", "kan_ikke_vurderes_er_fejl", "uafhaengig_tildeling", "trafiklys",
       "kolonner", "strategisk_maal", "center", "ydelsestype"},
      "");
  AnnualWheel wheel;
  wheel.source_file = file;
  wheel.title = fields.optional_string(root, "titel", "").value_or("Årshjul");
  wheel.window_position = fields.position_in(root, "vindue_dage");
  if (auto days = fields.optional_int(root, "vindue_dage", ""))
    wheel.window_days = clamp_to_int(*days);
  wheel.not_assessable_is_error =
      fields.optional_bool(root, "kan_ikke_vurderes_er_fejl", "").value_or(false);
  wheel.independent_assignment =
      fields.optional_bool(root, "uafhaengig_tildeling", "").value_or(false);
  read_thresholds(fields, root, wheel.thresholds);
  read_column_names(fields, root, wheel);
  read_strategic_goal(fields, root, wheel);
  read_centers(fields, root, wheel.centers);
  read_entries(fields, root, wheel.entries);

  if (issues.empty()) issues = check_annual_wheel(wheel);
  if (!issues.empty()) throw ValidationError(std::move(issues));
  wheel.version = sha256_hex(text);
  return wheel;
}

AnnualWheel load_annual_wheel_file(const std::filesystem::path& path) {
  return parse_annual_wheel(read_file_bytes(path), path.string());
}

}  // namespace sagsaudit
