// sagsaudit round blind | compare template | import | lock | report  (issue 7)
#include <boost/json.hpp>

#include "cli/command.hpp"
#include "cli/exit_codes.hpp"
#include "cli/json_output.hpp"
#include "cli/report_output.hpp"
#include "cli/terminal_progress.hpp"
#include "compare/blind_access.hpp"
#include "compare/comparison.hpp"
#include "compare/external_review_import.hpp"
#include "report_output/compare_report.hpp"
#include "setup/database_setup.hpp"
#include "workflow/clock.hpp"

namespace sagsaudit::cli {
namespace {

using namespace report_output;  // the revisorsammenligning's writers

std::string round_of(const po::variables_map& vm) {
  return vm["round"].as<std::string>();
}

void round_option(po::options_description& options) {
  options.add_options()("round", po::value<std::string>()->required()->value_name("RUNDE"),
                        "rundens id, fx sygedagpenge-2027-K1");
}

int blind(const po::variables_map& vm, CommandContext& ctx) {
  auto db = open_database(ctx.config);
  mark_round_blind(*db, round_of(vm), ctx.actor, utc_now_iso());
  ctx.out << "Runden " << round_of(vm)
          << " er nu blind: revisor kan ikke se kommunens svar, og kommunen kan ikke se\n"
             "revisorens, før revisorgennemgangen er indlæst og låst ('sagsaudit compare "
             "lock').\n";
  return exit_ok;
}

int make_template(const po::variables_map& vm, CommandContext& ctx) {
  const Format format = format_option(vm);
  if (format != Format::csv && format != Format::xlsx) {
    throw ValidationError(
        std::vector<Issue>{{"", 0, 0, "--format", "skabelonen findes som xlsx eller csv"}});
  }
  const std::string file = format == Format::xlsx ? xlsx_file(vm) : "";
  auto db = open_database(ctx.config);
  const ExternalReviewTemplate t = external_review_template(*db, round_of(vm));
  if (format == Format::xlsx) {
    write_external_template_xlsx(t, file);
    ctx.out << "Skabelonen (" << t.cases.size() << " sager × " << t.concept_.controls.size()
            << " kontroller) er skrevet til " << file << ".\n";
    return exit_ok;
  }
  emit(vm, ctx, format, external_template_csv(t), "Skabelonen");
  return exit_ok;
}

// A refused file shows at most this many problems, then how many there are in all.
constexpr std::size_t kShownIssues = 50;

int refused(CommandContext& ctx, const ValidationError& error) {
  const auto& issues = error.issues();
  for (std::size_t i = 0; i < issues.size() && i < kShownIssues; ++i) {
    ctx.err << "fejl: " << format_issue(issues[i]) << '\n';
  }
  if (issues.size() > kShownIssues) {
    ctx.err << "… og " << danish_count(issues.size() - kShownIssues) << " fejl mere (de første "
            << kShownIssues << " er vist).\n";
  }
  ctx.err << danish_count(issues.size()) << (issues.size() == 1 ? " fejl" : " fejl i alt")
          << "; intet er gemt.\n";
  return exit_validation;
}

int import(const po::variables_map& vm, CommandContext& ctx) {
  auto db = open_database(ctx.config);
  const std::string file = vm["file"].as<std::string>();
  ExternalImportSummary s;
  try {
    s = import_external_review(
        *db, round_of(vm), file,
        ExternalImportOptions{vm["source"].as<std::string>(), ctx.actor, utc_now_iso()});
  } catch (const ValidationError& error) {
    if (error.issues().empty()) throw;
    return refused(ctx, error);
  }
  if (vm.count("json")) {
    boost::json::array outside;
    for (const auto& n : s.cases_outside_sample) outside.push_back(boost::json::value(n));
    print_json(ctx.out, boost::json::object{{"runde", s.round_id},
                                            {"kilde", s.source},
                                            {"fil", s.file},
                                            {"sha256", s.sha256},
                                            {"tegnsaet", encoding_code(s.encoding)},
                                            {"linjer", s.lines},
                                            {"svar", s.answers},
                                            {"sager_i_stikproeven", s.cases_in_sample},
                                            {"uden_for_stikproeven", outside},
                                            {"erstattet", s.replaced}});
    return exit_ok;
  }
  ctx.out << "Revisorgennemgangen fra " << s.source << " er indlæst i runde " << s.round_id
          << " fra " << file << " (læst som " << describe(s.encoding) << "):\n"
          << "  " << s.answers << " svar på " << s.cases_in_sample << " sager i stikprøven";
  if (!s.cases_outside_sample.empty()) {
    ctx.out << " og " << s.cases_outside_sample.size() << " sager uden for stikprøven (";
    for (std::size_t i = 0; i < s.cases_outside_sample.size(); ++i) {
      ctx.out << (i ? ", " : "") << s.cases_outside_sample[i];
    }
    ctx.out << "; gemt og vist for sig)";
  }
  ctx.out << ".\n";
  if (s.replaced) ctx.out << "  Den tidligere indlæsning fra " << s.source << " er erstattet.\n";
  ctx.out << "Lås den med 'sagsaudit compare lock --round " << s.round_id << " --source "
          << s.source << "', når den er endelig.\n";
  return exit_ok;
}

int lock(const po::variables_map& vm, CommandContext& ctx) {
  auto db = open_database(ctx.config);
  const std::string source = vm["source"].as<std::string>();
  lock_external_review(*db, round_of(vm), source, ctx.actor, utc_now_iso());
  ctx.out << "Revisorgennemgangen fra " << source << " af runde " << round_of(vm)
          << " er låst; den kan ikke indlæses igen, og en eventuel blindhed er ophævet.\n";
  return exit_ok;
}

int report(const po::variables_map& vm, CommandContext& ctx) {
  const Format format = format_option(vm);
  const std::string xlsx = format == Format::xlsx ? xlsx_file(vm) : "";
  auto db = open_database(ctx.config);
  const std::string source = vm.count("source") ? vm["source"].as<std::string>() : "";
  const Comparison c = build_comparison(*db, round_of(vm), source, ctx.actor, utc_now_iso());
  switch (format) {
    case Format::xlsx:
      write_comparison_xlsx(c, xlsx);
      report_written(ctx, xlsx);
      return exit_ok;
    case Format::html:
      emit(vm, ctx, format, comparison_html(c));
      return exit_ok;
    case Format::csv:
      emit(vm, ctx, format, comparison_csv(c));
      return exit_ok;
    case Format::json:
      emit(vm, ctx, format, json_text(comparison_json(c)));
      return exit_ok;
    case Format::text:
      emit(vm, ctx, format, comparison_text(c));
      return exit_ok;
  }
  return exit_ok;
}

}  // namespace

std::vector<Command> compare_commands() {
  return {
      Command{{"round", "blind"},
              "gør en runde blind før revisorgennemgangen",
              "--round RUNDE",
              "En blind runde holder de to siders svar adskilt: brugere med rollen revisor kan\n"
              "ikke se kommunens svar (review show, centerrapporter), og kommunens roller kan\n"
              "ikke se revisorens (compare report), før revisorgennemgangen er indlæst og låst\n"
              "('sagsaudit compare lock'). Hvert forsøg på at se for tidligt afvises og skrives\n"
              "i revisionsloggen. Skal ske, før nogen revisorgennemgang er indlæst.",
              [](po::options_description& options, po::positional_options_description&) {
                round_option(options);
              },
              blind},
      Command{{"compare", "template"},
              "skriv skabelonen, revisor udfylder",
              "--round RUNDE --format xlsx|csv [--out FIL]",
              "Én linje pr. sag i stikprøven × kontrol i rundens kvalitetskoncept:\n"
              "  sagsnummer;cpr;center;kontrol;kategori;spørgsmål;svar;kommentar\n"
              "CPR er maskeret (010180-xxxx). Revisor udfylder svar og kommentar og lader svar\n"
              "stå tomt for det, der ikke er vurderet. xlsx kræver --out; csv skrives med BOM\n"
              "(til --out eller skærmen).",
              [](po::options_description& options, po::positional_options_description&) {
                round_option(options);
                options.add_options()("format",
                                      po::value<std::string>()->required()->value_name("FORMAT"),
                                      "xlsx eller csv")(
                    "out", po::value<std::string>()->value_name("FIL"), "skriv til filen");
              },
              make_template},
      Command{{"compare", "import"},
              "indlæs en udfyldt revisorgennemgang (CSV)",
              "--round RUNDE --source NAVN FIL [--json]",
              "Læser skabelonen udfyldt af revisor, gemt som CSV (';', UTF-8 med eller uden BOM,\n"
              "ellers Windows-1252). Kolonnerne sagsnummer, kontrol og svar skal findes;\n"
              "kommentar kan. Linjer uden svar og kommentar springes over (ikke vurderet).\n"
              "Afvises hele filen, hvis én linje er forkert: ukendt kontrol, samme sagsnummer\n"
              "to gange for samme kontrol, ukendt svar, fejl eller kan ikke vurderes uden\n"
              "kommentar, CPR-nummer i en kommentar. Alle fejl vises som fil:linje: felt: besked\n"
              "(højst 50, derefter antallet). Sager uden for stikprøven gemmes og vises for sig.\n"
              "Flere kilder pr. runde er tilladt; en ny indlæsning fra samme kilde erstatter den\n"
              "forrige, indtil den er låst. Skrives i revisionsloggen.",
              [](po::options_description& options, po::positional_options_description& pos) {
                round_option(options);
                options.add_options()("source",
                                      po::value<std::string>()->required()->value_name("NAVN"),
                                      "revisor, fx Deloitte")(
                    "file", po::value<std::string>()->required()->value_name("FIL"), "CSV-filen")(
                    "json", "skriv resultatet som JSON");
                pos.add("file", 1);
              },
              import},
      Command{{"compare", "lock"},
              "lås en revisorgennemgang (endelig; ophæver blindhed)",
              "--round RUNDE --source NAVN",
              "En låst revisorgennemgang kan ikke indlæses igen. Er runden blind, ophæves\n"
              "blindheden: begge sider kan derefter se hinandens svar. Skrives i revisionsloggen.",
              [](po::options_description& options, po::positional_options_description&) {
                round_option(options);
                options.add_options()("source",
                                      po::value<std::string>()->required()->value_name("NAVN"),
                                      "revisor, fx Deloitte");
              },
              lock},
      Command{{"compare", "report"},
              "revisorsammenligning: overensstemmelse, sand fejlandel og uenigheder",
              "--round RUNDE [--source NAVN] --format text|html|csv|xlsx|json [--out FIL]",
              "Sammenligner kommunens indsendte og godkendte gennemgange med revisorens på de\n"
              "kontroller, begge har besvaret korrekt eller fejl: enighed, Cohens kappa og Gwets\n"
              "AC1 med standardfejl og 95 %-interval, begge fejlandele med interval og McNemars\n"
              "test, pr. ydelsestype, kategori og kontrol; en vurdering i ord (fx 'Høj\n"
              "overensstemmelse'), den anslåede sande fejlandel og listen over uenigheder med\n"
              "begge kommentarer. --source kan udelades, når runden har én revisorgennemgang.\n"
              "En blind runde kan ikke sammenlignes, før revisorgennemgangen er låst.\n"
              "Metoder og grænser: docs/agreement.md.",
              [](po::options_description& options, po::positional_options_description&) {
                round_option(options);
                options.add_options()("source", po::value<std::string>()->value_name("NAVN"),
                                      "revisor, fx Deloitte")(
                    "format", po::value<std::string>()->default_value("text")->value_name("FORMAT"),
                    "text, html, csv, xlsx eller json")(
                    "out", po::value<std::string>()->value_name("FIL"), "skriv til filen");
              },
              report},
  };
}

}  // namespace sagsaudit::cli
