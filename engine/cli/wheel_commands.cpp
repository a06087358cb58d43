// sagsaudit wheel show | validate
#include <boost/json.hpp>

#include "cli/command.hpp"
#include "cli/exit_codes.hpp"
#include "cli/json_output.hpp"
#include "cli/text_table.hpp"
#include "domain/round_plan.hpp"
#include "loading/wheel_loader.hpp"
#include "setup/database_setup.hpp"
#include "storage/wheel_repository.hpp"

namespace sagsaudit::cli {
namespace {

// "5 × kvartal, 4 × halvår, 1 × år" — how the year's rounds come about.
std::string frequency_summary(const AnnualWheel& wheel) {
  std::string out;
  for (auto frequency : {Frequency::quarterly, Frequency::half_yearly, Frequency::yearly}) {
    const auto types = std::count_if(wheel.entries.begin(), wheel.entries.end(),
                                     [&](const WheelEntry& e) { return e.frequency == frequency; });
    if (types == 0) continue;
    if (!out.empty()) out += " + ";
    out += std::to_string(types) + (types == 1 ? " ydelsestype × " : " ydelsestyper × ") +
           std::to_string(periods_per_year(frequency)) +
           (frequency == Frequency::quarterly   ? " kvartaler"
            : frequency == Frequency::half_yearly ? " halvår"
                                                  : " år");
  }
  return out;
}

AnnualWheel wheel_from(const po::variables_map& vm, CommandContext& ctx) {
  if (vm.count("file")) return load_annual_wheel_file(vm["file"].as<std::string>());
  auto db = open_database(ctx.config);
  auto wheel = storage::make_wheel_repository(*db)->current();
  if (!wheel) {
    throw NotFound("databasen " + db->redacted_url() +
                   " har intet årshjul endnu. Kør 'sagsaudit init', eller vis en fil med --file.");
  }
  return std::move(*wheel);
}

int show(const po::variables_map& vm, CommandContext& ctx) {
  const int year = vm["year"].as<int>();
  if (year < 1900 || year > 9999) throw ValidationError("--year skal være et årstal (1900–9999)");
  const AnnualWheel wheel = wheel_from(vm, ctx);
  const auto rounds = plan_rounds(wheel, year);

  if (vm.count("json")) {
    boost::json::array items;
    for (const auto& r : rounds) {
      items.push_back(boost::json::object{{"id", r.id},
                                          {"ydelsestype", r.entry->benefit_type},
                                          {"navn", r.entry->name},
                                          {"periode", r.period.to_string()},
                                          {"fra", to_iso(r.period.first_day())},
                                          {"til", to_iso(r.period.last_day())},
                                          {"vindue_aabner", to_iso(r.window_opens)},
                                          {"vindue_lukker", to_iso(r.window_closes)},
                                          {"stikproeve", describe(r.entry->sample_rule)}});
    }
    print_json(ctx.out, boost::json::object{{"aar", year},
                                            {"aarshjul_version", wheel.version},
                                            {"runder", items}});
    return exit_ok;
  }

  ctx.out << wheel.title << " " << year << " (version " << wheel.version.substr(0, 12) << ")\n\n";
  TextTable table({"Runde", "Periode", "Fra", "Til", "Gennemgang", "Stikprøve"});
  for (const auto& r : rounds) {
    table.add_row({r.id, r.period.to_string(), to_danish(r.period.first_day()),
                   to_danish(r.period.last_day()),
                   to_danish(r.window_opens) + " – " + to_danish(r.window_closes),
                   describe(r.entry->sample_rule)});
  }
  table.print(ctx.out);
  ctx.out << '\n'
          << rounds.size() << " runder i " << year << " (" << frequency_summary(wheel) << ").\n";
  return exit_ok;
}

int validate(const po::variables_map& vm, CommandContext& ctx) {
  const std::string file =
      vm.count("path") ? vm["path"].as<std::string>() : ctx.config.annual_wheel_file;
  const AnnualWheel wheel = load_annual_wheel_file(file);
  ctx.out << "OK  " << file << ": " << wheel.entries.size() << " ydelsestyper, "
          << wheel.centers.size() << " centre, trafiklys grøn ≥ " << wheel.thresholds.green_min
          << " %, gul ≥ " << wheel.thresholds.yellow_min << " %, version "
          << wheel.version.substr(0, 12) << '\n';
  return exit_ok;
}

}  // namespace

std::vector<Command> wheel_commands() {
  return {
      Command{{"wheel", "show"},
              "vis årets gennemgangsrunder efter årshjulet",
              "--year ÅÅÅÅ [--file FIL] [--json]",
              "Viser hver runde (id som kontanthjaelp-2027-K1), dens periode, gennemgangs-\n"
              "vinduet (åbner dagen efter periodens udløb) og stikprøvereglen. Bruger\n"
              "årshjulet i databasen (indlæst med 'sagsaudit init') eller en fil med --file.",
              [](po::options_description& options, po::positional_options_description&) {
                options.add_options()("year", po::value<int>()->required()->value_name("ÅÅÅÅ"),
                                      "året, der skal vises")(
                    "file", po::value<std::string>()->value_name("FIL"),
                    "læs årshjulet fra denne fil i stedet for databasen")(
                    "json", "skriv runderne som JSON");
              },
              show},
      Command{{"wheel", "validate"},
              "kontrollér årshjulsfilen",
              "[FIL]",
              "Læser årshjulet og melder alle fejl med fil, linje og kolonne. Uden argument\n"
              "kontrolleres konfigurationens fil (standard: annual-wheel/aarshjul.toml).",
              [](po::options_description& options, po::positional_options_description& pos) {
                options.add_options()("path", po::value<std::string>()->value_name("FIL"),
                                      "årshjulsfilen");
                pos.add("path", 1);
              },
              validate},
  };
}

}  // namespace sagsaudit::cli
