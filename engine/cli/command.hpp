#pragma once
// A command of the `sagsaudit` command line: its words ("concepts validate"), its help, its
// options and what it does. The dispatcher (run_cli) adds --help and the configuration options
// to every command and maps errors to exit codes, so a command only does its own job.
#include <boost/program_options.hpp>

#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "config/config.hpp"

namespace sagsaudit::cli {

namespace po = boost::program_options;

struct CommandContext {
  std::ostream& out;
  std::ostream& err;
  Config config;
  std::string actor;  // who the audit log names: "cli:<os user>"
};

struct Command {
  std::vector<std::string> words;  // {"concepts", "validate"}
  std::string summary;             // one line, Danish
  std::string usage;               // "[MAPPE|FIL]" — after the command words
  std::string description;         // paragraphs shown by --help, Danish
  std::function<void(po::options_description&, po::positional_options_description&)> define;
  std::function<int(const po::variables_map&, CommandContext&)> run;
};

// Every command, in the order `sagsaudit --help` lists them. Each lives in its own
// *_commands.cpp file and is added here.
std::vector<Command> all_commands();

std::vector<Command> init_commands();
std::vector<Command> concepts_commands();
std::vector<Command> wheel_commands();
std::vector<Command> workflow_commands();    // tick, assign, rounds list, round show/…
std::vector<Command> user_commands();        // user add/list
std::vector<Command> audit_commands();       // audit verify/list
std::vector<Command> population_commands();  // population import/check/show
std::vector<Command> sample_commands();      // sample plan/evaluate/draw/verify/protocol
std::vector<Command> review_commands();      // review show/answer/submit/approve/return/import
std::vector<Command> report_commands();      // report center/overview/fejlstatistik
// Issue 7: round blind, compare template/import/lock/report.
std::vector<Command> compare_commands();
// Opfølgning (issue 8): followup initiatives/initiative …/corrections/correction set/report/sync
std::vector<Command> followup_commands();
std::vector<Command> serve_commands();  // serve (issue 6: the web server)
// Drift (issue 9): backup, restore, retention apply.
std::vector<Command> backup_commands();
std::vector<Command> retention_commands();

}  // namespace sagsaudit::cli
