// sagsaudit user commands (being written).
#include "cli/command.hpp"

namespace sagsaudit::cli {

std::vector<Command> user_commands() { return {}; }

}  // namespace sagsaudit::cli
