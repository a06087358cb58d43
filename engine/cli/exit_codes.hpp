#pragma once
// The one place where error kinds become process exit statuses (docs/cli.md lists them).
#include "domain/errors.hpp"

namespace sagsaudit::cli {

enum ExitCode : int {
  exit_ok = 0,
  exit_validation = 1,  // bad input data: a file, an import, a value
  exit_usage = 2,       // unknown command or option, missing argument
  exit_not_found = 3,
  exit_conflict = 4,
  exit_forbidden = 5,
  exit_storage = 6,     // the database refused or could not be reached
  exit_internal = 70,   // a bug: please report it
};

ExitCode exit_code_for(ErrorCode code);

}  // namespace sagsaudit::cli
