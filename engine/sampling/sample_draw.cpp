#include "sampling/sample_draw.hpp"

#include <sys/random.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <set>

#include "domain/errors.hpp"
#include "domain/sample_selection.hpp"
#include "sampling/stratified_draw.hpp"
#include "storage/audit_log.hpp"
#include "storage/population_repository.hpp"
#include "storage/round_repository.hpp"
#include "storage/sample_repository.hpp"
#include "workflow/json_text.hpp"
#include "workflow/round_transitions.hpp"

namespace sagsaudit {
namespace {

std::vector<std::string> center_codes(const AnnualWheel& wheel) {
  std::vector<std::string> out;
  for (const auto& center : wheel.centers) out.push_back(center.code);
  return out;
}

// The last K rounds of the same ydelsestype before this one whose samples have been drawn,
// most recent first.
std::vector<std::string> earlier_drawn_rounds(storage::Database& db, const storage::Round& round,
                                              int k) {
  if (k <= 0) return {};
  storage::RoundFilter filter;
  filter.benefit_type = round.benefit_type;
  auto rounds = storage::make_round_repository(db)->list(filter);
  auto samples = storage::make_sample_repository(db);
  const Date first_day = round.period.first_day();
  std::vector<std::pair<Date, std::string>> earlier;
  for (const auto& r : rounds) {
    if (r.id == round.id || !(r.period.first_day() < first_day)) continue;
    if (samples->has_protocol(r.id)) earlier.emplace_back(r.period.first_day(), r.id);
  }
  std::sort(earlier.begin(), earlier.end(), [](const auto& a, const auto& b) {
    return a.first > b.first || (a.first == b.first && a.second < b.second);
  });
  std::vector<std::string> out;
  for (const auto& [day, id] : earlier) {
    if (static_cast<int>(out.size()) == k) break;
    out.push_back(id);
  }
  return out;
}

std::string draw_details(const SampleProtocol& p) {
  std::string out = "{\"frø\":" + json_string(std::to_string(p.seed)) +
                    ",\"frø_fra_os\":" + std::to_string(p.seed_from_os ? 1 : 0) +
                    ",\"algoritme\":" + json_string(p.algorithm) +
                    ",\"version\":" + std::to_string(p.algorithm_version) +
                    ",\"population_sha256\":" + json_string(p.population_sha256) +
                    ",\"udelukket_runder\":" + std::to_string(p.exclude_last) + ",\"trukket\":{";
  bool first = true;
  for (const auto& s : p.strata) {
    if (!first) out.push_back(',');
    first = false;
    append_json_string(out, s.center);
    out += ":" + std::to_string(s.picks.size());
  }
  return out + "}}";
}

}  // namespace

std::uint64_t os_seed() {
  std::uint64_t seed = 0;
  auto* bytes = reinterpret_cast<unsigned char*>(&seed);
  std::size_t got = 0;
  while (got < sizeof seed) {
    const ssize_t n = ::getrandom(bytes + got, sizeof seed - got, 0);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw std::runtime_error(std::string("getrandom: ") + std::strerror(errno));
    }
    got += static_cast<std::size_t>(n);
  }
  return seed;
}

SampleProtocol draw_sample(storage::Database& db, const std::string& round_id,
                           const DrawOptions& options, const ProgressReport& progress) {
  if (options.exclude_last < 0) {
    throw ValidationError({Issue{"", 0, 0, "--exclude-last", "skal være 0 eller mere"}});
  }
  const RoundContext context = load_round_context(db, round_id);
  if (context.round.state != RoundState::population_loaded) {
    throw ConflictError("runden " + round_id + " er '" + danish_label(context.round.state) +
                        "'; en stikprøve kan kun trækkes, når populationen er indlæst og "
                        "ingen stikprøve er trukket");
  }
  auto populations = storage::make_population_repository(db);
  auto samples = storage::make_sample_repository(db);
  const auto population = populations->find(round_id);
  if (!population) throw NotFound("runden " + round_id + " har ingen population");

  SampleProtocol p;
  p.round_id = round_id;
  p.benefit_type = context.round.benefit_type;
  p.period = context.round.period.to_string();
  p.population_sha256 = population->file_sha256;
  p.population_file = population->file_name;
  p.rule = describe(context.entry.sample_rule);
  p.seed_from_os = !options.seed;
  p.seed = options.seed ? *options.seed : os_seed();
  p.algorithm = std::string(sample_algorithm);
  p.algorithm_version = sample_algorithm_version;
  p.exclude_last = options.exclude_last;
  p.excluded_rounds = earlier_drawn_rounds(db, context.round, options.exclude_last);
  p.drawn_at = options.at;
  p.drawn_by = options.actor;

  StratifiedDrawInput input;
  input.benefit_type = p.benefit_type;
  input.period = p.period;
  input.rule = context.entry.sample_rule;
  input.centers = center_codes(context.wheel);
  input.case_numbers = populations->case_numbers_by_center(round_id);
  const auto excluded = samples->drawn_case_numbers(p.excluded_rounds);
  input.excluded = std::set<std::string>(excluded.begin(), excluded.end());
  input.seed = p.seed;
  const auto total = static_cast<std::size_t>(population->row_count);
  if (progress) progress(0, 0, total);
  p.strata = draw_strata(std::move(input));
  if (progress) progress(total, total, total);

  storage::Transaction transaction(db);
  samples->store(p);
  const std::string details = draw_details(p);
  transition_round(db, round_id, RoundState::sample_drawn, options.actor, options.at, details);
  storage::make_audit_log(db)->append(storage::AuditRecord{options.at, options.actor, "sample.draw",
                                                           "round", round_id, "", "", details});
  transaction.commit();
  return p;
}

