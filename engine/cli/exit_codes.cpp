#include "cli/exit_codes.hpp"

namespace sagsaudit::cli {

ExitCode exit_code_for(ErrorCode code) {
  switch (code) {
    case ErrorCode::validation: return exit_validation;
    case ErrorCode::not_found: return exit_not_found;
    case ErrorCode::conflict: return exit_conflict;
    case ErrorCode::forbidden: return exit_forbidden;
    case ErrorCode::storage: return exit_storage;
  }
  return exit_internal;
}

}  // namespace sagsaudit::cli
