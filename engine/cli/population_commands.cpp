// sagsaudit population import | check | show, and keygen (the CPR key the import needs)
#include <boost/json.hpp>

#include "cli/command.hpp"
#include "cli/exit_codes.hpp"
#include "cli/json_output.hpp"
#include "cli/terminal_progress.hpp"
#include "cli/text_table.hpp"
#include "crypto/cpr_hash.hpp"
#include "population/population_import.hpp"
#include "setup/database_setup.hpp"
#include "storage/population_repository.hpp"
#include "workflow/clock.hpp"

namespace sagsaudit::cli {
namespace {

// A refused file: its first problems, then how many there are in all (the list is capped, the
// count is not), and that nothing was stored.
int report_rejected(CommandContext& ctx, const PopulationRejected& rejected, bool stored) {
  for (const auto& issue : rejected.issues()) ctx.err << "fejl: " << format_issue(issue) << '\n';
  const std::size_t total = rejected.total();
  if (total > rejected.issues().size()) {
    ctx.err << "… og " << danish_count(total - rejected.issues().size()) << " fejl mere (de første "
            << rejected.issues().size() << " er vist).\n";
  }
  ctx.err << danish_count(total) << (total == 1 ? " fejl" : " fejl i alt")
          << (stored ? "; intet er gemt.\n" : ".\n");
  return exit_validation;
}

void print_counts(CommandContext& ctx, const std::map<std::string, std::size_t>& counts) {
  TextTable table({"Center", "Sager"});
  for (const auto& [center, count] : counts) table.add_row({center, danish_count(count)});
  table.print(ctx.out);
}

boost::json::object summary_json(const std::string& round_id, const PopulationFileSummary& s) {
  boost::json::object centers;
  for (const auto& [center, count] : s.center_counts) centers[center] = count;
  return boost::json::object{{"runde", round_id},  {"fil", s.file},
                             {"sha256", s.sha256}, {"tegnsaet", encoding_code(s.encoding)},
                             {"sager", s.rows},    {"centre", centers}};
}

int import(const po::variables_map& vm, CommandContext& ctx) {
  const std::string round_id = vm["round"].as<std::string>();
  const std::string file = vm["file"].as<std::string>();
  const CprKey key = load_configured_cpr_key(ctx.config);
  auto db = open_database(ctx.config);
  PopulationFileSummary summary;
  try {
    TerminalProgress progress(ctx.err, "Indlæser " + file);
    summary = import_population(*db, round_id, file, key,
                                ImportOptions{ctx.actor, utc_now_iso(), vm.count("replace") > 0},
                                progress.callback());
  } catch (const PopulationRejected& rejected) {
    return report_rejected(ctx, rejected, true);
  }
  if (vm.count("json")) {
    print_json(ctx.out, summary_json(round_id, summary));
    return exit_ok;
  }
  ctx.out << "Populationen til runde " << round_id << " er indlæst: " << danish_count(summary.rows)
          << " sager fra " << file << " (læst som " << describe(summary.encoding) << ", SHA-256 "
          << summary.sha256 << ").\n\n";
  print_counts(ctx, summary.center_counts);
  ctx.out << "\nRunden er nu 'population indlæst'. Næste skridt: sagsaudit sample draw --round "
          << round_id << '\n';
  return exit_ok;
}

int check(const po::variables_map& vm, CommandContext& ctx) {
  const std::string round_id = vm["round"].as<std::string>();
  const std::string file = vm["file"].as<std::string>();
  auto db = open_database(ctx.config);
  PopulationFileSummary summary;
  try {
    TerminalProgress progress(ctx.err, "Kontrollerer " + file);
    summary = check_population(*db, round_id, file, progress.callback());
  } catch (const PopulationRejected& rejected) {
    return report_rejected(ctx, rejected, false);
  }
  if (vm.count("json")) {
    print_json(ctx.out, summary_json(round_id, summary));
    return exit_ok;
  }
  ctx.out << "OK  " << file << ": " << danish_count(summary.rows) << " sager, læst som "
          << describe(summary.encoding) << ", SHA-256 " << summary.sha256 << ". Intet er gemt.\n\n";
  print_counts(ctx, summary.center_counts);
  return exit_ok;
}

int show(const po::variables_map& vm, CommandContext& ctx) {
  const std::string round_id = vm["round"].as<std::string>();
  auto db = open_database(ctx.config);
  load_round_context(*db, round_id);  // NotFound for an unknown round
  const auto info = storage::make_population_repository(*db)->find(round_id);
  if (!info) {
    throw NotFound("runden " + round_id +
                   " har ingen population endnu ('sagsaudit population "
                   "import --round " +
                   round_id + " FIL')");
  }
  if (vm.count("json")) {
    boost::json::object centers;
    for (const auto& [center, count] : info->center_counts) centers[center] = count;
    print_json(ctx.out, boost::json::object{{"runde", round_id},
                                            {"fil", info->file_name},
                                            {"sha256", info->file_sha256},
                                            {"tegnsaet", info->encoding},
                                            {"sager", info->row_count},
                                            {"cpr_noegle", info->cpr_key_id},
                                            {"indlaest", info->imported_at},
                                            {"indlaest_af", info->imported_by},
                                            {"centre", centers}});
    return exit_ok;
  }
  ctx.out << "Population for runde " << round_id << "\n"
          << "fil:        " << info->file_name << "\n"
          << "SHA-256:    " << info->file_sha256 << "\n"
          << "tegnsæt:    " << info->encoding << "\n"
          << "sager:      " << danish_count(static_cast<std::size_t>(info->row_count)) << "\n"
          << "CPR-nøgle:  " << info->cpr_key_id << "\n"
          << "indlæst:    " << info->imported_at << " af " << info->imported_by << "\n\n";
  std::map<std::string, std::size_t> counts;
  for (const auto& [center, count] : info->center_counts) {
    counts[center] = static_cast<std::size_t>(count);
  }
  print_counts(ctx, counts);
  return exit_ok;
}

int keygen(const po::variables_map& vm, CommandContext& ctx) {
  const std::string file = vm["out"].as<std::string>();
  write_new_cpr_key_file(file);
  ctx.out << "Ny CPR-nøgle skrevet til " << file << " (kun læsbar for dig, filrettigheder 0600).\n"
          << "Sæt [security] cpr_key_file = \"" << file << "\" i sagsaudit.toml (eller "
          << "SAGSAUDIT_CPR_KEY_FILE), og tag en sikker kopi: uden nøglen kan CPR-hash ikke "
             "sammenlignes på tværs af runder.\n";
  return exit_ok;
}

void round_and_file(po::options_description& options, po::positional_options_description& pos) {
  options.add_options()("round", po::value<std::string>()->required()->value_name("RUNDE"),
                        "rundens id, fx sygedagpenge-2027-K1")(
      "file", po::value<std::string>()->required()->value_name("FIL"), "populationsfilen (CSV)")(
      "json", "skriv resultatet som JSON");
  pos.add("file", 1);
}

}  // namespace

std::vector<Command> population_commands() {
  return {
      Command{{"population", "import"},
              "indlæs en rundes population fra sagssystemets CSV-fil",
              "--round RUNDE FIL [--replace] [--json]",
              "Læser filen (';'-separeret, overskriftslinje, UTF-8 med eller uden BOM, ellers\n"
              "Windows-1252) og kontrollerer hver række: sagsnummer, cpr, center, sagsbehandler\n"
              "og afgørelsesdato (dd-mm-åååå eller åååå-mm-dd, inden for rundens periode).\n"
              "Er der fejl, afvises hele filen, og alle fejl vises med fil:linje: felt.\n"
              "CPR-numre gemmes kun som nøglebaseret hash og maskeret (010180-xxxx); nøglen\n"
              "angives med [security] cpr_key_file. Runden går til 'population indlæst'.\n"
              "Med --replace erstattes en population, før stikprøven er trukket.",
              [](po::options_description& options, po::positional_options_description& pos) {
                round_and_file(options, pos);
                options.add_options()("replace",
                                      "erstat rundens population (kun før stikprøven er trukket)");
              },
              import},
      Command{{"population", "check"},
              "kontrollér en populationsfil uden at gemme noget",
              "--round RUNDE FIL [--json]",
              "Samme kontrol som 'population import' mod rundens centre og periode, men intet\n"
              "gemmes, og ingen CPR-nøgle er nødvendig.",
              round_and_file,
              check},
      Command{{"population", "show"},
              "vis en rundes indlæste population",
              "--round RUNDE [--json]",
              "Viser filnavn, SHA-256, tegnsæt, antal sager i alt og pr. center.",
              [](po::options_description& options, po::positional_options_description&) {
                options.add_options()("round",
                                      po::value<std::string>()->required()->value_name("RUNDE"),
                                      "rundens id")("json", "skriv som JSON");
              },
              show},
      Command{{"keygen"},
              "lav en ny nøgle til CPR-hash",
              "--out FIL",
              "Skriver 32 tilfældige bytes (64 hextegn) til en ny fil, som kun ejeren kan læse\n"
              "(0600). En eksisterende fil overskrives aldrig: skiftes nøglen, kan CPR-hash fra\n"
              "tidligere runder ikke længere sammenlignes med nye.",
              [](po::options_description& options, po::positional_options_description&) {
                options.add_options()("out",
                                      po::value<std::string>()->required()->value_name("FIL"),
                                      "nøglefilen, der skal laves");
              },
              keygen},
  };
}

}  // namespace sagsaudit::cli
