// sagsaudit population commands (being written).
#include "cli/command.hpp"

namespace sagsaudit::cli {

std::vector<Command> population_commands() { return {}; }

}  // namespace sagsaudit::cli
