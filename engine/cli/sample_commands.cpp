// sagsaudit sample plan | evaluate | draw | protocol | verify
#include <boost/json.hpp>

#include <charconv>
#include <cstdio>
#include <limits>

#include "cli/command.hpp"
#include "cli/exit_codes.hpp"
#include "cli/json_output.hpp"
#include "cli/terminal_progress.hpp"
#include "domain/sample_size.hpp"
#include "report_output/protocol_json.hpp"
#include "sampling/sample_draw.hpp"
#include "setup/database_setup.hpp"
#include "workflow/clock.hpp"

namespace sagsaudit::cli {
namespace {

using report_output::protocol_json;

Decimal decimal_option(const po::variables_map& vm, const char* name, std::vector<Issue>& issues) {
  const std::string text = vm[name].as<std::string>();
  const auto value = parse_decimal(text);
  if (!value) {
    issues.push_back(Issue{"", 0, 0, std::string("--") + name,
                           "'" + text + "' er ikke et decimaltal (skriv fx 0.05 med punktum)"});
    return Decimal{};
  }
  return *value;
}

Likelihood likelihood_option(const po::variables_map& vm, std::vector<Issue>& issues) {
  const std::string text = vm["likelihood"].as<std::string>();
  const auto value = parse_likelihood(text);
  if (!value) {
    issues.push_back(Issue{"", 0, 0, "--likelihood",
                           "'" + text + "' er ukendt (binomial, poisson eller hypergeometric)"});
    return Likelihood::binomial;
  }
  return *value;
}

std::optional<std::int64_t> population_option(const po::variables_map& vm) {
  if (!vm.count("population")) return std::nullopt;
  return vm["population"].as<std::int64_t>();
}

std::string bound_text(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.8f", value);
  return text;
}

std::uint64_t seed_from(const std::string& text) {
  std::uint64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size()) {
    throw ValidationError({Issue{"", 0, 0, "--seed",
                                 "'" + text + "' er ikke et helt tal fra 0 til " +
                                     std::to_string(std::numeric_limits<std::uint64_t>::max())}});
  }
  return value;
}

// ---- plan / evaluate -----------------------------------------------------------------------

int plan(const po::variables_map& vm, CommandContext& ctx) {
  std::vector<Issue> issues;
  SamplePlanInput input;
  input.tolerable = decimal_option(vm, "tolerable", issues);
  input.expected = decimal_option(vm, "expected", issues);
  input.confidence = decimal_option(vm, "confidence", issues);
  input.likelihood = likelihood_option(vm, issues);
  input.population = population_option(vm);
  if (vm.count("max-n")) input.max_n = vm["max-n"].as<std::int64_t>();
  if (!issues.empty()) throw ValidationError(std::move(issues));
  const SamplePlan result = plan_sample_size(input);

  if (vm.count("json")) {
    boost::json::object out{{"n", result.n},
                            {"x", result.expected_errors.to_string()},
                            {"oevre_graense", result.upper_bound},
                            {"tolerabel", input.tolerable.to_string()},
                            {"forventet", input.expected.to_string()},
                            {"konfidens", input.confidence.to_string()},
                            {"likelihood", to_string(input.likelihood)}};
    if (input.population) out["population"] = *input.population;
    if (result.population_errors_bound) out["K"] = *result.population_errors_bound;
    print_json(ctx.out, out);
    return exit_ok;
  }
  ctx.out << "n = " << result.n << "\n"
          << "x = " << result.expected_errors.to_string() << " (forventede fejl i stikprøven)\n"
          << "øvre grænse = " << bound_text(result.upper_bound);
  if (result.population_errors_bound) {
    ctx.out << " (K = " << *result.population_errors_bound << " af N = " << *input.population
            << ")";
  }
  ctx.out << "\n\nFindes højst " << result.expected_errors.to_string() << " fejl i " << result.n
          << " sager, er fejlraten med " << input.confidence.to_string() << " konfidens under "
          << input.tolerable.to_string() << ".\n";
  return exit_ok;
}

int evaluate(const po::variables_map& vm, CommandContext& ctx) {
  std::vector<Issue> issues;
  SampleEvaluationInput input;
  input.n = vm["n"].as<std::int64_t>();
  input.errors = decimal_option(vm, "errors", issues);
  input.confidence = decimal_option(vm, "confidence", issues);
  input.likelihood = likelihood_option(vm, issues);
  input.population = population_option(vm);
  if (!issues.empty()) throw ValidationError(std::move(issues));
  const SampleEvaluation result = evaluate_sample(input);
  if (vm.count("json")) {
    boost::json::object out{{"n", input.n},
                            {"fejl", input.errors.to_string()},
                            {"konfidens", input.confidence.to_string()},
                            {"likelihood", to_string(input.likelihood)},
                            {"oevre_graense", result.upper_bound}};
    if (result.population_errors_bound) out["K"] = *result.population_errors_bound;
    print_json(ctx.out, out);
    return exit_ok;
  }
  ctx.out << "øvre grænse = " << bound_text(result.upper_bound);
  if (result.population_errors_bound) ctx.out << " (K = " << *result.population_errors_bound << ")";
  ctx.out << "\n";
  return exit_ok;
}

// ---- draw / protocol / verify --------------------------------------------------------------

int draw(const po::variables_map& vm, CommandContext& ctx) {
  const std::string round_id = vm["round"].as<std::string>();
  DrawOptions options;
  if (vm.count("seed")) options.seed = seed_from(vm["seed"].as<std::string>());
  options.exclude_last = vm["exclude-last"].as<int>();
  options.actor = ctx.actor;
  options.at = utc_now_iso();
  auto db = open_database(ctx.config);
  SampleProtocol protocol;
  {
    TerminalProgress progress(ctx.err, "Trækker stikprøve");
    protocol = draw_sample(*db, round_id, options, progress.callback());
  }
  if (vm.count("json")) {
    print_json(ctx.out, protocol_json(protocol));
    return exit_ok;
  }
  ctx.out << protocol_text(protocol)
          << "\nRunden er nu 'stikprøve udtrukket'. Enhver kan gentage trækningen med\n"
             "  sagsaudit sample verify --round "
          << round_id << " --population " << protocol.population_file << '\n';
  return exit_ok;
}

int protocol(const po::variables_map& vm, CommandContext& ctx) {
  auto db = open_database(ctx.config);
  const SampleProtocol p = sample_protocol(*db, vm["round"].as<std::string>());
  if (vm.count("json")) {
    print_json(ctx.out, protocol_json(p));
  } else {
    ctx.out << protocol_text(p);
  }
  return exit_ok;
}

int verify(const po::variables_map& vm, CommandContext& ctx) {
  const std::string round_id = vm["round"].as<std::string>();
  const std::string file = vm["population"].as<std::string>();
  std::optional<std::uint64_t> seed;
  if (vm.count("seed")) seed = seed_from(vm["seed"].as<std::string>());
  auto db = open_database(ctx.config);
  SampleVerification result;
  {
    TerminalProgress progress(ctx.err, "Gentager trækningen");
    result = verify_sample(*db, round_id, file, seed, progress.callback());
  }
  if (vm.count("json")) {
    boost::json::array problems;
    for (const auto& problem : result.problems) problems.push_back(boost::json::value(problem));
    print_json(ctx.out, boost::json::object{{"runde", round_id},
                                            {"ok", result.ok},
                                            {"fil_sha256", result.file_sha256},
                                            {"seed", std::to_string(result.seed)},
                                            {"traek", result.recorded.total_drawn()},
                                            {"problemer", problems}});
    return result.ok ? exit_ok : exit_validation;
  }
  if (result.ok) {
    ctx.out << "OK  stikprøven til runde " << round_id << " er gentaget fra " << file << ": alle "
            << result.recorded.total_drawn() << " træk i " << result.recorded.strata.size()
            << " centre stemmer (SHA-256 " << result.file_sha256 << ", frø " << result.seed << ", "
            << result.recorded.algorithm << " version " << result.recorded.algorithm_version
            << ").\n";
    return exit_ok;
  }
  ctx.out << "AFVIGER  stikprøven til runde " << round_id << " kan ikke gentages fra " << file
          << ":\n";
  for (const auto& problem : result.problems) ctx.out << "  - " << problem << '\n';
  return exit_validation;
}

void statistics_options(po::options_description& options) {
  options.add_options()("confidence", po::value<std::string>()->required()->value_name("C"),
                        "konfidensniveau, fx 0.95")(
      "likelihood", po::value<std::string>()->default_value("binomial")->value_name("L"),
      "binomial, poisson eller hypergeometric")(
      "population", po::value<std::int64_t>()->value_name("N"),
      "populationens størrelse (kræves af hypergeometric)")("json", "skriv resultatet som JSON");
}

}  // namespace

