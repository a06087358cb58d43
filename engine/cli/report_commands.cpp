// sagsaudit report overview | center | fejlstatistik
#include <boost/json.hpp>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>

#include "cli/command.hpp"
#include "cli/exit_codes.hpp"
#include "cli/json_output.hpp"
#include "cli/report_output.hpp"
#include "cli/text_table.hpp"
#include "compare/blind_access.hpp"
#include "report_output/report_format.hpp"
#include "report_output/report_html.hpp"
#include "report_output/report_render.hpp"
#include "report_output/report_xlsx.hpp"
#include "reports/report_summaries.hpp"
#include "reports/reports.hpp"
#include "setup/database_setup.hpp"
#include "storage/review_answer_repository.hpp"
#include "storage/sample_repository.hpp"
#include "workflow/clock.hpp"

namespace sagsaudit::cli {
namespace {

using namespace report_output;

Period period_option(const po::variables_map& vm) {
  const std::string text = vm["period"].as<std::string>();
  const auto period = parse_period(text);
  if (!period) {
    throw ValidationError(std::vector<Issue>{
        {"", 0, 0, "--period", "'" + text + "' er ikke en periode (fx 2027-K1, 2027-H2, 2027)"}});
  }
  return *period;
}

// ---- overview -------------------------------------------------------------------------------

int overview(const po::variables_map& vm, CommandContext& ctx) {
  const Format format = format_option(vm);
  OverviewQuery query;
  if (vm.count("period") == vm.count("year")) {
    throw ValidationError("angiv enten --period eller --year");
  }
  if (vm.count("period")) query.period = period_option(vm);
  if (vm.count("year")) query.year = vm["year"].as<int>();
  const std::string xlsx = format == Format::xlsx ? xlsx_file(vm) : "";
  auto db = open_database(ctx.config);
  const OverviewReport r = build_overview(*db, query);

  if (format == Format::xlsx) {
    write_overview_xlsx(r, xlsx);
    report_written(ctx, xlsx);
    return exit_ok;
  }
  if (format == Format::html) {
    emit(vm, ctx, format, overview_html(r, overview_trends(*db, query)));
    return exit_ok;
  }

  if (format == Format::json) {
    emit(vm, ctx, format, json_text(overview_json(r)));
    return exit_ok;
  }

  if (format == Format::csv) {
    emit(vm, ctx, format, overview_csv(r));
    return exit_ok;
  }

  std::ostringstream out;
  out << "Overblik " << r.label << ": procent korrekte svar pr. center og ydelsestype\n"
      << thresholds_text(r.thresholds) << "\n";
  TextTable table(
      {"Center", "Ydelsestype", "Korrekt", "Lys", "n", "95 %-interval", "Sager", "Venter"});
  auto add = [&](const std::string& center, const std::string& type, const LightFigure& f) {
    const PercentCorrect& p = f.overall.correct;
    table.add_row({center, type, percent_text(p.share.percent) + mark(p), light_text(p.light),
                   std::to_string(p.share.proportion.whole), interval_text(p.share.interval),
                   std::to_string(f.reviews), std::to_string(f.pending)});
  };
  for_each_overview_row(r, false, add);
  table.print(out);
  out << "\n" << kLegend;
  if (r.goal && r.forvaltning_goal) {
    out << "\nForvaltningen — " << goal_text(*r.goal, *r.forvaltning_goal);
  }
  emit(vm, ctx, format, out.str());
  return exit_ok;
}

// ---- center ---------------------------------------------------------------------------------

int center(const po::variables_map& vm, CommandContext& ctx) {
  const Format format = format_option(vm);
  const Period period = period_option(vm);
  const std::string xlsx = format == Format::xlsx ? xlsx_file(vm) : "";
  auto db = open_database(ctx.config);
  const CenterReport r = build_center_report(*db, vm["center"].as<std::string>(), period);
  // Issue 7: a center report lists the municipality's answers per case; a blind round keeps
  // them from the revisor role until the external review is locked.
  for (const auto& sec : r.sections) {
    require_visible(*db, sec.round_id, ReviewSide::municipality, ctx.actor, utc_now_iso(),
                    "report center " + r.center.code);
  }

  if (format == Format::xlsx || format == Format::html) {
    const std::vector<CenterSectionExtras> extras = center_extras(*db, r, period);
    if (format == Format::html) {
      emit(vm, ctx, format, center_html(r, extras));
      return exit_ok;
    }
    write_center_xlsx(r, extras, xlsx);
    report_written(ctx, xlsx);
    return exit_ok;
  }

  if (format == Format::json) {
    emit(vm, ctx, format, json_text(center_json(r)));
    return exit_ok;
  }

  if (format == Format::csv) {
    emit(vm, ctx, format, center_csv(r));
    return exit_ok;
  }

  std::ostringstream out;
  out << "Centerrapport " << r.center.name << " (" << r.center.code << "), periode " << r.period
      << "\n"
      << thresholds_text(r.thresholds);
  for (const auto& s : r.sections) {
    out << "\n"
        << s.benefit_type.name << " (runde " << s.round_id << "): " << s.center.reviews
        << " sagsgennemgang(e) talt"
        << (s.pending ? ", " + std::to_string(s.pending) + " venter" : std::string())
        << (s.rules.not_assessable_is_error ? "; kan ikke vurderes tæller som fejl" : "") << "\n\n";
    TextTable table({"", "Korrekt", "Lys", "n", "95 %-interval", "Kan ikke vurderes",
                     "Fejlfri sager", "Forvaltningen"});
    auto add = [&](const std::string& name, const CategoryFigures& f, const CategoryFigures& all) {
      const PercentCorrect& p = f.correct;
      table.add_row(
          {name, percent_text(p.share.percent) + mark(p), light_text(p.light),
           std::to_string(p.share.proportion.whole), interval_text(p.share.interval),
           std::to_string(p.not_assessable), share_text(f.error_free),
           percent_text(all.correct.share.percent) + " " + light_text(all.correct.light)});
    };
    for (const Category c : kCategories) {
      add(to_danish(c), s.center.category(c), s.forvaltning.category(c));
    }
    add("samlet", s.center.overall, s.forvaltning.overall);
    table.print(out);
    out << "\n";
    TextTable controls(
        {"Kontrol", "Kategori", "Korrekt", "Lys", "n", "95 %-interval", "Kan ikke vurderes"});
    for (const auto& c : s.center.controls) {
      const PercentCorrect& p = c.correct;
      controls.add_row({c.control_id, to_danish(c.category),
                        percent_text(p.share.percent) + mark(p), light_text(p.light),
                        std::to_string(p.share.proportion.whole), interval_text(p.share.interval),
                        std::to_string(p.not_assessable)});
    }
    controls.print(out);
    if (!s.error_cases.empty()) {
      out << "\nSager med fejl:\n";
      for (const auto& c : s.error_cases) {
        out << "  " << c.case_number << " (" << c.masked_cpr << ")";
        if (!c.error_controls.empty()) {
          out << " fejl:";
          for (const auto& id : c.error_controls) out << " " << id;
        }
        if (!c.not_assessable_controls.empty()) {
          out << " kan ikke vurderes:";
          for (const auto& id : c.not_assessable_controls) out << " " << id;
        }
        out << "\n";
      }
    }
  }
  const PercentCorrect& t = r.total.overall.correct;
  out << "\nCentret i alt " << r.period << ": " << percent_text(t.share.percent) << mark(t) << " "
      << light_text(t.light) << " (n = " << t.share.proportion.whole << ", " << r.total.reviews
      << " sager)\n\n"
      << kLegend;
  if (r.goal && r.goal_status) out << "\n" << goal_text(*r.goal, *r.goal_status);
  emit(vm, ctx, format, out.str());
  return exit_ok;
}

// ---- fejlstatistik --------------------------------------------------------------------------

int error_statistics(const po::variables_map& vm, CommandContext& ctx) {
  const Format format = format_option(vm);
  const Period period = period_option(vm);
  std::optional<std::string> center;
  if (vm.count("center")) center = vm["center"].as<std::string>();
  const std::string xlsx = format == Format::xlsx ? xlsx_file(vm) : "";
  auto db = open_database(ctx.config);
  const ErrorStatisticsReport r = build_error_statistics(*db, center, period);
  if (format == Format::xlsx) {
    write_error_statistics_xlsx(r, xlsx);
    report_written(ctx, xlsx);
    return exit_ok;
  }
  if (format == Format::html) {
    emit(vm, ctx, format, error_statistics_html(r));
    return exit_ok;
  }

  if (format == Format::json) {
    emit(vm, ctx, format, json_text(error_statistics_json(r)));
    return exit_ok;
  }

  auto pct = [](const std::optional<int>& p) { return p ? std::to_string(*p) + " %" : ""; };
  if (format == Format::csv) {
    emit(vm, ctx, format, error_statistics_csv(r));
    return exit_ok;
  }

  std::ostringstream out;
  out << "Fejlstatistik " << r.period << " for "
      << (r.center ? r.center->name + " (" + r.center->code + ")" : std::string("forvaltningen"))
      << ": kontroller efter fejlandel\n";
  for (const auto& s : r.sections) {
    out << "\n"
        << s.benefit_type.name << " (runde " << s.round_id << "; forrige periode: "
        << (s.previous_round_id ? *s.previous_round_id : std::string("ingen data")) << ")\n\n";
    TextTable table(
        {"Rang", "Kontrol", "Kategori", "Fejlandel", "Fejl af", "Forrige", "Ændring (point)"});
    for (const auto& row : s.rows) {
      table.add_row(
          {row.rank ? std::to_string(*row.rank) : "", row.control_id, to_danish(row.category),
           row.percent ? pct(row.percent) : std::string(kNoDataLabel),
           std::to_string(row.error_share.part) + "/" + std::to_string(row.error_share.whole),
           pct(row.previous_percent), row.change_points ? points_text(*row.change_points) : ""});
    }
    table.print(out);
    out << "\nUdvikling, fejlandel samlet:";
    for (std::size_t i = 0; i < s.trend.periods.size(); ++i) {
      const Proportion& p = s.trend.overall.points[i];
      out << "  " << s.trend.periods[i].to_string() << " "
          << (p.has_data() ? pct(whole_percent(p.part, p.whole)) : "—");
    }
    out << "\n";
  }
  emit(vm, ctx, format, out.str());
  return exit_ok;
}

// report genopbyg: recount every round's report summaries from its answers (migration 9).
int rebuild_summaries(const po::variables_map&, CommandContext& ctx) {
  auto db = open_database(ctx.config);
  const std::size_t rounds = rebuild_all_report_summaries(*db, utc_now_iso());
  ctx.out << "Optællingerne til rapporterne er genopbygget for " << rounds << " runder.\n";
  return exit_ok;
}

void format_options(po::options_description& options) {
  options.add_options()(
      "format", po::value<std::string>()->default_value("text")->value_name("F"),
      "text, csv (';', decimalkomma, UTF-8 med BOM), json, html (A4, selvstændig) eller "
      "xlsx (kræver --out)")("out", po::value<std::string>()->value_name("FIL"),
                             "skriv rapporten til FIL");
}

}  // namespace

std::vector<Command> report_commands() {
  return {
      Command{{"report", "overview"},
              "overblik: procent korrekte og trafiklys for hvert center og hver ydelsestype",
              "(--period P | --year ÅR) [--format text|csv|json|html|xlsx] [--out FIL]",
              "Én linje pr. center × ydelsestype med procent korrekte svar (afrundet halvt op),\n"
              "trafiklys, antal tællende svar (n), 95 %-interval (Wilson), '*' når stikprøven er\n"
              "for lille til at skelne grøn fra gul, og antal gennemgange. Derefter centrenes\n"
              "og forvaltningens samlede tal (summen af tællingerne, aldrig gennemsnit af\n"
              "procenter) og det strategiske mål, hvis årshjulet har et. Kun indsendte og\n"
              "godkendte gennemgange tæller; 'Venter' er dem, der endnu ikke er indsendt.",
              [](po::options_description& options, po::positional_options_description&) {
                options.add_options()("period", po::value<std::string>()->value_name("P"),
                                      "perioden, fx 2027-K1")(
                    "year", po::value<int>()->value_name("ÅR"), "hele året, fx 2027");
                format_options(options);
              },
              overview},
      Command{{"report", "center"},
              "centerrapport for én periode",
              "--center C --period P [--format text|csv|json|html|xlsx] [--out FIL]",
              "For hver ydelsestype, der er gennemgået i perioden: procent korrekte pr. kategori\n"
              "(nøglekontrol, kvalitetsmål, formalia) og samlet med trafiklys, n, 95 %-interval\n"
              "og fejlfri sager, forvaltningens tal til sammenligning, hver kontrol for sig, og\n"
              "sagerne med fejl (kun maskeret CPR). Til sidst centret i alt og det strategiske\n"
              "mål, hvis årshjulet har et.",
              [](po::options_description& options, po::positional_options_description&) {
                options.add_options()("center",
                                      po::value<std::string>()->required()->value_name("C"),
                                      "centrets kode, fx jc-amager")(
                    "period", po::value<std::string>()->required()->value_name("P"),
                    "perioden, fx 2027-K1");
                format_options(options);
              },
              center},
      Command{{"report", "fejlstatistik"},
              "kontrollerne efter fejlandel, med ændring siden forrige periode",
              "[--center C] --period P [--format text|csv|json|html|xlsx] [--out FIL]",
              "Kontrollerne ordnet efter fejlandel (fejl af tællende svar; lige andele i\n"
              "konceptets rækkefølge), for et center eller hele forvaltningen, med forrige\n"
              "periodes andel og ændringen i procentpoint (eksakt, én decimal), samt\n"
              "udviklingen over de seneste otte perioder.",
              [](po::options_description& options, po::positional_options_description&) {
                options.add_options()("center", po::value<std::string>()->value_name("C"),
                                      "centrets kode (uden: forvaltningen)")(
                    "period", po::value<std::string>()->required()->value_name("P"),
                    "perioden, fx 2027-K1");
                format_options(options);
              },
              error_statistics},
      // Report summaries (docs/reports.md, "Speed").
      Command{{"report", "genopbyg"},
              "genopbyg optællingerne, som rapporterne læser, ud fra svarene",
              "",
              "Tæller hver rundes indsendte og godkendte svar op igen pr. center og gemmer\n"
              "optællingerne, som overblikket og fejlstatistikken læser (én transaktion pr.\n"
              "runde). Optællingerne holdes ellers ajour ved hver indsendelse, returnering og\n"
              "import; kommandoen er til databaser med svar fra før optællingerne fandtes.",
              [](po::options_description&, po::positional_options_description&) {},
              rebuild_summaries},
  };
}

}  // namespace sagsaudit::cli
