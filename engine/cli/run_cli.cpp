#include "cli/run_cli.hpp"

#include <algorithm>
#include <map>
#include <optional>

#include "cli/command.hpp"
#include "cli/exit_codes.hpp"
#include "cli/help_format.hpp"
#include "cli/text_table.hpp"
#include "domain/errors.hpp"

namespace sagsaudit::cli {
namespace {

constexpr const char* program = "sagsaudit";
constexpr const char* version = "0.1.0";

std::string joined(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& word : words) out += (out.empty() ? "" : " ") + word;
  return out;
}

void print_overview(std::ostream& out, const std::vector<Command>& commands,
                    const std::string& group = "") {
  if (group.empty()) {
    out << "sagsaudit — kvalitetsopfølgning i borgersager (sagsgennemgang efter årshjul,\n"
           "stikprøver, kvalitetskoncepter og trafiklys).\n"
           "sagsaudit — case-review audit workflow for Danish employment and benefit "
           "administrations.\n\n"
           "Brug: sagsaudit KOMMANDO [TILVALG]\n\n"
           "Kommandoer:\n";
  } else {
    out << "Brug: sagsaudit " << group << " UNDERKOMMANDO [TILVALG]\n\nUnderkommandoer:\n";
  }
  std::size_t width = 0;
  for (const auto& command : commands) {
    width = std::max(width, display_width(joined(command.words)));
  }
  for (const auto& command : commands) {
    if (!group.empty() && command.words.front() != group) continue;
    const std::string name = joined(command.words);
    out << "  " << name << std::string(width - display_width(name) + 2, ' ') << command.summary
        << '\n';
  }
  out << "\nSkriv 'sagsaudit KOMMANDO --help' for kommandoens tilvalg.\n"
         "Konfiguration: sagsaudit.toml, miljøvariabler SAGSAUDIT_* og tilvalg "
         "(docs/configuration.md).\n";
}

// Who the audit log names for a command run from a shell: the OS user ("cli:jens").
std::string cli_actor(const EnvLookup& env) {
  for (const char* name : {"USER", "LOGNAME"}) {
    const auto user = env(name);
    if (user && !user->empty()) return "cli:" + *user;
  }
  return "cli:ukendt";
}

po::options_description common_options() {
  po::options_description options("Fælles tilvalg");
  // Packaging (issue 9): the installed configuration is the last fallback.
  const std::string installed(installed_config_file());
  const std::string config_help = "konfigurationsfil (standard: ./sagsaudit.toml" +
                                  (installed.empty() ? "" : ", ellers " + installed) +
                                  "; miljø: SAGSAUDIT_CONFIG)";
  options.add_options()("help,h", "vis denne hjælp")(
      "config", po::value<std::string>()->value_name("FIL"), config_help.c_str());
  for (const auto& setting : config_settings()) {
    const std::string description =
        std::string(setting.description) + " [miljø: " + std::string(setting.env) + "]";
    options.add_options()(std::string(setting.option).c_str(),
                          po::value<std::string>()->value_name("VÆRDI"), description.c_str());
  }
  return options;
}

void print_command_help(std::ostream& out, const Command& command,
                        const po::options_description& own, const po::options_description& common) {
  out << "Brug: sagsaudit " << joined(command.words)
      << (command.usage.empty() ? "" : " " + command.usage) << "\n\n"
      << command.summary << "\n";
  if (!command.description.empty()) out << '\n' << command.description << '\n';
  if (!own.options().empty()) {
    out << '\n';
    print_options(out, "Tilvalg", own);
  }
  out << '\n';
  print_options(out, "Fælles tilvalg", common);
}

// The command whose words the arguments start with, preferring the longest match.
const Command* match(const std::vector<Command>& commands, const std::vector<std::string>& args) {
  const Command* best = nullptr;
  for (const auto& command : commands) {
    if (command.words.size() > args.size()) continue;
    if (!std::equal(command.words.begin(), command.words.end(), args.begin())) continue;
    if (!best || command.words.size() > best->words.size()) best = &command;
  }
  return best;
}

bool is_group(const std::vector<Command>& commands, const std::string& word) {
  return std::any_of(commands.begin(), commands.end(), [&](const Command& c) {
    return c.words.size() > 1 && c.words.front() == word;
  });
}

void report_error(std::ostream& err, const Error& error) {
  if (const auto* validation = dynamic_cast<const ValidationError*>(&error)) {
    for (const auto& issue : validation->issues()) err << "fejl: " << format_issue(issue) << '\n';
    if (validation->issues().size() > 1) {
      err << validation->issues().size() << " fejl i alt; intet er gemt.\n";
    }
    return;
  }
  err << "fejl: " << error.what() << '\n';
}

int run_command(const Command& command, const std::vector<std::string>& rest, std::ostream& out,
                std::ostream& err, const EnvLookup& env) {
  po::options_description own("Tilvalg");
  po::positional_options_description positional;
  if (command.define) command.define(own, positional);
  const po::options_description common = common_options();
  po::options_description all;
  all.add(own).add(common);

  po::variables_map vm;
  try {
    po::store(po::command_line_parser(rest).options(all).positional(positional).run(), vm);
    if (vm.count("help")) {
      print_command_help(out, command, own, common);
      return exit_ok;
    }
    po::notify(vm);
  } catch (const po::error& error) {
    err << "fejl: " << error.what() << "\nSe 'sagsaudit " << joined(command.words) << " --help'.\n";
    return exit_usage;
  }

  std::map<std::string, std::string> overrides;
  for (const auto& setting : config_settings()) {
    const std::string option(setting.option);
    if (vm.count(option)) overrides[option] = vm[option].as<std::string>();
  }
  std::optional<std::string> config_file;
  if (vm.count("config")) config_file = vm["config"].as<std::string>();

  CommandContext context{out, err, resolve_config(config_file, env, overrides), cli_actor(env)};
  return command.run(vm, context);
}

}  // namespace

