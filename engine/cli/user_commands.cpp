// sagsaudit user add | list | passwd | disable
#include <boost/json.hpp>

#include <fstream>
#include <iostream>

#include "cli/command.hpp"
#include "cli/exit_codes.hpp"
#include "cli/json_output.hpp"
#include "cli/text_table.hpp"
#include "setup/database_setup.hpp"
#include "storage/user_repository.hpp"
#include "users/user_admin.hpp"
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

// The new password: the first line of --password-file, or of standard input (so it is never
// on the command line, where other users of the machine could see it in the process list).
std::string read_password(const po::variables_map& vm, const char* option) {
  std::string line;
  if (vm.count(option)) {
    const std::string file = vm[option].as<std::string>();
    std::ifstream in(file, std::ios::binary);
    if (!in) throw ValidationError("kan ikke læse " + file);
    std::getline(in, line);
  } else {
    std::getline(std::cin, line);
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

int run_add(const po::variables_map& vm, CommandContext& ctx) {
  storage::User user;
  user.username = vm["username"].as<std::string>();
  user.display_name = vm["name"].as<std::string>();
  user.role = role_option(vm["role"].as<std::string>());
  if (vm.count("center")) user.centers = vm["center"].as<std::vector<std::string>>();
  std::optional<std::string> password;
  if (vm.count("password-file")) password = read_password(vm, "password-file");
  auto db = open_database(ctx.config);
  add_user(*db, user, password, ctx.actor, utc_now_iso(), "--center");
  ctx.out << "Bruger " << user.username << " (" << user.display_name << ", " << role_code(user.role)
          << ")" << (user.centers.empty() ? "" : " i " + joined(user.centers)) << " er oprettet"
          << (password ? " med adgangskode" : "") << ".\n";
  return exit_ok;
}

int run_passwd(const po::variables_map& vm, CommandContext& ctx) {
  const std::string username = vm["username"].as<std::string>();
  UserChange change;
  change.password = read_password(vm, "password-file");
  auto db = open_database(ctx.config);
  change_user(*db, username, change, ctx.actor, utc_now_iso());
  ctx.out << "Adgangskoden for " << username << " er sat; brugerens sessioner er afsluttet.\n";
  return exit_ok;
}

int run_disable(const po::variables_map& vm, CommandContext& ctx) {
  const std::string username = vm["username"].as<std::string>();
  UserChange change;
  change.active = vm.count("enable") > 0;
  auto db = open_database(ctx.config);
  change_user(*db, username, change, ctx.actor, utc_now_iso());
  ctx.out << "Bruger " << username
          << (*change.active ? " er aktiv igen.\n" : " er deaktiveret og logget ud.\n");
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
              "BRUGERNAVN --name NAVN --role ROLLE [--center CENTER …] [--password-file FIL]",
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
                    "et center, brugeren hører til (kan gentages)")(
                    "password-file", po::value<std::string>()->value_name("FIL"),
                    "adgangskoden til webapplikationen: første linje af FIL (mindst 8 tegn)");
                pos.add("username", 1);
              },
              run_add},
      Command{{"user", "passwd"},
              "sæt en brugers adgangskode til webapplikationen",
              "BRUGERNAVN [--password-file FIL]",
              "Læser den nye adgangskode (mindst 8 tegn) fra første linje af standard input\n"
              "eller af --password-file, så den aldrig står på kommandolinjen. Adgangskoden\n"
              "gemmes kun som Argon2id-hash (libsodium). Brugerens åbne sessioner afsluttes.\n"
              "Skrives i revisionsloggen (uden adgangskoden).",
              [](po::options_description& options, po::positional_options_description& pos) {
                options.add_options()(
                    "username", po::value<std::string>()->required()->value_name("BRUGERNAVN"),
                    "brugernavnet")("password-file", po::value<std::string>()->value_name("FIL"),
                                    "læs adgangskoden fra første linje af FIL");
                pos.add("username", 1);
              },
              run_passwd},
      Command{{"user", "disable"},
              "deaktivér en bruger (eller genaktivér med --enable)",
              "BRUGERNAVN [--enable]",
              "En deaktiveret bruger kan ikke logge ind, og brugerens sessioner afsluttes med\n"
              "det samme; tildelinger og historik bevares. Skrives i revisionsloggen.",
              [](po::options_description& options, po::positional_options_description& pos) {
                options.add_options()(
                    "username", po::value<std::string>()->required()->value_name("BRUGERNAVN"),
                    "brugernavnet")("enable", "genaktivér brugeren i stedet");
                pos.add("username", 1);
              },
              run_disable},
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
