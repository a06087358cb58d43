#pragma once
#include <ostream>
#include <string>
#include <vector>

#include "config/config.hpp"

namespace sagsaudit::cli {

// Runs one command line (without the program name) and returns the exit status. All output goes
// to `out` (results) and `err` (errors, warnings), so tests can run it without a process.
int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
            const EnvLookup& env);

}  // namespace sagsaudit::cli
