// sagsaudit workflow commands (being written).
#include "cli/command.hpp"

namespace sagsaudit::cli {

std::vector<Command> workflow_commands() { return {}; }

}  // namespace sagsaudit::cli
