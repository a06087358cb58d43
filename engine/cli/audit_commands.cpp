// sagsaudit audit commands (being written).
#include "cli/command.hpp"

namespace sagsaudit::cli {

std::vector<Command> audit_commands() { return {}; }

}  // namespace sagsaudit::cli
