// The `sagsaudit` executable: everything happens in run_cli, which tests call directly.
#include <iostream>

#include "cli/run_cli.hpp"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  return sagsaudit::cli::run_cli(args, std::cout, std::cerr, sagsaudit::process_environment());
}