SampleProtocol sample_protocol(storage::Database& db, const std::string& round_id) {
  auto protocol = storage::make_sample_repository(db)->protocol(round_id);
  if (!protocol) {
    if (!storage::make_round_repository(db)->find(round_id)) {
      throw NotFound("runden " + round_id + " findes ikke");
    }
    throw NotFound("runden " + round_id + " har ingen stikprøve endnu ('sagsaudit sample draw')");
  }
  return std::move(*protocol);
}

SampleVerification verify_sample(storage::Database& db, const std::string& round_id,
                                 const std::string& population_file,
                                 std::optional<std::uint64_t> seed,
                                 const ProgressReport& progress) {
  SampleVerification out;
  out.recorded = sample_protocol(db, round_id);
  const SampleProtocol& recorded = out.recorded;
  const RoundContext context = load_round_context(db, round_id);
  out.seed = seed.value_or(recorded.seed);

  if (recorded.algorithm != sample_algorithm ||
      recorded.algorithm_version != sample_algorithm_version) {
    out.problems.push_back("protokollen bruger algoritmen " + recorded.algorithm + " version " +
                           std::to_string(recorded.algorithm_version) +
                           "; dette program kan kun gentage " + std::string(sample_algorithm) +
                           " version " + std::to_string(sample_algorithm_version));
    return out;
  }

  std::map<std::string, std::vector<std::string>> cases;
  PopulationFileSummary summary;
  try {
    summary = read_population_file(
        population_file, population_rules_input(context, population_file),
        [&](PopulationCase& c) { cases[c.center].push_back(std::move(c.case_number)); }, progress);
  } catch (const PopulationRejected& rejected) {
    out.problems.push_back("filen kan ikke læses som rundens population (" +
                           std::to_string(rejected.total()) +
                           " fejl; se 'sagsaudit population "
                           "check'); første fejl: " +
                           format_issue(rejected.issues().front()));
    return out;
  }
  out.file_sha256 = summary.sha256;
  if (summary.sha256 != recorded.population_sha256) {
    out.problems.push_back("filens SHA-256 er " + summary.sha256 +
                           ", men stikprøven blev trukket fra en fil med SHA-256 " +
                           recorded.population_sha256 + ": det er ikke den samme fil");
  }
  if (out.seed != recorded.seed) {
    out.problems.push_back("frøet " + std::to_string(out.seed) + " er ikke protokollens " +
                           std::to_string(recorded.seed));
  }

  // The exclusions: the protocol's, which must be what the earlier rounds' stored picks give.
  std::set<std::string> excluded;
  for (const auto& s : recorded.strata)
    excluded.insert(s.excluded_cases.begin(), s.excluded_cases.end());
  const auto earlier =
      storage::make_sample_repository(db)->drawn_case_numbers(recorded.excluded_rounds);
  std::set<std::string> in_file;
  for (const auto& [center, numbers] : cases) in_file.insert(numbers.begin(), numbers.end());
  std::set<std::string> expected;
  for (const auto& number : earlier) {
    if (in_file.count(number)) expected.insert(number);
  }
  if (expected != excluded) {
    out.problems.push_back("de udelukkede sager (" + std::to_string(excluded.size()) +
                           ") er ikke dem, de tidligere runder trak (" +
                           std::to_string(expected.size()) + ")");
  }

  StratifiedDrawInput input;
  input.benefit_type = recorded.benefit_type;
  input.period = recorded.period;
  input.rule = context.entry.sample_rule;
  input.centers = center_codes(context.wheel);
  input.case_numbers = std::move(cases);
  input.excluded = std::move(excluded);
  input.seed = out.seed;
  SampleProtocol redone = recorded;
  redone.strata = draw_strata(std::move(input));
  for (auto& problem : compare_draws(recorded, redone)) out.problems.push_back(std::move(problem));
  out.ok = out.problems.empty();
  return out;
}

}  // namespace sagsaudit
