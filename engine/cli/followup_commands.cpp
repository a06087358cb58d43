// sagsaudit followup initiatives | initiative add/set/status/show | corrections |
// correction set | report | sync  (opfølgning, issue 8; docs/followup.md)
#include <boost/json.hpp>

#include <charconv>

#include "cli/command.hpp"
#include "cli/exit_codes.hpp"
#include "cli/json_output.hpp"
#include "cli/report_output.hpp"
#include "cli/text_table.hpp"
#include "followup/followup.hpp"
#include "report_output/followup_render.hpp"
#include "report_output/report_format.hpp"
#include "report_output/report_html.hpp"
#include "report_output/report_xlsx.hpp"
#include "setup/database_setup.hpp"
#include "workflow/clock.hpp"

namespace sagsaudit::cli {

using namespace report_output;  // the shared report writers

namespace {

Issue option_issue(const std::string& field, const std::string& message) {
  return Issue{"", 0, 0, field, message};
}

// The number of an initiative or a correction, as `followup initiatives` shows it.
std::int64_t id_option(const po::variables_map& vm, const std::string& what) {
  const std::string text = vm["id"].as<std::string>();
  std::int64_t id = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (text.empty() || ec != std::errc() || ptr != text.data() + text.size() || id <= 0) {
    throw ValidationError(std::vector<Issue>{option_issue(
        "ID", "'" + text + "' er ikke et " + what + "nummer (et helt tal som 12; se listen)")});
  }
  return id;
}

Date date_value(const std::string& option, const std::string& text) {
  const auto date = parse_date(text);
  if (!date) {
    throw ValidationError(std::vector<Issue>{option_issue(
        "--" + option, "'" + text + "' er ikke en dato (skriv fx 31-12-2027 eller 2027-12-31)")});
  }
  return *date;
}

Date today_option(const po::variables_map& vm) {
  return vm.count("today") ? date_value("today", vm["today"].as<std::string>()) : local_today();
}

FollowupRules rules_of(const CommandContext& ctx) {
  return parse_followup_rules(ctx.config.followup_yellow_limit_days,
                              "[opfoelgning] gul_graense_dage");
}

std::optional<std::string> center_option(const po::variables_map& vm) {
  if (!vm.count("center")) return std::nullopt;
  return vm["center"].as<std::string>();
}

Stamp stamp_of(const CommandContext& ctx) {
  return Stamp{ctx.actor, utc_now_iso()};
}

std::string cell_text(const InitiativeLine& l) {
  return l.initiative.center + " × " + l.initiative.benefit_type + " " + l.initiative.period;
}

void print_totals(std::ostream& out, const std::vector<CorrectionTotal>& totals) {
  TextTable table({"Center", "Antal", "Beløb (kr.)"});
  for (const auto& t : totals) {
    table.add_row(
        {t.center.empty() ? "I alt" : t.center, std::to_string(t.count), format_kroner(t.amount)});
  }
  table.print(out);
}

// ---- followup initiatives -----------------------------------------------------------------

int run_initiatives(const po::variables_map& vm, CommandContext& ctx) {
  const Date today = today_option(vm);
  const FollowupRules rules = rules_of(ctx);
  auto db = open_database(ctx.config);
  const auto report = build_followup_report(*db, center_option(vm), today, rules);
  if (vm.count("json")) {
    boost::json::array all;
    for (const auto& l : report.initiatives) all.push_back(initiative_json(l));
    print_json(ctx.out, all);
    return exit_ok;
  }
  if (report.initiatives.empty()) {
    ctx.out << "Ingen initiativer" << (report.center ? " for " + *report.center : "") << ".\n";
    return exit_ok;
  }
  ctx.out << "Initiativer pr. " << to_danish(today) << " (gul til " << rules.yellow_limit_days
          << " dage over fristen, derefter rød):\n";
  TextTable table({"Nr.", "Status", "Celle", "Lys", "Frist", "Over frist", "Ansvarlig", "Hvad"});
  for (const auto& l : report.initiatives) {
    const auto& i = l.initiative;
    table.add_row({std::to_string(i.id), danish_label(l.status), cell_text(l),
                   light_text(i.source_light) + " " + percent_text(i.source_percent),
                   deadline_text(i.deadline),
                   l.overdue_days ? std::to_string(l.overdue_days) + " dage" : "", i.responsible,
                   action_text(i)});
  }
  table.print(ctx.out);
  return exit_ok;
}

// ---- followup initiative add / set / status / show ----------------------------------------

int run_initiative_add(const po::variables_map& vm, CommandContext& ctx) {
  auto db = open_database(ctx.config);
  const auto id = create_cell_initiative(*db, vm["round"].as<std::string>(),
                                         vm["center"].as<std::string>(), stamp_of(ctx));
  ctx.out << "Initiativ " << id << " er oprettet. Udfyld det med 'sagsaudit followup initiative "
          << "set " << id << " --what … --responsible … --deadline …'.\n";
  return exit_ok;
}

int run_initiative_set(const po::variables_map& vm, CommandContext& ctx) {
  const std::int64_t id = id_option(vm, "initiativ");
  InitiativeFields fields;
  if (vm.count("what")) fields.action = vm["what"].as<std::string>();
  if (vm.count("responsible")) fields.responsible = vm["responsible"].as<std::string>();
  if (vm.count("deadline")) {
    fields.deadline = date_value("deadline", vm["deadline"].as<std::string>());
  }
  if (vm.count("controls")) {
    fields.controls = storage::split_controls(vm["controls"].as<std::string>());
  }
  auto db = open_database(ctx.config);
  const auto i = set_initiative(*db, id, fields, stamp_of(ctx));
  ctx.out << "Initiativ " << id << " (" << i.center << " × " << i.benefit_type << " " << i.period
          << "): " << action_text(i)
          << "; ansvarlig: " << (i.responsible.empty() ? "ikke angivet" : i.responsible)
          << "; frist: " << deadline_text(i.deadline)
          << "; kontroller: " << (i.controls.empty() ? "ingen" : storage::join_controls(i.controls))
          << ".\n";
  return exit_ok;
}

int run_initiative_status(const po::variables_map& vm, CommandContext& ctx) {
  const std::int64_t id = id_option(vm, "initiativ");
  std::vector<InitiativeMarker> chosen;
  if (vm.count("done")) chosen.push_back(InitiativeMarker::done);
  if (vm.count("delayed")) chosen.push_back(InitiativeMarker::delayed);
  if (vm.count("at-risk")) chosen.push_back(InitiativeMarker::at_risk);
  if (vm.count("open")) chosen.push_back(InitiativeMarker::open);
  if (chosen.size() != 1) {
    throw ValidationError(
        std::vector<Issue>{option_issue("--done/--delayed/--at-risk/--open",
                                        "angiv præcis én af --done, --delayed, --at-risk og "
                                        "--open")});
  }
  const std::string reason = vm.count("reason") ? vm["reason"].as<std::string>() : "";
  const Date today = today_option(vm);
  const FollowupRules rules = rules_of(ctx);
  auto db = open_database(ctx.config);
  const auto i = mark_initiative(*db, id, chosen.front(), reason, stamp_of(ctx));
  const auto status = initiative_status(i.marker, i.deadline, today, rules);
  ctx.out << "Initiativ " << id << " er markeret '" << danish_label(i.marker) << "'; status pr. "
          << to_danish(today) << ": " << danish_label(status) << " — " << status_text(status)
          << ".\n";
  return exit_ok;
}

int run_initiative_show(const po::variables_map& vm, CommandContext& ctx) {
  const std::int64_t id = id_option(vm, "initiativ");
  const Date today = today_option(vm);
  const FollowupRules rules = rules_of(ctx);
  auto db = open_database(ctx.config);
  const auto report = build_followup_report(*db, std::nullopt, today, rules);
  const InitiativeLine* line = nullptr;
  for (const auto& l : report.initiatives) {
    if (l.initiative.id == id) line = &l;
  }
  if (!line) throw NotFound("initiativ " + std::to_string(id) + " findes ikke");
  const auto& i = line->initiative;
  const auto history = storage::make_followup_repository(*db)->status_changes(id);
  if (vm.count("json")) {
    auto json = initiative_json(*line);
    boost::json::array changes;
    for (const auto& c : history) {
      changes.push_back(boost::json::object{{"tid", c.at},
                                            {"af", c.actor},
                                            {"fra", marker_code(c.from)},
                                            {"til", marker_code(c.to)},
                                            {"begrundelse", c.reason}});
    }
    json["aendringer"] = changes;
    print_json(ctx.out, json);
    return exit_ok;
  }
  ctx.out << "Initiativ " << id << ": " << cell_text(*line) << " (" << light_text(i.source_light)
          << " " << percent_text(i.source_percent) << ")\n"
          << "  Hvad:       " << action_text(i) << "\n"
          << "  Ansvarlig:  " << (i.responsible.empty() ? "ikke angivet" : i.responsible) << "\n"
          << "  Frist:      " << deadline_text(i.deadline) << "\n"
          << "  Markering:  " << danish_label(i.marker) << "\n"
          << "  Status:     " << danish_label(line->status) << " — "
          << initiative_status_text(*line) << "\n";
  for (const auto& c : line->controls) {
    ctx.out << "  Kontrol " << c.control_id << ": "
            << improvement_text(c.change, line->next_round_id.has_value())
            << (line->next_round_id ? " (" + *line->next_round_id + ")" : "") << "\n";
  }
  for (const auto& c : history) {
    ctx.out << "  " << c.at << " " << c.actor << ": " << danish_label(c.from) << " → "
            << danish_label(c.to) << " (" << c.reason << ")\n";
  }
  return exit_ok;
}

// ---- followup corrections / correction set ------------------------------------------------

int run_corrections(const po::variables_map& vm, CommandContext& ctx) {
  const Format format = format_option(vm);
  if (format == Format::html) {
    throw ValidationError(std::vector<Issue>{option_issue(
        "--format", "'html' findes for 'followup report'; her: text, csv, json, xlsx")});
  }
  const std::string xlsx = format == Format::xlsx ? xlsx_file(vm) : "";
  std::optional<CorrectionState> state;
  if (vm.count("state")) {
    state = parse_correction_state(vm["state"].as<std::string>());
    if (!state) {
      throw ValidationError(std::vector<Issue>{
          option_issue("--state", "'" + vm["state"].as<std::string>() +
                                      "' er ukendt (åben, berigtiget eller ikke-relevant)")});
    }
  }
  auto db = open_database(ctx.config);
  storage::FollowupFilter filter;
  filter.center = center_option(vm);
  auto rows = storage::make_followup_repository(*db)->corrections(filter);
  if (state) std::erase_if(rows, [&](const auto& c) { return c.state != *state; });
  const auto totals = correction_totals(rows);
  if (format == Format::xlsx) {
    write_corrections_xlsx(rows, xlsx);
    report_written(ctx, xlsx);
    return exit_ok;
  }
  if (format == Format::json) {
    boost::json::array all;
    for (const auto& c : rows) all.push_back(correction_json(c));
    print_json(ctx.out,
               boost::json::object{{"berigtigelser", all}, {"i_alt", totals_json(totals)}});
    return exit_ok;
  }
  if (format == Format::csv) {
    std::string out = csv_line(correction_csv_header());
    for (const auto& c : rows) out += csv_line(correction_csv(c));
    out += "\r\n" + totals_csv(totals);
    emit(vm, ctx, format, out);
    return exit_ok;
  }
  std::ostringstream out;
  if (rows.empty()) {
    out << "Ingen berigtigelser.\n";
  } else {
    TextTable table(
        {"Nr.", "Center", "Runde", "Sag", "Kontrol", "Beløb (kr.)", "Status", "Begrundelse"});
    for (const auto& c : rows) {
      table.add_row({std::to_string(c.id), c.center, c.round_id, c.case_number, c.control_id,
                     amount_text(c.amount), danish_label(c.state), c.reason});
    }
    table.print(out);
    out << "\n";
    print_totals(out, totals);
  }
  emit(vm, ctx, format, out.str());
  return exit_ok;
}

int run_correction_set(const po::variables_map& vm, CommandContext& ctx) {
  const std::int64_t id = id_option(vm, "berigtigelses");
  const std::string text = vm["status"].as<std::string>();
  const auto state = parse_correction_state(text);
  if (!state) {
    throw ValidationError(std::vector<Issue>{option_issue(
        "--status", "'" + text + "' er ukendt (berigtiget, ikke-relevant eller åben)")});
  }
  const std::string reason = vm.count("reason") ? vm["reason"].as<std::string>() : "";
  auto db = open_database(ctx.config);
  const auto c = set_correction_state(*db, id, *state, reason, stamp_of(ctx));
  ctx.out << "Berigtigelse " << id << " (" << c.round_id << "/" << c.case_number << ", "
          << c.control_id << ", " << amount_text(c.amount) << " kr.) er nu '"
          << danish_label(c.state) << "'.\n";
  return exit_ok;
}

// ---- followup report ----------------------------------------------------------------------

std::string report_text(const FollowupReport& r) {
  std::ostringstream out;
  out << "Opfølgning — " << (r.center ? *r.center : "forvaltningen") << ", opgjort "
      << to_danish(r.today) << "\n\nHandleplan:\n";
  if (r.initiatives.empty()) {
    out << "  Ingen initiativer.\n";
  } else {
    TextTable table({"Nr.", "Handlinger", "Forventet afslutning", "Status", "Status i farver"});
    for (const auto& l : r.initiatives) {
      table.add_row({std::to_string(l.initiative.id),
                     cell_text(l) + ": " + action_text(l.initiative),
                     deadline_text(l.initiative.deadline), initiative_status_text(l),
                     danish_label(l.status)});
    }
    table.print(out);
    out << kInitiativeLegend << "\n";
    for (const auto& l : r.initiatives) {
      for (const auto& c : l.controls) {
        out << "  Nr. " << l.initiative.id << ", kontrol " << c.control_id << ": "
            << improvement_text(c.change, l.next_round_id.has_value()) << "\n";
      }
    }
  }
  out << "\nÅbne berigtigelser:\n";
  if (r.open_corrections.empty()) {
    out << "  Ingen.\n";
  } else {
    TextTable table({"Nr.", "Center", "Runde", "Sag", "Kontrol", "Beløb (kr.)", "Periode"});
    for (const auto& c : r.open_corrections) {
      table.add_row({std::to_string(c.id), c.center, c.round_id, c.case_number, c.control_id,
                     amount_text(c.amount), affected_period_text(c.affected_period)});
    }
    table.print(out);
    out << "\n";
    print_totals(out, r.open_totals);
  }
  out << r.closed_corrections << " berigtigelser er afsluttet.\n";
  return out.str();
}

int run_report(const po::variables_map& vm, CommandContext& ctx) {
  const Format format = format_option(vm);
  const std::string xlsx = format == Format::xlsx ? xlsx_file(vm) : "";
  const Date today = today_option(vm);
  const FollowupRules rules = rules_of(ctx);
  auto db = open_database(ctx.config);
  const auto report = build_followup_report(*db, center_option(vm), today, rules);
  switch (format) {
    case Format::xlsx:
      write_followup_xlsx(report, xlsx);
      report_written(ctx, xlsx);
      return exit_ok;
    case Format::html:
      emit(vm, ctx, format, followup_html(report));
      return exit_ok;
    case Format::csv:
      emit(vm, ctx, format, followup_csv(report));
      return exit_ok;
    case Format::json: {
      std::ostringstream out;
      print_json(out, followup_json(report));
      emit(vm, ctx, format, out.str());
      return exit_ok;
    }
    case Format::text:
      emit(vm, ctx, format, report_text(report));
      return exit_ok;
  }
  return exit_ok;
}

int run_sync(const po::variables_map&, CommandContext& ctx) {
  auto db = open_database(ctx.config);
  const auto s = sync_followup(*db, stamp_of(ctx));
  ctx.out << s.initiatives_created.size() << " initiativer oprettet for røde celler; "
          << s.corrections.created << " berigtigelser oprettet, " << s.corrections.updated
          << " ajourført, " << s.corrections.closed << " lukket som ikke relevante.\n";
  return exit_ok;
}

void id_positional(po::options_description& options, po::positional_options_description& pos,
                   const char* what) {
  options.add_options()("id", po::value<std::string>()->required()->value_name("ID"), what);
  pos.add("id", 1);
}

}  // namespace

std::vector<Command> followup_commands() {
  return {
      Command{{"followup", "initiatives"},
              "vis de kvalitetsforbedrende initiativer med statusfarve",
              "[--center C] [--today DATO] [--json]",
              "Viser alle initiativer: rød først, så gul, i gang og grøn; inden for en farve\n"
              "de mest forsinkede først. Status: grøn = opfyldt; gul = åben 1 til\n"
              "gul_graense_dage dage efter fristen eller markeret forsinket; rød = længere\n"
              "over fristen eller markeret i risiko; i gang = fristen er ikke overskredet.\n"
              "Et initiativ oprettes for hver rød celle (center × ydelsestype), når en runde\n"
              "sættes til 'rapporteret'.",
              [](po::options_description& options, po::positional_options_description&) {
                options.add_options()("center", po::value<std::string>()->value_name("C"),
                                      "kun dette center")(
                    "today", po::value<std::string>()->value_name("DATO"),
                    "opgør status pr. denne dag (standard: i dag)")("json", "skriv som JSON");
              },
              run_initiatives},
      Command{{"followup", "initiative", "add"},
              "opret et initiativ for en gul (eller rød) celle efter eget valg",
              "--round RUNDE --center C",
              "Røde celler får et initiativ af sig selv, når runden rapporteres. En gul celle\n"
              "kan få et, når nogen vælger det. Runden skal være 'rapporteret'. Skrives i\n"
              "revisionsloggen.",
              [](po::options_description& options, po::positional_options_description&) {
                options.add_options()(
                    "round", po::value<std::string>()->required()->value_name("RUNDE"),
                    "rundens id")("center", po::value<std::string>()->required()->value_name("C"),
                                  "centrets kode");
              },
              run_initiative_add},
      Command{{"followup", "initiative", "set"},
              "udfyld et initiativ: hvad, hvem, frist og de kontroller, det retter sig mod",
              "ID [--what TEKST] [--responsible NAVN] [--deadline DATO] [--controls K1,K2]",
              "Sætter de felter, der angives; de øvrige bevares. Kontrollerne skal findes i\n"
              "rundens kvalitetskoncept. Næste rundes rapport for samme center og\n"
              "ydelsestype viser, om kontrollerne er forbedret (procent før → efter).\n"
              "Skrives i revisionsloggen.",
              [](po::options_description& options, po::positional_options_description& pos) {
                id_positional(options, pos, "initiativets nummer");
                options.add_options()("what", po::value<std::string>()->value_name("TEKST"),
                                      "hvad der gøres")(
                    "responsible", po::value<std::string>()->value_name("NAVN"), "ansvarlig")(
                    "deadline", po::value<std::string>()->value_name("DATO"),
                    "forventet afslutning, fx 31-12-2027")(
                    "controls", po::value<std::string>()->value_name("K1,K2"),
                    "kontrol-id'er adskilt af komma");
              },
              run_initiative_set},
      Command{{"followup", "initiative", "status"},
              "markér et initiativ opfyldt, forsinket, i risiko eller åbent (med begrundelse)",
              "ID --done|--delayed|--at-risk|--open --reason TEKST [--today DATO]",
              "Enhver ændring kræver en begrundelse og skrives i revisionsloggen og i\n"
              "initiativets historik. --done giver grøn, --delayed mindst gul, --at-risk rød;\n"
              "--open lader fristen afgøre farven igen.",
              [](po::options_description& options, po::positional_options_description& pos) {
                id_positional(options, pos, "initiativets nummer");
                options.add_options()("done", "opfyldt (grøn)")("delayed",
                                                                "forsinket (mindst gul)")(
                    "at-risk", "i risiko for ikke at blive opfyldt (rød)")(
                    "open", "åben igen (farven følger fristen)")(
                    "reason", po::value<std::string>()->value_name("TEKST"), "begrundelse")(
                    "today", po::value<std::string>()->value_name("DATO"),
                    "vis status pr. denne dag (standard: i dag)");
              },
              run_initiative_status},
      Command{{"followup", "initiative", "show"},
              "vis ét initiativ med kontroller før → efter og historik",
              "ID [--today DATO] [--json]",
              "Viser initiativets felter, status og statusændringer med begrundelse.",
              [](po::options_description& options, po::positional_options_description& pos) {
                id_positional(options, pos, "initiativets nummer");
                options.add_options()("today", po::value<std::string>()->value_name("DATO"),
                                      "opgør status pr. denne dag")("json", "skriv som JSON");
              },
              run_initiative_show},
      Command{{"followup", "corrections"},
              "vis berigtigelserne (fejl på refusionsrelevante nøglekontroller) med totaler",
              "[--center C] [--state S] [--format text|csv|json|xlsx] [--out FIL]",
              "Hver fejl på en nøglekontrol med refusion = true i en indsendt gennemgang\n"
              "bliver en berigtigelse: sag, kontrol, beløb, periode, center og status (åben,\n"
              "berigtiget, ikke relevant). Listen pr. center og til økonomikontoret, med\n"
              "antal og beløb i alt pr. center og samlet. CSV: ';', decimalkomma, UTF-8 med\n"
              "BOM; xlsx kræver --out.",
              [](po::options_description& options, po::positional_options_description&) {
                options.add_options()("center", po::value<std::string>()->value_name("C"),
                                      "kun dette center")(
                    "state", po::value<std::string>()->value_name("S"),
                    "kun denne status: åben, berigtiget eller ikke-relevant")(
                    "format", po::value<std::string>()->default_value("text")->value_name("F"),
                    "text, csv, json eller xlsx")(
                    "out", po::value<std::string>()->value_name("FIL"), "skriv til filen");
              },
              run_corrections},
      Command{{"followup", "correction", "set"},
              "sæt en berigtigelses status: berigtiget, ikke-relevant (med begrundelse) eller åben",
              "ID --status berigtiget|ikke-relevant|åben [--reason TEKST]",
              "'ikke-relevant' og 'åben' kræver en begrundelse. Skrives i revisionsloggen.",
              [](po::options_description& options, po::positional_options_description& pos) {
                id_positional(options, pos, "berigtigelsens nummer");
                options.add_options()("status",
                                      po::value<std::string>()->required()->value_name("S"),
                                      "berigtiget, ikke-relevant eller åben")(
                    "reason", po::value<std::string>()->value_name("TEKST"), "begrundelse");
              },
              run_correction_set},
      Command{{"followup", "report"},
              "opfølgningsrapport: initiativer efter statusfarve, handleplan, åbne berigtigelser",
              "[--center C] [--format text|html|csv|xlsx|json] [--out FIL] [--today DATO]",
              "Åbne initiativer efter statusfarve (de mest forsinkede først), handleplanen\n"
              "som i forvaltningens statusnotater (nr., handlinger, forventet\n"
              "afslutningstidspunkt, status, status i farver — farven altid med ordet), de\n"
              "målrettede kontroller før → efter, og de åbne berigtigelser med beløb og\n"
              "totaler. html er én selvstændig side (A4); xlsx kræver --out.",
              [](po::options_description& options, po::positional_options_description&) {
                options.add_options()("center", po::value<std::string>()->value_name("C"),
                                      "kun dette center")(
                    "format", po::value<std::string>()->default_value("text")->value_name("F"),
                    "text, html, csv, xlsx eller json")(
                    "out", po::value<std::string>()->value_name("FIL"), "skriv til filen")(
                    "today", po::value<std::string>()->value_name("DATO"),
                    "opgør status pr. denne dag (standard: i dag)");
              },
              run_report},
      Command{{"followup", "sync"},
              "opret manglende initiativer og berigtigelser for data fra før opfølgningen",
              "",
              "Opretter initiativer for røde celler i alle rapporterede runder og\n"
              "berigtigelser for alle fejl på refusionsrelevante nøglekontroller i indsendte\n"
              "og godkendte gennemgange. Kan køres igen uden virkning. Én transaktion;\n"
              "skrives i revisionsloggen.",
              [](po::options_description&, po::positional_options_description&) {},
              run_sync},
  };
}

}  // namespace sagsaudit::cli
