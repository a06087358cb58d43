// sagsaudit sample commands (being written).
#include "cli/command.hpp"

namespace sagsaudit::cli {

std::vector<Command> sample_commands() { return {}; }

}  // namespace sagsaudit::cli
