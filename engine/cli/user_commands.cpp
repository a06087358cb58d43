// sagsaudit user add | list
#include <boost/json.hpp>

#include "cli/command.hpp"
#include "cli/exit_codes.hpp"
#include "cli/json_output.hpp"
#include "cli/text_table.hpp"
#include "setup/database_setup.hpp"
#include "storage/audit_log.hpp"
#include "storage/user_repository.hpp"
#include "storage/wheel_repository.hpp"
#include "workflow/clock.hpp"

namespace sagsaudit::cli {
namespace {

UserRole role_option(const std::string& text) {
  const auto role = parse_user_role(text);
  if (!role) {
    throw ValidationError("ukendt rolle '" + text +
                          "' (kendte: admin, koordinator, leder, revisor)");
  }
  return *role;
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

// JSON string escaping for the audit entry's details, via Boost.JSON.
std::string user_details(const storage::User& user) {
  boost::json::array centers;
  for (const auto& c : user.centers) centers.push_back(boost::json::value(c));
  return boost::json::serialize(boost::json::object{
      {"navn", user.display_name}, {"rolle", role_code(user.role)}, {"centre", centers}});
}

int run_add(const po::variables_map& vm, CommandContext& ctx) {
  storage::User user;
  user.username = vm["username"].as<std::string>();
  user.display_name = vm["name"].as<std::string>();
  user.role = role_option(vm["role"].as<std::string>());
  if (vm.count("center")) user.centers = vm["center"].as<std::vector<std::string>>();
  auto db = open_database(ctx.config);
  // Centers are codes of the årshjul: a typo would silently break independent assignment.
  if (const auto wheel = storage::make_wheel_repository(*db)->current()) {
    std::vector<Issue> issues;
    for (const auto& center : user.centers) {
      if (!wheel->find_center(center)) {
        std::vector<std::string> known;
        for (const auto& c : wheel->centers) known.push_back(c.code);
        issues.push_back(
            Issue{"", 0, 0, "--center",
                  "ukendt center '" + center + "' (årshjulets centre: " + joined(known) + ")"});
      }
    }
    if (!issues.empty()) throw ValidationError(std::move(issues));
  }
  const std::string at = utc_now_iso();
  storage::Transaction transaction(*db);
  storage::make_user_repository(*db)->add(user, at);
  storage::make_audit_log(*db)->append(storage::AuditRecord{
      at, ctx.actor, "user.add", "user", user.username, "", "", user_details(user)});
  transaction.commit();
  ctx.out << "Bruger " << user.username << " (" << user.display_name << ", " << role_code(user.role)
          << ")" << (user.centers.empty() ? "" : " i " + joined(user.centers)) << " er oprettet.\n";
  return exit_ok;
}

int run_list(const po::variables_map& vm, CommandContext& ctx) {
  std::optional<UserRole> role;
  if (vm.count("role")) role = role_option(vm["role"].as<std::string>());
  auto db = open_database(ctx.config);
  const auto users = storage::make_user_repository(*db)->list(role, vm.count("all") > 0);
  if (vm.count("json")) {
    boost::json::array items;
    for (const auto& u : users) {
      boost::json::array centers;
      for (const auto& c : u.centers) centers.push_back(boost::json::value(c));
      items.push_back(boost::json::object{{"brugernavn", u.username},
                                          {"navn", u.display_name},
                                          {"rolle", role_code(u.role)},
                                          {"centre", centers},
                                          {"aktiv", u.active}});
    }
    print_json(ctx.out, items);
    return exit_ok;
  }
  if (users.empty()) {
    ctx.out << "Ingen brugere. Opret dem med 'sagsaudit user add'.\n";
    return exit_ok;
  }
  TextTable table({"Bruger", "Navn", "Rolle", "Centre", "Aktiv"});
  for (const auto& u : users) {
    table.add_row({u.username, u.display_name, role_code(u.role), joined(u.centers),
                   u.active ? "ja" : "nej"});
  }
  table.print(ctx.out);
  return exit_ok;
}

}  // namespace

std::vector<Command> user_commands() {
  return {
      Command{{"user", "add"},
              "opret en bruger",
              "BRUGERNAVN --name NAVN --role ROLLE [--center CENTER …]",
              "Roller: admin, koordinator (kvalitetskoordinator), leder, revisor. --center\n"
              "angiver de centre (koder fra årshjulet), brugeren hører til; ved uafhængig\n"
              "tildeling får en koordinator aldrig sager fra sine egne centre.",
              [](po::options_description& options, po::positional_options_description& pos) {
                options.add_options()(
                    "username", po::value<std::string>()->required()->value_name("BRUGERNAVN"),
                    "brugernavnet")(
                    "name", po::value<std::string>()->required()->value_name("NAVN"), "fulde navn")(
                    "role", po::value<std::string>()->required()->value_name("ROLLE"),
                    "admin, koordinator, leder eller revisor")(
                    "center",
                    po::value<std::vector<std::string>>()->composing()->value_name("CENTER"),
                    "et center, brugeren hører til (kan gentages)");
                pos.add("username", 1);
              },
              run_add},
      Command{{"user", "list"},
              "vis brugerne",
              "[--role ROLLE] [--all] [--json]",
              "Viser de aktive brugere med rolle og centre; --all tager de inaktive med.",
              [](po::options_description& options, po::positional_options_description&) {
                options.add_options()("role", po::value<std::string>()->value_name("ROLLE"),
                                      "kun brugere med denne rolle")(
                    "all", "også inaktive brugere")("json", "skriv brugerne som JSON");
              },
              run_list},
  };
}

}  // namespace sagsaudit::cli
