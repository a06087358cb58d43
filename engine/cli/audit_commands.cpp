// sagsaudit audit verify | list
#include <boost/json.hpp>

#include "cli/command.hpp"
#include "cli/exit_codes.hpp"
#include "cli/json_output.hpp"
#include "cli/text_table.hpp"
#include "domain/review_state.hpp"
#include "domain/round_state.hpp"
#include "setup/database_setup.hpp"
#include "storage/audit_log.hpp"

namespace sagsaudit::cli {
namespace {

// Stored state codes in Danish for people ("planned" → "planlagt"); other text as it is.
std::string state_text(const std::string& code) {
  if (const auto round = parse_round_state(code)) return danish_label(*round);
  if (const auto review = parse_review_state(code)) return danish_label(*review);
  return code;
}

int run_verify(const po::variables_map& vm, CommandContext& ctx) {
  auto db = open_database(ctx.config);
  const auto result = storage::make_audit_log(*db)->verify();
  if (vm.count("json")) {
    boost::json::object out{{"ok", result.ok}, {"poster", result.entries}};
    if (result.broken) out["brudt_ved"] = *result.broken;
    if (!result.ok) out["problem"] = result.problem;
    print_json(ctx.out, out);
  } else if (result.ok) {
    ctx.out << "Revisionsloggen er intakt: " << result.entries
            << (result.entries == 1 ? " post" : " poster") << " kontrolleret.\n";
  }
  if (!result.ok) {
    ctx.err << "fejl: revisionsloggen er brudt ved post " << result.broken.value_or(0) << ": "
            << result.problem << " (" << result.entries << " poster kontrolleret)\n";
    return exit_validation;
  }
  return exit_ok;
}

int run_list(const po::variables_map& vm, CommandContext& ctx) {
  storage::AuditFilter filter;
  if (vm.count("object")) filter.object_id = vm["object"].as<std::string>();
  if (vm.count("type")) filter.object_type = vm["type"].as<std::string>();
  if (vm.count("after")) filter.after_seq = vm["after"].as<long long>();
  filter.limit = vm["limit"].as<int>();
  if (filter.limit < 1) throw ValidationError("--limit skal være mindst 1");
  auto db = open_database(ctx.config);
  const auto entries = storage::make_audit_log(*db)->list(filter);
  if (vm.count("json")) {
    boost::json::array items;
    for (const auto& e : entries) {
      items.push_back(boost::json::object{{"seq", e.seq},
                                          {"tid", e.record.at},
                                          {"hvem", e.record.actor},
                                          {"handling", e.record.action},
                                          {"objekttype", e.record.object_type},
                                          {"objekt", e.record.object_id},
                                          {"fra", e.record.from_state},
                                          {"til", e.record.to_state},
                                          {"detaljer", e.record.details},
                                          {"forrige_hash", e.previous_hash},
                                          {"hash", e.hash}});
    }
    print_json(ctx.out, items);
    return exit_ok;
  }
  if (entries.empty()) {
    ctx.out << "Ingen poster i revisionsloggen"
            << (filter.object_id || filter.object_type ? " for dette objekt.\n" : ".\n");
    return exit_ok;
  }
  TextTable table({"Nr.", "Tid", "Hvem", "Handling", "Objekt", "Fra → til", "Detaljer"});
  for (const auto& e : entries) {
    std::string change;
    if (!e.record.from_state.empty() || !e.record.to_state.empty()) {
      change = state_text(e.record.from_state) + " → " + state_text(e.record.to_state);
    }
    table.add_row({std::to_string(e.seq), e.record.at, e.record.actor, e.record.action,
                   e.record.object_id, change, e.record.details == "{}" ? "" : e.record.details});
  }
  table.print(ctx.out);
  return exit_ok;
}

}  // namespace

std::vector<Command> audit_commands() {
  return {
      Command{{"audit", "verify"},
              "kontrollér revisionsloggens hashkæde",
              "[--json]",
              "Genberegner hver posts SHA-256 og kæden fra første post (docs/workflow.md\n"
              "beskriver beregningen). En ændret, slettet eller indsat post findes og nævnes;\n"
              "så afsluttes med status 1.",
              [](po::options_description& options, po::positional_options_description&) {
                options.add_options()("json", "skriv resultatet som JSON");
              },
              run_verify},
      Command{{"audit", "list"},
              "vis revisionsloggen",
              "[--object ID] [--type TYPE] [--after NR] [--limit N] [--json]",
              "Viser posterne i den rækkefølge, de er skrevet: hvem, hvornår, hvad, fra og til\n"
              "hvilken tilstand. --object viser ét objekt, fx en runde\n"
              "(sygedagpenge-2027-K1) eller en sagsgennemgang (sygedagpenge-2027-K1/S-0042).",
              [](po::options_description& options, po::positional_options_description&) {
                options.add_options()("object", po::value<std::string>()->value_name("ID"),
                                      "kun poster om dette objekt")(
                    "type", po::value<std::string>()->value_name("TYPE"),
                    "kun denne objekttype: round, case_review, user, …")(
                    "after", po::value<long long>()->value_name("NR"),
                    "kun poster efter dette nummer")(
                    "limit", po::value<int>()->default_value(1000)->value_name("N"),
                    "højst så mange poster")("json", "skriv posterne som JSON");
              },
              run_list},
  };
}

}  // namespace sagsaudit::cli