std::vector<Command> sample_commands() {
  return {
      Command{{"sample", "plan"},
              "beregn stikprøvestørrelse (attributstikprøve som jfa's planning())",
              "--tolerable R --expected R|ANTAL --confidence C --likelihood L [--population N]",
              "Finder det mindste n, hvis øvre konfidensgrænse for fejlraten er under den\n"
              "tolerable rate, når x fejl findes. --expected under 1 er en rate (x = e·n),\n"
              "1 eller mere et antal fejl. Tal skrives med punktum (0.05). Se docs/sample-size.md.",
              [](po::options_description& options, po::positional_options_description&) {
                options.add_options()("tolerable",
                                      po::value<std::string>()->required()->value_name("R"),
                                      "tolerabel fejlrate, fx 0.05")(
                    "expected", po::value<std::string>()->required()->value_name("R|ANTAL"),
                    "forventede fejl: rate under 1 eller antal")(
                    "max-n", po::value<std::int64_t>()->value_name("N"),
                    "største n, der prøves (standard 5000)");
                statistics_options(options);
              },
              plan},
      Command{{"sample", "evaluate"},
              "øvre konfidensgrænse for fejlraten i en gennemgået stikprøve",
              "--n N --errors K --confidence C --likelihood L [--population N]",
              "Som jfa's evaluation(): den øvre grænse for populationens fejlrate, når K fejl\n"
              "er fundet i N sager.",
              [](po::options_description& options, po::positional_options_description&) {
                options.add_options()("n", po::value<std::int64_t>()->required()->value_name("N"),
                                      "antal gennemgåede sager")(
                    "errors", po::value<std::string>()->required()->value_name("K"),
                    "antal fundne fejl");
                statistics_options(options);
              },
              evaluate},
      Command{{"sample", "draw"},
              "træk rundens stikprøve (reproducerbart, pr. center)",
              "--round RUNDE [--seed FRØ] [--exclude-last K] [--json]",
              "Ét stratum pr. center, sagerne i sagsnummerorden (bytes), n efter årshjulets\n"
              "regel, PCG32 og delvis Fisher–Yates (docs/sampling.md). Uden --seed tages frøet\n"
              "fra styresystemet; det registreres i protokollen sammen med populationens\n"
              "SHA-256, regel, algoritme og de trukne sagsnumre. Med --exclude-last K udelades\n"
              "sager, der blev trukket i de seneste K runder af samme ydelsestype.",
              [](po::options_description& options, po::positional_options_description&) {
                options.add_options()("round",
                                      po::value<std::string>()->required()->value_name("RUNDE"),
                                      "rundens id")(
                    "seed", po::value<std::string>()->value_name("FRØ"),
                    "frø, et helt tal fra 0 til 2^64−1 (standard: fra styresystemet)")(
                    "exclude-last", po::value<int>()->default_value(0)->value_name("K"),
                    "udelad sager trukket i de seneste K runder af samme ydelsestype")(
                    "json", "skriv protokollen som JSON");
              },
              draw},
      Command{{"sample", "protocol"},
              "vis protokollen for en rundes stikprøve",
              "--round RUNDE [--json]",
              "Alt, der skal til for at gentage trækningen: populationens SHA-256, N pr. center,\n"
              "regel, frø, algoritme og version og de trukne sagsnumre i trækkerækkefølge.",
              [](po::options_description& options, po::positional_options_description&) {
                options.add_options()("round",
                                      po::value<std::string>()->required()->value_name("RUNDE"),
                                      "rundens id")("json", "skriv protokollen som JSON");
              },
              protocol},
      Command{
          {"sample", "verify"},
          "gentag trækningen fra populationsfilen og sammenlign",
          "--round RUNDE --population FIL [--seed FRØ] [--json]",
          "Læser populationsfilen, trækker igen med protokollens frø og regel og sammenligner\n"
          "hvert træk. Afviger filen (SHA-256), frøet eller et træk, siges hvad og hvor;\n"
          "udgangsstatus er da 1. Med --seed prøves et andet frø end protokollens.",
          [](po::options_description& options, po::positional_options_description&) {
            options.add_options()(
                "round", po::value<std::string>()->required()->value_name("RUNDE"), "rundens id")(
                "population", po::value<std::string>()->required()->value_name("FIL"),
                "populationsfilen, som den blev indlæst")(
                "seed", po::value<std::string>()->value_name("FRØ"),
                "prøv dette frø i stedet for protokollens")("json", "skriv resultatet som JSON");
          },
          verify},
  };
}

}  // namespace sagsaudit::cli
