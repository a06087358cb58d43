#pragma once
// Running PostgreSQL's client programs (pg_dump, pg_restore) for backups: found on PATH, run
// without a shell, with extra environment variables (PGPASSWORD, so a password never stands on
// a command line that `ps` shows), their output captured.
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace sagsaudit {

// The program's full path when PATH has it.
std::optional<std::filesystem::path> find_on_path(const std::string& name);

struct ProgramResult {
  int exit_status = -1;  // -1 when it did not exit normally (a signal)
  std::string out;
  std::string err;
};

// Runs `program` with `args` (argv[1]…) and the process's environment plus `extra_env`, and
// waits for it. Throws StorageError when it cannot be started.
ProgramResult run_program(const std::filesystem::path& program,
                          const std::vector<std::string>& args,
                          const std::vector<std::pair<std::string, std::string>>& extra_env = {});

}  // namespace sagsaudit
