// sagsaudit retention apply --older-than ÅR [--execute] (issue 9; docs/operations.md "Retention")
#include <boost/json.hpp>

#include "backup/retention.hpp"
#include "cli/command.hpp"
#include "cli/exit_codes.hpp"
#include "cli/json_output.hpp"
#include "cli/text_table.hpp"
#include "setup/database_setup.hpp"
#include "workflow/clock.hpp"

namespace sagsaudit::cli {
namespace {

std::string joined_columns(const std::vector<std::string>& columns) {
  std::string out;
  for (const auto& c : columns) out += (out.empty() ? "" : ", ") + c;
  return out;
}

boost::json::object plan_json(const RetentionPlan& plan) {
  const auto& fields = storage::personal_fields();
  boost::json::array rounds;
  for (const auto& r : plan.rounds) {
    boost::json::object counts;
    for (std::size_t i = 0; i < fields.size(); ++i) counts[fields[i].table] = r.counts.rows[i];
    rounds.push_back(boost::json::object{{"runde", r.round_id},
                                         {"periode", r.period},
                                         {"periode_slut", to_iso(r.period_end)},
                                         {"tilstand", state_code(r.state)},
                                         {"afvist", r.refused},
                                         {"raekker", std::move(counts)},
                                         {"revisionslogposter_med_cpr", r.audit_entries_with_cpr}});
  }
  boost::json::object columns;
  for (const auto& f : fields) {
    boost::json::array list;
    for (const auto& c : f.columns) list.push_back(boost::json::string(c));
    columns[f.table] = std::move(list);
  }
  return {{"aeldre_end_aar", plan.years},
          {"skaeringsdato", to_iso(plan.cutoff)},
          {"udfoert", plan.executed},
          {"felter", std::move(columns)},
          {"runder", std::move(rounds)},
          {"runder_uden_persondata", plan.rounds_without_personal_data}};
}

void print_plan(std::ostream& out, const RetentionPlan& plan) {
  const auto& fields = storage::personal_fields();
  out << (plan.executed ? "Slettet" : "Prøvekørsel — intet er ændret. Ville slette")
      << ": persondata på sagsniveau i runder, hvis periode sluttede før " << to_danish(plan.cutoff)
      << " (ældre end " << plan.years << " år).\n";
  std::vector<std::string> header{"Runde", "Periode", "Tilstand"};
  for (const auto& f : fields) header.push_back(f.table);
  TextTable table(header);
  std::vector<std::int64_t> totals(fields.size(), 0);
  int erased = 0;
  int refused = 0;
  for (const auto& r : plan.rounds) {
    std::vector<std::string> row{r.round_id, r.period, danish_label(r.state)};
    for (std::size_t i = 0; i < fields.size(); ++i) {
      row.push_back(r.refused ? "—" : std::to_string(r.counts.rows[i]));
      if (!r.refused) totals[i] += r.counts.rows[i];
    }
    table.add_row(row);
    (r.refused ? refused : erased) += 1;
  }
  if (!plan.rounds.empty()) table.print(out);
  out << (plan.executed ? "Slettet i " : "Ville slette i ") << erased << " runde(r):";
  for (std::size_t i = 0; i < fields.size(); ++i) {
    out << (i == 0 ? " " : "; ") << totals[i] << " rækker i " << fields[i].table << " ("
        << joined_columns(fields[i].columns) << ")";
  }
  out << ".\n";
  if (plan.rounds_without_personal_data > 0) {
    out << plan.rounds_without_personal_data
        << " gammel(le) runde(r) har ingen persondata (tilbage).\n";
  }
  if (refused > 0) {
    out << refused << " runde(r) afvist, fordi de ikke er afsluttet eller rapporteret (markeret "
        << "med —); de røres ikke.\n";
  }
  std::int64_t with_cpr = 0;
  for (const auto& r : plan.rounds) with_cpr += r.audit_entries_with_cpr;
  if (with_cpr > 0) {
    out << "Advarsel: " << with_cpr
        << " revisionslogpost(er) om disse runder ser ud til at indeholde et CPR-nummer; de kan "
           "ikke ændres uden at bryde hashkæden (docs/operations.md, Retention).\n";
  }
  out << "Tal i rapporter, trafiklys og revisorsammenligning er uændrede; ingen rækker slettes.\n";
  if (!plan.executed && erased > 0) out << "Kør igen med --execute for at slette.\n";
}

int run_apply(const po::variables_map& vm, CommandContext& ctx) {
  const int years = vm["older-than"].as<int>();
  Date today = local_today();
  if (vm.count("today")) {
    const std::string text = vm["today"].as<std::string>();
    const auto date = parse_date(text);
    if (!date) {
      throw ValidationError("--today skal være en dato som 2027-04-01 eller 01-04-2027, ikke '" +
                            text + "'");
    }
    today = *date;
  }
  auto db = open_database(ctx.config);
  const RetentionPlan plan = vm.count("execute")
                                 ? apply_retention(*db, today, years, ctx.actor, utc_now_iso())
                                 : plan_retention(*db, today, years);
  if (vm.count("json")) {
    print_json(ctx.out, plan_json(plan));
  } else {
    print_plan(ctx.out, plan);
  }
  return exit_ok;
}

}  // namespace

std::vector<Command> retention_commands() {
  return {
      Command{{"retention", "apply"},
              "slet persondata i gamle runder (prøvekørsel uden --execute)",
              "--older-than ÅR [--execute] [--today DATO] [--json]",
              "Sletter persondata på sagsniveau i runder, hvis periode sluttede for mere end\n"
              "ÅR år siden: CPR-hash, maskeret CPR, sagsbehandler og de øvrige kolonner fra\n"
              "populationsfilen, kommentarer i svar og revisorsvar, returbegrundelser og\n"
              "begrundelser for berigtigelser (fritekst bliver til '[slettet]'). Rækkerne\n"
              "bliver stående, så alle tal i rapporter, trafiklys og revisorsammenligning er\n"
              "de samme bagefter.\n\n"
              "Uden --execute vises kun, hvad der ville blive slettet. Med --execute sker alt\n"
              "i én transaktion med én post i revisionsloggen pr. runde. Kun afsluttede og\n"
              "rapporterede runder slettes; andre vises som afvist. En runde uden noget\n"
              "tilbage springes over, så en ny kørsel finder intet.\n"
              "Se docs/operations.md, afsnittet Retention.",
              [](po::options_description& options, po::positional_options_description&) {
                options.add_options()("older-than", po::value<int>()->required()->value_name("ÅR"),
                                      "runder, hvis periode sluttede for mere end så mange år "
                                      "siden")("execute", "slet (uden: kun en prøvekørsel)")(
                    "today", po::value<std::string>()->value_name("DATO"),
                    "regn fra denne dato i stedet for i dag (fx til afprøvning)")(
                    "json", "skriv resultatet som JSON");
              },
              run_apply},
  };
}

}  // namespace sagsaudit::cli
