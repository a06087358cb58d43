// sagsaudit tick | assign | reassign | rounds list | round show | round advance
#include <boost/json.hpp>

#include <map>

#include "cli/command.hpp"
#include "cli/exit_codes.hpp"
#include "cli/json_output.hpp"
#include "cli/text_table.hpp"
#include "setup/database_setup.hpp"
#include "storage/case_review_repository.hpp"
#include "storage/followup_repository.hpp"
#include "storage/round_repository.hpp"
#include "storage/sample_repository.hpp"
#include "workflow/assign.hpp"
#include "workflow/clock.hpp"
#include "workflow/round_transitions.hpp"
#include "workflow/tick.hpp"

namespace sagsaudit::cli {
namespace {

Date date_option(const po::variables_map& vm, const char* name) {
  const std::string text = vm[name].as<std::string>();
  const auto date = parse_date(text);
  if (!date) {
    throw ValidationError("--" + std::string(name) + " skal være en dato som 2027-04-01 eller " +
                          "01-04-2027, ikke '" + text + "'");
  }
  return *date;
}

RoundState state_option(const std::string& text) {
  const auto state = parse_round_state(text);
  if (!state) {
    throw ValidationError("ukendt tilstand '" + text +
                          "' (kendte: planlagt, population indlæst, stikprøve udtrukket, under "
                          "gennemgang, afsluttet, rapporteret — eller planned, "
                          "population_loaded, sample_drawn, in_review, closed, reported)");
  }
  return *state;
}

std::string window_text(const storage::Round& r) {
  return to_danish(r.window_opens) + " – " + to_danish(r.window_closes);
}

// ---- tick ---------------------------------------------------------------------------------

boost::json::object tick_json(const TickReport& r) {
  boost::json::array overdue;
  for (const auto& ref : r.overdue) {
    overdue.push_back(boost::json::object{{"runde", ref.round_id}, {"sag", ref.case_number}});
  }
  auto strings = [](const std::vector<std::string>& items) {
    boost::json::array out;
    for (const auto& item : items) out.push_back(boost::json::value(item));
    return out;
  };
  boost::json::array skipped;
  for (const auto& issue : r.skipped) {
    skipped.push_back(boost::json::object{{"runde", issue.field}, {"grund", issue.message}});
  }
  return {{"dag", to_iso(r.today)},
          {"koert", r.ran},
          {"oprettet", strings(r.created)},
          {"vinduer_aabnet", strings(r.windows_opened)},
          {"vinduer_lukket", strings(r.windows_closed)},
          {"over_frist", overdue},
          {"runder_afsluttet", strings(r.rounds_closed)},
          {"notifikationer", r.notifications},
          {"sprunget_over", skipped}};
}

void print_tick(std::ostream& out, const TickReport& r) {
  if (!r.ran) {
    out << to_danish(r.today) << ": en anden proces kører tick lige nu; intet gjort.\n";
    return;
  }
  if (!r.changed()) {
    out << to_danish(r.today) << ": intet at gøre.\n";
  } else {
    out << to_danish(r.today) << ": " << r.created.size() << " runde(r) oprettet, "
        << r.windows_opened.size() << " vindue(r) åbnet, " << r.windows_closed.size() << " lukket, "
        << r.overdue.size() << " sagsgennemgang(e) over fristen, " << r.rounds_closed.size()
        << " runde(r) afsluttet, " << r.notifications << " notifikation(er).\n";
    for (const auto& id : r.created) out << "  oprettet       " << id << '\n';
    for (const auto& id : r.windows_opened) out << "  vindue åbnet   " << id << '\n';
    for (const auto& ref : r.overdue) {
      out << "  over fristen   " << ref.round_id << "/" << ref.case_number << '\n';
    }
    for (const auto& id : r.windows_closed) out << "  vindue lukket  " << id << '\n';
    for (const auto& id : r.rounds_closed) out << "  afsluttet      " << id << '\n';
  }
  for (const auto& issue : r.skipped)
    out << "  sprunget over  " << issue.field << ": " << issue.message << '\n';
}

int run_tick(const po::variables_map& vm, CommandContext& ctx) {
  const Date first = vm.count("today") ? date_option(vm, "today") : local_today();
  const Date last = vm.count("until") ? date_option(vm, "until") : first;
  if (std::chrono::sys_days{last} < std::chrono::sys_days{first}) {
    throw ValidationError("--until må ikke ligge før --today");
  }
  auto db = open_database(ctx.config);
  TickOptions options;
  options.actor = ctx.actor;
  boost::json::array days;
  int changed_days = 0;
  for (Date day = first; std::chrono::sys_days{day} <= std::chrono::sys_days{last};
       day = add_days(day, 1)) {
    const TickReport report = tick(*db, day, utc_now_iso(), options);
    if (vm.count("json")) {
      days.push_back(tick_json(report));
    } else if (report.changed() || !report.skipped.empty() || first == last) {
      print_tick(ctx.out, report);
    }
    if (report.changed()) ++changed_days;
  }
  if (vm.count("json")) {
    print_json(ctx.out, days);
  } else if (!(first == last) && changed_days == 0) {
    ctx.out << to_danish(first) << " – " << to_danish(last) << ": intet at gøre.\n";
  }
  return exit_ok;
}

// ---- assign / reassign --------------------------------------------------------------------

int run_assign(const po::variables_map& vm, CommandContext& ctx) {
  const std::string round_id = vm["round"].as<std::string>();
  std::vector<std::string> only;
  if (vm.count("coordinator")) only = vm["coordinator"].as<std::vector<std::string>>();
  auto db = open_database(ctx.config);
  auto samples = storage::make_sample_reader(*db);
  const AssignReport report = assign_round(*db, *samples, round_id, ctx.actor, utc_now_iso(), only);
  if (vm.count("json")) {
    boost::json::array items;
    for (const auto& a : report.assignments) {
      items.push_back(boost::json::object{
          {"sag", a.case_number}, {"center", a.center}, {"koordinator", a.coordinator}});
    }
    boost::json::object loads;
    for (const auto& [user, count] : report.per_coordinator) loads[user] = count;
    print_json(ctx.out, boost::json::object{{"runde", report.round_id},
                                            {"uafhaengig", report.independent},
                                            {"frist", to_iso(report.due)},
                                            {"tildelinger", items},
                                            {"pr_koordinator", loads}});
    return exit_ok;
  }
  ctx.out << "Runde " << report.round_id << ": " << report.assignments.size()
          << " sager fordelt på " << report.per_coordinator.size() << " koordinator(er)"
          << (report.independent ? ", uafhængigt (ingen får sager fra eget center)" : "")
          << ". Frist " << to_danish(report.due) << ".\n\n";
  TextTable table({"Koordinator", "Sager"});
  for (const auto& [user, count] : report.per_coordinator) {
    table.add_row({user, std::to_string(count)});
  }
  table.print(ctx.out);
  ctx.out << "\nRunden er nu '" << danish_label(RoundState::in_review) << "'.\n";
  return exit_ok;
}

int run_reassign(const po::variables_map& vm, CommandContext& ctx) {
  auto db = open_database(ctx.config);
  const std::string round_id = vm["round"].as<std::string>();
  const std::string case_number = vm["case"].as<std::string>();
  const std::string to = vm["to"].as<std::string>();
  const auto before = storage::make_case_review_repository(*db)->find(round_id, case_number);
  const auto review = reassign_case(*db, round_id, case_number, to, ctx.actor, utc_now_iso());
  ctx.out << "Sag " << review.case_number << " i runde " << review.round_id << " er flyttet"
          << (before ? " fra " + before->assignee : std::string()) << " til " << review.assignee
          << " (tilstand '" << danish_label(review.state) << "').\n";
  return exit_ok;
}

// ---- rounds list / round show / round advance ---------------------------------------------

struct Progress {
  int total = 0;
  std::map<ReviewState, int> by_state;
  int overdue_open = 0;  // overdue and still owed by the reviewer
};

Progress progress_of(const std::vector<storage::CaseReview>& reviews) {
  Progress p;
  for (const auto& r : reviews) {
    ++p.total;
    ++p.by_state[r.state];
    if (r.overdue && awaits_reviewer(r.state)) ++p.overdue_open;
  }
  return p;
}

int done_count(const Progress& p) {
  auto count = [&](ReviewState s) {
    auto it = p.by_state.find(s);
    return it == p.by_state.end() ? 0 : it->second;
  };
  return count(ReviewState::submitted) + count(ReviewState::approved);
}

int run_rounds_list(const po::variables_map& vm, CommandContext& ctx) {
  storage::RoundFilter filter;
  if (vm.count("year")) filter.year = vm["year"].as<int>();
  if (vm.count("state")) filter.state = state_option(vm["state"].as<std::string>());
  auto db = open_database(ctx.config);
  const auto rounds = storage::make_round_repository(*db)->list(filter);
  auto reviews = storage::make_case_review_repository(*db);
  std::map<std::string, std::vector<storage::CaseReview>> by_round;
  for (auto& r : reviews->list()) by_round[r.round_id].push_back(std::move(r));

  if (vm.count("json")) {
    boost::json::array items;
    for (const auto& r : rounds) {
      const Progress p = progress_of(by_round[r.id]);
      items.push_back(boost::json::object{{"id", r.id},
                                          {"ydelsestype", r.benefit_type},
                                          {"periode", r.period.to_string()},
                                          {"tilstand", state_code(r.state)},
                                          {"tilstand_tekst", danish_label(r.state)},
                                          {"vindue_aabner", to_iso(r.window_opens)},
                                          {"vindue_lukker", to_iso(r.window_closes)},
                                          {"sager", p.total},
                                          {"indsendt", done_count(p)},
                                          {"over_frist", p.overdue_open}});
    }
    print_json(ctx.out, items);
    return exit_ok;
  }
  if (rounds.empty()) {
    ctx.out << "Ingen runder" << (filter.year || filter.state ? " med disse filtre" : "")
            << ". Runder oprettes af 'sagsaudit tick'.\n";
    return exit_ok;
  }
  TextTable table({"Runde", "Periode", "Tilstand", "Gennemgang", "Indsendt", "Over frist"});
  for (const auto& r : rounds) {
    const Progress p = progress_of(by_round[r.id]);
    table.add_row({r.id, r.period.to_string(), danish_label(r.state), window_text(r),
                   std::to_string(done_count(p)) + "/" + std::to_string(p.total),
                   std::to_string(p.overdue_open)});
  }
  table.print(ctx.out);
  ctx.out << '\n' << rounds.size() << (rounds.size() == 1 ? " runde.\n" : " runder.\n");
  return exit_ok;
}

int run_round_show(const po::variables_map& vm, CommandContext& ctx) {
  const std::string id = vm["id"].as<std::string>();
  auto db = open_database(ctx.config);
  const auto round = storage::make_round_repository(*db)->find(id);
  if (!round) throw NotFound("runden " + id + " findes ikke (se 'sagsaudit rounds list')");
  storage::ReviewFilter filter;
  filter.round_id = id;
  const auto reviews = storage::make_case_review_repository(*db)->list(filter);
  std::map<std::string, std::vector<storage::CaseReview>> by_center;
  for (const auto& r : reviews) by_center[r.center].push_back(r);
  std::vector<storage::CaseReview> overdue;
  for (const auto& r : reviews) {
    if (r.overdue && awaits_reviewer(r.state)) overdue.push_back(r);
  }
  const auto next = allowed_next(round->state);
  const std::vector<ReviewState> states = {ReviewState::assigned, ReviewState::in_progress,
                                           ReviewState::submitted, ReviewState::approved,
                                           ReviewState::returned};
  auto count = [](const Progress& p, ReviewState s) {
    auto it = p.by_state.find(s);
    return it == p.by_state.end() ? 0 : it->second;
  };

  if (vm.count("json")) {
    boost::json::array centers;
    for (const auto& [center, list] : by_center) {
      const Progress p = progress_of(list);
      boost::json::object item{{"center", center}, {"sager", p.total}};
      for (auto s : states) item[state_code(s)] = count(p, s);
      item["over_frist"] = p.overdue_open;
      centers.push_back(std::move(item));
    }
    boost::json::array late;
    for (const auto& r : overdue) {
      late.push_back(boost::json::object{{"sag", r.case_number},
                                         {"center", r.center},
                                         {"koordinator", r.assignee},
                                         {"tilstand", state_code(r.state)},
                                         {"frist", to_iso(r.due_date)}});
    }
    boost::json::array next_states;
    for (auto s : next) next_states.push_back(boost::json::value(state_code(s)));
    print_json(ctx.out, boost::json::object{{"id", round->id},
                                            {"ydelsestype", round->benefit_type},
                                            {"periode", round->period.to_string()},
                                            {"fra", to_iso(round->period.first_day())},
                                            {"til", to_iso(round->period.last_day())},
                                            {"tilstand", state_code(round->state)},
                                            {"tilstand_tekst", danish_label(round->state)},
                                            {"naeste", next_states},
                                            {"vindue_aabner", to_iso(round->window_opens)},
                                            {"vindue_lukker", to_iso(round->window_closes)},
                                            {"koncept_version", round->concept_version},
                                            {"aarshjul_version", round->wheel_version},
                                            {"oprettet", round->created_at},
                                            {"sager", reviews.size()},
                                            {"centre", centers},
                                            {"over_frist", late}});
    return exit_ok;
  }

  ctx.out << "Runde       " << round->id << '\n'
          << "Periode     " << round->period.to_string() << " ("
          << to_danish(round->period.first_day()) << " – " << to_danish(round->period.last_day())
          << ")\n"
          << "Tilstand    " << danish_label(round->state);
  if (!next.empty()) ctx.out << " (næste: " << danish_label(next.front()) << ")";
  ctx.out << '\n'
          << "Gennemgang  " << window_text(*round) << '\n'
          << "Koncept     " << round->concept_version.substr(0, 12) << '\n'
          << "Årshjul     " << round->wheel_version.substr(0, 12) << '\n'
          << "Oprettet    " << round->created_at << "\n\n";
  if (reviews.empty()) {
    ctx.out << "Ingen sager er fordelt endnu.\n";
    return exit_ok;
  }
  TextTable table(
      {"Center", "Sager", "Tildelt", "I gang", "Indsendt", "Godkendt", "Returneret", "Over frist"});
  Progress all = progress_of(reviews);
  for (const auto& [center, list] : by_center) {
    const Progress p = progress_of(list);
    std::vector<std::string> row = {center, std::to_string(p.total)};
    for (auto s : states) row.push_back(std::to_string(count(p, s)));
    row.push_back(std::to_string(p.overdue_open));
    table.add_row(row);
  }
  std::vector<std::string> total = {"I alt", std::to_string(all.total)};
  for (auto s : states) total.push_back(std::to_string(count(all, s)));
  total.push_back(std::to_string(all.overdue_open));
  table.add_row(total);
  table.print(ctx.out);
  if (!overdue.empty()) {
    ctx.out << "\nOver fristen (" << to_danish(round->window_closes) << "):\n";
    TextTable late({"Sag", "Center", "Koordinator", "Tilstand"});
    for (const auto& r : overdue) {
      late.add_row({r.case_number, r.center, r.assignee, danish_label(r.state)});
    }
    late.print(ctx.out);
  }
  return exit_ok;
}

int run_round_advance(const po::variables_map& vm, CommandContext& ctx) {
  const std::string id = vm["id"].as<std::string>();
  const RoundState to = state_option(vm["to"].as<std::string>());
  auto db = open_database(ctx.config);
  const RoundState from = transition_round(*db, id, to, ctx.actor, utc_now_iso());
  ctx.out << "Runde " << id << ": '" << danish_label(from) << "' → '" << danish_label(to) << "'.\n";
  // Opfølgning (issue 8): publishing created the initiatives of the red cells.
  if (to == RoundState::reported) {
    storage::FollowupFilter filter;
    filter.round_id = id;
    const auto created = storage::make_followup_repository(*db)->initiatives(filter).size();
    ctx.out << created << " initiativ(er) for røde celler; se 'sagsaudit followup initiatives'.\n";
  }
  return exit_ok;
}

}  // namespace

std::vector<Command> workflow_commands() {
  return {
      Command{{"tick"},
              "kør planlæggeren: opret runder, åbn/luk vinduer, markér overskredne frister",
              "[--today DATO] [--until DATO] [--json]",
              "Opretter de runder, årshjulet gør aktuelle (en runde oprettes, når dens\n"
              "periode begynder), åbner gennemgangsvinduer (dagen efter periodens udløb),\n"
              "lukker dem efter sidste dag, markerer sagsgennemgange, der ikke er indsendt\n"
              "inden fristen, og afslutter runder, hvor alle gennemgange er godkendt.\n"
              "Skriver notifikationer og revisionslog. Kan køres igen samme dag uden\n"
              "virkning, og efter en pause indhentes alt på én gang. På PostgreSQL kører kun\n"
              "én proces ad gangen (advisory lock); en anden venter. Uden --today bruges\n"
              "dagens dato; med --until køres hver dag fra --today til og med --until.",
              [](po::options_description& options, po::positional_options_description&) {
                options.add_options()("today", po::value<std::string>()->value_name("DATO"),
                                      "dagen, der køres for (ÅÅÅÅ-MM-DD eller DD-MM-ÅÅÅÅ)")(
                    "until", po::value<std::string>()->value_name("DATO"),
                    "kør dag for dag til og med denne dato")("json", "skriv resultatet som JSON");
              },
              run_tick},
      Command{{"assign"},
              "fordel rundens udtrukne sager på kvalitetskoordinatorerne",
              "--round RUNDE [--coordinator BRUGER …] [--json]",
              "Fordeler stikprøvens sager jævnt på de aktive kvalitetskoordinatorer (eller\n"
              "dem, der nævnes med --coordinator). Når årshjulet kræver uafhængig\n"
              "tildeling, får ingen en sag fra et center, de selv hører til. Fordelingen er\n"
              "deterministisk. Runden skal være 'stikprøve udtrukket' og går til 'under\n"
              "gennemgang'. Hver tildeling skrives i revisionsloggen.",
              [](po::options_description& options, po::positional_options_description&) {
                options.add_options()("round",
                                      po::value<std::string>()->required()->value_name("RUNDE"),
                                      "rundens id, fx sygedagpenge-2027-K1")(
                    "coordinator",
                    po::value<std::vector<std::string>>()->composing()->value_name("BRUGER"),
                    "brug kun disse koordinatorer (kan gentages)")("json",
                                                                   "skriv fordelingen som JSON");
              },
              run_assign},
      Command{
          {"reassign"},
          "flyt én sag til en anden kvalitetskoordinator",
          "--round RUNDE --case SAGSNR --to BRUGER",
          "Giver sagsgennemgangen til en anden aktiv koordinator (ikke en fra sagens eget\n"
          "center ved uafhængig tildeling). Tilstanden bevares; godkendte gennemgange kan\n"
          "ikke flyttes. Flytningen skrives i revisionsloggen, og den nye koordinator får\n"
          "en notifikation.",
          [](po::options_description& options, po::positional_options_description&) {
            options.add_options()(
                "round", po::value<std::string>()->required()->value_name("RUNDE"), "rundens id")(
                "case", po::value<std::string>()->required()->value_name("SAGSNR"), "sagsnummeret")(
                "to", po::value<std::string>()->required()->value_name("BRUGER"),
                "den nye koordinators brugernavn");
          },
          run_reassign},
      Command{{"rounds", "list"},
              "vis gennemgangsrunderne",
              "[--year ÅÅÅÅ] [--state TILSTAND] [--json]",
              "Viser de oprettede runder med tilstand, gennemgangsvindue, hvor mange sager\n"
              "der er indsendt, og hvor mange der er over fristen.",
              [](po::options_description& options, po::positional_options_description&) {
                options.add_options()("year", po::value<int>()->value_name("ÅÅÅÅ"),
                                      "kun runder for dette år")(
                    "state", po::value<std::string>()->value_name("TILSTAND"),
                    "kun runder i denne tilstand (fx 'planlagt' eller in_review)")(
                    "json", "skriv runderne som JSON");
              },
              run_rounds_list},
      Command{{"round", "show"},
              "vis én runde: tilstand, vindue, fremdrift pr. center, overskredne frister",
              "RUNDE [--json]",
              "Viser rundens tilstand og næste skridt, gennemgangsvinduet, de versioner af\n"
              "kvalitetskoncept og årshjul, runden bruger, fremdriften pr. center og de\n"
              "sagsgennemgange, der er over fristen.",
              [](po::options_description& options, po::positional_options_description& pos) {
                options.add_options()("id",
                                      po::value<std::string>()->required()->value_name("RUNDE"),
                                      "rundens id")("json", "skriv runden som JSON");
                pos.add("id", 1);
              },
              run_round_show},
      Command{{"round", "advance"},
              "flyt en runde til næste tilstand",
              "RUNDE --to TILSTAND",
              "Tilstandene er planlagt → population indlæst → stikprøve udtrukket → under\n"
              "gennemgang → afsluttet → rapporteret. Import, udtræk, fordeling og tick\n"
              "flytter selv runden; denne kommando er til de skridt, der tages manuelt (fx\n"
              "'rapporteret'). Et skridt, der ikke er tilladt, afvises med den nuværende\n"
              "tilstand og de tilladte. Skrives i revisionsloggen.",
              [](po::options_description& options, po::positional_options_description& pos) {
                options.add_options()(
                    "id", po::value<std::string>()->required()->value_name("RUNDE"), "rundens id")(
                    "to", po::value<std::string>()->required()->value_name("TILSTAND"),
                    "den nye tilstand (fx rapporteret eller reported)");
                pos.add("id", 1);
              },
              run_round_advance},
  };
}

}  // namespace sagsaudit::cli