std::vector<Command> all_commands() {
  std::vector<Command> commands;
  for (auto part : {init_commands(), concepts_commands(), wheel_commands(), workflow_commands(),
                    population_commands(), sample_commands(), review_commands(), report_commands(),
                    user_commands(), audit_commands(),
                    compare_commands(),       // revisorsammenligning (issue 7)
                    followup_commands(),      // opfølgning (issue 8)
                    serve_commands(),         // the web server (issue 6)
                    backup_commands(),        // backup/restore (issue 9)
                    retention_commands()}) {  // retention apply (issue 9)
    commands.insert(commands.end(), part.begin(), part.end());
  }
  return commands;
}

int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
            const EnvLookup& env) {
  const std::vector<Command> commands = all_commands();
  if (args.empty()) {
    print_overview(err, commands);
    return exit_usage;
  }
  if (args.front() == "--help" || args.front() == "-h" || args.front() == "help") {
    print_overview(out, commands);
    return exit_ok;
  }
  if (args.front() == "--version") {
    out << program << ' ' << version << '\n';
    return exit_ok;
  }

  const Command* command = match(commands, args);
  if (!command) {
    if (is_group(commands, args.front())) {
      const bool asked = args.size() > 1 && (args[1] == "--help" || args[1] == "-h");
      if (args.size() > 1 && !asked) {
        err << "fejl: ukendt underkommando '" << args[1] << "' til '" << args.front() << "'\n\n";
      }
      print_overview(asked ? out : err, commands, args.front());
      return asked ? exit_ok : exit_usage;
    }
    err << "fejl: ukendt kommando '" << args.front() << "'. Se 'sagsaudit --help'.\n";
    return exit_usage;
  }

  const std::vector<std::string> rest(args.begin() + static_cast<long>(command->words.size()),
                                      args.end());
  try {
    return run_command(*command, rest, out, err, env);
  } catch (const Error& error) {
    report_error(err, error);
    return exit_code_for(error.code());
  } catch (const std::exception& error) {
    err << "intern fejl: " << error.what() << "\nDette er en fejl i sagsaudit; meld den gerne.\n";
    return exit_internal;
  }
}

}  // namespace sagsaudit::cli
